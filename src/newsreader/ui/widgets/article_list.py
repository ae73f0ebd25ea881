"""The list pane: one compact line per article, drawn on demand from a few cached pages.

The widget holds a :class:`~newsreader.ui.rows.PageCache` of the current view;
drawing a row whose page is missing shows a placeholder and posts
:class:`ArticleList.PageWanted`, which the main screen answers with
:meth:`ArticleList.install_page`.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.message import Message

from newsreader.library.model import Article
from newsreader.library.outlets import display_outlet
from newsreader.ui.rows import LoadedRows, PageCache
from newsreader.ui.theme_styles import theme_styles
from newsreader.ui.widgets.cells import fit, fit_right, short_date, word_count_label
from newsreader.ui.widgets.row_list import RowList

UNREAD_MARK = "●"
STAR_MARK = "★"
NOTHING: frozenset[str] = frozenset()


class ArticleList(RowList):
    """Rows of the current view; the screen hands down pages, marks and the open article."""

    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"article-list--open"}

    @dataclass
    class PageWanted(Message):
        """Page ``page`` of view ``view`` is drawn but not here."""

        view: int
        page: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.cache = PageCache()
        self.open_id: str | None = None
        # Live views of the reading state, handed down by the screen.
        self.read_ids: Set[str] = NOTHING
        self.starred_ids: Set[str] = NOTHING

    @property
    def articles(self) -> Sequence[Article]:
        """The rows of the view, in order (a row whose page is not here raises LookupError)."""
        return LoadedRows(self.cache)

    def show_view(self, view: int, count: int, pages: dict[int, list[Article]], cursor: int | None = None) -> None:
        """Show ``view``: ``count`` rows, some ``pages`` of them; the cursor goes to ``cursor`` (else the
        top, scrolled to: the rows held are the first ones, the old offset would ask for other pages)."""
        self.cache.reset(view, count, pages)
        self.rows_changed(keep_cursor=False)
        if cursor is not None:
            self.move_to(cursor)
        else:
            self.scroll_to(y=0, animate=False, immediate=True)

    def recount(self, count: int, pages: dict[int, list[Article]] | None) -> None:
        """The same view with new rows (``pages``; None: the rows held are still right) or a new count:
        the cursor stays where it is."""
        if pages is None:
            self.cache.count = count
        else:
            self.cache.reset(self.cache.view, count, pages)
        self.rows_changed(keep_cursor=True)

    def install_page(self, view: int, page: int, rows: list[Article]) -> None:
        """Rows asked for by :class:`PageWanted` arrived."""
        if self.cache.install(view, page, rows):
            self.refresh()

    def index_of(self, article_id: str) -> int | None:
        """The row of ``article_id`` among the rows held, if it is there."""
        return self.cache.find(article_id)

    def set_open(self, article_id: str | None) -> None:
        """Mark the article being read (highlighted even without focus)."""
        previous = self.open_id
        self.open_id = article_id
        self.refresh_article(previous)
        self.refresh_article(article_id)

    def refresh_article(self, article_id: str | None) -> None:
        """Redraw the row of ``article_id`` (its read or starred mark changed)."""
        index = self.index_of(article_id) if article_id else None
        if index is not None:
            self.refresh_row(index)

    @property
    def current(self) -> Article | None:
        """The article under the cursor (None while its page is on its way)."""
        return self.cache.row(self.cursor)

    @property
    def row_count(self) -> int:
        return self.cache.count

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        article = self.cache.row(index)
        if article is None:
            page = self.cache.want(index)
            if page is not None:
                self.post_message(self.PageWanted(self.cache.view, page))
            return [Segment("   …", base + theme_styles(self.app)["count"])]
        if article.id == self.open_id and index != self.cursor:
            base = base + self.get_component_rich_style("article-list--open")
        styles = theme_styles(self.app)
        meta = base + styles["count"]
        unread = article.id not in self.read_ids
        mark_style = base + styles["unread"]
        star_style = base + styles["star"]
        star = STAR_MARK if article.id in self.starred_ids else " "
        segments = [Segment(f" {UNREAD_MARK if unread else ' '}", mark_style), Segment(f"{star} ", star_style)]
        # Narrow panes drop the least useful columns first: length, then date, then outlet.
        columns: list[str] = []
        if width >= 40:
            columns.append(" " + fit(display_outlet(article.outlet), 14 if width >= 70 else 10))
        if width >= 56:
            columns.append(" " + fit_right(short_date(article.date), 11))
        if width >= 72:
            columns.append(" " + fit_right(word_count_label(article.word_count), 6))
        title_width = width - 5 - sum(len(column) for column in columns)
        title_style = base + Style(bold=True) if unread else base
        segments.append(Segment(fit(article.title, max(title_width, 0)), title_style))
        segments.extend(Segment(column, meta) for column in columns)
        segments.append(Segment(" ", base))
        return segments
