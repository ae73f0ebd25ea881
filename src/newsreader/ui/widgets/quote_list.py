"""The quotes view's list: two lines per quote (date and quote, then the article and outlet),
drawn on demand from pages of rows fetched as they are drawn.

The widget never holds the whole listing: :class:`~newsreader.ui.rows.PageCache` keeps the pages drawn
most recently. Drawing a row whose page is missing shows a placeholder and posts
:class:`QuoteList.PageWanted`; the screen fetches it in a worker and hands it back
with :meth:`QuoteList.install_page`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message

from newsreader.library.dates import short_date
from newsreader.library.sanitize import clean_line
from newsreader.ui.rows import PageCache
from newsreader.ui.theme_styles import theme_styles
from newsreader.ui.widgets.article_list import shown_outlet
from newsreader.ui.widgets.cells import fit, fit_right
from newsreader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from newsreader.index.research import QuoteRow

#: Rows per page fetched from the index (a module constant so tests can make pages small).
QUOTE_PAGE = 100
#: Pages kept; others are fetched again when drawn again.
KEEP_PAGES = 12
#: Cells of the date column ("14 Mar 2024"); below ``GUTTER_WIDTH`` the date moves to the second line.
DATE_CELLS = 11
GUTTER_WIDTH = 60
#: A quotation that starts with one of these is shown as it is; others are put in quotation marks.
OPENING_MARKS = ("“", '"', "‘", "'", "«", "„", "»", "「")


@dataclass(frozen=True, slots=True)
class QuoteLines:
    """What a quote's two lines show, cleaned for the terminal."""

    date: str
    text: str
    title: str
    outlet: str


def quote_lines(row: QuoteRow, quoted: bool) -> QuoteLines:
    """The shown parts of ``row``; ``quoted``: the text is a quotation (in quotation marks).

    Everything is cleaned again here, whatever the index did: a file's text reaches the
    terminal only as plain, one-line text (drawn as segments, never read as markup).
    """
    text = clean_line(row.text)
    if quoted and text and not text.startswith(OPENING_MARKS):
        text = f"“{text}”"
    return QuoteLines(short_date(row.article.date), text, clean_line(row.article.title) or row.article.path,
                      shown_outlet(row.article.outlet))


class QuoteList(RowList):
    """Every quote of a listing, newest first: row ``2 * i`` is quote ``i``'s text, ``2 * i + 1``
    its article; the cursor rests on the first line and covers both."""

    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"quote-list--text"}

    @dataclass
    class PageWanted(Message):
        """Page ``page`` is drawn but not here."""

        page: int

    def __init__(self, quoted: bool = True, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.quoted = quoted
        self.pages: PageCache[QuoteRow] = PageCache(page_size=QUOTE_PAGE, keep=KEEP_PAGES)
        #: Whether the listing has dates to show (undated rows come last: the first row tells).
        self.dated = False
        #: The name the listing is of; a row credited to another name (one merged into it) says which.
        self.shown_name: str | None = None

    def show(self, count: int, first: list[QuoteRow], page_size: int | None = None) -> None:
        """Show a listing of ``count`` rows, with its first page (of ``page_size`` rows)."""
        self.pages = PageCache(count=count, page_size=page_size or QUOTE_PAGE, keep=KEEP_PAGES)
        self.dated = bool(first and first[0].article.date)
        if count:
            self.pages.install(0, 0, first)
        self.rows_changed(keep_cursor=False)

    def install_page(self, page: int, rows: list[QuoteRow]) -> None:
        """A page asked for by :class:`PageWanted` arrived."""
        self.pages.install(0, page, rows)
        self.refresh()

    @property
    def current(self) -> QuoteRow | None:
        """The quote under the cursor (None while its page is on its way)."""
        return self.pages.row(self.cursor // 2)

    @property
    def row_count(self) -> int:
        return 2 * self.pages.count

    def can_choose(self, index: int) -> bool:
        return index % 2 == 0

    def refresh_row(self, index: int) -> None:
        """Redraw both lines of the quote at ``index``."""
        first = index - index % 2
        super().refresh_row(first)
        super().refresh_row(first + 1)

    def scroll_to_row(self, index: int) -> None:
        """Scroll so that both lines of the quote at ``index`` are visible."""
        if index % 2 == 0:
            super().scroll_to_row(index + 1)
        super().scroll_to_row(index)

    def on_click(self, event: events.Click) -> None:
        """Choose the quote under the mouse, on either of its lines (instead of RowList's row)."""
        event.stop()
        event.prevent_default()
        offset = event.get_content_offset(self)
        index = -1 if offset is None else offset.y + self.scroll_offset.y
        if 0 <= index < self.row_count:
            self.cursor = index - index % 2
            self.post_message(self.Chosen(self, self.cursor))

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        item, second = divmod(index, 2)
        on_cursor = index - second == self.cursor
        if second and on_cursor:
            name = "row-list--cursor" if self.has_focus else "row-list--cursor-blurred"
            base = base + self.get_component_rich_style(name)
        # Muted only off the cursor: the cursor's own colours must stay readable.
        muted = base if on_cursor else base + theme_styles(self.app)["count"]
        row = self.pages.row(item)
        if row is None:
            page = self.pages.want(item)
            if page is not None:
                self.post_message(self.PageWanted(page))
            return [Segment("" if second else "   …", muted)]
        lines = quote_lines(row, self.quoted)
        gutter = DATE_CELLS + 3 if self.dated and width >= GUTTER_WIDTH else 2
        rest = max(width - gutter - 1, 0)
        if not second:
            date = " " + fit_right(lines.date, DATE_CELLS) + "  " if gutter > 2 else "  "
            # A quotation in the quote style (italic); a citing passage is the article's own words.
            text_style = base + self.get_component_rich_style("quote-list--text", partial=True) if self.quoted else base
            return [Segment(date, muted), Segment(fit(lines.text, rest), text_style)]
        credited = clean_line(row.speaker) if self.shown_name and row.speaker.casefold() != \
            self.shown_name.casefold() else ""
        meta = " · ".join(part for part in (f"as {credited}" if credited else "", lines.outlet,
                                            lines.date if gutter == 2 else "") if part)
        meta_width = min(len(meta) + 3, rest // 2) if meta else 0
        title_width = max(rest - meta_width, 0)
        return [Segment(" " * gutter, base), Segment(fit(lines.title, title_width), muted),
                Segment(fit_right(meta, meta_width), muted + Style(bold=True))]
