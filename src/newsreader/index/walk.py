"""Stat a library folder without reading files: what a refresh compares to the index.

Follows the scanner's rules (:func:`newsreader.library.iter_library`): hidden
entries ignored, symlinked folders followed once, name order. Files whose name
or kind already says they cannot be read come back with a reason.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from newsreader.library.errors import LibraryError
from newsreader.library.parsers import MAX_FILE_BYTES, format_of, too_large_reason, unsupported_reason
from newsreader.library.scanner import display_path


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
    top = os.fspath(root)
    try:
        info = os.stat(top)
    except OSError as error:
        raise LibraryError(f"cannot open {display_path(top)}: {_os_reason(error)}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise LibraryError(f"{display_path(top)} is not a folder")
    try:
        listing = _list(top)
    except OSError as error:
        raise LibraryError(f"cannot open {display_path(top)}: {_os_reason(error)}") from None
    visited = {(info.st_dev, info.st_ino)}
    out: list[Entry] = []
    stack = [("", iter(listing))]
    while stack:
        prefix, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        rel = prefix + entry.name
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as error:
            out.append(Entry(rel, 0, 0, f"unreadable: {_os_reason(error)}"))
            continue
        if is_dir:
            listing_or_reason = _enter(entry, visited)
            if isinstance(listing_or_reason, str):
                out.append(Entry(rel + "/", 0, 0, listing_or_reason))
            else:
                stack.append((rel + "/", iter(listing_or_reason)))
        elif not is_file:
            out.append(Entry(rel, 0, 0, "broken symlink" if entry.is_symlink() else "not a regular file"))
        else:
            out.append(_file(entry, rel))
    return out


def _file(entry: os.DirEntry[str], rel: str) -> Entry:
    try:
        info = entry.stat()
    except OSError as error:
        return Entry(rel, 0, 0, f"unreadable: {_os_reason(error)}")
    if format_of(entry.name) is None:
        return Entry(rel, info.st_size, info.st_mtime_ns, unsupported_reason(entry.name))
    if info.st_size > MAX_FILE_BYTES:
        return Entry(rel, info.st_size, info.st_mtime_ns, too_large_reason(info.st_size))
    return Entry(rel, info.st_size, info.st_mtime_ns)


def _list(path: str) -> list[os.DirEntry[str]]:
    with os.scandir(path) as entries:
        return sorted((e for e in entries if not e.name.startswith(".")), key=attrgetter("name"))


def _enter(entry: os.DirEntry[str], visited: set[tuple[int, int]]) -> list[os.DirEntry[str]] | str:
    """A sub-folder's entries, or why it is skipped (unreadable, already seen)."""
    try:
        info = entry.stat()
    except OSError as error:
        return f"unreadable folder: {_os_reason(error)}"
    key = (info.st_dev, info.st_ino)
    if key in visited:
        return "symlink to a folder already scanned"
    visited.add(key)
    try:
        return _list(entry.path)
    except OSError as error:
        return f"unreadable folder: {_os_reason(error)}"


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or type(error).__name__).lower()
