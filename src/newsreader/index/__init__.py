"""The library index: one SQLite database per library, for instant start-up,
full-text search and "every article that quotes X" lookups.

Domain code (Textual is never imported here). The app opens one
:class:`LibraryIndex` per thread::

    index = LibraryIndex.open(root)          # or open(root, memory=True)
    spec = ViewSpec(SortOrder.TITLE, outlet="Coastalbulletin")
    index.view_count(spec), index.view_page(spec, 0, 100)
    index.refresh(on_progress=...)           # in a worker thread
    hits = index.search('person:"Jonas Berg" harbour')
"""

from __future__ import annotations

from .library_index import KINDS, Cancelled, LibraryIndex
from .location import IndexLocation
from .model import RefreshProgress, RefreshSummary, SearchHit
from .query import QueryError, parse_query
from .schema import IndexUnavailable
from .views import ViewSpec

__all__ = [
    "KINDS",
    "Cancelled",
    "IndexLocation",
    "ViewSpec",
    "IndexUnavailable",
    "LibraryIndex",
    "QueryError",
    "RefreshProgress",
    "RefreshSummary",
    "SearchHit",
    "parse_query",
]
