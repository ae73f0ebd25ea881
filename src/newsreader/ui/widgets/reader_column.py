"""The reading column: the reading pane with its find bar under it, and what a reader
carries out of an article (a quote with its attribution, the link, the page itself).

The column answers the find bar's messages itself (query, step, close) and the
pane's count of matches, so the screen above it only says "find" and "next
match". The screen hands the pane its article; nothing here reads files.
Copies go to the terminal's clipboard the way Textual does it (OSC 52), cleaned
of control characters first; links open in a thread, as a browser may take a while.
"""

from __future__ import annotations

import subprocess
import sys
import webbrowser
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input

from newsreader.analysis import Analysis
from newsreader.library.attribution import attributed_quote, web_url
from newsreader.library.model import ArticleText
from newsreader.library.sanitize import clean_line
from newsreader.ui.widgets.find_bar import FindBar
from newsreader.ui.widgets.reading_pane import ReadingPane


class ReaderColumn(Vertical):
    """A :class:`ReadingPane` over a :class:`FindBar`; ``reader`` is the pane, ``root`` the
    library folder its article's path is relative to."""

    BINDINGS = [
        Binding("c", "copy_quote", "Copy quote"),
        Binding("y", "copy_link", "Copy link", show=False),
        Binding("O", "open_link", "Open link", show=False),
    ]

    def __init__(self, reader: ReadingPane, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reader = reader
        self.find_bar = FindBar(id="find-bar")
        self.root = Path(".")

    def compose(self) -> ComposeResult:
        yield self.reader
        yield self.find_bar

    def show(self, document: ArticleText | None, analysis: Analysis | None = None, scroll: int = 0,
             at: int | None = None) -> None:
        """Show ``document`` (None: no article), its title on the frame, scrolled to line ``scroll``
        (or to body offset ``at``: see :meth:`ReadingPane.show`).

        The frame's title always names what the pane shows, and an open find bar
        searches the new article for its query.
        """
        self.reader.show(document, analysis, scroll=scroll, at=at)
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

    # -- carrying things out --------------------------------------------------------
    def _copy(self, text: str, what: str) -> None:
        self.app.copy_to_clipboard(text)
        shown = text if len(text) <= 90 else text[:89] + "…"
        self.notify(f"Copied {what}: {shown}", markup=False)

    def action_copy_quote(self) -> None:
        """Copy the current quotation (``]``/``[``; else the first on screen) as
        ``"…" — Speaker, Outlet, Date, URL``."""
        reader, document = self.reader, self.reader.document
        if document is None or not reader.analysis.quotes:
            self.notify("No quotation here to copy.", markup=False)
            return
        if not reader.show_quotes:
            self.notify("Quotes are hidden: press u to show them, then ] to choose one.", markup=False)
            return
        index = reader.current_quote if reader.current_quote >= 0 else reader.first_quote_in_view()
        quote = reader.analysis.quotes[index]
        self._copy(attributed_quote(document.body[quote.start:quote.end], document.article, quote.speaker_key),
                   "the quote")

    def action_copy_link(self) -> None:
        """Copy the article's URL, or the path of its file when it has none."""
        document = self.reader.document
        if document is None:
            return
        url = web_url(document.article)
        self._copy(url or clean_line(str(self.root / document.article.path)), "the link" if url else "the path")

    def action_open_link(self) -> None:
        """Open the article's URL in the browser, or its file in the default application."""
        document = self.reader.document
        if document is None:
            return
        url = web_url(document.article)
        target = url or str(self.root / document.article.path)
        self.notify(f"Opening {clean_line(target)}", markup=False)
        self._launch(target, url is not None)

    @work(thread=True, group="launch", description="open link")
    def _launch(self, target: str, is_url: bool) -> None:
        try:
            opened = webbrowser.open(target) if is_url else open_file(target)
        except NoOpener as error:
            opened, target = False, f"{target}: no program to open files with ({error.opener} not found)"
        except OSError as error:
            opened, target = False, f"{target} ({error.strerror or error})"
        if not opened:
            self.app.call_from_thread(self.notify, f"Could not open {clean_line(target)}", severity="warning",
                                      markup=False)


class NoOpener(OSError):
    """The program that opens files (``xdg-open``, ``open``) is not installed: the file itself
    may well exist, so the message must name the program, not the file."""

    def __init__(self, opener: str) -> None:
        super().__init__(f"{opener} not found")
        self.opener = opener


def open_file(path: str) -> bool:
    """Open ``path`` in the user's default application (``open`` on macOS, ``xdg-open`` elsewhere,
    the shell's association on Windows); True when the opener started. Raises :class:`NoOpener`
    when the opener program is not installed, OSError for other failures."""
    if sys.platform == "win32":
        import os

        os.startfile(path)  # type: ignore[attr-defined,unused-ignore]
        return True
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    # An argument list, never a shell: the path is untrusted text.
    try:
        subprocess.Popen([opener, path], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except FileNotFoundError as error:
        # Popen's FileNotFoundError names the program it could not run, not the path handed to it.
        raise NoOpener(opener) from error
    return True
