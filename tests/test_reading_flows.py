"""Reading without surprises (issue 11): the open article, the list and the find bar agree.

Each test drives the app with keys and asserts what a reader would check on
screen: which row the cursor is on, which article a key acts on, which list
``n`` steps through, what the reading pane's frame says, where text wraps.
"""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import open_path, screen_text, settle, settle_search

from newsreader.ui.app import NewsreaderApp
from newsreader.ui.widgets.sidebar import SourcesSidebar


def _cursor_path(app: NewsreaderApp) -> str | None:
    current = app.main.article_list.current
    return current.path if current is not None else None


async def test_the_cursor_comes_back_to_the_open_article_after_a_filter(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "coastal/quota.txt")
        await pilot.press("f", *"museum")  # hides the open article: the cursor lands on another row
        await settle(pilot)
        assert _cursor_path(app) == "river/mill.txt"
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert _cursor_path(app) == "coastal/quota.txt"
        await pilot.press("asterisk")  # acts on the article being read, not the row the filter showed
        await settle(pilot)
        starred = {a.path for a in app.main.article_list.articles if a.id in app.main.reading.starred_ids}
        assert starred == {"coastal/quota.txt"}


async def test_the_cursor_follows_the_open_article_through_unread_only(small_library: Path) -> None:
    """A new instance of the kind: any view that hides the open article and then shows it again."""
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "river/bridge.md")
        app.main.article_list.focus()
        await pilot.press("U")  # the open article is read, so unread-only hides it
        await settle(pilot)
        assert "river/bridge.md" not in [a.path for a in app.main.article_list.articles]
        await pilot.press("U")
        await settle(pilot)
        assert _cursor_path(app) == "river/bridge.md"
        await pilot.press("r")  # marks the article the cursor came back to
        assert not app.main.reading.is_read(app.main.article_list.current.id)  # type: ignore[union-attr]


async def test_previous_match_has_keys_every_terminal_sends(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "coastal/ferries.txt")
        await pilot.press("ctrl+f", *"er")
        await pilot.pause()
        total = len(app.main.reader.find_hits)
        label = app.query_one("#find-count")
        assert total >= 3 and str(label.render()) == f"1 of {total}"
        await pilot.press("down")
        assert str(label.render()) == f"2 of {total}"
        await pilot.press("up", "up")
        assert str(label.render()) == f"{total} of {total}"
        footer = screen_text(app).splitlines()[-1]
        assert "Next match" in footer and "Previous match" in footer and "Close find" in footer
        assert "↑" in footer and "Esc" in footer


async def test_another_folder_leaves_no_stale_title(small_library: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "one.txt").write_text("By Lena Ruud. Media: Northernwire\nThe lighthouse keeper retired after forty years.\n")
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "coastal/ferries.txt")
        assert "Norvik Harbour Authority" in str(app.main.reader.border_title)
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#open-path").value = str(other)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.reader.document is None
        assert str(app.main.reader.border_title) == "Article"
        assert "Norvik" not in screen_text(app)


async def test_next_after_a_search_result_from_outside_the_filtered_list(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        coastal = next(name for name, _ in app.main.session.outlets if "oastal" in name)
        app.main.sidebar.post_message(SourcesSidebar.OutletChosen(coastal))
        await settle(pilot)
        assert {a.path for a in app.main.article_list.articles} == {"coastal/ferries.txt", "coastal/quota.txt"}
        await pilot.press("slash", *"museum")
        await settle_search(pilot)
        await pilot.press("enter")
        await settle(pilot)
        listing = app.main.article_list
        paths = [a.path for a in listing.articles]
        assert len(paths) == 5 and app.main.session.spec.outlet is None  # the list shows every article again
        assert _cursor_path(app) == "river/mill.txt"
        assert any("Showing all articles" in str(note.message) for note in app._notifications)
        here = paths.index("river/mill.txt")
        key, step = ("n", 1) if here + 1 < len(paths) else ("p", -1)  # (no date: it may be the last row)
        await pilot.press(key)
        await settle(pilot)
        neighbour = paths[here + step]
        assert app.main.reader.document is not None and app.main.reader.document.article.path == neighbour


def _long_library(tmp_path: Path) -> Path:
    root = tmp_path / "long"
    root.mkdir()
    paragraph = ("The ferry committee of Vallby met again on Thursday to weigh the timetable, the fares and "
                 "the state of the old pier, and its members argued late into the evening. ")
    (root / "long.txt").write_text("By Oda Fjell. Media: Vallbyposten\n" + "\n".join([paragraph * 2] * 30) + "\n")
    (root / "short.txt").write_text("By Oda Fjell. Media: Vallbyposten\nThe pier reopens on Monday.\n")
    return root


async def test_text_wraps_to_one_width_whether_or_not_it_scrolls(tmp_path: Path) -> None:
    app = NewsreaderApp(_long_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.main.reader
        await open_path(pilot, "long.txt")
        await pilot.pause()
        long_width, long_lines = reader._laid_out_width, len(reader._page.lines)
        assert long_width == reader.scrollable_content_region.width == reader.size.width - 1  # the scrollbar's column
        assert max(sum(len(s.text) for s in line) for line in reader._page.lines) <= long_width
        await open_path(pilot, "short.txt")
        assert reader._laid_out_width == long_width
        await open_path(pilot, "long.txt")
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await settle(pilot)
        assert (reader._laid_out_width, len(reader._page.lines)) == (long_width, long_lines)


async def test_the_reading_pane_is_the_widest_pane_when_reading(small_library: Path) -> None:
    for size in ((120, 40), (200, 60), (160, 50)):
        app = NewsreaderApp(small_library)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await open_path(pilot, "coastal/ferries.txt")
            main = app.main
            reader, listing, sidebar = (main.query_one(f"#{name}").region for name in ("reader-column", "list-pane",
                                                                                   "sidebar"))
            assert reader.width > listing.width and reader.width > sidebar.width, size


async def test_a_narrow_terminal_lays_the_sidebar_over_the_list(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_path(pilot, "coastal/ferries.txt")
        reader_before = app.main.query_one("#reader-column").region
        await pilot.press("b")
        await pilot.pause()
        sidebar = app.main.query_one("#sidebar")
        assert sidebar.display and sidebar.region.width > 0
        assert app.main.query_one("#reader-column").region == reader_before  # the reading pane keeps its width
        assert reader_before.width >= 60


async def test_quote_keys_say_which_quote_and_mark_it(tmp_path: Path) -> None:
    root = tmp_path / "quotes"
    root.mkdir()
    (root / "pier.txt").write_text(
        "By Oda Fjell. Media: Vallbyposten\n"
        "The Vallby pier reopened on Monday after a winter of repairs.\n"
        "“We kept every plank we could,” said harbour engineer Siri Holm.\n"
        "The council had set aside money for the work in the spring.\n"
        "“It cost less than a new pier would have,” said councillor Per Aune.\n"
        "Fishing boats were already tied up by noon.\n"
        "“The boats are back, and so are the buyers,” said Marta Lie, who runs the fish market.\n")
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "pier.txt")
        reader = app.main.reader
        spans = reader._page.quote_spans
        assert len(spans) == 3

        def bars() -> list[str]:
            return [reader._page.lines[first][0].text.strip() for first, _ in spans]

        def drawn_bar(quote: int) -> str:
            line = spans[quote][0] - round(reader.scroll_offset.y)
            return reader.render_line(line).text.strip()[0]

        await pilot.press("right_square_bracket")
        assert str(reader.border_subtitle) == "quote 1 of 3" and drawn_bar(0) == "█"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert str(reader.border_subtitle) == "quote 3 of 3" and drawn_bar(2) == "█"
        await pilot.press("left_square_bracket")
        assert str(reader.border_subtitle) == "quote 2 of 3" and drawn_bar(1) == "█"
        assert bars() == ["▌", "▌", "▌"]  # the layout is untouched: only the drawing marks the current one
        await pilot.press("u")  # quotes hidden: no current quote to count
        await pilot.pause()
        assert str(reader.border_subtitle) == "" and reader._page.quote_spans == []
        await pilot.press("u")


async def test_keys_typed_right_after_f_or_ctrl_f_land_in_the_box(small_library: Path) -> None:
    """Keys already queued behind f or Ctrl+F reach the box, not the list or the reading pane."""
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "coastal/ferries.txt")
        await pilot.press("ctrl+f", *"crews")  # one batch: no pause between the keys
        assert app.query_one("#find-input").value == "crews"  # type: ignore[attr-defined]
        await pilot.press("escape")
        app.main.article_list.focus()
        await pilot.pause()
        await pilot.press("f", *"museum")
        assert app.main.filter_box.value == "museum"


async def test_star_in_the_list_marks_the_row_under_the_cursor(small_library: Path) -> None:
    """With the list focused, * and r act on the row the reader sees marked, even while another
    article is open; from the reading pane, on the open article."""
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "coastal/quota.txt")
        await pilot.press("asterisk")  # the reading pane has the focus: the open article
        listing = app.main.article_list
        listing.focus()
        listing.move_to(next(i for i, a in enumerate(listing.articles) if a.path == "river/mill.txt"))
        await pilot.press("asterisk")
        await settle(pilot)
        starred = {a.path for a in listing.articles if a.id in app.main.reading.starred_ids}
        assert starred == {"coastal/quota.txt", "river/mill.txt"}
