"""Recent libraries: remembered across runs, never fatal when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.userdata import paths
from newsreader.userdata import recent as recent_libraries


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return tmp_path


def test_recent_round_trip_newest_first(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    recent = recent_libraries.load_recent()
    recent.touch(first)
    recent.touch(second)
    recent.touch(first)
    recent_libraries.save_recent(recent)
    loaded = recent_libraries.load_recent()
    assert loaded.paths == [str(first.resolve()), str(second.resolve())]
    assert loaded.last == first.resolve()


def test_last_skips_folders_that_are_gone(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    recent = recent_libraries.RecentLibraries([str(tmp_path / "gone"), str(kept)])
    assert recent.last == kept


def test_damaged_file_gives_empty_list() -> None:
    path = paths.data_dir() / "recent.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    assert recent_libraries.load_recent().paths == []
    path.write_text('{"libraries": [1, "x", null]}', encoding="utf-8")
    assert recent_libraries.load_recent().paths == ["x"]


def test_list_is_capped(tmp_path: Path) -> None:
    recent = recent_libraries.RecentLibraries()
    for number in range(recent_libraries.MAX_RECENT + 5):
        recent.touch(tmp_path / str(number))
    assert len(recent.paths) == recent_libraries.MAX_RECENT


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "out" / "file.json"
    paths.atomic_write_text(target, "one")
    paths.atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["file.json"]
