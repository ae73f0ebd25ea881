"""Walk a library folder: the one set of rules the scanner and the index share.

Depth-first in name order (so two walks agree), hidden files and folders
ignored, symlinked folders followed once (loops end), nothing read or written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from operator import attrgetter
from pathlib import Path

from .errors import LibraryError
from .sanitize import clean_text

#: ``(relative path, entry, None)`` for a file to look at, or
#: ``(relative path, None, reason)`` for what is skipped (a folder's path ends in "/").
Found = tuple[str, "os.DirEntry[str] | None", "str | None"]


def walk_folder(root: Path) -> Iterator[Found]:
    """Every regular file under ``root``, and every entry that cannot be walked with its reason.

    Relative paths are raw (not cleaned for display) with "/" separators.
    Raises LibraryError if ``root`` is not a readable folder.
    """
    top = os.fspath(root)
    try:
        info = os.stat(top)
        if not stat.S_ISDIR(info.st_mode):
            raise LibraryError(f"{display_path(top)} is not a folder")
        listing = _list(top)
    except OSError as error:
        raise LibraryError(f"cannot open {display_path(top)}: {os_reason(error)}") from None
    visited = {(info.st_dev, info.st_ino)}
    # A stack of (relative folder prefix, iterator over its sorted entries):
    # iterative, so deep trees cannot hit the recursion limit.
    stack: list[tuple[str, Iterator[os.DirEntry[str]]]] = [("", iter(listing))]
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
            yield rel, None, f"unreadable: {os_reason(error)}"
            continue
        if is_dir:
            listing_or_reason = _enter(entry, visited)
            if isinstance(listing_or_reason, str):
                yield rel + "/", None, listing_or_reason
            else:
                stack.append((rel + "/", iter(listing_or_reason)))
        elif not is_file:
            yield rel, None, "broken symlink" if entry.is_symlink() else "not a regular file"
        else:
            yield rel, entry, None


def os_reason(error: OSError) -> str:
    """A short, lower-case reason for an OS error ("permission denied")."""
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or type(error).__name__).lower()


def display_path(path: str) -> str:
    """``path`` safe to show: no escapes or controls, newlines as spaces."""
    return clean_text(path).replace("\n", " ")


def _list(path: str) -> list[os.DirEntry[str]]:
    with os.scandir(path) as entries:
        return sorted((e for e in entries if not e.name.startswith(".")), key=attrgetter("name"))


def _enter(entry: os.DirEntry[str], visited: set[tuple[int, int]]) -> list[os.DirEntry[str]] | str:
    """A sub-folder's entries, or why it is skipped (unreadable, already seen)."""
    try:
        info = entry.stat()
    except OSError as error:
        return f"unreadable folder: {os_reason(error)}"
    key = (info.st_dev, info.st_ino)
    if key in visited:
        return "symlink to a folder already scanned"
    visited.add(key)
    try:
        return _list(entry.path)
    except OSError as error:
        return f"unreadable folder: {os_reason(error)}"
