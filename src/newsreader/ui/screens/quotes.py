"""The quotes view: every quote by a speaker (or every passage citing a source) across the library.

Rows come from the index a page at a time (:func:`newsreader.index.research.quotes_by`),
newest article first; the count comes with the first page. Enter dismisses the screen
with ``(article_id, start)``, so the caller opens the article at that quote; Esc with None.

With the library's corrections the listing covers every name merged into the one chosen
(named in the heading), and leaves out the rows of a name marked wrong in their article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import get_current_worker

from newsreader.library.sanitize import clean_line
from newsreader.ui.widgets import quote_list
from newsreader.ui.widgets.key_footer import KeyFooter
from newsreader.ui.widgets.quote_list import QuoteList
from newsreader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from newsreader.index import IndexLocation, LibraryIndex
    from newsreader.index.research import QuoteRow
    from newsreader.userdata.corrections import Corrections

#: What the listing is called, and what one row of it is, by kind.
HEADINGS = {"speaker": ("Quotes by", "quote"), "source": ("Passages citing", "passage")}


@dataclass
class QuotesCounted(Message):
    """The listing has ``count`` rows in ``articles`` articles; ``rows``: its first page."""

    count: int
    articles: int
    rows: list[QuoteRow]


@dataclass
class QuotePageLoaded(Message):
    """Page ``page`` of the listing."""

    page: int
    rows: list[QuoteRow]


@dataclass
class QuotesFailed(Message):
    """The index could not answer; ``error`` says why, for the reader."""

    error: str


def plural(count: int, word: str) -> str:
    """``1 quote``, ``37 quotes``, ``1,204 articles``."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def article_count(index: LibraryIndex, kind: str, keys: Sequence[str],
                  leave_out: Sequence[tuple[str, str]] = ()) -> int:
    """How many articles quote (or cite) any of ``keys`` (an (article id, name's norm) in
    ``leave_out`` not counting)."""
    from newsreader.index.writer import norm_key

    if len(keys) == 1 and not leave_out:
        return index.cross_summary(kind, keys[0])[0]
    skipped = set(leave_out)
    return len({article_id for key in keys for article_id, _ in index.articles_with(kind, key)
                if (article_id, norm_key(key)) not in skipped})


class QuotesScreen(ModalScreen[tuple[str, int] | None]):
    """Every quote by ``keys`` (kind ``"speaker"``) or every passage citing them (``"source"``),
    shown under ``title`` (the name as the reader knows it). A modal screen over the whole
    terminal: its footer shows its own keys, not the main screen's. ``corrections`` (the
    library's): every name merged into ``keys`` is listed too, as ``title`` the name shown,
    and rows of a name marked wrong in their article are left out."""

    AUTO_FOCUS = "#quote-rows"

    BINDINGS = [Binding("escape", "dismiss_none", "Back")]

    def __init__(self, location: IndexLocation, kind: str, keys: Sequence[str], title: str,
                 corrections: Corrections | None = None) -> None:
        if kind not in HEADINGS:
            raise ValueError(f"kind must be one of {', '.join(HEADINGS)}, not {kind!r}")
        super().__init__()
        self.location = location
        self.kind = kind
        #: Names merged into the one chosen (shown in the heading).
        self.also: tuple[str, ...] = ()
        #: (article id, name's norm) pairs whose rows are left out (marked wrong there).
        self.leave_out: tuple[tuple[str, str], ...] = ()
        if corrections:
            title = corrections.canonical(title)
            names = list(dict.fromkeys(name for key in keys for name in corrections.names_for(key)))
            self.also = tuple(name for name in names if name != title)
            self.leave_out = tuple(corrections.wrong_pairs(kind, names))
            keys = names
        self.keys = tuple(keys)
        self.title_name = clean_line(title)
        self.page_size = quote_list.QUOTE_PAGE

    def compose(self) -> ComposeResult:
        yield Static(self._heading("reading the index…"), id="quotes-title", markup=False)
        rows = QuoteList(quoted=self.kind == "speaker", id="quote-rows")
        rows.shown_name = self.title_name if self.also else None
        yield rows
        yield KeyFooter()

    def _heading(self, counts: str) -> Text:
        lead, _ = HEADINGS[self.kind]
        text = Text(f"{lead} ", style="bold", end="")
        text.append(self.title_name, style="bold")
        if self.also:
            text.append(f" (with {', '.join(clean_line(name) for name in self.also)})", style="dim")
        text.append(f" · {counts}", style="dim")
        return text

    def on_mount(self) -> None:
        self._run(self._first, "quotes-first")

    # -- workers ----------------------------------------------------------------------
    def _run(self, work: Callable[[LibraryIndex], None], group: str) -> None:
        """Run ``work(index)`` in a thread with its own connection; a failure is posted, not raised."""
        def thread() -> None:
            from newsreader.index import Cancelled, IndexUnavailable, LibraryIndex

            worker = get_current_worker()
            try:
                with LibraryIndex.at(self.location) as index:
                    index.stop_when(lambda: worker.is_cancelled)
                    work(index)
            except Cancelled:
                return
            except (IndexUnavailable, ValueError) as error:
                self.post_message(QuotesFailed(str(error)))

        self.run_worker(thread, thread=True, group=group, description="list quotes", exit_on_error=False)

    def _first(self, index: LibraryIndex) -> None:
        from newsreader.index import research

        kind, keys, skip = self.kind, self.keys, self.leave_out
        rows: list[QuoteRow] = index.run(lambda c: research.quotes_by(c, kind, keys, 0, self.page_size, skip)) or []
        count = len(rows)
        if count >= self.page_size:
            count = index.run(lambda c: research.quotes_count(c, kind, keys, skip)) or count
        self.post_message(QuotesCounted(count, article_count(index, kind, keys, skip) if count else 0, rows))

    def _page(self, page: int) -> Callable[[LibraryIndex], None]:
        def work(index: LibraryIndex) -> None:
            from newsreader.index import research

            offset = page * self.page_size
            rows = index.run(lambda c: research.quotes_by(c, self.kind, self.keys, offset, self.page_size,
                                                          self.leave_out)) or []
            self.post_message(QuotePageLoaded(page, rows))
        return work

    # -- answers ----------------------------------------------------------------------
    def on_quotes_counted(self, message: QuotesCounted) -> None:
        _, word = HEADINGS[self.kind]
        if message.count:
            counts = f"{plural(message.count, word)} in {plural(message.articles, 'article')}"
        else:
            counts = f"no {word}s in the library"
        self.query_one("#quotes-title", Static).update(self._heading(counts))
        self.query_one(QuoteList).show(message.count, message.rows, self.page_size)

    def on_quote_page_loaded(self, message: QuotePageLoaded) -> None:
        self.query_one(QuoteList).install_page(message.page, message.rows)

    def on_quotes_failed(self, message: QuotesFailed) -> None:
        self.query_one("#quotes-title", Static).update(self._heading(f"the index cannot be read: {message.error}"))

    @on(QuoteList.PageWanted)
    def _page_wanted(self, message: QuoteList.PageWanted) -> None:
        message.stop()
        self._run(self._page(message.page), f"quotes-page-{message.page}")

    # -- keys -------------------------------------------------------------------------
    @on(RowList.Chosen, "#quote-rows")
    def _chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        row = self.query_one(QuoteList).pages.row(event.index // 2)
        if row is None:
            self.app.bell()  # its page is on its way
            return
        self.dismiss((row.article.id, row.start))

    def action_dismiss_none(self) -> None:
        """Back to where the view was opened from."""
        self.dismiss(None)
