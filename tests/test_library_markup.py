"""Markdown articles with YAML or TOML front matter, or none."""

from __future__ import annotations

import pytest

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
    assert article.paragraphs == (
        "Repairs on the *Tollgate* bridge began on Monday, the council said.",
        "What changes",
        "• Buses will detour",
        "• Cyclists may pass",
    )


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
