"""Worker processes for a refresh: chunks of work in, results out as they come, in order of completion.

Falls back to this process when no pool can be had (or a worker is lost), so a
refresh never fails for want of processes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from queue import Full, Queue
from typing import Any


def chunks_of(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size``."""
    while chunk := list(itertools.islice(items, size)):
        yield chunk


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


def pooled(work: Callable[[list[Any]], list[Any]], chunks: Iterable[list[Any]], workers: int,
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


def ahead(items: Iterator[Any], depth: int = 4) -> Generator[Any, None, None]:
    """``items``, produced by a thread up to ``depth`` ahead of the consumer.

    For a large collection: parsing (Python) runs while the caller writes to
    SQLite, which releases the GIL, so the two overlap on two cores. ``items``
    must not touch the caller's connection. Closing the returned generator stops
    the thread at its next item.
    """
    queue: Queue[tuple[bool, Any]] = Queue(maxsize=depth)
    stop = threading.Event()

    def put(entry: tuple[bool, object]) -> bool:
        """Hand ``entry`` over unless the reader stopped first (checked every 0.1 s)."""
        while not stop.is_set():
            try:
                queue.put(entry, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((False, item)):
                    return
        finally:
            if hasattr(items, "close"):
                items.close()
            put((True, None))

    thread = threading.Thread(target=produce, name="newsreader-ahead", daemon=True)
    thread.start()
    try:
        while True:
            done, item = queue.get()
            if done:
                return
            yield item
    finally:
        stop.set()
        thread.join()
