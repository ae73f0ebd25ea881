"""Research flows from the main screen (issue 12): the ways into a speaker's quotes, and back
into the article at the quote chosen."""

from __future__ import annotations

from pathlib import Path

from index_fixtures import write_dated_library
from pilot_helpers import open_path, settle, settle_search

from newsreader.ui.app import NewsreaderApp
from newsreader.ui.reading_layout import Focus
from newsreader.ui.screens.glance import GlanceScreen
from newsreader.ui.screens.quotes import QuotesScreen
from newsreader.ui.widgets.sidebar import SourcesSidebar

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
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main
