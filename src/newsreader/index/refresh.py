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

import multiprocessing
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import partial
from pathlib import Path
from typing import Any

from newsreader.analysis.model import ANALYSER_VERSION
from newsreader.library.folders import display_path
from newsreader.library.model import Article, SkippedFile

from .extract import FileResult, Findings, analyse_chunk, extract_chunk, extract_file
from .model import RefreshProgress, RefreshSummary
from .walk import walk
from .writer import AUTHOR_SEP, ArticleFactory, apply_results, delete_files, file_key, store_findings

#: More files than this to process and a refresh uses worker processes.
POOL_THRESHOLD = 50
#: A batch is committed after this many files or this many seconds.
BATCH_FILES = 200
BATCH_SECONDS = 0.5
#: Bodies per analysis task sent to a worker process.
ANALYSE_CHUNK = 16

Progress = Callable[[RefreshProgress], None]
Todo = tuple[str, int, int, "str | None"]


def never() -> bool:
    """The default ``should_stop``: run to the end."""
    return False


def refresh(
    conn: sqlite3.Connection, root: Path, on_progress: Progress | None = None, should_stop: Callable[[], bool] = never
) -> RefreshSummary:
    """Update the index in ``conn`` from the folder ``root``; see the module docstring."""
    started = time.perf_counter()
    report = on_progress or (lambda progress: None)
    entries = walk(root)
    report(RefreshProgress("scanning", len(entries), len(entries)))
    stored = {
        row[0]: row[1:]
        for row in conn.execute("SELECT path, size, mtime_ns, status, reasons, hash FROM files")
    }
    todo: list[Todo] = []
    listed: list[FileResult] = []
    seen: set[bytes] = set()
    for entry in entries:
        key = file_key(entry.rel)
        seen.add(key)
        old = stored.get(key)
        same_stat = old is not None and old[0] == entry.size and old[1] == entry.mtime_ns
        if entry.reason is not None:
            if not (same_stat and old[2] == "listed" and old[3] == entry.reason):  # type: ignore[index]
                listed.append(FileResult(entry.rel, entry.size, entry.mtime_ns, "listed", (entry.reason,), None, ()))
        elif not (same_stat and old[2] != "listed"):  # type: ignore[index]
            todo.append((entry.rel, entry.size, entry.mtime_ns, old[4] if old else None))
    gone = [key for key in stored if key not in seen]
    del stored, seen

    make = ArticleFactory()
    added_ids: set[str] = set()
    removed_ids: set[str] = set()

    def write(results: list[FileResult], gone_keys: list[bytes]) -> tuple[list[Article], list[Article]]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            removed = delete_files(conn, gone_keys, make)
            added, replaced = apply_results(conn, results, make)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        removed += replaced
        added_ids.update(a.id for a in added)
        removed_ids.update(a.id for a in removed)
        return added, removed

    if gone or listed:
        for start in range(0, max(len(gone), len(listed)), 1000):
            added, removed = write(listed[start:start + 1000], gone[start:start + 1000])
            report(RefreshProgress("removing", min(start + 1000, len(gone)), len(gone), tuple(added), tuple(removed)))

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
                added, removed = write(batch, [])
                done += len(batch)
                batch = []
                last = time.monotonic()
                report(RefreshProgress("indexing", done, len(todo), tuple(added), tuple(removed)))
                if stop:
                    stopped = True
                    break
        if batch:
            added, removed = write(batch, [])
            done += len(batch)
            report(RefreshProgress("indexing", done, len(todo), tuple(added), tuple(removed)))
    finally:
        results.close()
    stopped = stopped or done < len(todo)
    if not stopped:
        stopped = analyse(conn, report, should_stop)
    report(RefreshProgress("done", done, len(todo)))
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    changed = len(added_ids & removed_ids)
    return RefreshSummary(
        added=len(added_ids) - changed,
        changed=changed,
        removed=len(removed_ids) - changed,
        unchanged=total - len(added_ids),
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


def _results(root: str, todo: list[Todo], should_stop: Callable[[], bool]) -> Iterator[FileResult]:
    """Each file's result, from worker processes when there are enough files."""
    if len(todo) <= POOL_THRESHOLD or (os.cpu_count() or 1) < 2:
        for item in todo:
            if should_stop():
                return
            yield extract_file(root, *item)
        return
    workers = os.cpu_count() or 1
    size = max(4, min(32, len(todo) // (workers * 8)))
    chunks = (todo[i:i + size] for i in range(0, len(todo), size))
    yield from _pooled(partial(extract_chunk, root), chunks, workers, should_stop)


def analyse(conn: sqlite3.Connection, report: Progress, should_stop: Callable[[], bool]) -> bool:
    """Analyse every stored body not analysed by this analyser yet; True when stopped early."""
    stale = [doc for (doc,) in conn.execute("SELECT doc FROM articles WHERE analysed != ?", (ANALYSER_VERSION,))]
    if not stale:
        return False
    chunk_size = ANALYSE_CHUNK

    def chunks() -> Iterator[list[tuple[int, bytes]]]:
        for start in range(0, len(stale), chunk_size):
            docs = stale[start:start + chunk_size]
            marks = ", ".join("?" * len(docs))
            yield conn.execute(f"SELECT doc, body FROM texts WHERE doc IN ({marks})", docs).fetchall()

    workers = os.cpu_count() or 1
    found: Iterator[Findings]
    if len(stale) <= POOL_THRESHOLD or workers < 2:
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
                report(RefreshProgress("analysing", done, len(stale)))
                if stop:
                    return True
        if batch:
            _store(conn, batch)
            done += len(batch)
            report(RefreshProgress("analysing", done, len(stale)))
    finally:
        if hasattr(found, "close"):
            found.close()
    return done < len(stale)


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
    queue = iter(chunks)
    broken = False
    try:
        while True:
            while len(pending) < workers * 3 and not should_stop() and not broken:
                chunk = next(queue, None)
                if chunk is None:
                    break
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
