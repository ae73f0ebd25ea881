"""Per-library reading state: round trips, damaged files, write-avoidance and failure to write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsreader.userdata import damaged, reading_state
from newsreader.userdata.paths import data_dir
from newsreader.userdata.reading_state import FORMAT_VERSION, ReadingState, state_file


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    return root


def test_new_library_starts_empty_and_writes_nothing(library: Path) -> None:
    state = ReadingState.load(library)
    assert state.problem is None
    assert not state.read_ids and not state.starred_ids
    assert state.last_article is None and state.last_scroll == 0
    assert state.save() is True
    assert not state_file(library).exists()


def test_round_trip(library: Path) -> None:
    state = ReadingState.load(library)
    state.mark_read("a")
    state.mark_read("b")
    assert state.toggle_read("b") is False
    assert state.toggle_read("c") is True
    assert state.toggle_star("a") is True
    assert state.toggle_star("z") is True
    assert state.toggle_star("z") is False
    state.remember_position("a", 42)
    assert state.save() is True

    again = ReadingState.load(library)
    assert again.problem is None
    assert set(again.read_ids) == {"a", "c"}
    assert set(again.starred_ids) == {"a"}
    assert again.is_read("a") and not again.is_read("b")
    assert again.is_starred("a") and not again.is_starred("z")
    assert (again.last_article, again.last_scroll) == ("a", 42)


def test_file_lives_in_data_dir_never_in_the_library(library: Path, newsreader_home: Path) -> None:
    state = ReadingState.load(library)
    state.mark_read("x")
    assert state.save()
    path = state_file(library)
    assert path.parent == data_dir() / "libraries"
    assert path.is_relative_to(newsreader_home)
    assert list(library.iterdir()) == []
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == FORMAT_VERSION
    assert data["library"] == str(library.resolve())


def test_keyed_by_resolved_path(library: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(library)
    state = ReadingState.load(library / ".." / "news")
    state.mark_read("x")
    assert state.save()
    assert ReadingState.load(link).is_read("x")
    other = tmp_path / "other"
    other.mkdir()
    assert not ReadingState.load(other).is_read("x")


def test_ids_are_sorted_on_save(library: Path) -> None:
    state = ReadingState.load(library)
    for article_id in ["c", "a", "b"]:
        state.mark_read(article_id)
        state.toggle_star(article_id)
    state.save()
    data = json.loads(state_file(library).read_text(encoding="utf-8"))
    assert data["read"] == ["a", "b", "c"] and data["starred"] == ["a", "b", "c"]


def test_views_are_read_only_and_live(library: Path) -> None:
    state = ReadingState.load(library)
    view = state.read_ids
    assert not hasattr(view, "add") and not hasattr(view, "discard")
    state.mark_read("a")
    assert "a" in view and len(view) == 1
    assert view == {"a"}


def test_unchanged_state_does_not_write(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state = ReadingState.load(library)
    state.mark_read("a")
    state.remember_position("a", 3)
    assert state.save()
    writes: list[Path] = []
    monkeypatch.setattr(reading_state, "atomic_write_text", lambda path, text: writes.append(path))

    again = ReadingState.load(library)
    again.mark_read("a")  # already read
    again.remember_position("a", 3)  # same place
    assert not again.dirty
    assert again.save() is True
    assert state.save() is True  # nothing new since the last save
    assert writes == []

    again.remember_position("a", 4)
    assert again.save() is True
    assert len(writes) == 1


def test_remember_position(library: Path) -> None:
    state = ReadingState.load(library)
    state.remember_position("a", -5)
    assert state.last_scroll == 0
    state.remember_position(None, 10)
    assert (state.last_article, state.last_scroll) == (None, 0)
    state.remember_position("b", 7)
    state.save()
    assert ReadingState.load(library).last_scroll == 7


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[1, 2, 3]", "not a JSON object"),
        (b'{"read": ["a"]}', "no format version"),
        (b'{"version": "1", "read": ["a"]}', "no format version"),
        (b'{"version": 1, "read": "a"}', "'read'"),
        (b'{"version": 1, "read": ["a", 3]}', "'read'"),
        (b'{"version": 1, "starred": {"a": 1}}', "'starred'"),
        (b'{"version": 1, "last_article": 5}', "'last_article'"),
        (b'{"version": 1, "last_scroll": -1}', "'last_scroll'"),
        (b'{"version": 1, "last_scroll": true}', "'last_scroll'"),
        (b'{"version": 99, "read": ["a"], "shiny": true}', "newer newsreader"),
        (b"", "not valid JSON"),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_damaged_file_gives_empty_state_problem_and_copy(library: Path, content: bytes, fragment: str) -> None:
    path = state_file(library)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)

    state = ReadingState.load(library)
    assert state.problem is not None and fragment in state.problem
    assert "\n" not in state.problem
    assert not state.read_ids and not state.starred_ids and state.last_article is None
    damaged = path.with_name(path.name + ".damaged")
    assert damaged.read_bytes() == content
    assert path.read_bytes() == content  # loading alone changes nothing

    state.mark_read("new")
    assert state.save()
    assert damaged.read_bytes() == content
    assert ReadingState.load(library).is_read("new")


def test_second_damage_does_not_replace_an_earlier_copy(library: Path) -> None:
    path = state_file(library)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"first")
    ReadingState.load(library)
    path.write_bytes(b"second")
    state = ReadingState.load(library)
    assert path.with_name(path.name + ".damaged").read_bytes() == b"first"
    assert path.with_name(path.name + ".damaged.2").read_bytes() == b"second"
    assert ".damaged.2" in (state.problem or "")
    # the same damage seen again reuses its copy
    ReadingState.load(library)
    assert not path.with_name(path.name + ".damaged.3").exists()


def test_newer_version_is_preserved_when_copy_fails(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = state_file(library)
    path.parent.mkdir(parents=True)
    newer = json.dumps({"version": FORMAT_VERSION + 1, "read": ["keep"]}).encode()
    path.write_bytes(newer)
    monkeypatch.setattr(damaged, "_write_copy", lambda raw, target: False)

    state = ReadingState.load(library)
    assert state.problem and "newer" in state.problem and "kept a copy" not in state.problem
    state.mark_read("x")
    assert state.save()  # moves the original aside first
    assert path.with_name(path.name + ".damaged").read_bytes() == newer


def test_unpreservable_file_is_never_overwritten(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = state_file(library)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{damaged")
    monkeypatch.setattr(damaged, "_write_copy", lambda raw, target: False)
    state = ReadingState.load(library)
    real_replace = os.replace

    def no_rename(src: object, dst: object) -> None:
        if Path(str(src)) == path:
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(damaged.os, "replace", no_rename)
    state.mark_read("x")
    assert state.save() is False
    assert path.read_bytes() == b"{damaged"


def test_unreadable_file_gives_problem_and_is_moved_aside_not_overwritten(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = state_file(library)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"version": 1, "read": ["precious"]}), encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def unreadable(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_bytes", unreadable)
        state = ReadingState.load(library)
    assert state.problem and "Could not read" in state.problem and "Permission denied" in state.problem
    state.mark_read("x")
    assert state.save()
    assert "precious" in path.with_name(path.name + ".damaged").read_text(encoding="utf-8")


def test_read_only_data_dir_save_returns_false(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, text: str) -> None:
        raise PermissionError(13, "Read-only file system")

    state = ReadingState.load(library)
    state.mark_read("a")
    with monkeypatch.context() as patch:
        patch.setattr(reading_state, "atomic_write_text", refuse)
        assert state.save() is False
    assert state.dirty  # still pending: a later save may succeed
    assert state.save() is True
    assert ReadingState.load(library).is_read("a")


def test_os_replace_failure_save_returns_false(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsreader.userdata.paths

    def refuse(src: object, dst: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(newsreader.userdata.paths.os, "replace", refuse)
    state = ReadingState.load(library)
    state.toggle_star("a")
    assert state.save() is False
    assert not state_file(library).exists()
    # No temp file of this state file is left (matched by name: other tests' late writer
    # threads may put their own files in the shared data folder).
    leftovers = [p.name for p in state_file(library).parent.iterdir() if p.name.startswith(f".{state_file(library).name}")]
    assert leftovers == []


def test_hundred_thousand_ids_round_trip(library: Path) -> None:
    ids = [f"folder-{n % 97}/article-{n:06d}.txt#{n % 3}" for n in range(100_000)]
    state = ReadingState.load(library)
    start = time.perf_counter()
    for article_id in ids:
        state.mark_read(article_id)
    for article_id in ids[::10]:
        state.toggle_star(article_id)
    assert state.save()
    again = ReadingState.load(library)
    elapsed = time.perf_counter() - start
    assert len(again.read_ids) == 100_000 and len(again.starred_ids) == 10_000
    assert all(again.is_read(article_id) for article_id in ids)
    assert again.is_starred(ids[0]) and not again.is_starred(ids[1])
    assert elapsed < 5


def test_odd_ids_round_trip(library: Path) -> None:
    odd = ["", "ünïcødé/naïve.txt", "emoji 📰", "quote\"back\\slash", "surrogate\udcff.txt", "new\nline"]
    state = ReadingState.load(library)
    for article_id in odd:
        state.mark_read(article_id)
        state.toggle_star(article_id)
    state.remember_position(odd[-2], 9)
    assert state.save()
    again = ReadingState.load(library)
    assert set(again.read_ids) == set(odd) == set(again.starred_ids)
    assert again.last_article == odd[-2]


def test_module_does_not_import_textual() -> None:
    code = (
        "import sys, newsreader.userdata.reading_state\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
