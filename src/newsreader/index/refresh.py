"""Bring an index up to date with its folder: stat, diff, parse what changed, write, analyse.

Files are compared by (size, mtime_ns); new and changed ones are read and
parsed, then every article not yet analysed by this analyser
(``articles.analysed``) has its stored body analysed: both passes run in worker
processes when there are many, and write in batches, each its own transaction.
Killing the process at any point leaves a consistent index, and the next
refresh picks up where this one stopped; a new analyser only re-runs the second
pass, while the list and text search keep working.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import time
from collections.abc import Callable, Generator, Iterator
from functools import partial
from pathlib import Path

from newsreader.analysis.model import ANALYSER_VERSION
from newsreader.library.collection import stream_kind
from newsreader.library.folders import display_path
from newsreader.library.model import Article, SkippedFile

from .diff import Changes, Todo, diff
from .extract import FileResult, Findings, analyse_chunk, extract_chunk, iter_extract
from .model import RefreshProgress, RefreshSummary
from .pool import ahead, chunks_of, pooled
from .writer import AUTHOR_SEP, ArticleFactory, apply_results, delete_files, store_findings

#: More files than this to process and a refresh uses worker processes.
POOL_THRESHOLD = 50
#: A batch is committed after this many files, this many articles or this many seconds.
BATCH_FILES = 200
BATCH_ARTICLES = 1000
BATCH_SECONDS = 0.5
#: A collection file larger than this is read in this process as a stream of parts (memory
#: stays bounded), not in a worker, which would hand back all of its articles at once.
STREAM_INLINE_BYTES = 4 * 1024 * 1024
#: Bodies per analysis task sent to a worker process.
ANALYSE_CHUNK = 16

Progress = Callable[[RefreshProgress], None]


def never() -> bool:
    """The default ``should_stop``: run to the end."""
    return False


def refresh(
    conn: sqlite3.Connection, root: Path, on_progress: Progress | None = None, should_stop: Callable[[], bool] = never
) -> RefreshSummary:
    """Update the index in ``conn`` from the folder ``root``; see the module docstring.

    Streams: the folder is compared with the index a folder at a time, and files are
    read as the comparison finds them, so memory stays flat at any library size.
    ``RefreshProgress.total`` of the indexing phase is an estimate (the files the
    index knew, or those walked so far). Raises LibraryError if ``root`` cannot be read.
    """
    started = time.perf_counter()
    report = on_progress or (lambda progress: None)
    report(RefreshProgress("scanning", 0, 0))
    known = conn.execute("SELECT count(*) FROM files").fetchone()[0]
    changes = Changes()
    make = ArticleFactory()
    counts = {"added": 0, "changed": 0, "removed": 0}
    removed_ids: set[str] = set()

    def write(results: list[FileResult]) -> tuple[list[Article], list[Article]]:
        gone, changes.gone = changes.gone, []
        results, changes.listed = results + changes.listed, []
        conn.execute("BEGIN IMMEDIATE")
        try:
            removed = delete_files(conn, gone, make)
            added, replaced = apply_results(conn, results, make)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        removed += replaced
        removed_ids.update(a.id for a in removed)
        changed = sum(1 for a in added if a.id in removed_ids)
        counts["changed"] += changed
        counts["added"] += len(added)
        counts["removed"] += len(removed)
        return added, removed

    todo: Generator[Todo, None, None] = diff(conn, root, changes, should_stop)
    stopped = False
    done = 0
    batch: list[FileResult] = []
    articles = 0
    last = time.monotonic()
    results = _results(os.fspath(root), todo, should_stop)
    try:
        for result in results:
            batch.append(result)
            articles += len(result.articles)
            stop = should_stop()
            if (stop or len(batch) >= BATCH_FILES or articles >= BATCH_ARTICLES
                    or time.monotonic() - last >= BATCH_SECONDS):
                added, removed = write(batch)
                done += sum(1 for item in batch if item.final)
                batch, articles = [], 0
                last = time.monotonic()
                total = max(known, changes.walked, done)
                report(RefreshProgress("indexing", done, total, tuple(added), tuple(removed)))
                if stop:
                    stopped = True
                    break
        else:
            stopped = should_stop() or changes.stopped
        if batch or changes.gone or changes.listed:
            added, removed = write(batch)
            done += sum(1 for item in batch if item.final)
            report(RefreshProgress("indexing" if done else "removing", done, max(done, 1), tuple(added),
                                   tuple(removed)))
    finally:
        results.close()
        todo.close()
    if not stopped:
        stopped = analyse(conn, report, should_stop)
    report(RefreshProgress("done", done, done))
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    changed = counts["changed"]
    return RefreshSummary(
        added=counts["added"] - changed,
        changed=changed,
        removed=counts["removed"] - changed,
        unchanged=total - counts["added"],
        skipped=tuple(skipped_files(conn)),
        seconds=time.perf_counter() - started,
        stopped=stopped,
    )


def skipped_files(conn: sqlite3.Connection) -> list[SkippedFile]:
    """Every file the index remembers as skipped (or with skipped entries), by path."""
    out: list[SkippedFile] = []
    rows = conn.execute("SELECT path, reasons FROM files WHERE reasons IS NOT NULL ORDER BY path")
    for path, reasons in rows:
        shown = display_path(os.fsdecode(path))
        out.extend(SkippedFile(shown, reason) for reason in reasons.split(AUTHOR_SEP))
    return out


def _results(root: str, todo: Iterator[Todo], should_stop: Callable[[], bool]) -> Generator[FileResult, None, None]:
    """Each file's result (a large collection's parts), from worker processes when there are enough files."""
    head = list(itertools.islice(todo, POOL_THRESHOLD + 1))
    workers = os.cpu_count() or 1
    if len(head) <= POOL_THRESHOLD or workers < 2:
        for item in itertools.chain(head, todo):
            if should_stop():
                return
            yield from _extract(root, item)
        return
    large: list[Todo] = []  # a few tuples: large collections are read after the pool's share

    def small() -> Iterator[Todo]:
        for item in itertools.chain(head, todo):
            if item[1] > STREAM_INLINE_BYTES and stream_kind(os.path.basename(item[0])) is not None:
                large.append(item)
            else:
                yield item

    yield from pooled(partial(extract_chunk, root), chunks_of(small(), 16), workers, should_stop)
    for item in large:
        if should_stop():
            return
        yield from _extract(root, item)


def _extract(root: str, item: Todo) -> Iterator[FileResult]:
    """One file's results; a large collection's parts are read a few ahead, in a thread."""
    if item[1] > STREAM_INLINE_BYTES and stream_kind(os.path.basename(item[0])) is not None:
        parts = ahead(iter_extract(root, *item))
        try:
            yield from parts
        finally:
            parts.close()
    else:
        yield from iter_extract(root, *item)


def analyse(conn: sqlite3.Connection, report: Progress, should_stop: Callable[[], bool]) -> bool:
    """Analyse every stored body not analysed by this analyser yet; True when stopped early."""
    stale = conn.execute("SELECT count(*) FROM articles WHERE analysed != ?", (ANALYSER_VERSION,)).fetchone()[0]
    if not stale:
        return False

    def chunks() -> Iterator[list[tuple[int, bytes]]]:
        after = 0  # walk the stale docs in doc order, a chunk at a time: nothing is held
        while True:
            rows = conn.execute(
                "SELECT t.doc, t.body FROM articles a JOIN texts t ON t.doc = a.doc "
                "WHERE a.doc > ? AND a.analysed != ? ORDER BY a.doc LIMIT ?",
                (after, ANALYSER_VERSION, ANALYSE_CHUNK)).fetchall()
            if not rows:
                return
            after = rows[-1][0]
            yield rows

    workers = os.cpu_count() or 1
    found: Iterator[Findings]
    if stale <= POOL_THRESHOLD or workers < 2:
        found = (item for chunk in chunks() for item in analyse_chunk(chunk))
    else:
        found = pooled(analyse_chunk, chunks(), workers, should_stop)
    done, batch, last = 0, [], time.monotonic()
    try:
        for item in found:
            batch.append(item)
            stop = should_stop()
            if stop or len(batch) >= BATCH_FILES or time.monotonic() - last >= BATCH_SECONDS:
                _store(conn, batch)
                done += len(batch)
                batch, last = [], time.monotonic()
                report(RefreshProgress("analysing", done, stale))
                if stop:
                    return True
        if batch:
            _store(conn, batch)
            done += len(batch)
            report(RefreshProgress("analysing", done, stale))
    finally:
        if hasattr(found, "close"):
            found.close()
    return bool(done < stale)


def _store(conn: sqlite3.Connection, findings: list[Findings]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        store_findings(conn, findings, ANALYSER_VERSION)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
