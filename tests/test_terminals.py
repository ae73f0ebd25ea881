"""The app on terminals that are not a truecolour UTF-8 one: NO_COLOR, 16 colours, a light theme, LANG=C.

Textual answers NO_COLOR with a filter that turns every segment's colours to greys
and fails on a segment without a style; these tests draw what our line-API widgets
draw under it, and check that without colour a quotation, each entity kind and the
speaker still look different (attributes, not hue).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pilot_helpers import settle
from pty_terminal import Terminal, newsreader_command
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.filter import Monochrome
from textual.geometry import Region
from textual.strip import Strip

from newsreader.analysis import Analysis, Entity, Quote
from newsreader.labels import ENTITY_KINDS
from newsreader.library.model import Article, ArticleText
from newsreader.ui.app import NewsreaderApp
from newsreader.ui.reading_layout import QUOTE_BAR
from newsreader.ui.theme_styles import colour_mode, theme_styles
from newsreader.ui.widgets.reading_pane import ReadingPane
from newsreader.ui.widgets.row_list import RowList

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
# One line: a quote with a place in it, then a person, an organisation, a place, a group and a date.
PARAGRAPH = '"Eastvale flooded," said Voss of Tidecorp in Lunder, a Norwegian, on Monday.'
WORDS = {"person": "Voss", "org": "Tidecorp", "place": "Lunder", "norp": "Norwegian", "number": "Monday"}
LABELS = {"person": "PERSON", "org": "ORG", "place": "GPE", "norp": "NORP", "number": "DATE"}


@pytest.fixture
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR as a user sets it (Textual reads it when the app is made)."""
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def sixteen_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Linux console: TERM=linux and no COLORTERM, which Rich reads as 16 colours."""
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


def _document() -> ArticleText:
    article = Article(id="t", path="tide/voss.md", title="Tide reaches Eastvale", authors=("Ida Brenn",),
                      outlet="Coastalbulletin", date="2024-05-06", word_count=13)
    return ArticleText(article, (PARAGRAPH,))


def _analysis() -> Analysis:
    entities = [Entity(PARAGRAPH.index(word), PARAGRAPH.index(word) + len(word), LABELS[kind], word, word)
                for kind, word in WORDS.items()]
    eastvale = PARAGRAPH.index("Eastvale")
    entities.append(Entity(eastvale, eastvale + len("Eastvale"), "GPE", "Eastvale", "Eastvale"))
    quote_end = PARAGRAPH.index(" said")
    return Analysis(entities=tuple(entities), quotes=(Quote(0, quote_end, "Voss", "Voss"),))


def _attributes(style: Style | None) -> tuple[bool, ...]:
    assert style is not None
    return (bool(style.bold), bool(style.italic), bool(style.underline), bool(style.underline2),
            bool(style.reverse))


def _segment(strips: list[Strip], text: str) -> Segment:
    found = [segment for strip in strips for segment in strip if segment.text.strip() == text]
    assert found, f"{text!r} is not drawn on its own"
    return found[0]


async def _open_document(app: NewsreaderApp) -> tuple[ReadingPane, list[Strip]]:
    pane = app.main.reader
    pane.show(_document(), _analysis())
    await app.workers.wait_for_complete()
    lines = pane.render_lines(Region(0, 0, pane.size.width, pane.size.height))
    return pane, lines


def _assert_every_segment_styled(widget: RowList | ReadingPane) -> None:
    for y in range(widget.size.height):
        unstyled = [segment.text for segment in widget.render_line(y) if segment.style is None]
        assert not unstyled, f"{type(widget).__name__} line {y} has unstyled segments {unstyled}"


async def test_no_color_starts_opens_and_draws_every_line_styled(no_color: None) -> None:
    app = NewsreaderApp(SAMPLES)
    async with app.run_test(size=(120, 40)) as pilot:
        assert any(isinstance(f, Monochrome) for f in app.get_line_filters())
        await settle(pilot)
        main = app.main
        # Before an article is open the pane shows its hint: the line the filter once failed on.
        hint = main.reader.render_line(main.reader.size.height // 2)
        assert "Enter opens an article" in hint.text and all(s.style is not None for s in hint)
        await pilot.press("enter")
        await settle(pilot)
        assert main.reader.document is not None
        for widget in (main.sidebar, main.article_list, main.reader):
            _assert_every_segment_styled(widget)
        # The whole screen went through the monochrome filter: greys only.
        colours = {s.style.color for strip in app.screen._compositor.render_strips() for s in strip
                   if s.style and s.style.color and s.style.color.triplet}
        assert colours and all(c.triplet.red == c.triplet.green == c.triplet.blue for c in colours)  # type: ignore[union-attr]


class _Bare(RowList):
    """A list whose rows come from ``Text.render``, which leaves a text without spans unstyled."""

    @property
    def row_count(self) -> int:
        return 2

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        return list(Text(f"row {index}").render(self.app.console))


class _BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield _Bare()


async def test_row_list_gives_unstyled_segments_the_base_style(no_color: None) -> None:
    app = _BareApp()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        bare = app.query_one(_Bare)
        line = bare.render_line(1)
        assert line.text.startswith("row 1")
        assert all(segment.style is not None for segment in line)
        assert "row 0" in "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_without_colour_quote_entities_and_speaker_differ_by_attributes(no_color: None) -> None:
    app = NewsreaderApp(SAMPLES)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert colour_mode(app) == "greys"
        _, lines = await _open_document(app)
        quote_line = next(strip for strip in lines if "flooded" in strip.text)
        assert QUOTE_BAR.strip() in quote_line.text  # the quote's bar, which needs no colour either
        looks = {kind: _attributes(_segment(lines, word).style) for kind, word in WORDS.items()}
        looks["quote"] = _attributes(_segment(lines, 'flooded,"').style)
        looks["quoted place"] = _attributes(_segment(lines, "Eastvale").style)
        looks["speaker"] = _attributes(_segment(lines, "— Voss").style)
        looks["plain"] = _attributes(_segment(lines, "said").style)
        assert looks["quote"][1] and looks["quoted place"][1]  # italic, inside the quote
        assert len(set(looks.values())) == len(looks), looks
        # And the filter really ran: the highlighted words carry greys, not hues.
        person = _segment(lines, "Voss").style
        assert person is not None and person.color is not None and person.color.triplet is not None
        assert person.color.triplet.red == person.color.triplet.green == person.color.triplet.blue


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_sixteen_colours_keep_highlights_apart_and_off_the_background(sixteen_colours: None,
                                                                            theme: str) -> None:
    app = NewsreaderApp(SAMPLES)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.console.color_system == "standard" and colour_mode(app) == "16"
        app.theme = theme
        await settle(pilot)
        styles = theme_styles(app)
        kinds = [kind.name for kind in ENTITY_KINDS] + ["quote", "speaker"]
        assert len({_attributes(styles[name]) for name in kinds}) == len(kinds)
        background = app.get_css_variables()["background"]
        ground = Style.parse(f"on {background}").bgcolor
        assert ground is not None
        ground_entry = ground.downgrade(ColorSystem.STANDARD).number
        for name, style in styles.items():
            if style.color is not None and style.bgcolor is None:
                assert style.color.downgrade(ColorSystem.STANDARD).number != ground_entry, name
        if theme == "textual-light":
            # Light grey on the light background is one palette step apart: dim text instead,
            # and find hits reversed rather than on a background the terminal draws as its own.
            assert styles["path"].color is None and styles["path"].dim
            assert styles["find"].bgcolor is None and styles["find"].reverse
        pane, lines = await _open_document(app)
        assert any("flooded" in strip.text for strip in lines)
        _assert_every_segment_styled(pane)


async def test_light_theme_without_colour_draws(no_color: None) -> None:
    app = NewsreaderApp(SAMPLES)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "textual-light"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.reader.document is not None
        for widget in (app.main.sidebar, app.main.article_list, app.main.reader):
            _assert_every_segment_styled(widget)


def test_no_color_linux_console_and_c_locale_in_a_real_terminal(small_library: Path, newsreader_home: Path) -> None:
    """As reported: NO_COLOR at start-up, here with the Linux console's TERM and the C locale too."""
    env = {"NEWSREADER_HOME": str(newsreader_home), "HOME": str(newsreader_home),
           "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1", "TERM": "linux", "COLORTERM": "",
           "LANG": "C", "LC_ALL": "C"}
    with Terminal([*newsreader_command(), str(small_library)], env) as term:
        term.wait_for("5 articles", "Bridge repairs begin")
        term.press_until("enter", "Repairs on the Tollgate bridge")
        term.press("n")
        term.wait_for("— Jonas Berg")  # a quoted paragraph and its speaker line were drawn
        assert term.quit() == 0
    assert b"Traceback" not in bytes(term.raw)
