"""Laying articles out for the reading pane: wrapping, quote bars, attribution lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from newsreader.analysis import Analysis, Entity, Quote
from newsreader.library.model import Article, ArticleText
from newsreader.ui.reading_layout import QUOTE_BAR, Focus, LayoutOptions, layout_article
from newsreader.ui.reading_parts import wrap_offsets
from newsreader.ui.widgets.reading_pane import STYLE_NAMES

STYLES = {name: Style(bold=name == "person") for name in STYLE_NAMES}


@given(st.text(alphabet=st.sampled_from("ab cd  e漢字😀 "), max_size=200), st.integers(1, 40))
def test_wrap_covers_text_and_fits_width(text: str, width: int) -> None:
    lines = wrap_offsets(text, width)
    assert lines[0][0] == 0 or text[: lines[0][0]].strip(" ") == ""
    for (start, end), following in zip(lines, lines[1:] + [(len(text), len(text))]):
        assert start < end or text == ""
        assert text[end:following[0]].strip(" ") == ""  # only spaces are dropped between lines
        segment = text[start:end].rstrip(" ")
        assert cell_len(segment) <= width or end - start == 1


def test_wrap_breaks_at_spaces() -> None:
    assert [("the quick brown fox"[s:e]) for s, e in wrap_offsets("the quick brown fox", 10)] == ["the quick ", "brown fox"]


def _document(*paragraphs: str) -> ArticleText:
    article = Article(id="x", path="dir/a.txt", title="A title", authors=("Ana Lind",), role="Reporter",
                      outlet="Coastalbulletin", date="2024-03-14", word_count=9)
    return ArticleText(article, paragraphs)


def _plain(line: list) -> str:
    return "".join(segment.text for segment in line)


def test_layout_has_header_quote_bar_and_speaker() -> None:
    body = "“We will not put crews at risk,” said Jonas Berg."
    name = body.index("Jonas Berg")
    analysis = Analysis(entities=(Entity(name, name + 10, "PERSON", "Jonas Berg", "Jonas Berg"),),
                        quotes=(Quote(0, 32, "Jonas Berg", "Jonas Berg", "said"),))
    page = layout_article(_document(body), analysis, LayoutOptions(width=60), STYLES)
    text = [_plain(line) for line in page.lines]
    assert text[0].strip() == "A title"
    assert "By Ana Lind, Reporter" in text[1]
    assert "Coastal Bulletin · 14 Mar 2024 · 9 words" in text[2]
    assert "dir/a.txt" in text[3]
    quote_line = next(i for i, line in enumerate(text) if "We will not" in line)
    assert text[quote_line].lstrip().startswith(QUOTE_BAR.strip())
    assert page.quote_lines == [quote_line]
    assert any(line.strip() == "— Jonas Berg" for line in text)
    person = [s for s in page.lines[quote_line] if s.text == "Jonas Berg"]
    assert person and person[0].style.bold


def test_switching_quotes_off_removes_bars_and_jumps() -> None:
    body = "“Yes,” she said."
    analysis = Analysis(quotes=(Quote(0, 6, "she", None, "said"),))
    page = layout_article(_document(body), analysis, LayoutOptions(width=60, show_quotes=False), STYLES)
    assert page.quote_lines == []
    assert not any(QUOTE_BAR.strip() in _plain(line) for line in page.lines)


def test_focus_marks_every_mention() -> None:
    body = "Berg spoke.\nLater Berg left."
    analysis = Analysis(entities=(Entity(0, 4, "PERSON", "Berg", "Jonas Berg"), Entity(18, 22, "PERSON", "Berg", "Jonas Berg")))
    styles = dict(STYLES, focus=Style(reverse=True))
    page = layout_article(_document(*body.split("\n")), analysis,
                          LayoutOptions(width=60, focus=Focus("entity", "Jonas Berg")), styles)
    reversed_text = [s.text for line in page.lines for s in line if s.style and s.style.reverse]
    assert reversed_text == ["Berg", "Berg"]
    assert len(page.focus_lines) == 2


def test_markup_in_article_text_is_shown_literally() -> None:
    body = "[bold red]not markup[/] and [link=file:///etc/passwd]x[/link] [@click=app.quit]y"
    page = layout_article(_document(body), Analysis(), LayoutOptions(width=200), STYLES)
    shown = " ".join(_plain(line).strip() for line in page.lines[5:] if _plain(line).strip())
    assert shown == body


def test_find_hits_are_styled_and_located() -> None:
    from newsreader.ui.reading_layout import find_spans

    body = "Harbour news.\nThe harbour reopened; HARBOUR staff cheered."
    hits = find_spans(body, "harbour")
    assert [body[s:e] for s, e in hits] == ["Harbour", "harbour", "HARBOUR"]
    assert find_spans(body, "   ") == ()
    assert find_spans("a.b", ".") == ((1, 2),)  # the query is literal text, not a pattern
    styles = dict(STYLES, find=Style(underline=True), **{"find-current": Style(reverse=True)})
    page = layout_article(_document(*body.split("\n")), Analysis(), LayoutOptions(width=60, find=hits, find_current=1),
                          styles)
    assert len(page.find_lines) == 3
    current = [s.text for line in page.lines for s in line if s.style and s.style.reverse]
    assert current == ["harbour"]


def test_markup_styles_and_links_are_shown() -> None:
    from newsreader.library.model import TextStyle

    body = "The quay closed, the board said.\nNext steps"
    styles = {**STYLES, "markup-emphasis": Style(italic=True), "markup-link": Style(underline=True),
              "markup-heading": Style(bold=True), "subheading": Style(), "meta": Style()}
    quay, board = body.index("quay"), body.index("board")
    doc = ArticleText(_document().article, tuple(body.split("\n")), (
        TextStyle(quay, quay + 4, "emphasis"),
        TextStyle(board, board + 5, "link", "https://board.example/minutes\x1b[31m"),
        TextStyle(body.index("Next"), len(body), "heading"),
    ))
    page = layout_article(doc, Analysis(), LayoutOptions(width=70), styles)
    segments = [segment for line in page.lines for segment in line]
    assert any(s.text == "quay" and s.style and s.style.italic for s in segments)
    assert any(s.text == "board" and s.style and s.style.underline for s in segments)
    assert any(s.text == "Next steps" and s.style and s.style.bold for s in segments)
    text = [_plain(line).strip() for line in page.lines]
    links = text.index("Links")
    assert text[links + 1] == "board — https://board.example/minutes"  # the escape is stripped


def test_header_gives_the_whole_title_byline_outlet_date_and_a_cleaned_url() -> None:
    title = "Harbour board of Vallby votes to rebuild the north pier before the herring season opens"
    article = Article(id="x", path="dir/a.txt", title=title, authors=("Oda Fjell",), role="Reporter",
                      outlet="Coastalbulletin", date="2024-03-14", url="https://vallby.example/pier\x1b[2J?id=4",
                      word_count=9)
    page = layout_article(ArticleText(article, ("The pier opens in May.",)), Analysis(), LayoutOptions(width=60),
                          STYLES)
    text = [_plain(line).strip() for line in page.lines]
    assert " ".join(text[:2]) == title  # two lines, not cut
    assert text[2:5] == ["By Oda Fjell, Reporter", "Coastal Bulletin · 14 Mar 2024 · 9 words",
                         "https://vallby.example/pier?id=4"]
    assert text[5] == "dir/a.txt"


def test_a_body_offset_maps_to_its_paragraphs_first_line() -> None:
    paragraphs = ("First paragraph of the story, long enough to wrap at a narrow width.", "Second one.", "Third.")
    page = layout_article(_document(*paragraphs), Analysis(), LayoutOptions(width=30), STYLES)
    second = len(paragraphs[0]) + 1
    assert [start for start, _ in page.paragraph_lines] == [0, second, second + len(paragraphs[1]) + 1]
    assert page.line_of(second + 4) == page.paragraph_lines[1][1]
    assert _plain(page.lines[page.line_of(second + 4)]).strip() == "Second one."
    assert page.line_of(0) == page.paragraph_lines[0][1] > 0  # under the header
