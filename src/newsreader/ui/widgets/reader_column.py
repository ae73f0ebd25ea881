"""The reading column: the reading pane with its find bar under it.

The column answers the find bar's messages itself (query, step, close) and the
pane's count of matches, so the screen above it only says "find" and "next
match". The screen hands the pane its article; nothing here reads files.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input

from newsreader.analysis import Analysis
from newsreader.library.model import ArticleText
from newsreader.ui.widgets.find_bar import FindBar
from newsreader.ui.widgets.reading_pane import ReadingPane


class ReaderColumn(Vertical):
    """A :class:`ReadingPane` over a :class:`FindBar`; ``reader`` is the pane."""

    def __init__(self, reader: ReadingPane, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reader = reader
        self.find_bar = FindBar(id="find-bar")

    def compose(self) -> ComposeResult:
        yield self.reader
        yield self.find_bar

    def show(self, document: ArticleText | None, analysis: Analysis | None = None, scroll: int = 0) -> None:
        """Show ``document`` (None: no article), its title on the frame, scrolled to line ``scroll``.

        The frame's title always names what the pane shows, and an open find bar
        searches the new article for its query.
        """
        self.reader.show(document, analysis, scroll=scroll)
        # Content, not a str: a str title is parsed as markup, and titles are untrusted text.
        self.reader.border_title = Content(document.article.title) if document is not None else "Article"
        self.reader.border_subtitle = ""
        query = self.find_bar.query_one(Input).value
        if document is not None and query and self.find_bar.has_class("-visible"):
            self.reader.set_find(query)

    def open_find(self) -> bool:
        """Show the find bar with the cursor in it; False (and the bar stays shut) with no article."""
        if self.reader.document is None:
            return False
        self.find_bar.open()
        return True

    def find_step(self, step: int) -> None:
        """Make the next (``1``) or previous (``-1``) match current."""
        self.reader.find_step(step)

    def on_find_bar_query_changed(self, message: FindBar.QueryChanged) -> None:
        self.reader.set_find(message.query)

    def on_find_bar_step(self, message: FindBar.Step) -> None:
        self.reader.find_step(message.step)

    def on_find_bar_closed(self) -> None:
        self.reader.set_find("")
        self.reader.focus()

    def on_reading_pane_find_changed(self, message: ReadingPane.FindChanged) -> None:
        self.find_bar.show_count(message.current, message.total)

    def on_reading_pane_quote_changed(self, message: ReadingPane.QuoteChanged) -> None:
        current, total = message.current, message.total
        self.reader.border_subtitle = f"quote {current + 1} of {total}" if current >= 0 else ""
