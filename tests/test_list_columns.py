"""The list's columns share the row's width: empty columns take no space, the outlet fits its names,
the title gets the rest (issue 11). Libraries are written per test; all events are fictional."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from pilot_helpers import open_path, settle

from newsreader.ui.app import NewsreaderApp
from newsreader.ui.columns import GAP, LEAD, OUTLET_MIN, TITLE_FLOOR, TRAIL, Columns, Needs, layout
from newsreader.ui.widgets.article_list import ArticleList
from newsreader.ui.widgets.cells import fit_right, word_count_label

#: First paragraphs (the titles of plain-text articles), each longer than any list row.
LEADS = (
    "The Norvik Harbour Authority approved a twelve year plan to rebuild the eastern breakwater on Tuesday",
    "Orchards across the Vessa valley reported the latest apple blossom in forty years after a long winter",
    "The fictional rail line between Tollgate and Brennmark reopened with slower trains and a new timetable",
    "Councillors in Lindholm voted to turn the disused grain mill on the river into a museum of local trades",
)
OUTLETS = ("Valley Herald", "Ledger")


def write_library(root: Path, outlets: tuple[str, ...] = OUTLETS, dated: bool = False) -> Path:
    """Plain-text articles (``By <author>, <role>. Media: <outlet>``) or, with ``dated``,
    Markdown ones with a date; no outlet at all when ``outlets`` is empty."""
    root.mkdir(parents=True, exist_ok=True)
    for number, lead in enumerate(LEADS):
        outlet = outlets[number % len(outlets)] if outlets else None
        body = f"{lead}.\nCrews and residents were told more at a meeting on Friday.\n"
        if dated:
            meta = f"title: {lead}\nauthor: Ilse Brandt\ndate: 2031-05-{number + 1:02d}\n"
            meta += f"source: {outlet}\n" if outlet else ""
            (root / f"story{number}.md").write_text(f"---\n{meta}---\n{body}", encoding="utf-8")
        else:
            byline = f"By Ilse Brandt, Staff Reporter. Media: {outlet}\n" if outlet else ""
            (root / f"story{number}.txt").write_text(byline + body, encoding="utf-8")
    return root


def title_shown(listing: ArticleList, index: int) -> int:
    """How many characters of row ``index``'s title the list shows (the row is on screen)."""
    article = listing.cache.row(index)
    assert article is not None
    text = listing.render_line(index - int(listing.scroll_offset.y)).text
    shown = text[LEAD:]
    count = 0
    while count < len(article.title) and count < len(shown) and shown[count] == article.title[count]:
        count += 1
    return count


def min_title_shown(listing: ArticleList) -> int:
    return min(title_shown(listing, index) for index in range(listing.row_count))


async def test_titles_get_60_characters_at_200x60_without_dates(tmp_path: Path) -> None:
    app = NewsreaderApp(write_library(tmp_path / "library"))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        listing = app.main.article_list
        assert listing.column_needs().date == 0, "no article has a date: the date column takes no space"
        assert min_title_shown(listing) >= 60
        cells = layout(listing.scrollable_content_region.width, listing.column_needs())
        assert cells.date == 0 and cells.used() == listing.scrollable_content_region.width
        assert min_title_shown(listing) == cells.title - 1, "the title gets every cell the columns leave"


async def test_titles_get_36_characters_at_120x40_with_the_sidebar(tmp_path: Path) -> None:
    app = NewsreaderApp(write_library(tmp_path / "library", dated=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.sidebar.display and app.main.sidebar.region.width > 0
        assert min_title_shown(app.main.article_list) >= 36


async def test_the_outlet_column_fits_the_longest_name_shown(tmp_path: Path) -> None:
    app = NewsreaderApp(write_library(tmp_path / "library"))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        listing = app.main.article_list
        needs = listing.column_needs()
        assert needs.outlet == len("Valley Herald")
        for index in range(listing.row_count):
            article = listing.cache.row(index)
            assert article is not None and article.outlet is not None
            label = fit_right(word_count_label(article.word_count), needs.length)
            text = listing.render_line(index).text
            # The name in full, padded to the longest one and no further, then the length: no date between.
            assert text.endswith(f" {article.outlet:<13} {label} "), text


async def test_a_library_without_outlets_or_dates_gives_the_title_all_but_the_length(tmp_path: Path) -> None:
    app = NewsreaderApp(write_library(tmp_path / "library", outlets=()))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.main.article_list
        needs = listing.column_needs()
        assert (needs.outlet, needs.date) == (0, 0)
        width = listing.scrollable_content_region.width
        cells = layout(width, needs)
        assert (cells.outlet, cells.date) == (0, 0)
        assert min_title_shown(listing) == cells.title - 1  # (the last cell is the ellipsis)


async def test_the_columns_follow_the_list_width_on_resize_and_when_reading(tmp_path: Path) -> None:
    app = NewsreaderApp(write_library(tmp_path / "library", dated=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.main.article_list
        narrow = min_title_shown(listing)
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        width = listing.scrollable_content_region.width
        wide = min_title_shown(listing)
        assert wide > narrow
        assert wide == layout(width, listing.column_needs()).title - 1
        await open_path(pilot, "story0.md")
        reading_width = listing.scrollable_content_region.width
        cells = layout(reading_width, listing.column_needs())
        assert cells.used() == reading_width
        assert min_title_shown(listing) == cells.title - 1 >= TITLE_FLOOR - 1


NEEDS = st.builds(Needs, title=st.integers(0, 300), outlet=st.integers(0, 80), date=st.sampled_from([0, 11]),
                  length=st.integers(0, 6))


@given(width=st.integers(LEAD + TRAIL, 400), needs=NEEDS)
def test_layout_fills_the_width_and_never_starves_the_title(width: int, needs: Needs) -> None:
    cells = layout(width, needs)
    room = width - LEAD - TRAIL
    shown = [c for c in (cells.outlet, cells.date, cells.length) if c]
    # The row is exactly the width: the title gets all the columns leave.
    assert cells.used() == width
    assert cells.title == room - sum(shown) - GAP * len(shown) >= 0
    # A column never takes more than it needs, and one with no data takes nothing.
    assert cells.outlet <= needs.outlet and cells.date <= needs.date and cells.length <= needs.length
    # Columns give way before the title drops under its floor (or under what the titles need).
    assert cells.title >= min(room, needs.title, TITLE_FLOOR)
    # An outlet is shown in full when it can be, and never cut below OUTLET_MIN.
    assert cells.outlet == 0 or cells.outlet >= min(needs.outlet, OUTLET_MIN)


@given(needs=NEEDS)
def test_layout_with_room_to_spare_shows_every_column_in_full(needs: Needs) -> None:
    wide = LEAD + TRAIL + needs.title + needs.outlet + needs.date + needs.length + 3 * GAP + 200
    cells = layout(wide, needs)
    assert cells == Columns(cells.title, needs.outlet, needs.date, needs.length)
    assert cells.title >= needs.title


def test_the_sort_column_is_kept_first_when_only_one_fits() -> None:
    needs = Needs(title=70, outlet=16, date=11)
    width = LEAD + TITLE_FLOOR + GAP + 16 + TRAIL + 2  # room for the title floor and one column, not two
    assert layout(width, needs, "date").date == 11 and layout(width, needs, "date").outlet == 0
    assert layout(width, needs, "outlet").outlet == 16 and layout(width, needs, "outlet").date == 0
