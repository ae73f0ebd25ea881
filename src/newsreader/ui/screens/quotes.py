"""The quotes view: every quote by a speaker (or every passage citing a source) across the library.

Rows come from the index a page at a time (:func:`newsreader.index.research.quotes_by`),
newest article first; the count comes with the first page. Enter dismisses the screen
with ``(article_id, start)``, so the caller opens the article at that quote; Esc with None.

A key lists the names search's ``quoted:``/``cites:`` find by it ("beaumont": "Harold
Beaumont"), and the heading names them (see :func:`listing`). With the library's corrections
the listing covers every name merged into those (named in the heading), and leaves out the
rows of a name marked wrong in their article.
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
#: What several names listed are, by kind.
WHO = {"speaker": "people", "source": "sources"}
#: How many of several names found the heading spells out.
NAMED = 4


@dataclass
class QuotesCounted(Message):
    """The listing has ``count`` rows in ``articles`` articles; ``rows``: its first page."""

    count: int
    articles: int
    rows: list[QuoteRow]
    #: The names listed, and how the heading names them.
    listing: Listing


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


@dataclass(frozen=True)
class Listing:
    """What a quotes view lists, and how its heading names it (see :func:`listing`)."""

    #: The name in the heading: the one person (or source) found, else the key as asked.
    title: str
    #: Every name whose rows are listed (each matched by its own norm key only).
    names: tuple[str, ...]
    #: Names merged into ``title`` (its heading says "with" them).
    also: tuple[str, ...] = ()
    #: The people (or sources) found, when there are several.
    several: tuple[str, ...] = ()
    #: (article id, name's norm) pairs whose rows are left out (marked wrong there).
    leave_out: tuple[tuple[str, str], ...] = ()


def listing(index: LibraryIndex, kind: str, keys: Sequence[str], title: str,
            corrections: Corrections | None = None) -> Listing:
    """The names ``keys`` find as search's name fields do (:func:`research.names_found
    <newsreader.index.research.names_found>`), with every name merged into one of them;
    named as the reader knows them: ``title`` (as shown after ``corrections``), or the one
    person found when the keys were part of that name ("beaumont": "Harold Beaumont"), or
    ``title`` and the people found when there are several."""
    from newsreader.index import research
    from newsreader.index.writer import norm_key

    def unique(names: Sequence[str]) -> list[str]:
        first: dict[str, str] = {}
        for name in names:
            first.setdefault(norm_key(name), name)
        return list(first.values())

    found = [name for name, _ in index.run(lambda c: research.names_found(c, kind, keys)) or []]
    names = unique([merged for name in [*keys, *found]
                    for merged in (corrections.names_for(name) if corrections else [name])])
    with_rows = {norm_key(name) for name, _ in
                 index.run(lambda c: research.names_found(c, kind, names, exact=True)) or []}
    shown: Callable[[str], str] = corrections.canonical if corrections else str
    people = unique([shown(name) for name in names if norm_key(name) in with_rows])
    leave_out = tuple(corrections.wrong_pairs(kind, names)) if corrections else ()
    if len(people) > 1:
        return Listing(title, tuple(names), several=tuple(people), leave_out=leave_out)
    # The one person found is named as the key was unless the key was only part of the name.
    asked = {norm_key(shown(key)) for key in keys}
    one = people[0] if people and norm_key(people[0]) not in asked else shown(title)
    also = tuple(name for name in names if norm_key(name) != norm_key(one) and norm_key(shown(name)) == norm_key(one))
    return Listing(one, tuple(names), also, leave_out=leave_out)


class QuotesScreen(ModalScreen[tuple[str, int] | None]):
    """Every quote by the names ``keys`` find (kind ``"speaker"``) or every passage citing them
    (``"source"``), shown under the one name found or ``title`` (the name as the reader knows
    it; see :func:`listing`). A modal screen over the whole terminal: its footer shows its own
    keys, not the main screen's. ``corrections`` (the library's): every name merged into those
    is listed too, under the name shown, and rows of a name marked wrong in their article are
    left out."""

    AUTO_FOCUS = "#quote-rows"

    BINDINGS = [Binding("escape", "dismiss_none", "Back")]

    def __init__(self, location: IndexLocation, kind: str, keys: Sequence[str], title: str,
                 corrections: Corrections | None = None) -> None:
        if kind not in HEADINGS:
            raise ValueError(f"kind must be one of {', '.join(HEADINGS)}, not {kind!r}")
        super().__init__()
        self.location = location
        self.kind = kind
        self.corrections = corrections
        #: The keys and title asked for (the first page's worker finds the names they mean).
        self.asked = (tuple(keys), title)
        #: Names merged into the one chosen (shown in the heading).
        self.also: tuple[str, ...] = ()
        #: The people (or sources) listed, when the keys found several (shown in the heading).
        self.several: tuple[str, ...] = ()
        #: (article id, name's norm) pairs whose rows are left out (marked wrong there).
        self.leave_out: tuple[tuple[str, str], ...] = ()
        if corrections:  # the heading until the index answers
            title = corrections.canonical(title)
            keys = list(dict.fromkeys(name for key in keys for name in corrections.names_for(key)))
            self.also = tuple(name for name in keys if name != title)
        #: The names listed, each matched by its own norm key (the names the keys find, once known).
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
        if self.several:
            named = ", ".join(clean_line(name) for name in self.several[:NAMED])
            more = f" and {len(self.several) - NAMED:,} more" if len(self.several) > NAMED else ""
            text.append(f" ({len(self.several):,} {WHO[self.kind]}: {named}{more})", style="dim")
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

        kind, (keys, title) = self.kind, self.asked
        found = listing(index, kind, keys, title, self.corrections)
        names, skip = found.names, found.leave_out
        rows: list[QuoteRow] = index.run(
            lambda c: research.quotes_by(c, kind, names, 0, self.page_size, skip, exact=True)) or []
        count = len(rows)
        if count >= self.page_size:
            count = index.run(lambda c: research.quotes_count(c, kind, names, skip, exact=True)) or count
        articles = (index.run(lambda c: research.quoted_articles(c, kind, names, skip, exact=True)) or 0) if count else 0
        self.post_message(QuotesCounted(count, articles, rows, found))

    def _page(self, page: int) -> Callable[[LibraryIndex], None]:
        kind, names, skip = self.kind, self.keys, self.leave_out

        def work(index: LibraryIndex) -> None:
            from newsreader.index import research

            offset = page * self.page_size
            rows = index.run(lambda c: research.quotes_by(c, kind, names, offset, self.page_size, skip,
                                                          exact=True)) or []
            self.post_message(QuotePageLoaded(page, rows))
        return work

    # -- answers ----------------------------------------------------------------------
    def on_quotes_counted(self, message: QuotesCounted) -> None:
        found = message.listing
        self.keys, self.leave_out = found.names, found.leave_out
        self.title_name, self.also, self.several = clean_line(found.title), found.also, found.several
        _, word = HEADINGS[self.kind]
        if message.count:
            counts = f"{plural(message.count, word)} in {plural(message.articles, 'article')}"
        else:
            counts = f"no {word}s in the library"
        self.query_one("#quotes-title", Static).update(self._heading(counts))
        rows = self.query_one(QuoteList)
        rows.shown_name = self.title_name if self.also or self.several else None
        rows.show(message.count, message.rows, self.page_size)

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
