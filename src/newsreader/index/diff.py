"""Compare the folder with the files the index remembers, streaming: memory stays flat at any size.

The walk is depth-first (:func:`newsreader.index.walk.iter_walk`): the index's rows
of a folder are read when the walk enters it and whatever is left of them when it
leaves is gone. Folders the walk never entered (removed, or now unreadable) are
found by one pass over the stored paths at the end. Only the folders on the
walk's current path are held (a folder's rows, not the library's).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path

from .extract import FileResult
from .walk import Entry, iter_walk
from .writer import file_key

#: (rel, size, mtime_ns, known hash, known mark, known reasons): a file to read (a collection
#: read before is read on from its mark, its notes carried on).
Todo = tuple[str, int, int, "str | None", "str | None", "str | None"]
_Stored = tuple[int, int, str, "str | None", "str | None", "str | None"]  # size, mtime_ns, status, reasons, hash, mark
#: Entries walked between two looks at ``should_stop``.
STOP_CHECK = 500


@dataclass
class Changes:
    """What the diff found besides files to read, drained by the writer as it goes."""

    listed: list[FileResult] = field(default_factory=list)
    gone: list[bytes] = field(default_factory=list)
    walked: int = 0
    #: True when the walk was stopped before its end (then nothing is known to be gone).
    stopped: bool = False


def diff(conn: sqlite3.Connection, root: Path, changes: Changes,
         should_stop: Callable[[], bool] = lambda: False) -> Generator[Todo, None, None]:
    """Yield each new or changed file under ``root``; skipped and removed files go to ``changes``.

    Stops (setting ``changes.stopped``, and calling nothing gone) when ``should_stop()``
    turns true. Raises LibraryError if ``root`` is not a readable folder (before yielding anything).
    """
    open_dirs: list[tuple[bytes, dict[bytes, _Stored]]] = []
    visited: set[bytes] = set()
    for entry in iter_walk(root):
        changes.walked += 1
        if changes.walked % STOP_CHECK == 0 and should_stop():
            changes.stopped = True
            return
        key = file_key(entry.rel)
        folder = key.rpartition(b"/")[0]
        while open_dirs and not _inside(folder, open_dirs[-1][0]):
            changes.gone.extend(open_dirs.pop()[1])
        if not open_dirs or open_dirs[-1][0] != folder:
            _enter(conn, folder, open_dirs, visited)
        old = open_dirs[-1][1].pop(key, None)
        item = _compare(entry, old)
        if isinstance(item, FileResult):
            changes.listed.append(item)
        elif item is not None:
            yield item
    while open_dirs:
        changes.gone.extend(open_dirs.pop()[1])
    for (path,) in conn.execute("SELECT path FROM files"):
        if path.rpartition(b"/")[0] not in visited:
            changes.gone.append(path)


def _inside(folder: bytes, parent: bytes) -> bool:
    return folder == parent or parent == b"" or folder.startswith(parent + b"/")


def _enter(conn: sqlite3.Connection, folder: bytes, open_dirs: list[tuple[bytes, dict[bytes, _Stored]]],
           visited: set[bytes]) -> None:
    """Open ``folder`` and its ancestors below the innermost open folder (which is one of them)."""
    top = open_dirs[-1][0] if open_dirs else None
    chain = [folder]
    while chain[-1] != b"":
        parent = chain[-1].rpartition(b"/")[0]
        if parent == top:
            break
        chain.append(parent)
    for name in reversed(chain):
        visited.add(name)
        open_dirs.append((name, _rows_of(conn, name)))


def _rows_of(conn: sqlite3.Connection, folder: bytes) -> dict[bytes, _Stored]:
    """The stored files directly in ``folder`` (a range of the path index, its subfolders skipped)."""
    if folder:
        prefix = folder + b"/"
        rows = conn.execute("SELECT path, size, mtime_ns, status, reasons, hash, mark FROM files "
                            "WHERE path >= ? AND path < ?", (prefix, folder + b"0"))
    else:
        prefix = b""
        rows = conn.execute("SELECT path, size, mtime_ns, status, reasons, hash, mark FROM files")
    start = len(prefix)
    return {row[0]: row[1:] for row in rows if b"/" not in row[0][start:]}


def _compare(entry: Entry, old: _Stored | None) -> Todo | FileResult | None:
    same_stat = old is not None and old[0] == entry.size and old[1] == entry.mtime_ns
    if entry.reason is not None:
        if same_stat and old is not None and old[2] == "listed" and old[3] == entry.reason:
            return None
        return FileResult(entry.rel, entry.size, entry.mtime_ns, "listed", (entry.reason,), None, ())
    if same_stat and old is not None and old[2] != "listed":
        return None
    if old is None:
        return (entry.rel, entry.size, entry.mtime_ns, None, None, None)
    return (entry.rel, entry.size, entry.mtime_ns, old[4], old[5], old[3])
