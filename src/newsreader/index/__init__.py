"""The library index: one SQLite database per library, for instant start-up,
full-text search and "every article that quotes X" lookups.

Domain code (Textual is never imported here). The app opens one
:class:`LibraryIndex` per thread::

    index = LibraryIndex.open(root)
    articles = index.articles()          # fast, from the last refresh
    index.refresh(on_progress=...)       # in a worker thread
    hits = index.search('person:"Jonas Berg" harbour')
"""

from __future__ import annotations

from .library_index import KINDS, LibraryIndex
from .model import RefreshProgress, RefreshSummary, SearchHit
from .query import QueryError, parse_query
from .schema import IndexUnavailable

__all__ = [
    "KINDS",
    "IndexUnavailable",
    "LibraryIndex",
    "QueryError",
    "RefreshProgress",
    "RefreshSummary",
    "SearchHit",
    "parse_query",
]
