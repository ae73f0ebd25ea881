"""Markdown articles with YAML or TOML front matter, or none."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.library.errors import ParseError
from newsreader.library.parsers import parse_bytes


def parse_md(text: str):  # type: ignore[no-untyped-def]
    [article] = parse_bytes("article.md", text.encode())
    return article


def test_yaml_front_matter() -> None:
    article = parse_md(
        "---\n"
        "title: Bridge repairs begin\n"
        "authors: [Ilse Brandt, 42, {name: Tomas Varga}]\n"
        "source: Riversidepost\n"
        "date: 2024-04-02\n"
        "url: https://riverside.example/bridge\n"
        "---\n"
        "# Bridge repairs begin\n\n"
        "Repairs on the *Tollgate* bridge began on Monday,\nthe [council](https://council.example) said.\n\n"
        "![a photo of the bridge](bridge.jpg)\n\n"
        "<!-- editor: check the date\n     before publishing -->\n"
        "## What changes\n\n"
        "- Buses will detour\n- Cyclists may pass\n"
    )
    assert article.title == "Bridge repairs begin"
    assert article.authors == ("Ilse Brandt", "Tomas Varga")
    assert article.outlet == "Riversidepost"
    assert article.date == "2024-04-02"
    assert article.url == "https://riverside.example/bridge"
    # Issue 10: Markdown is rendered, not shown raw: no asterisks in the text;
    # emphasis, the link (with its URL) and the heading are kept as styles.
    assert article.paragraphs == (
        "Repairs on the Tollgate bridge began on Monday, the council said.",
        "What changes",
        "• Buses will detour",
        "• Cyclists may pass",
    )
    body = article.body
    assert [(body[s.start:s.end], s.kind, s.href) for s in article.styles] == [
        ("Tollgate", "emphasis", None),
        ("council", "link", "https://council.example"),
        ("What changes", "heading", None),
    ]


def test_toml_front_matter() -> None:
    article = parse_md(
        '+++\ntitle = "Mill to reopen"\nauthor = "Tomas Varga"\npublication = "Riversidepost"\n'
        "date = 2024-05-02T09:30:00Z\n+++\n\nThe council voted to reopen the old mill.\n"
    )
    assert (article.title, article.authors, article.outlet, article.date) == (
        "Mill to reopen",
        ("Tomas Varga",),
        "Riversidepost",
        "2024-05-02",
    )
    assert article.paragraphs == ("The council voted to reopen the old mill.",)


@pytest.mark.parametrize(
    "front",
    [
        "---\ntitle: [unclosed\nauthor: : :\n---\n",  # bad YAML
        "+++\ntitle = \n+++\n",  # bad TOML
    ],
)
def test_bad_front_matter_is_ignored_not_fatal(front: str) -> None:
    article = parse_md(front + "# Mill to reopen\n\nThe council voted to reopen the old mill.\n")
    assert article.title == "Mill to reopen"
    assert article.paragraphs == ("The council voted to reopen the old mill.",)


def test_rules_around_prose_are_not_front_matter() -> None:
    article = parse_md("---\nThe mill reopens in May.\n---\nTours start in June.\n")
    assert article.paragraphs == ("The mill reopens in May.", "Tours start in June.")


def test_heading_as_title_and_byline_paragraph() -> None:
    article = parse_md("Mill to reopen\n==============\n\n*By Tomas Varga and Ilse Brandt*\n\nThe mill reopens.\n")
    assert article.title == "Mill to reopen"
    assert article.authors == ("Tomas Varga", "Ilse Brandt")
    assert article.paragraphs == ("The mill reopens.",)


def test_no_heading_derives_title() -> None:
    article = parse_md("The mill reopens in May. Tours start in June.\n\n---\n\n> A quoted line.\n")
    assert article.title == "The mill reopens in May"
    assert article.paragraphs == ("The mill reopens in May. Tours start in June.", "A quoted line.")


def test_front_matter_only_has_no_text() -> None:
    with pytest.raises(ParseError, match="no text"):
        parse_md("---\ntitle: Nothing here\n---\n")


def test_front_matter_values_are_cleaned() -> None:
    article = parse_md('---\ntitle: "Evil \\e[31mtitle\\x07"\nauthor: "A\\nB"\n---\nBody.\n')
    assert article.title == "Evil title"
    assert article.authors == ("A B",)


@pytest.mark.parametrize(
    ("source", "paragraphs", "styles"),
    [
        ("The *quay* and the **dock** and `LOG-7` and ~~old~~ new.\n",
         ("The quay and the dock and LOG-7 and old new.",),
         [("quay", "emphasis", None), ("dock", "strong", None), ("LOG-7", "code", None), ("old", "strike", None)]),
        # An emphasised word that also occurs earlier is placed where it was marked.
        ("Them and *em* again.\n", ("Them and em again.",), [("em", "emphasis", None)]),
        ("See [the **full** report](https://ex.example/r?a=1&b=2) now.\n",
         ("See the full report now.",),
         [("the full report", "link", "https://ex.example/r?a=1&b=2"), ("full", "strong", None)]),
        ("1. First step\n2. Second *step*\n", ("1. First step", "2. Second step"), [("step", "emphasis", None)]),
        ("| Port | Ships |\n|---|---|\n| Norvik | *12* |\n", ("Port · Ships", "Norvik · 12"), [("12", "emphasis", None)]),
        ("Snake\\_case and 2 \\* 3.\n", ("Snake_case and 2 * 3.",), []),
        # Asterisks that close nothing are text, also inside emphasis.
        ("Lede.\n\n*;**;*\n", ("Lede.", ";**;"), [(";**;", "emphasis", None)]),
        ("<div>Kept <b>text</b></div>\n\nAfter.\n", ("Kept text", "After."), []),
    ],
)  # fmt: skip
def test_markdown_is_rendered(source: str, paragraphs: tuple[str, ...],
                              styles: list[tuple[str, str, str | None]]) -> None:
    article = parse_md(source)
    assert article.paragraphs == paragraphs
    assert [(article.body[s.start:s.end], s.kind, s.href) for s in article.styles] == styles


def test_one_paragraph_per_line_markdown_keeps_its_paragraphs() -> None:
    line = "The Norvik harbour board met on Tuesday and voted to close the north quay for the whole winter season."
    article = parse_md(f"{line}\n{line.replace('Tuesday', 'Friday')} See [the minutes](https://ex.example/m).\n")
    assert len(article.paragraphs) == 2


@given(st.text(alphabet="ab *_[]()`#>-|\n!\\&;", max_size=120))
def test_markdown_styles_always_point_at_their_text(source: str) -> None:
    try:
        article = parse_md("Lede.\n\n" + source)
    except ParseError:
        return
    body = article.body
    for style in article.styles:
        assert 0 <= style.start < style.end <= len(body)
        text = body[style.start:style.end]
        assert "\n" not in text and text == text.strip()  # inside one paragraph, on its words
