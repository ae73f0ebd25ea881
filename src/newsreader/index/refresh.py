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
import multiprocessing
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import partial
from pathlib import Path
from typing import Any

from newsreader.analysis.model import ANALYSER_VERSION
from newsreader.library.folders import display_path
from newsreader.library.model import Article, SkippedFile

from .diff import Changes, Todo, diff
from .extract import FileResult, Findings, analyse_chunk, extract_chunk, extract_file
from .model import RefreshProgress, RefreshSummary
from .writer import AUTHOR_SEP, ArticleFactory, apply_results, delete_files, store_findings

#: More files than this to process and a refresh uses worker processes.
POOL_THRESHOLD = 50
#: A batch is committed after this many files or this many seconds.
BATCH_FILES = 200
BATCH_SECONDS = 0.5
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
    last = time.monotonic()
    results = _results(os.fspath(root), todo, should_stop)
    try:
        for result in results:
            batch.append(result)
            stop = should_stop()
            if stop or len(batch) >= BATCH_FILES or time.monotonic() - last >= BATCH_SECONDS:
                added, removed = write(batch)
                done += len(batch)
                batch = []
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
            done += len(batch)
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
    """Each file's result, from worker processes when there are enough files."""
    head = list(itertools.islice(todo, POOL_THRESHOLD + 1))
    workers = os.cpu_count() or 1
    if len(head) <= POOL_THRESHOLD or workers < 2:
        for item in head:
            if should_stop():
                return
            yield extract_file(root, *item)
        return
    yield from _pooled(partial(extract_chunk, root), _chunks(itertools.chain(head, todo), 16), workers, should_stop)


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


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
        found = _pooled(analyse_chunk, chunks(), workers, should_stop)
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


def _start_helpers() -> None:
    """Start multiprocessing's resource tracker with a usable stderr.

    The tracker is handed ``sys.stderr.fileno()``; under a terminal UI (Textual)
    ``sys.stderr`` is a capture whose ``fileno()`` is -1, and starting the first
    pool there failed with "bad value(s) in fds_to_keep". For the instant the
    tracker takes to start, stderr is a real file (os.devnull).
    """
    from multiprocessing import resource_tracker

    with _helpers_lock:
        try:
            usable = sys.stderr is not None and sys.stderr.fileno() >= 0
        except (AttributeError, OSError, ValueError):
            usable = False
        if usable:
            return
        stderr = sys.stderr
        with open(os.devnull, "w") as devnull:
            sys.stderr = devnull
            try:
                resource_tracker.ensure_running()
            finally:
                sys.stderr = stderr


_helpers_lock = threading.Lock()


def _pooled(work: Callable[[list[Any]], list[Any]], chunks: Iterable[list[Any]], workers: int,
            should_stop: Callable[[], bool]) -> Iterator[Any]:
    """``work(chunk)`` for each chunk in worker processes, results as they come (in this
    process when no pool can be had, or for the chunks of a lost worker)."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    try:
        _start_helpers()
        executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    except (OSError, ValueError):  # no processes to be had: do the work here
        for chunk in chunks:
            if should_stop():
                return
            yield from work(chunk)
        return
    pending: dict[Future[list[Any]], list[Any]] = {}
    queue: Iterator[list[Any]] = iter(chunks)
    broken = False
    try:
        while True:
            while len(pending) < workers * 3 and not should_stop() and not broken:
                following: list[Any] | None = next(queue, None)
                if following is None:
                    break
                chunk = following
                try:
                    pending[executor.submit(work, chunk)] = chunk
                except (OSError, ValueError, RuntimeError):  # the pool cannot start or broke
                    broken = True
                    yield from work(chunk)
            if not pending:
                if broken:  # finish in this process
                    for chunk in queue:
                        if should_stop():
                            return
                        yield from work(chunk)
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                chunk = pending.pop(future)
                try:
                    results = future.result()
                except Exception:  # noqa: BLE001 - a lost worker: do its share here
                    results = work(chunk)
                yield from results
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
