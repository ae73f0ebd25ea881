"""Issue 11, defect 9: the small things seen by hand at 120x40 and 80x24.

The sidebar marks only the active choice; the skipped-files box holds its
message; the filter's placeholder fits; the palette shows keys as people write
them and only commands that work where it was opened; every screen's footer
shows its own working keys; a search hit's cursor covers its whole row; and the
highlight toggles say on screen what they did.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import open_path, screen_text, settle, settle_search
from rich.cells import cell_len
from textual.command import CommandList
from textual.widgets._footer import FooterKey

from newsreader.ui.app import NewsreaderApp
from newsreader.ui.screens.help import HelpScreen
from newsreader.ui.screens.open_folder import OpenFolderScreen
from newsreader.ui.screens.search import SearchResults, SearchScreen
from newsreader.ui.screens.skipped import SkippedScreen
from newsreader.ui.widgets.filter_box import PLACEHOLDERS, FilterBox


def _marked(app: NewsreaderApp) -> list[str]:
    """The sidebar lines that carry the ▸ marker, as shown."""
    return [line.split("▸", 1)[1].strip(" │") for line in screen_text(app).splitlines() if "▸" in line]


def _footer(app: NewsreaderApp) -> list[str]:
    """The descriptions in the current screen's footer, in order (not the palette's key)."""
    return [key.description for key in app.screen.query(FooterKey) if not key.has_class("-command-palette")]


# -- 1. the sidebar marks only the active choice ----------------------------------------
async def test_starred_only_marks_the_starred_shelf_not_all(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("asterisk")
        await settle(pilot)
        assert [line.split()[0] for line in _marked(app)] == ["All"]
        await pilot.press("S")
        await settle(pilot)
        assert [line.split()[1] for line in _marked(app)] == ["Starred"]
        assert app.main.session.spec.starred_only


async def test_choosing_all_shows_every_article_again(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("asterisk", "S")
        await settle(pilot)
        sidebar = app.main.sidebar
        sidebar.focus()
        sidebar.move_to(1)  # "All", under the OUTLETS heading
        await pilot.press("enter")
        await settle(pilot)
        assert not app.main.session.spec.starred_only
        assert app.main.session.spec.outlet is None
        assert app.main.article_list.row_count == 5
        assert [line.split()[0] for line in _marked(app)] == ["All"]


# -- 2. the skipped-files box holds its message ------------------------------------------
async def test_nothing_skipped_is_said_inside_a_box_of_its_size(tmp_path: Path) -> None:
    root = tmp_path / "tidy"
    root.mkdir()
    (root / "mill.txt").write_text("By Tomas Varga. Media: Riversidepost\nThe council voted to reopen the old mill.\n",
                                   encoding="utf-8")
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, SkippedScreen)
        box = app.screen.query_one("#skipped-box").region
        title = app.screen.query_one("#skipped-title").region
        assert box.contains_region(title)
        assert box.height == 3  # the border round the one line
        lines = screen_text(app).splitlines()
        assert "No files were skipped" in lines[title.y]
        assert lines[title.y - 1][box.x] == "╭" and lines[title.y + 1][box.x] == "╰"


async def test_skipped_files_are_listed_inside_the_box(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        box = app.screen.query_one("#skipped-box").region
        assert box.contains_region(app.screen.query_one("#skipped-title").region)
        assert box.contains_region(app.screen.query_one("#skipped-rows").region)
        assert box.height < 10  # one file: no screenful of empty box
        text = screen_text(app)
        assert "1 file skipped" in text and "scan.pdf" in text
        assert app.focused is app.screen.query_one("#skipped-rows")


# -- 3. the filter's placeholder fits ---------------------------------------------------------
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("reading", [False, True])
async def test_filter_placeholder_is_shown_whole(small_library: Path, size: tuple[int, int], reading: bool) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if reading:
            await open_path(pilot, "river/mill.txt")
        await pilot.press("f")
        await pilot.pause()
        box = app.main.query_one(FilterBox)
        assert box.placeholder in PLACEHOLDERS
        assert cell_len(box.placeholder) <= box.content_size.width
        line = screen_text(app).splitlines()[box.region.y]
        assert box.placeholder in line
        if size == (120, 40):  # room to say what it matches
            assert all(word in box.placeholder for word in ("title", "author", "outlet", "body"))


async def test_filter_placeholder_shortens_to_a_narrow_box(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        box = app.main.query_one(FilterBox)
        box.styles.width = 24
        await pilot.pause()
        assert box.placeholder == "Filter the list"


# -- 4. the palette: readable keys, only what works where it was opened ---------------------
async def test_palette_shows_keys_as_people_write_them(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        helps = {command.title: command.help for command in app.get_system_commands(app.main)}
        assert helps["Help"] == "Key: ?"
        assert helps["Find in article"] == "Key: Ctrl+F"
        assert helps["Previous match"] == "Key: Shift+F3"
        assert helps["Star"] == "Key: *"
        await pilot.press("ctrl+p", *"help")
        await pilot.pause(0.5)  # the palette gathers commands on Textual's clock
        listed = " ".join(str(option.prompt) for option in app.screen.query_one(CommandList).options)
        assert "Key: ?" in listed and "question_mark" not in listed


async def test_palette_runs_app_commands(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Help")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_palette_on_the_search_screen_offers_no_main_screen_commands(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Help", "Entities", "Quotes"} <= titles
        assert not titles & {"Find in article", "Sort", "Search", "Open folder", "Next article", "Next quote"}


# -- 5. every screen's footer shows its own working keys ----------------------------------
async def test_each_screen_footer_shows_only_its_working_keys(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main_keys = _footer(app)
        assert {"Search", "Open folder", "Sort", "Find in article"} <= set(main_keys)

        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenFolderScreen)
        assert _footer(app) == ["Cancel"]
        assert screen_text(app).splitlines()[-1].split() == ["esc", "Cancel"]
        await pilot.press("escape")

        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert _footer(app) == ["Close help"]
        assert screen_text(app).splitlines()[-1].split() == ["esc", "Close", "help"]
        await pilot.press("escape")

        await pilot.press("x")
        await pilot.pause()
        assert _footer(app) == ["Close"]
        assert screen_text(app).splitlines()[-1].split() == ["esc", "Close"]  # the whole width: nothing beneath
        await pilot.press("escape")

        await pilot.press("slash", *"council")
        await settle_search(pilot)
        assert _footer(app) == ["Back to the library"]  # the box takes the letters
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is app.screen.query_one(SearchResults)
        assert _footer(app) == ["Open", "Back to the library", "Export", "Quit", "Help", "Entities", "Quotes"]
        assert "Find in article" not in screen_text(app)


# -- 6. a search hit's cursor covers the whole hit ----------------------------------------
async def test_search_cursor_covers_outlet_date_and_snippet(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"council")
        await settle_search(pilot)
        await pilot.press("down")
        await pilot.pause()
        results = app.screen.query_one(SearchResults)
        assert len(results.hits) == 2 and results.cursor == 0
        cursor = results.get_component_rich_style("row-list--cursor").bgcolor
        hit = results.get_component_rich_style("search-results--hit").bgcolor
        title_row = list(results.render_line(0))
        outlet = [segment for segment in title_row if "Riverside Post" in segment.text]
        assert outlet and outlet[0].style is not None and outlet[0].style.bgcolor == cursor
        assert {segment.style.bgcolor for segment in title_row if segment.style} == {cursor}
        assert sum(segment.cell_length for segment in title_row) == results.scrollable_content_region.width
        snippet_row = list(results.render_line(1))
        assert {segment.style.bgcolor for segment in snippet_row if segment.style} == {cursor, hit}
        assert sum(segment.cell_length for segment in snippet_row) == results.scrollable_content_region.width
        other = {segment.style.bgcolor for segment in results.render_line(2) if segment.style}
        assert cursor not in other
        await pilot.press("j")
        await pilot.pause()
        assert results.cursor == 2
        assert cursor not in {segment.style.bgcolor for segment in results.render_line(1) if segment.style}
        assert cursor in {segment.style.bgcolor for segment in results.render_line(3) if segment.style}


# -- 7. the highlight toggles say what they did -------------------------------------------
async def test_highlight_toggles_are_announced(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:  # (toasts drawn, as in use)
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert not app.config.highlight_entities
        messages = [str(note.message) for note in app._notifications]
        assert messages == ["Entity highlighting off (saved)"]
        assert not any(note.markup for note in app._notifications)
        assert "Entity highlighting off (saved)" in screen_text(app)
        await pilot.press("u", "e")
        await pilot.pause()
        assert [str(note.message) for note in app._notifications][1:] == [
            "Quote highlighting off (saved)", "Entity highlighting on (saved)"]
        assert app.config.highlight_entities and not app.config.highlight_quotes
