"""The search screen: ranked results as you type, with highlighted snippets."""

from __future__ import annotations

from dataclasses import replace
from time import perf_counter

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from newsreader.index import IndexLocation
from newsreader.index.model import SearchHit
from newsreader.index.query import sole_field
from newsreader.library.dates import short_date
from newsreader.library.model import Article
from newsreader.library.outlets import display_outlet
from newsreader.ui.widgets.cells import fit
from newsreader.ui.widgets.key_footer import KeyFooter
from newsreader.ui.widgets.row_list import RowList

DEBOUNCE_SECONDS = 0.12
RESULT_LIMIT = 200
#: Hits whose snippets come with the results (two screens' worth); the rest are
#: fetched a page at a time as they are drawn: snippets cost more than ranking.
FIRST_SNIPPETS = 40
SNIPPET_PAGE = 20
QUERY_HELP = ('words  "exact phrase"  prefix*  a OR b  -exclude  title: author: outlet: person: org: place: '
              "quoted: cites: after:2024-01-31 before:")
#: What Enter does for a query that opens a research view, by the view's kind: ``quoted:NAME``
#: lists what NAME said, ``cites:NAME`` the passages that cite NAME (not quotes).
ENTER_SAYS = {"speaker": "Enter lists every quote", "source": "Enter lists every passage citing it"}


class SearchResults(RowList):
    """Two lines per hit: the article, then its snippet with the hits marked."""

    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"search-results--hit", "search-results--meta"}

    class SnippetsWanted(Message):
        """Rows of the hits ``start`` to ``start + SNIPPET_PAGE`` are drawn without their snippets."""

        def __init__(self, start: int) -> None:
            super().__init__()
            self.start = start

    def __init__(self) -> None:
        super().__init__(id="search-results")
        self.hits: list[tuple[SearchHit, Article | None]] = []
        self._asked: set[int] = set()

    def show_hits(self, hits: list[tuple[SearchHit, Article | None]]) -> None:
        """Replace the results (those past ``FIRST_SNIPPETS`` come without snippets)."""
        self.hits = hits
        self._asked = set(range(0, min(len(hits), FIRST_SNIPPETS), SNIPPET_PAGE))
        self.rows_changed(keep_cursor=False)

    def add_snippets(self, snippets: dict[str, tuple[tuple[str, bool], ...]]) -> None:
        """Fill in snippets fetched later, keyed by article id, and redraw."""
        self.hits = [(replace(hit, snippet=snippets[hit.article_id]) if hit.article_id in snippets else hit, article)
                     for hit, article in self.hits]
        self.refresh()

    @property
    def row_count(self) -> int:
        return 2 * len(self.hits)

    def refresh_row(self, index: int) -> None:
        """Redraw a hit's title line with its snippet line (the cursor covers both)."""
        super().refresh_row(index)
        if index % 2 == 0:
            super().refresh_row(index + 1)

    def scroll_to_row(self, index: int) -> None:
        """Scroll so that both lines of the hit at ``index`` are visible."""
        if index % 2 == 0:
            super().scroll_to_row(index + 1)
        super().scroll_to_row(index)

    def can_choose(self, index: int) -> bool:
        return index % 2 == 0

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        hit, article = self.hits[index // 2]
        if index % 2 and index - 1 == self.cursor:  # a hit is two lines: the cursor covers both
            name = "row-list--cursor" if self.has_focus else "row-list--cursor-blurred"
            base = base + self.get_component_rich_style(name)
        if index % 2 == 0:
            title = article.title if article else hit.article_id
            meta = " · ".join(part for part in (display_outlet(article.outlet) if article else "",
                                                short_date(article.date) if article else "") if part)
            meta_width = min(len(meta) + 2, max(width // 3, 0))
            # Muted only off the cursor: the meta style's own background would cut the cursor short.
            meta_style = base if index == self.cursor else base + Style.from_color(
                self.get_component_rich_style("search-results--meta").color)
            return [Segment(" " + fit(title, max(width - meta_width - 1, 0)), base + Style(bold=True)),
                    Segment(fit(("  " + meta) if meta else "", meta_width), meta_style)]
        if not hit.snippet:
            start = index // 2 // SNIPPET_PAGE * SNIPPET_PAGE
            if start not in self._asked:
                self._asked.add(start)
                self.post_message(self.SnippetsWanted(start))
        text = Text("   ", style=base, end="")
        hit_style = self.get_component_rich_style("search-results--hit")
        for piece, is_hit in hit.snippet:
            text.append(piece.replace("\n", " "), hit_style if is_hit else None)
        text.truncate(width, overflow="ellipsis", pad=True)
        return list(text.render(self.app.console))


class SearchDone(Message):
    """Results for query number ``sequence``."""

    def __init__(self, sequence: int, hits: list[tuple[SearchHit, Article | None]], error: str | None,
                 seconds: float, query: str = "") -> None:
        super().__init__()
        self.sequence = sequence
        self.query = query
        self.hits = hits
        self.error = error
        self.seconds = seconds


class SnippetsDone(Message):
    """Snippets (by article id) for the hits of query number ``sequence``."""

    def __init__(self, sequence: int, snippets: dict[str, tuple[tuple[str, bool], ...]]) -> None:
        super().__init__()
        self.sequence = sequence
        self.snippets = snippets


class SearchScreen(Screen[str | tuple[str, str] | None]):
    """Search the library; dismisses with the chosen article's id, a research view to open
    (``("speaker", name)`` for ``quoted:NAME`` alone, ``("source", name)`` for ``cites:NAME``),
    or ``None``."""

    AUTO_FOCUS = "#search-input"

    BINDINGS = [
        Binding("escape", "dismiss_none", "Back to the library"),
        Binding("down", "to_results", "Results", show=False),
        Binding("E", "export_results", "Export"),
    ]

    def __init__(self, location: IndexLocation, query: str = "") -> None:
        super().__init__()
        self.location = location
        self.initial_query = query
        self._sequence = 0
        self._shown = 0
        self._query: str | None = None  # the query whose results are shown
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(value=self.initial_query, placeholder="Search the library", id="search-input")
        yield Static(Text(QUERY_HELP, style="dim"), id="search-status")
        yield SearchResults()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.initial_query:
            self._search_now()

    @on(Input.Changed, "#search-input")
    def _typed(self) -> None:
        # Debounce: search once typing pauses, not on every key.
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._search_now)

    def _search_now(self) -> None:
        self._sequence += 1
        query = self.query_one(Input).value
        if not query.strip():
            self._shown = self._sequence
            self.query_one(SearchResults).show_hits([])
            self.query_one("#search-status", Static).update(Text(QUERY_HELP, style="dim"))
            return
        self._search(query, self._sequence)

    @work(thread=True, exclusive=True, group="search", description="search")
    def _search(self, query: str, sequence: int) -> None:
        from newsreader.index import IndexUnavailable, LibraryIndex, QueryError

        started = perf_counter()
        try:
            with LibraryIndex.at(self.location) as index:
                found = index.search(query, limit=RESULT_LIMIT, snippets=FIRST_SNIPPETS)
        except QueryError as error:
            self.post_message(SearchDone(sequence, [], str(error), perf_counter() - started))
            return
        except IndexUnavailable as error:
            self.post_message(SearchDone(sequence, [], f"no index: {error}", perf_counter() - started))
            return
        hits = [(hit, hit.article) for hit in found]
        self.post_message(SearchDone(sequence, hits, None, perf_counter() - started, query))

    @on(SearchResults.SnippetsWanted)
    def _snippets_wanted(self, message: SearchResults.SnippetsWanted) -> None:
        hits = self.query_one(SearchResults).hits[message.start:message.start + SNIPPET_PAGE]
        ids = [hit.article_id for hit, _ in hits if not hit.snippet]
        if ids and self._query is not None:
            self._fetch_snippets(self._query, self._shown, ids)

    @work(thread=True, group="snippets", description="snippets")
    def _fetch_snippets(self, query: str, sequence: int, ids: list[str]) -> None:
        from newsreader.index import IndexUnavailable, LibraryIndex, QueryError

        try:
            with LibraryIndex.at(self.location) as index:
                found = index.snippets(query, ids)
        except (QueryError, IndexUnavailable):
            return  # the rows stay without snippets; the titles are what matters
        self.post_message(SnippetsDone(sequence, found))

    def on_snippets_done(self, message: SnippetsDone) -> None:
        if message.sequence == self._shown:
            self.query_one(SearchResults).add_snippets(message.snippets)

    def on_search_done(self, message: SearchDone) -> None:
        if message.sequence < self._shown:
            return  # a stale query finished after a newer one: keep the newer results
        self._shown = message.sequence
        self._query = message.query
        self.query_one(SearchResults).show_hits(message.hits)
        status = self.query_one("#search-status", Static)
        if message.error:
            status.update(Text(message.error, style="bold"))
        else:
            count = len(message.hits)
            more = "+" if count >= RESULT_LIMIT else ""
            enter = ENTER_SAYS.get(view[0], "Enter opens") if (view := self._research_view()) else "Enter opens"
            status.update(Text(f"{count}{more} result{'s' if count != 1 else ''} · "
                               f"{message.seconds * 1000:.0f} ms · {enter}, Esc returns", style="dim"))

    def _research_view(self) -> tuple[str, str] | None:
        """("speaker", name) for a query of ``quoted:NAME`` alone, ("source", name) for ``cites:NAME``."""
        field = sole_field(self.query_one("#search-input", Input).value)
        kinds = {"quoted": "speaker", "cites": "source"}
        return (kinds[field[0]], field[1]) if field is not None and field[0] in kinds else None

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        view = self._research_view()
        if view is not None:
            self.dismiss(view)
            return
        results = self.query_one(SearchResults)
        if results.hits:
            self.dismiss(results.hits[0][0].article_id)

    def action_to_results(self) -> None:
        results = self.query_one(SearchResults)
        if results.hits:
            results.focus()

    @on(RowList.Chosen, "#search-results")
    def _chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        self.dismiss(self.query_one(SearchResults).hits[event.index // 2][0].article_id)

    def action_export_results(self) -> None:
        """Export the results, best first, to a CSV file in the user's downloads folder (rank,
        the article's fields, the snippet); a notification says where."""
        hits = [(hit, article) for hit, article in self.query_one(SearchResults).hits if article is not None]
        if hits:
            self._export(self._query, hits)

    @work(thread=True, group="export", description="export the results")
    def _export(self, query: str, hits: list[tuple[SearchHit, Article]]) -> None:
        from newsreader.index import LibraryIndex
        from newsreader.userdata.exports import COLUMNS, article_row, cell, export_path, write_rows

        missing = [hit.article_id for hit, _ in hits if not hit.snippet]
        with LibraryIndex.at(self.location) as index:
            snippets = index.snippets(query, missing) if missing else {}
        rows = ([str(rank), *article_row(article), cell("".join(text for text, _ in snippets.get(hit.article_id,
                                                                                                   hit.snippet)))]
                for rank, (hit, article) in enumerate(hits, 1))
        path = export_path(self.location.root, "search")
        count = write_rows(path, ("rank", *COLUMNS, "snippet"), rows)
        self.app.call_from_thread(self.notify, f"Exported {count} results to {path}", markup=False, timeout=10)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
