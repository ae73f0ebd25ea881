"""The quotes view (every quote by a person, every passage citing a source) and the library at a glance."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import screen_text, settle
from textual.widgets import Sparkline

from newsreader.index.research import QuoteRow
from newsreader.library.model import Article
from newsreader.library.scanner import read_article
from newsreader.ui.app import NewsreaderApp
from newsreader.ui.screens.glance import GlanceList, GlanceRead, GlanceScreen, MonthAxis, axis_line, month_column
from newsreader.ui.screens.quotes import QuotesScreen
from newsreader.ui.widgets import quote_list
from newsreader.ui.widgets.quote_list import QuoteList, quote_lines

HARBOUR = {
    "ferry.md": ("Ferry line to reopen in spring", "Coastalbulletin", "2024-03-10",
                 "The Norvik ferry line will reopen in April, the harbour board said on Monday.\n\n"
                 "“We will open the line before Easter,” said Siri Holm, the harbour director.\n\n"
                 "Repairs to the pier cost more than planned. “The budget is tight, but the boats are ready,” "
                 "Holm said.\n"),
    "director.md": ("Harbour board names new director", "riversidepost.com", "2023-11-20",
                    "The harbour board named Siri Holm as its director on Thursday.\n\n"
                    "“I grew up on these quays,” said Siri Holm. The board's chair, Erik Dahl, praised her record.\n\n"
                    "“She knows every captain by name,” said Erik Dahl.\n"),
    "storm.md": ("Storm closes the pier for a week", "Coastalbulletin", "2024-01-05",
                 "A winter storm closed the Norvik pier for a week, according to the Coastal Safety Directorate.\n\n"
                 "“Nobody sails until the wind drops,” said Siri Holm.\n"),
}


def write_article(root: Path, name: str, title: str, outlet: str, date: str, body: str) -> None:
    (root / name).write_text(f"---\ntitle: {title}\nauthor: Ana Lind\nsource: {outlet}\ndate: {date}\n---\n{body}",
                             encoding="utf-8")


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    """Three dated articles from two outlets quoting the fictional harbour director Siri Holm."""
    root = tmp_path / "harbour"
    root.mkdir()
    for name, (title, outlet, date, body) in HARBOUR.items():
        write_article(root, name, title, outlet, date, body)
    return root


def shown_rows(rows: QuoteList) -> list[tuple[str, str, str, str]]:
    """(text, title, outlet, date) of every row held, as the list draws them."""
    shown = [quote_lines(row, quoted=True) if row else None for row in map(rows.pages.row, range(rows.pages.count))]
    return [(lines.text, lines.title, lines.outlet, lines.date) if lines else ("?", "", "", "") for lines in shown]


async def drain(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the screen post its questions, its workers answer, and the answers be drawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_quotes(pilot, kind: str, keys: list[str], title: str) -> list[object]:  # type: ignore[no-untyped-def]
    """Push the quotes view over the settled main screen; the list the result lands in."""
    await settle(pilot)
    results: list[object] = []
    pilot.app.push_screen(QuotesScreen(pilot.app.main.loader.location, kind, keys, title), results.append)
    await drain(pilot)
    return results


async def test_quotes_by_a_speaker_newest_first_with_title_outlet_and_date(harbour: Path) -> None:
    app = NewsreaderApp(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_quotes(pilot, "speaker", ["Siri Holm"], "Siri Holm")
        rows = app.screen.query_one(QuoteList)
        assert shown_rows(rows) == [
            ("“We will open the line before Easter,”", "Ferry line to reopen in spring", "Coastal Bulletin",
             "10 Mar 2024"),
            ("“The budget is tight, but the boats are ready,”", "Ferry line to reopen in spring",
             "Coastal Bulletin", "10 Mar 2024"),
            ("“Nobody sails until the wind drops,”", "Storm closes the pier for a week", "Coastal Bulletin",
             "5 Jan 2024"),
            ("“I grew up on these quays,”", "Harbour board names new director", "Riverside Post", "20 Nov 2023"),
        ]
        text = screen_text(app)
        assert "Quotes by Siri Holm · 4 quotes in 3 articles" in text
        lines = text.splitlines()
        first = next(i for i, line in enumerate(lines) if "Before Easter".lower() in line.lower())
        assert "10 Mar 2024" in lines[first]
        assert "Ferry line to reopen in spring" in lines[first + 1] and "Coastal Bulletin" in lines[first + 1]
        assert "Erik Dahl" not in text  # his quote is not hers
        footer = text.splitlines()[-1]
        assert "Open" in footer and "Back" in footer and "Search" not in footer and "Quit" not in footer


async def test_enter_returns_the_article_and_where_the_quote_starts(harbour: Path) -> None:
    app = NewsreaderApp(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        results = await open_quotes(pilot, "speaker", ["siri holm"], "Siri Holm")
        await pilot.press("j", "j")  # the third quote: the storm article's
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, QuotesScreen)
        [(article_id, start)] = results  # type: ignore[misc]
        article = next(a for a in app.main.article_list.articles if a.id == article_id)
        assert article.path == "storm.md"
        body = read_article(harbour, article).body
        assert body[start:].startswith("“Nobody sails until the wind drops,”")


@pytest.mark.parametrize(("y", "quote"), [(3, 1), (8, 3)])  # (under the border) a text line, an article line
async def test_a_click_on_either_line_of_a_quote_opens_it(harbour: Path, y: int, quote: int) -> None:
    app = NewsreaderApp(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        results = await open_quotes(pilot, "speaker", ["Siri Holm"], "Siri Holm")
        row = app.screen.query_one(QuoteList).pages.row(quote)
        assert row is not None
        await pilot.click(QuoteList, offset=(30, y))
        await pilot.pause()
        assert results == [(row.article.id, row.start)]


async def test_escape_returns_none_and_an_unknown_name_says_so(harbour: Path) -> None:
    app = NewsreaderApp(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        results = await open_quotes(pilot, "speaker", ["Nobody Known"], "Nobody Known")
        assert "Quotes by Nobody Known · no quotes in the library" in screen_text(app)
        await pilot.press("enter")  # nothing to open: the screen stays
        assert isinstance(app.screen, QuotesScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert results == [None] and not isinstance(app.screen, QuotesScreen)


async def test_passages_citing_a_source(harbour: Path) -> None:
    app = NewsreaderApp(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        results = await open_quotes(pilot, "source", ["Coastal Safety Directorate"], "Coastal Safety Directorate")
        text = screen_text(app)
        assert "Passages citing Coastal Safety Directorate · 1 passage in 1 article" in text
        # A passage is not a quotation: no quotation marks are added.
        assert "A winter storm closed the Norvik pier for a week, according to the Coastal Safety" in text
        assert "“A winter" not in text
        await pilot.press("enter")
        await pilot.pause()
        [(article_id, start)] = results  # type: ignore[misc]
        assert start == 0
        assert next(a for a in app.main.article_list.articles if a.id == article_id).path == "storm.md"


async def test_a_long_listing_is_fetched_a_page_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for day in range(1, 29):
        body = "".join(f"“Pier report {day:02d}-{n} is ready,” said Siri Holm.\n\n" for n in range(4))
        write_article(root, f"day{day:02d}.md", f"Harbour day {day:02d}", "Coastalbulletin", f"2024-02-{day:02d}",
                      "The harbour board met again.\n\n" + body)
    monkeypatch.setattr(quote_list, "QUOTE_PAGE", 10)
    monkeypatch.setattr(quote_list, "KEEP_PAGES", 3)
    app = NewsreaderApp(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_quotes(pilot, "speaker", ["Siri Holm"], "Siri Holm")
        rows = app.screen.query_one(QuoteList)
        assert "112 quotes in 28 articles" in screen_text(app)
        assert rows.pages.count == 112 and rows.row_count == 224
        # The rows on screen were fetched (two pages of 10), the rest not yet.
        visible = rows.scrollable_content_region.height // 2
        assert 10 < visible < 20
        assert all(rows.pages.row(i) is not None for i in range(visible)) and rows.pages.row(20) is None
        await pilot.press("G")  # the last quote: its page is fetched when drawn
        await drain(pilot)
        last = rows.pages.row(111)
        assert last is not None and last.text == "“Pier report 01-3 is ready,”"
        assert "Pier report 01-3" in screen_text(app) and "Harbour day 01" in screen_text(app)
        assert rows.current is last
        await pilot.press("g")
        await drain(pilot)
        first = rows.pages.row(0)
        assert first is not None and first.text == "“Pier report 28-0 is ready,”"  # newest first
        # Every row, newest article first and in text order within one.
        expected = [f"“Pier report {day:02d}-{n} is ready,”" for day in range(28, 0, -1) for n in range(4)]
        for page in range(12):
            rows.move_to(2 * page * 10)
            await drain(pilot)
            held = [rows.pages.row(i) for i in range(page * 10, min(page * 10 + 10, 112))]
            assert [row.text if row else None for row in held] == expected[page * 10:page * 10 + 10]


async def test_hostile_quote_text_is_shown_literally(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    root.mkdir()
    write_article(root, "odd.md", "A [bold]loud[/] title", "Coastalbulletin", "2024-05-02",
                  "The harbour board met.\n\n“Read [bold]x[/] and [link=http://example.invalid]this[/link] "
                  "\x1b[31mnow\x1b[0m,” said Siri Holm.\n")
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_quotes(pilot, "speaker", ["Siri Holm"], "Siri [i]Holm[/i]")
        text = screen_text(app)
        assert "Read [bold]x[/] and [link=http://example.invalid]this[/link]" in text
        assert "A [bold]loud[/] title" in text and "Siri [i]Holm[/i]" in text
        assert "\x1b" not in text and "[31m" not in text


def test_quote_lines_clean_what_the_index_hands_over() -> None:
    article = Article(id="x", path="x.md", title="Line\x1b[2J one\nLine two", outlet="Coastalbulletin",
                      date="2024-05-02")
    row = QuoteRow(article, "He said \x1b]52;c;aGk=\x07 no\u202e more", "Siri Holm", None, 3, 9)
    lines = quote_lines(row, quoted=True)
    assert lines.text == "“He said no more”"  # the OSC 52 (clipboard) sequence and the bidi override are gone
    assert lines.title == "Line one Line two" and lines.outlet == "Coastal Bulletin" and lines.date == "2 May 2024"


# -- the library at a glance -------------------------------------------------------------

async def open_glance(pilot) -> list[object]:  # type: ignore[no-untyped-def]
    await settle(pilot)
    results: list[object] = []
    pilot.app.push_screen(GlanceScreen(pilot.app.main.loader.location), results.append)
    await drain(pilot)
    return results


def items(app: NewsreaderApp, list_id: str) -> list[tuple[str, int | None]]:
    return [(item.label, item.count) for item in app.screen.query_one(list_id, GlanceList).items]


async def test_glance_shows_the_top_names_outlets_and_months(harbour: Path) -> None:
    app = NewsreaderApp(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_glance(pilot)
        assert items(app, "#glance-speakers") == [("Siri Holm", 4), ("Erik Dahl", 1)]
        assert items(app, "#glance-sources") == [("Officials and bodies", None), ("Coastal Safety Directorate", 1),
                                                 ("", None), ("People", None), ("Erik Dahl", 2), ("Siri Holm", 1)]
        assert items(app, "#glance-outlets") == [("Coastal Bulletin", 2), ("Riverside Post", 1)]
        assert list(app.screen.query_one(Sparkline).data or []) == [1, 0, 1, 0, 1]  # Nov 2023 to Mar 2024
        assert app.screen.query_one(MonthAxis).months[0] == ("2023-11", 1)
        text = screen_text(app)
        assert "The library at a glance · 3 articles" in text
        assert "Articles per month" in text and "Reading the index" not in text
        assert "▲ Nov 2023: 1" in text and "Mar 2024" in text
        for words in ("Most quoted", "Most cited", "Outlets", "Siri Holm", "Coastal Safety Directorate"):
            assert words in text


@pytest.mark.parametrize(("keys", "expected"), [
    ((), ("speaker", "Siri Holm")),
    (("j",), ("speaker", "Erik Dahl")),
    (("tab",), ("source", "Coastal Safety Directorate")),  # the cursor skips the kind's heading
    (("tab", "j", "j"), ("source", "Siri Holm")),  # and the blank line and heading between kinds
    (("tab", "tab", "down"), ("outlet", "riversidepost.com")),  # the outlet as stored, not as shown
])
async def test_choosing_a_glance_item_says_what_to_open(harbour: Path, keys: tuple[str, ...],
                                                        expected: tuple[str, str]) -> None:
    app = NewsreaderApp(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        results = await open_glance(pilot)
        await pilot.press(*keys, "enter")
        await pilot.pause()
        assert results == [expected] and not isinstance(app.screen, GlanceScreen)


async def test_a_click_on_a_glance_name_opens_it(harbour: Path) -> None:
    app = NewsreaderApp(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        results = await open_glance(pilot)
        await pilot.click("#glance-outlets", offset=(5, 2))  # row 1, under the border: the second outlet
        await pilot.pause()
        assert results == [("outlet", "riversidepost.com")]


async def test_glance_says_it_is_reading_until_the_index_answers(harbour: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(GlanceScreen, "_read", lambda self: None)  # the index never answers
    app = NewsreaderApp(harbour)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_glance(pilot)
        assert "Reading the index…" in screen_text(app)
        assert app.screen.query_one("#glance-speakers", GlanceList).items == []
        app.screen.post_message(GlanceRead(None, "The index cannot be read: disk on fire"))
        await pilot.pause()
        assert "The index cannot be read: disk on fire" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert results == [None] and not isinstance(app.screen, GlanceScreen)


def test_the_peak_month_is_labelled_under_its_column() -> None:
    months = [("2023-11", 1), ("2023-12", 0), ("2024-01", 7), ("2024-02", 0), ("2024-03", 2)]
    line = axis_line(months, 60)
    assert line.startswith("Nov 2023") and line.endswith("Mar 2024")
    assert line.index("▲") == month_column(2, 5, 60) == 24
    assert "Jan 2024: 7" in line and axis_line(months, 0) == "" and axis_line([], 40) == ""
    ticks = axis_line([("2023-11", 1), ("2023-12", 5), ("2024-01", 1), ("2024-02", 0), ("2024-03", 2)], 80)
    assert ticks.index("2024") == month_column(2, 5, 80) == 32  # the new year under its January
    assert axis_line([("2024-01", 3)], 20).startswith("▲ Jan 2024: 3")
    many = [(f"{2000 + i // 12}-{i % 12 + 1:02d}", 1) for i in range(240)]
    assert month_column(239, 240, 60) == 59 and month_column(0, 240, 60) == 0
    assert axis_line(many, 60).startswith("▲ Jan 2000: 1")
