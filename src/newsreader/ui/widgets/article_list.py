"""The list pane: one compact line per article, drawn on demand from a few cached pages.

The widget holds a :class:`~newsreader.ui.rows.PageCache` of the current view;
drawing a row whose page is missing shows a placeholder and posts
:class:`ArticleList.PageWanted`, which the main screen answers with
:meth:`ArticleList.install_page`.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.message import Message

from newsreader.library.dates import short_date
from newsreader.library.model import Article
from newsreader.library.outlets import display_outlet
from newsreader.ui.columns import DATE_CELLS, Needs, layout
from newsreader.ui.rows import LoadedRows, PageCache
from newsreader.ui.theme_styles import theme_styles
from newsreader.ui.widgets.cells import fit, fit_right, word_count_label
from newsreader.ui.widgets.row_list import RowList

UNREAD_MARK = "●"
STAR_MARK = "★"
NOTHING: frozenset[str] = frozenset()


@lru_cache(maxsize=4096)
def shown_outlet(outlet: str | None) -> str:
    """The outlet's name as the list shows it (asked for every row drawn: cached)."""
    return display_outlet(outlet)


@dataclass
class SeenRows:
    """What the rows of the current view held so far need: the longest title, outlet name and
    length label (cells), and whether any has a date. It only grows while the view lasts,
    so the columns do not jump back and forth as pages come and go."""

    title: int = 0
    outlet: int = 0
    length: int = 0
    dated: bool = False

    def add(self, rows: list[Article]) -> None:
        """Take ``rows`` into account."""
        for article in rows:
            self.title = max(self.title, cell_len(article.title))
            self.outlet = max(self.outlet, cell_len(shown_outlet(article.outlet)))
            self.length = max(self.length, len(word_count_label(article.word_count)))
            self.dated = self.dated or bool(article.date)


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
        self.cache: PageCache[Article] = PageCache()
        self.open_id: str | None = None
        #: The column kept first when not all fit: the one the list is sorted by ("date" or "outlet").
        self.first_column = "date"
        # Live views of the reading state, handed down by the screen.
        self.read_ids: Set[str] = NOTHING
        self.starred_ids: Set[str] = NOTHING
        self.seen = SeenRows()

    def column_needs(self) -> Needs:
        """What the title and columns need, from the rows of this view held so far."""
        seen = self.seen
        return Needs(seen.title, seen.outlet, DATE_CELLS if seen.dated else 0, seen.length)

    def _see(self, pages: dict[int, list[Article]] | None) -> None:
        for rows in (pages or {}).values():
            self.seen.add(rows)

    @property
    def articles(self) -> Sequence[Article]:
        """The rows of the view, in order (a row whose page is not here raises LookupError)."""
        return LoadedRows(self.cache)

    def show_view(self, view: int, count: int, pages: dict[int, list[Article]], cursor: int | None = None) -> None:
        """Show ``view``: ``count`` rows, some ``pages`` of them; the cursor goes to ``cursor`` (else the
        top, scrolled to: the rows held are the first ones, the old offset would ask for other pages)."""
        self.cache.reset(view, count, pages)
        self.seen = SeenRows()
        self._see(pages)
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
            self._see(pages)
        self.rows_changed(keep_cursor=True)

    def install_page(self, view: int, page: int, rows: list[Article]) -> None:
        """Rows asked for by :class:`PageWanted` arrived."""
        if self.cache.install(view, page, rows):
            self.seen.add(rows)
            self.refresh()

    def index_of(self, article_id: str) -> int | None:
        """The row of ``article_id`` among the rows held, if it is there."""
        return self.cache.find(lambda article: article.id == article_id)

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
        # The widths follow this row's width (the pane's, at every resize): see newsreader.ui.columns.
        cells = layout(width, self.column_needs(), self.first_column)
        columns: list[str] = []
        if cells.outlet:
            columns.append(" " + fit(shown_outlet(article.outlet), cells.outlet))
        if cells.date:
            columns.append(" " + fit_right(short_date(article.date), cells.date))
        if cells.length:
            columns.append(" " + fit_right(word_count_label(article.word_count), cells.length))
        title_style = base + Style(bold=True) if unread else base
        segments.append(Segment(fit(article.title, cells.title), title_style))
        segments.extend(Segment(column, meta) for column in columns)
        segments.append(Segment(" ", base))
        return segments
