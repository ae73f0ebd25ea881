"""The app as a user drives it: navigation, opening, filters, help, quitting."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import open_path, screen_text, settle

from newsreader.ui.app import NewsreaderApp
from newsreader.ui.screens.help import HelpScreen
from newsreader.ui.screens.skipped import SkippedScreen


async def test_lists_every_article_and_counts_them(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.article_list.row_count == 5
        text = screen_text(app)
        assert "5 articles" in text
        assert "1 skipped" in text
        assert "Bridge repairs begin" in text


async def test_keys_move_the_cursor(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.main.article_list
        assert listing.cursor == 0
        await pilot.press("j", "j")
        assert listing.cursor == 2
        await pilot.press("k")
        assert listing.cursor == 1
        await pilot.press("G")
        assert listing.cursor == 4
        await pilot.press("g")
        assert listing.cursor == 0
        await pilot.press("end", "up", "home", "down")
        assert listing.cursor == 1


async def test_enter_opens_and_n_p_step_through_articles(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first, second = app.main.article_list.articles[:2]
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.reader.document is not None and app.main.reader.document.article == first
        assert app.focused is app.main.reader
        assert app.main.article_list.open_id == first.id
        await pilot.press("n")
        await settle(pilot)
        assert app.main.reader.document.article == second
        assert app.main.article_list.cursor == 1
        await pilot.press("p")
        await settle(pilot)
        assert app.main.reader.document.article == first
        await pilot.press("escape")
        assert app.focused is app.main.article_list


async def test_opened_article_shows_quote_and_sidebar(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "coastal/ferries.txt")
        text = screen_text(app)
        assert "We will not put crews at risk" in text
        assert "THIS ARTICLE" in text
        assert app.main.reader._page.quote_lines, "the quotation should be found and barred"


async def test_filter_narrows_and_escape_clears(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"mill")
        await settle(pilot)
        assert [a.path for a in app.main.article_list.articles] == ["river/mill.txt"]
        await pilot.press("enter")
        assert app.focused is app.main.article_list
        await pilot.press("f", "backspace", "backspace", "backspace", "backspace", *"thursday")
        await settle(pilot)
        # "thursday" is only in a body: the filter reads bodies too.
        assert [a.path for a in app.main.article_list.articles] == ["notes/plain.txt"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.article_list.row_count == 5


async def test_outlet_filter_toggles(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sidebar.focus()
        await pilot.press("g")
        assert app.main.sidebar.cursor == 1  # the heading is skipped: "All"
        await pilot.press("j", "enter")  # the first outlet: Coastalbulletin (two articles)
        await settle(pilot)
        assert {a.outlet for a in app.main.article_list.articles} == {"Coastalbulletin"}
        assert "2 of 5 articles" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.article_list.row_count == 5


async def test_sort_cycles(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        titles = [a.title for a in app.main.article_list.articles]
        assert titles == sorted(titles, key=str.casefold)
        assert "title" in str(app.query_one("#list-pane").border_title)


async def test_help_lists_bindings_and_closes(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ("Open folder", "Filter", "Quit"):
            assert words in text
        seen = text
        for _ in range(6):  # page through the whole help: it is longer than the screen
            await pilot.press("pagedown")
            seen += screen_text(app)
        for words in ("Next quote", "Next article", "Copy quote", "At a glance", "Highlights"):
            assert words in seen
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_skipped_files_are_listed(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, SkippedScreen)
        assert "notes/scan.pdf" in screen_text(app)
        await pilot.press("escape")


async def test_q_quits(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_open_folder_replaces_the_library(small_library: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "one.txt").write_text("By A Writer. Media: Northernwire\nA single story about a lighthouse.\n")
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#open-path").value = str(other)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.root == other.resolve()
        assert [a.path for a in app.main.article_list.articles] == ["one.txt"]


async def test_click_selects_and_opens(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click("#articles", offset=(5, 2))
        await settle(pilot)
        assert app.main.article_list.cursor == 2
        assert app.main.reader.document is not None


async def test_tiny_terminal_and_resizing_survive(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(20, 6)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for size in ((200, 60), (20, 6), (80, 24), (69, 20), (109, 30), (3, 3), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert app.main.reader.document is not None
        assert "newsreader" in screen_text(app)


async def test_markup_in_titles_is_literal(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    root.mkdir()
    (root / "x.md").write_text("# [bold red]Loud[/] [link=file:///etc/passwd]click[/link]\n\nBody [@click=app.quit]x\n")
    app = NewsreaderApp(root)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "[bold red]Loud[/]" in text
        assert "[@click=app.quit]" in text


async def test_find_in_article_counts_and_steps(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "coastal/ferries.txt")
        await pilot.press("ctrl+f", *"er")
        await pilot.pause()
        hits = app.main.reader.find_hits
        assert len(hits) >= 3 and all(app.main.reader.document.body[s:e].lower() == "er" for s, e in hits)
        label = app.query_one("#find-count")
        assert str(label.render()) == f"1 of {len(hits)}"
        await pilot.press("enter")
        assert str(label.render()) == f"2 of {len(hits)}"
        await pilot.press("shift+enter", "shift+enter")
        assert str(label.render()) == f"{len(hits)} of {len(hits)}"
        await pilot.press("f3")
        assert app.main.reader.find_current == 0
        await pilot.press("backspace", "backspace", *"zzz")
        await pilot.pause()
        assert str(label.render()) == "no matches"
        await pilot.press("escape")
        await pilot.pause()
        assert app.main.reader.find_hits == ()
        assert app.focused is app.main.reader
        await pilot.press("n")  # n keeps its meaning: next article
        await settle(pilot)
        assert app.main.reader.document.article.path != "coastal/ferries.txt"


def test_help_key_names_read_as_people_write_them() -> None:
    from newsreader.ui.screens.help import key_display

    assert [key_display(k) for k in ("escape", "ctrl+f", "shift+f3", "question_mark", "slash", "j", "G",
                                     "right_square_bracket", "pagedown", "space", "shift+tab", "f3")] == [
        "Esc", "Ctrl+F", "Shift+F3", "?", "/", "j", "G", "]", "PgDn", "Space", "Shift+Tab", "F3"]


async def test_help_scrolls_with_j_k_g_and_G(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from textual.containers import VerticalScroll

    from newsreader.ui.screens.help import HelpScreen

    (tmp_path / "a.txt").write_text("By Ana Lind. Media: Northernwire\nThe quay closed.\n", encoding="utf-8")
    app = NewsreaderApp(tmp_path)
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body", VerticalScroll)
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y > 0 and body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("j", "j")
        await pilot.pause()
        down = body.scroll_y
        assert down > 0
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y < down
        from rich.console import Console

        console = Console(width=100, record=True)
        for static in app.screen.query("Static"):
            console.print(static.render())
        words = console.export_text().split()
        assert "Esc" in words and "escape" not in words and "question_mark" not in words


async def test_the_palette_and_help_offer_the_reading_and_sidebar_keys(small_library: Path) -> None:
    """Copy, link and corrections keys live on the reading column and the sidebar; the command palette
    and the help screen list them too (a newcomer searched the palette for "copy" and "merge")."""
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.main)]
        for wanted in ("Copy quote (the open article)", "Open link (the open article)",
                       "Wrong here (the sidebar's row)", "Merge into… (the sidebar's row)"):
            assert wanted in titles
        await pilot.press("question_mark")
        seen = screen_text(app)
        for _ in range(8):
            await pilot.press("pagedown")
            seen += screen_text(app)
        assert "Sidebar" in seen and "Wrong here" in seen and "Unmerge" in seen
