"""Stat a library folder without reading files: what a refresh compares to the index.

Uses the same walk as the scanner (:func:`newsreader.library.folders.walk_folder`): hidden
entries ignored, symlinked folders followed once, name order. Files whose name
or kind already says they cannot be read come back with a reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsreader.library.collection import stream_kind
from newsreader.library.folders import os_reason, walk_folder
from newsreader.library.parsers import MAX_FILE_BYTES, format_of, too_large_reason, unsupported_reason


@dataclass(frozen=True, slots=True)
class Entry:
    """A file (or unreadable folder, whose ``rel`` ends in "/") under the root.

    ``rel`` is the raw relative path with "/" separators; ``reason`` is set when
    the entry is skipped without being read.
    """

    rel: str
    size: int
    mtime_ns: int
    reason: str | None = None


def walk(root: Path) -> list[Entry]:
    """Every entry under ``root``, depth-first in name order.

    Raises LibraryError if ``root`` is not a readable folder.
    """
    return list(iter_walk(root))


def iter_walk(root: Path) -> Iterator[Entry]:
    """Each entry under ``root`` as the walk meets it (see :func:`walk`)."""
    for rel, entry, reason in walk_folder(root):
        yield Entry(rel, 0, 0, reason) if entry is None else _file(entry, rel)


def _file(entry: os.DirEntry[str], rel: str) -> Entry:
    try:
        info = entry.stat()
    except OSError as error:
        return Entry(rel, 0, 0, f"unreadable: {os_reason(error)}")
    streamed = stream_kind(entry.name) is not None  # collections: the size cap is per record
    if format_of(entry.name) is None and not streamed:
        return Entry(rel, info.st_size, info.st_mtime_ns, unsupported_reason(entry.name))
    if info.st_size > MAX_FILE_BYTES and not streamed:
        return Entry(rel, info.st_size, info.st_mtime_ns, too_large_reason(info.st_size))
    return Entry(rel, info.st_size, info.st_mtime_ns)


