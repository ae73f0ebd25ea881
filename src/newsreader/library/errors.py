"""Exceptions of the library layer; their messages are shown to users as they are."""

from __future__ import annotations


class ParseError(Exception):
    """A file (or bytes) that cannot be turned into articles.

    ``reason`` is short and human-readable ("empty file", "invalid JSON at line 3"),
    fit to be shown next to the file name.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LibraryError(Exception):
    """An article that cannot be read back: the file vanished, changed or broke."""
