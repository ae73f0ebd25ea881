"""Messages the loader's workers post to the main screen (thread-safe, handled on the event loop).

Dataclasses: each carries the ``generation`` (which library opening) or the
``view`` (which list view) it answers, so late answers to old questions are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from newsreader.library.model import Article, ArticleText, SkippedFile

if TYPE_CHECKING:  # (the annotations are not evaluated: the app starts without these packages)
    from newsreader.analysis import Analysis
    from newsreader.index import IndexLocation
    from newsreader.userdata.reading_state import ReadingState


@dataclass
class LibraryOpened(Message):
    """The library's index is open at ``location``, with what the first screenful needs, in one message
    (one redraw): the first rows of ``view`` (``pages``, ``count`` rows, ``exact`` or at least that many,
    the exact count following as ViewCounted) and the library's counts. ``state``: its reading state,
    just read (None: the screen's stays); ``notice``: a line for the reader."""

    generation: int
    location: IndexLocation
    state: ReadingState | None
    view: int
    count: int
    pages: dict[int, list[Article]]
    exact: bool
    outlets: list[tuple[str, int]]
    total: int
    read: int
    notice: str | None = None


@dataclass
class LibraryChanged(Message):
    """A refresh committed a batch (or a phase began): the counts and rows may have changed."""

    generation: int
    busy: str
    rows_changed: bool = True
    #: Every skipped file, when the sender knows them.
    skipped: tuple[SkippedFile, ...] | None = None


@dataclass
class LibraryChecked(Message):
    """A refresh ended: ``skipped`` is every skipped file; look again in ``next_check`` seconds."""

    generation: int
    skipped: tuple[SkippedFile, ...]
    next_check: float | None = None
    notice: str | None = None


@dataclass
class CountsReady(Message):
    """Library-wide counts: every outlet with its articles, all articles, read ones."""

    generation: int
    outlets: list[tuple[str, int]]
    total: int
    read: int


@dataclass
class ViewLoaded(Message):
    """A view's first pages (``pages``: page number to rows) and its row count: exact, or
    (``exact`` False) the rows known so far, the exact count following as ViewCounted."""

    view: int
    count: int
    pages: dict[int, list[Article]] = field(default_factory=dict)
    exact: bool = True


@dataclass
class ViewCounted(Message):
    """The exact row count of a view whose rows came first."""

    view: int
    count: int


@dataclass
class ViewPositioned(Message):
    """The row of the article the view was asked to keep (``rows``: its page); ``position``
    None (and no rows) when the view does not list it."""

    view: int
    article_id: str
    position: int | None
    page: int
    rows: list[Article]


@dataclass
class PageLoaded(Message):
    """One page of rows of a view."""

    view: int
    page: int
    rows: list[Article]


@dataclass
class CrossReady(Message):
    """How many articles name, quote or cite what the reader chose in the sidebar."""

    generation: int
    kind: str
    key: str
    articles: int
    mentions: int


@dataclass
class ArticleLoaded(Message):
    """An article's body was read and analysed."""

    document: ArticleText
    analysis: Analysis


@dataclass
class ArticleFailed(Message):
    """An article could not be read (deleted, changed, unreadable)."""

    article: Article
    reason: str


@dataclass
class ArticleFound(Message):
    """The article a search result names (None: no longer in the library)."""

    article_id: str
    article: Article | None
    position: int | None


@dataclass
class Exported(Message):
    """``rows`` articles of the list were exported to ``path``."""

    path: Path
    rows: int


__all__ = ["ArticleFailed", "ArticleFound", "ArticleLoaded", "CountsReady", "CrossReady", "Exported", "LibraryChanged",
           "LibraryChecked", "LibraryOpened", "PageLoaded", "ViewCounted", "ViewLoaded", "ViewPositioned"]
