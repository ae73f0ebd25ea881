"""Search across the library and cross-article lookups from the sidebar."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import open_path, screen_text, settle

from newsreader.ui.app import NewsreaderApp
from newsreader.ui.screens.search import SearchResults, SearchScreen


async def _settle_search(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(0.2)  # let the debounce timer fire (Textual's clock, not a sleep in the test)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_search_ranks_highlights_and_opens(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"ferries")
        await _settle_search(pilot)
        results = app.screen.query_one(SearchResults)
        assert [article.path for _, article in results.hits] == ["coastal/ferries.txt"]
        text = screen_text(app)
        assert "1 result" in text and "ferries" in text.lower()
        assert any(is_hit for _, is_hit in results.hits[0][0].snippet)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.reader.document is not None and app.main.reader.document.article.path == "coastal/ferries.txt"


async def test_bad_query_gives_a_message_not_a_crash(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'after:notadate "unclosed OR')
        await _settle_search(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert "after:" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_stale_results_never_replace_newer_ones(small_library: Path) -> None:
    from newsreader.ui.screens.search import SearchDone

    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mill")
        await _settle_search(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        shown = list(screen.query_one(SearchResults).hits)
        assert shown
        screen.post_message(SearchDone(screen._shown - 1, [], None, 0.0))  # an older query finishing late
        await pilot.pause()
        assert screen.query_one(SearchResults).hits == shown


async def test_sidebar_choice_lists_every_article_naming_it(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    for name, text in {
        "a.txt": "By Ana Lind. Media: Coastalbulletin\nMayor Petra Holm opened the bridge on Monday.\n",
        "b.txt": "By Ana Lind. Media: Coastalbulletin\n“It is a good day,” said Petra Holm, the mayor.\n",
        "c.txt": "By Ana Lind. Media: Riversidepost\nThe river flooded the lower town again.\n",
    }.items():
        (root / name).write_text(text, encoding="utf-8")
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "a.txt")
        rows = app.main.sidebar._rows
        person = next(i for i, row in enumerate(rows) if row.kind == "entity" and row.value == "Petra Holm")
        app.main.sidebar.focus()
        app.main.sidebar.move_to(person)
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(a.path for a in app.main.article_list.articles) == ["a.txt", "b.txt"]
        assert "naming Petra Holm" in str(app.query_one("#list-pane").border_title)
        assert app.main.reader.focus_on is not None and app.main.reader._page.focus_lines, app.main.reader.focus_on
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.article_list.row_count == 3


async def test_snippets_past_the_first_screens_come_as_rows_are_drawn(tmp_path: Path) -> None:
    from newsreader.ui.screens.search import FIRST_SNIPPETS

    root = tmp_path / "many"
    root.mkdir()
    for number in range(FIRST_SNIPPETS + 25):
        (root / f"quay-{number:03}.txt").write_text(
            f"By Ana Lind. Media: Northernwire\nThe north quay closed for the {number}th time.\nCrews left.\n",
            encoding="utf-8")
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"quay")
        await _settle_search(pilot)
        results = app.screen.query_one(SearchResults)
        assert len(results.hits) == FIRST_SNIPPETS + 25
        assert all(hit.snippet for hit, _ in results.hits[:FIRST_SNIPPETS])
        assert not any(hit.snippet for hit, _ in results.hits[FIRST_SNIPPETS:])  # not fetched yet
        await pilot.press("down", "end")  # to the results, then the last one: its rows are drawn
        await _settle_search(pilot)
        await _settle_search(pilot)
        last, _ = results.hits[-1]
        assert any(is_hit and text.lower() == "quay" for text, is_hit in last.snippet)
        assert "quay" in screen_text(app).lower()


async def test_a_click_on_a_result_opens_that_result_inside_the_lists_border(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"council")
        await _settle_search(pilot)
        results = app.screen.query_one(SearchResults)
        first = results.hits[0][1]
        assert len(results.hits) == 2 and first is not None
        await pilot.click("#search-results", offset=(6, 1))  # row 0 of the content: the border is row 0 of the widget
        await settle(pilot)
        assert app.main.reader.document is not None and app.main.reader.document.article.path == first.path


async def test_the_status_says_what_enter_lists_for_quoted_and_for_cites(small_library: Path) -> None:
    from textual.widgets import Input, Static

    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'quoted:"Jonas Berg"')
        await _settle_search(pilot)
        status = app.screen.query_one("#search-status", Static)
        assert str(status.render()).endswith("Enter lists every quote, Esc returns")
        app.screen.query_one("#search-input", Input).value = "cites:Norway"
        await _settle_search(pilot)
        assert str(status.render()).endswith("Enter lists every passage citing it, Esc returns")
        app.screen.query_one("#search-input", Input).value = "ferries"
        await _settle_search(pilot)
        assert str(status.render()).endswith("Enter opens, Esc returns")
