"""The library layer: folders of article files in, clean article records out.

No UI code lives here (and Textual is never imported): the app calls
:func:`iter_library` to list a folder and :func:`read_article` to open one;
the index reads files through :func:`ingest_file`, as the scanner does.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import LibraryError, ParseError
from .model import Article, ArticleText, ParsedArticle, SkippedFile

# The parsers pull in csv, json, html and friends: load them on first use so
# that importing the record types (as the UI does at start-up) stays cheap.
_LAZY = {
    "MAX_FILE_BYTES": ".parsers",
    "parse_bytes": ".parsers",
    "display_outlet": ".outlets",
    "clean_line": ".sanitize",
    "clean_text": ".sanitize",
    "ingest_file": ".ingest",
    "iter_library": ".scanner",
    "read_article": ".scanner",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAX_FILE_BYTES",
    "Article",
    "ArticleText",
    "LibraryError",
    "ParseError",
    "ParsedArticle",
    "SkippedFile",
    "clean_line",
    "clean_text",
    "display_outlet",
    "ingest_file",
    "iter_library",
    "parse_bytes",
    "read_article",
]
