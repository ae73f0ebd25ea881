"""Building and refreshing an index: incremental, resumable, self-healing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from index_fixtures import NEWS, write_news_library

from newsreader.index import LibraryIndex, RefreshProgress, schema
from newsreader.index import refresh as refresh_module
from newsreader.library import Article, SkippedFile, iter_library


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_news_library(tmp_path / "news")


def scan(root: Path) -> tuple[list[Article], list[SkippedFile]]:
    items = list(iter_library(root))
    articles = sorted((a for a in items if isinstance(a, Article)), key=lambda a: a.id)
    skipped = sorted((s for s in items if isinstance(s, SkippedFile)), key=lambda s: (s.path, s.reason))
    return articles, skipped


def state(index: LibraryIndex) -> tuple[object, ...]:
    """Everything a reader can see, in a comparable form."""
    records = sorted(index.records(), key=lambda r: r["id"])
    return (
        sorted(index.articles(), key=lambda a: a.id),
        index.skipped(),
        sorted((r["id"], e["key"], e["label"], e["mentions"]) for r in records for e in r["entities"]),
        sorted((r["id"], q["speaker_key"] or "", q["text"]) for r in records for q in r["quotes"]),
        sorted((r["id"], c["source"], c["kind"]) for r in records for c in r["citations"]),
        sorted((h.article_id, h.snippet) for h in index.search("storms OR ferries")),
    )


def test_build_matches_a_plain_scan(library: Path) -> None:
    with LibraryIndex.open(library) as index:
        summary = index.refresh()
        assert (summary.added, summary.changed, summary.removed, summary.unchanged) == (4, 0, 0, 0)
        articles, skipped = scan(library)
        assert sorted(index.articles(), key=lambda a: a.id) == articles
        assert sorted(index.skipped(), key=lambda s: (s.path, s.reason)) == skipped
        assert set(summary.skipped) == set(skipped)
        assert index.last_refresh is not None


def test_second_open_sees_the_index_without_refreshing(library: Path) -> None:
    with LibraryIndex.open(library) as index:
        index.refresh()
    with LibraryIndex.open(library) as index:
        assert len(index.articles()) == 4 and len(index.skipped()) == 2


def test_incremental_refresh_adds_changes_removes(library: Path) -> None:
    with LibraryIndex.open(library) as index:
        index.refresh()
        (library / "town" / "mill.txt").unlink()
        (library / "coast" / "quota.md").write_text(NEWS["coast/quota.md"].replace("stall again", "resume"))
        (library / "new.txt").write_text("By Kai Sato. Media: Northernwire\nA new bridge opened over the fjord.\n")
        progress: list[RefreshProgress] = []
        summary = index.refresh(on_progress=progress.append)
        assert (summary.added, summary.changed, summary.removed, summary.unchanged) == (1, 1, 1, 2)
        titles = {a.title for a in index.articles()}
        assert "Quota talks resume" in titles and "Quota talks stall again" not in titles
        assert not any(a.path == "town/mill.txt" for a in index.articles())
        added = {a.path for p in progress for a in p.added}
        removed = {a.path for p in progress for a in p.removed}
        assert added == {"new.txt", "coast/quota.md"}
        assert removed == {"town/mill.txt", "coast/quota.md"}
        assert progress[-1].phase == "done"
        again = index.refresh()
        assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 4)


def test_touched_but_identical_file_is_not_reparsed(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with LibraryIndex.open(library) as index:
        index.refresh()
        path = library / "coast" / "ferries.md"
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 10_000_000))
        monkeypatch.setattr("newsreader.library.ingest.parse_document", pytest.fail)
        summary = index.refresh()
        assert (summary.added, summary.changed, summary.unchanged) == (0, 0, 4)


def test_skipped_files_are_remembered_and_forgotten_when_fixed(library: Path) -> None:
    with LibraryIndex.open(library) as index:
        index.refresh()
        assert {(s.path, s.reason) for s in index.skipped()} == {
            ("town/empty.txt", "empty file"), ("town/scan.pdf", "unsupported type .pdf")}
        (library / "town" / "empty.txt").write_text("Market moved\n\nThe market moves to Thursday.\n")
        summary = index.refresh()
        assert summary.added == 1
        assert [s.path for s in index.skipped()] == ["town/scan.pdf"]


def test_collection_entries_skipped_inside_a_file_are_listed(tmp_path: Path) -> None:
    root = write_news_library(tmp_path / "lib", {
        "feed.jsonl": '{"title": "Harbour reopens", "body": "The harbour reopened on Monday."}\nnot json\n'})
    with LibraryIndex.open(root) as index:
        index.refresh()
        assert [a.title for a in index.articles()] == ["Harbour reopens"]
        assert scan(root)[1] == index.skipped() != []


def test_an_older_schema_is_rebuilt(library: Path) -> None:
    with LibraryIndex.open(library) as index:
        index.refresh()
        index._conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    with LibraryIndex.open(library) as index:
        assert index.articles() == [] and index.last_refresh is None
        assert index.refresh().added == 4


@pytest.mark.parametrize("damage", ["garbage", "truncated pages"])
def test_a_damaged_file_is_rebuilt_not_a_crash(library: Path, damage: str) -> None:
    with LibraryIndex.open(library) as index:
        index.refresh()
        path = index.path
        index._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    schema._checked.clear()  # as in a new process
    if damage == "garbage":
        path.write_bytes(b"this is not an sqlite database at all" * 200)
    else:
        data = bytearray(path.read_bytes())
        data[4096 * 2:] = b"\xff" * (len(data) - 4096 * 2)
        path.write_bytes(bytes(data))
    with LibraryIndex.open(library) as index:
        assert index.articles() == []
        assert index.refresh().added == 4
        assert len(index.search("storms")) == 2


def test_damage_found_while_reading_gives_an_empty_index(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with LibraryIndex.open(library) as index:
        index.refresh()

        def broken(*args: object) -> None:
            raise sqlite3.DatabaseError("database disk image is malformed")

        monkeypatch.setattr(refresh_module, "skipped_files", broken)
        assert index.skipped() == []
        monkeypatch.undo()
        assert index.articles() == [] and index.refresh().added == 4


@pytest.mark.parametrize("use_pool", [False, True])
def test_interrupted_refresh_resumes_to_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, use_pool: bool
) -> None:
    extra = {f"more/story-{n:02d}.txt": f"By Kai Sato. Media: Northernwire\nStory {n} about the ferries of Bergen.\n"
             for n in range(60 if use_pool else 12)}
    root = write_news_library(tmp_path / "lib", {**NEWS, **extra})
    monkeypatch.setattr(refresh_module, "BATCH_FILES", 3)
    if use_pool:
        monkeypatch.setattr(refresh_module, "POOL_THRESHOLD", 10)
        monkeypatch.setattr(refresh_module.os, "cpu_count", lambda: 2)
    with LibraryIndex.open(root) as index:
        batches: list[RefreshProgress] = []
        summary = index.refresh(on_progress=lambda p: batches.append(p) if p.phase == "indexing" else None,
                                should_stop=lambda: len(batches) >= 2)
        assert summary.stopped and index.last_refresh is None
        done_before = len(index.articles())
        assert 0 < done_before < len(extra) + 4
        resumed = index.refresh()
        assert not resumed.stopped and index.last_refresh is not None
        assert (resumed.added, resumed.unchanged) == (len(extra) + 4 - done_before, done_before)
        interrupted = state(index)
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "other-home"))
    with LibraryIndex.open(root) as index:
        index.refresh()
        assert state(index) == interrupted


def test_refresh_of_a_missing_folder_raises_library_error(tmp_path: Path) -> None:
    from newsreader.library import LibraryError

    with LibraryIndex.open(tmp_path / "gone") as index, pytest.raises(LibraryError):
        index.refresh()


def test_progress_reports_every_added_article_once(library: Path) -> None:
    with LibraryIndex.open(library) as index:
        progress: list[RefreshProgress] = []
        index.refresh(on_progress=progress.append)
        added = [a for p in progress for a in p.added]
        assert sorted(added, key=lambda a: a.id) == sorted(index.articles(), key=lambda a: a.id)
        assert [p.phase for p in progress][0] == "scanning"


def test_a_new_analyser_reanalyses_stored_bodies_while_the_list_stays_whole(
        library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.analysis.model import ANALYSER_VERSION
    from newsreader.index import ViewSpec

    with LibraryIndex.open(library) as index:
        index.refresh()
        before = state(index)
        monkeypatch.setattr(refresh_module, "ANALYSER_VERSION", ANALYSER_VERSION + 1)
        monkeypatch.setattr("newsreader.library.ingest.parse_document", pytest.fail)  # no file is read again
        listed: list[tuple[str, int]] = []
        summary = index.refresh(on_progress=lambda p: listed.append((p.phase, index.view_count(ViewSpec()))))
        assert (summary.added, summary.changed, summary.removed, summary.unchanged) == (0, 0, 0, 4)
        assert ("analysing", 4) in listed and all(count == 4 for _, count in listed)
        assert index._conn.execute("SELECT DISTINCT analysed FROM articles").fetchall() == [(ANALYSER_VERSION + 1,)]
        assert state(index) == before  # the same analyser code: the same findings
        again: list[str] = []
        index.refresh(on_progress=lambda p: again.append(p.phase))
        assert "analysing" not in again  # nothing left to analyse


def _feed(count: int, start: int = 0) -> str:
    return "".join(f'{{"title": "Story {i}", "text": "Body of story {i}."}}\n' for i in range(start, start + count))


def test_an_appended_collection_is_read_from_where_it_ended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_news_library(tmp_path / "lib", {"feed.jsonl": _feed(600)})
    with LibraryIndex.open(root) as index:
        assert index.refresh().added == 600
        with open(root / "feed.jsonl", "a") as out:
            out.write(_feed(2, 600))
        import newsreader.library.parse_data as parse_data

        parsed: list[int] = []
        real = parse_data.article_from_mapping

        def counting(record: object, *, entry: int = 0) -> object:
            parsed.append(entry)
            return real(record, entry=entry)  # type: ignore[arg-type]

        monkeypatch.setattr(parse_data, "article_from_mapping", counting)
        summary = index.refresh()
        assert (summary.added, summary.changed, summary.removed, summary.unchanged) == (2, 0, 0, 600)
        assert parsed == [600, 601]  # the 600 lines before the append were hashed, not parsed
        articles = index.articles()
        assert len(articles) == 602 and {a.title for a in articles} >= {"Story 0", "Story 601"}
        assert index.refresh().unchanged == 602


def test_a_refresh_stopped_inside_a_collection_goes_on_from_there(tmp_path: Path) -> None:
    root = write_news_library(tmp_path / "lib", {"feed.jsonl": _feed(1500)})
    with LibraryIndex.open(root) as index:
        seen: list[int] = []

        def progress(step: RefreshProgress) -> None:
            seen.append(len(step.added))

        first = index.refresh(progress, lambda: bool(seen and seen[-1]))
        assert first.stopped and 0 < first.added < 1500
        second = index.refresh()
        assert second.added == 1500 - first.added and len(index.articles()) == 1500
        assert sorted(a.entry for a in index.articles()) == list(range(1500))
        assert index.skipped() == []


def test_a_new_parser_version_rereads_every_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An index made by an older parser keeps what that parser read (here, a title that kept its
    # dateline) until the files change, unless the parser's version says to read them again.
    import newsreader.index.versions as versions
    from newsreader.library.dateline import Dateline

    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    root = tmp_path / "lib"
    root.mkdir()
    (root / "quay.txt").write_text("By Ana Lind. Media: Northernwire\nNORVIK — The quay closed on Monday. Crews left.\n",
                                   encoding="utf-8")
    with LibraryIndex.open(root) as index:
        with monkeypatch.context() as old_parser:  # the parser before datelines were taken out of titles
            old_parser.setattr("newsreader.library.assemble.split_dateline", lambda lede: Dateline(None, None, lede))
            index.refresh()
        index.refresh()
        assert [a.title for a in index.articles()] == ["NORVIK — The quay closed on Monday"]  # nothing changed on disk
        monkeypatch.setattr(versions, "PARSER_VERSION", versions.PARSER_VERSION + 1)
        index.refresh()
        assert [a.title for a in index.articles()] == ["The quay closed on Monday"]
        # Once: the version is stored and every file's mark is cleared by the re-read.
        assert index._conn.execute("SELECT value FROM meta WHERE key = 'parser'").fetchone()[0] == str(
            versions.PARSER_VERSION)
        assert index._conn.execute("SELECT count(*) FROM files WHERE size = -1").fetchone()[0] == 0
