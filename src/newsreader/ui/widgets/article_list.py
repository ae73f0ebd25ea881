"""The list pane: one compact line per article, drawn on demand."""

from __future__ import annotations

from collections.abc import Sequence, Set

from rich.segment import Segment
from rich.style import Style

from newsreader.library.model import Article
from newsreader.library.outlets import display_outlet
from newsreader.ui.theme_styles import theme_styles
from newsreader.ui.widgets.cells import fit, fit_right, short_date, word_count_label
from newsreader.ui.widgets.row_list import RowList

UNREAD_MARK = "●"
STAR_MARK = "★"
NOTHING: frozenset[str] = frozenset()


class ArticleList(RowList):
    """Articles of the current view; the app sets :attr:`articles` and friends."""

    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"article-list--open"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._articles: Sequence[Article] = ()
        self._positions: dict[str, int] = {}
        self.open_id: str | None = None
        # Live views of the reading state, handed down by the app.
        self.read_ids: Set[str] = NOTHING
        self.starred_ids: Set[str] = NOTHING

    @property
    def articles(self) -> Sequence[Article]:
        """The articles shown, in order."""
        return self._articles

    def set_articles(self, articles: Sequence[Article], keep_id: str | None = None) -> None:
        """Show ``articles``; keep the cursor on ``keep_id`` when it is still listed."""
        self._articles = articles
        self._positions = {}
        self.rows_changed(keep_cursor=keep_id is None)
        if keep_id is not None:
            index = self.index_of(keep_id)
            self.move_to(index if index is not None else 0)

    def index_of(self, article_id: str) -> int | None:
        """The row of ``article_id`` in the current view, if it is there."""
        if not self._positions and self._articles:
            self._positions = {article.id: i for i, article in enumerate(self._articles)}
        return self._positions.get(article_id)

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
        """The article under the cursor."""
        if 0 <= self.cursor < len(self._articles):
            return self._articles[self.cursor]
        return None

    @property
    def row_count(self) -> int:
        return len(self._articles)

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        article = self._articles[index]
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
