"""Research flows from the main screen (issue 12): the ways into a speaker's quotes, and back
into the article at the quote chosen."""

from __future__ import annotations

from pathlib import Path

from index_fixtures import write_dated_library
from pilot_helpers import open_path, screen_text, settle, settle_search
from textual.widgets import Input, Static

from newsreader.index.query import sole_field
from newsreader.ui.app import NewsreaderApp
from newsreader.ui.reading_layout import Focus
from newsreader.ui.research_views import research_query
from newsreader.ui.screens.glance import GlanceScreen
from newsreader.ui.screens.quotes import QuotesScreen
from newsreader.ui.screens.search import SearchScreen
from newsreader.ui.widgets.quote_list import QuoteList
from newsreader.ui.widgets.sidebar import SourcesSidebar
from newsreader.userdata.corrections import Corrections

ARTICLES = {
    "pier.md": ("2024-05-06", "Vallby pier reopens",
                "The Vallby pier reopened on Monday after a winter of repairs.\n\n"
                "“We kept every plank we could,” said harbour engineer Siri Holm.\n\n"
                "The council had set aside money for the work in the spring.\n\n"
                "“It cost less than a new pier would have,” said councillor Per Aune.\n"),
    "ferry.md": ("2024-06-10", "Night ferry returns to Vallby",
                 "The night ferry to Vallby returned on Friday after two years.\n\n"
                 "“People asked for it at every meeting,” said councillor Per Aune.\n\n"
                 "The operator said the crossing would run until October.\n\n"
                 "Fares stay as they were, the operator said.\n\n"
                 "“We will watch the numbers every week,” Aune added.\n"),
}


def _library(tmp_path: Path) -> Path:
    return write_dated_library(tmp_path / "lib", ARTICLES)


async def _open_quote(pilot, app: NewsreaderApp, row: int) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    assert isinstance(app.screen, QuotesScreen)
    for _ in range(row):
        await pilot.press("j")
    await pilot.press("enter")
    await settle(pilot)


async def test_a_speaker_in_the_sidebar_lists_their_quotes_and_opens_one_at_its_place(tmp_path: Path) -> None:
    app = NewsreaderApp(_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "pier.md")
        app.main.sidebar.post_message(SourcesSidebar.FocusChosen(Focus("speaker", "Per Aune")))
        await _open_quote(pilot, app, 1)  # newest first: the ferry's two quotes, then the pier's
        reader = app.main.reader
        assert reader.document is not None and reader.document.article.path == "ferry.md"
        quote = reader.analysis.quotes[reader.current_quote]
        assert reader.document.body[quote.start:quote.end] == "“We will watch the numbers every week,”"
        assert str(reader.border_subtitle) == f"quote {reader.current_quote + 1} of {len(reader.analysis.quotes)}"
        first_line = reader._page.quote_spans[reader.current_quote][0]
        assert round(reader.scroll_offset.y) == min(first_line, round(reader.max_scroll_y))


async def test_quoted_alone_in_search_opens_the_quotes_view(tmp_path: Path) -> None:
    app = NewsreaderApp(_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'quoted:"Siri Holm"')
        await settle_search(pilot)
        await pilot.press("enter")
        await _open_quote(pilot, app, 0)
        reader = app.main.reader
        assert reader.document is not None and reader.document.article.path == "pier.md"
        assert "We kept every plank" in reader.document.body[reader.analysis.quotes[reader.current_quote].start:]


async def test_i_shows_the_library_at_a_glance_and_its_names_open_their_quotes(tmp_path: Path) -> None:
    app = NewsreaderApp(_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, GlanceScreen)
        await pilot.press("enter")  # the most-quoted person: Per Aune, three quotes
        await settle(pilot)
        assert isinstance(app.screen, QuotesScreen)
        assert (app.screen.kind, app.screen.keys) == ("speaker", ("Per Aune",))
        await pilot.press("escape")  # back to the glance it was opened from
        await settle(pilot)
        assert isinstance(app.screen, GlanceScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main


#: A third article: another Holm quoted, and a board cited.
DREDGE = {"dredge.md": ("2024-07-01", "Dredging starts in Vallby harbour",
                        "Dredging of the Vallby harbour began on Tuesday, according to the Vallby Harbour Board.\n\n"
                        "“The channel will be deeper by August,” said Ada Holm, a diver.\n")}


def _heading(app: NewsreaderApp) -> str:
    return str(app.screen.query_one("#quotes-title", Static).render())


def _speakers(app: NewsreaderApp) -> list[tuple[str, str]]:
    rows = app.screen.query_one(QuoteList)
    held = [rows.pages.row(i) for i in range(rows.pages.count)]
    return [(row.article.path, row.speaker) for row in held if row]


async def _search(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash", *query)
    await settle_search(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_quoted_with_a_surname_lists_that_persons_quotes_and_esc_returns_to_the_search(tmp_path: Path) -> None:
    app = NewsreaderApp(_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for query, person, quotes in (("quoted:holm", "Siri Holm", "1 quote in 1 article"),
                                      ("quoted:aune", "Per Aune", "3 quotes in 2 articles"),
                                      ("quoted:per", "Per Aune", "3 quotes in 2 articles")):
            await _search(pilot, query)
            assert isinstance(app.screen, QuotesScreen)
            assert _heading(app) == f"Quotes by {person} · {quotes}"
            assert {speaker for _, speaker in _speakers(app)} == {person}
            await pilot.press("escape")  # back to the search it was opened from, with its query
            await settle_search(pilot)
            assert isinstance(app.screen, SearchScreen)
            assert app.screen.query_one(Input).value == query
            assert "Enter lists every quote" in screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is app.main


async def test_a_key_finding_several_people_or_part_of_a_source_names_them(tmp_path: Path) -> None:
    app = NewsreaderApp(write_dated_library(tmp_path / "lib", ARTICLES | DREDGE))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _search(pilot, "quoted:holm")
        assert _heading(app) == "Quotes by holm (2 people: Ada Holm, Siri Holm) · 2 quotes in 2 articles"
        assert _speakers(app) == [("dredge.md", "Ada Holm"), ("pier.md", "Siri Holm")]
        assert "as Ada Holm" in screen_text(app) and "as Siri Holm" in screen_text(app)
        await pilot.press("escape")
        await settle_search(pilot)
        assert app.screen.query_one(Input).value == "quoted:holm"
        await pilot.press("escape")
        await settle(pilot)
        await _search(pilot, "cites:board")
        assert _heading(app) == "Passages citing Vallby Harbour Board · 1 passage in 1 article"
        assert _speakers(app) == [("dredge.md", "Vallby Harbour Board")]
        await pilot.press("enter")  # a passage chosen still opens its article
        await settle(pilot)
        assert app.screen is app.main
        assert app.main.reader.document is not None and app.main.reader.document.article.path == "dredge.md"


async def test_a_surname_key_keeps_the_corrections_of_the_name_it_finds(tmp_path: Path) -> None:
    app = NewsreaderApp(_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pier = next(article.id for article in app.main.article_list.articles if article.path == "pier.md")
        corrections = Corrections()
        corrections.merge("Siri Holm", "Per Aune")
        location = app.main.loader.location
        assert location is not None
        app.push_screen(QuotesScreen(location, "speaker", ["holm"], "holm", corrections))
        await settle(pilot)
        assert _heading(app) == "Quotes by Per Aune (with Siri Holm) · 4 quotes in 2 articles"
        await pilot.press("escape")
        corrections.toggle_wrong(pier, "speaker", "Siri Holm")  # marked wrong: left out, under its own key
        app.push_screen(QuotesScreen(location, "speaker", ["holm"], "holm", corrections))
        await settle(pilot)
        assert _speakers(app) == [("ferry.md", "Per Aune"), ("ferry.md", "Per Aune"), ("pier.md", "Per Aune")]


def test_the_search_a_view_goes_back_to_opens_that_view_again() -> None:
    assert research_query("speaker", "beaumont") == "quoted:beaumont"
    assert research_query("source", "Vallby  Harbour Board") == 'cites:"Vallby Harbour Board"'
    for name in ("beaumont", "Harold Beaumont", "O'Brien", "x*", "a:b", "(Lindgren)", "Ödegård-Lind"):
        assert sole_field(research_query("speaker", name)) == ("quoted", name)
