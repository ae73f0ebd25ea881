"""Tests for the gold markup loader and the gold files themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from tests.gold.loader import (
        Gold,
        article_body,
        gold_files,
        gold_stem,
        load_gold,
        matching_articles,
        parse_gold,
    )
except ImportError:  # pytest's rootdir-relative sys.path: tests/ itself is importable
    from gold.loader import (  # type: ignore[no-redef]
        Gold,
        article_body,
        gold_files,
        gold_stem,
        load_gold,
        matching_articles,
        parse_gold,
    )


def spans(gold: Gold, items: list[tuple]) -> list[str]:
    return [gold.text[item[0] : item[1]] for item in items]


# -- inline examples ---------------------------------------------------------


def test_plain_text_passes_through() -> None:
    gold = parse_gold("Nothing to see here.\nSecond line.")
    assert gold.text == "Nothing to see here.\nSecond line."
    assert gold.entities == gold.quotes == gold.citations == []


def test_entity_key_defaults_to_text() -> None:
    gold = parse_gold("Mayor [[Ana Lindqvist|PERSON]] met [[Berg|PERSON|Jonas Berg]]’s staff.")
    assert gold.text == "Mayor Ana Lindqvist met Berg’s staff."
    assert gold.entities == [(6, 19, "PERSON", "Ana Lindqvist"), (24, 28, "PERSON", "Jonas Berg")]
    assert spans(gold, gold.entities) == ["Ana Lindqvist", "Berg"]


def test_quote_span_includes_marks_and_speaker() -> None:
    gold = parse_gold("{{“We are ready,”|Jonas Berg}} he said. {{“Unsigned.”|-}}")
    assert gold.text == "“We are ready,” he said. “Unsigned.”"
    assert gold.quotes == [(0, 15, "Jonas Berg"), (25, 36, None)]


def test_quote_span_runs_to_last_bar() -> None:
    gold = parse_gold("{{“a | b”|X}}")
    assert gold.text == "“a | b”"
    assert gold.quotes == [(0, 7, "X")]


def test_quote_may_span_a_paragraph_break() -> None:
    gold = parse_gold("{{“One.\n“Two.”|Jonas Berg}}")
    assert gold.text == "“One.\n“Two.”"
    assert gold.quotes == [(0, len(gold.text), "Jonas Berg")]


def test_entity_nested_in_citation_and_quote() -> None:
    gold = parse_gold(
        "according to (([[Axios|ORG]]|outlet)), "
        "{{“[[Oslo|GPE]] is calm,”|Ana Lindqvist}} said (([[Lindqvist|PERSON|Ana Lindqvist]]|person))."
    )
    assert gold.text == "according to Axios, “Oslo is calm,” said Lindqvist."
    assert gold.citations == [(13, 18, "outlet", "Axios"), (41, 50, "person", "Lindqvist")]
    assert gold.quotes == [(20, 35, "Ana Lindqvist")]
    assert gold.entities == [
        (13, 18, "ORG", "Axios"),
        (21, 25, "GPE", "Oslo"),
        (41, 50, "PERSON", "Ana Lindqvist"),
    ]


def test_citation_source_text_is_stripped_text() -> None:
    gold = parse_gold("((data released by the [[National Statistics Office|ORG]]|document))")
    assert gold.citations == [(0, 47, "document", "data released by the National Statistics Office")]


@pytest.mark.parametrize(
    ("markup", "where", "message"),
    [
        ("ok [[Oslo|GPE", "1:4", "unclosed"),
        ("ok\n  [[Oslo]]", "2:3", "LABEL"),
        ("[[Oslo|CITY]]", "1:1", "unknown entity label"),
        ("[[Oslo|GPE|a|b]]", "1:1", "entity needs"),
        ("[[ Oslo|GPE]]", "1:1", "whitespace"),
        ("x ((Axios|blog))", "1:10", "unknown citation kind"),
        ("x ((Axios))", "1:3", "missing"),
        ("{{“Hi,” [[Berg|PERSON]]}}", "1:1", "missing"),
        ("{{“Hi,”|Berg}", "1:1", "unclosed"),
        ("{{“Hi ((AP|outlet))”|Berg}}", "1:7", "cannot be nested"),
        ("((“Hi {{“x”|B}}”|person))", "1:7", "cannot be nested"),
        ("[[Oslo [[Norway|GPE]]|GPE]]", "1:8", "not allowed inside an entity"),
        ("x ]] y", "1:3", "unmatched"),
        ("x\ny | z", "2:3", "stray"),
        ("((line\nbreak|outlet))", "1:1", "line break"),
        ("{{|-}}", "1:1", "empty"),
        ("{{“Hi”| Berg}}", "1:7", "speaker"),
    ],
)
def test_malformed_markup_raises_with_position(markup: str, where: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_gold(markup, source="inline")
    assert f"inline:{where}:" in str(info.value)
    assert message in str(info.value)


def test_load_gold_reports_file_and_ignores_final_newline(tmp_path: Path) -> None:
    good = tmp_path / "a.gold.txt"
    good.write_text("[[Oslo|GPE]] wins.\n", encoding="utf-8")
    gold = load_gold(good)
    assert gold.text == "Oslo wins."
    assert gold.path == good
    bad = tmp_path / "b.gold.txt"
    bad.write_text("fine\nstill fine [[Oslo|GPE\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"b\.gold\.txt:2:12:"):
        load_gold(bad)


def test_article_body_drops_byline_and_trailing_boilerplate(tmp_path: Path) -> None:
    article = tmp_path / "x.txt"
    article.write_text(
        "By A and B, Staff Reporters. Media: Coastalbulletin\nOne.\nShare this.\nTwo.\n"
        "Discussion about this post\nShare\n\n",
        encoding="utf-8",
    )
    assert article_body(article) == "One.\nShare this.\nTwo."


# -- the gold files ----------------------------------------------------------

GOLD_FILES = gold_files()


def test_there_are_gold_files() -> None:
    assert GOLD_FILES, "no tests/gold/*.gold.txt files"


@pytest.mark.parametrize("path", GOLD_FILES, ids=gold_stem)
def test_gold_file_matches_its_article(path: Path) -> None:
    gold = load_gold(path)
    articles = matching_articles(path)
    assert articles, f"no sample article named {gold_stem(path)}.* under sample_articles/"
    assert len(articles) == 1, f"ambiguous articles for {path.name}: {articles}"
    if articles[0].suffix != ".txt":
        pytest.skip(f"{articles[0].name} is not in the plain-text users' format")
    assert gold.text == article_body(articles[0])


@pytest.mark.parametrize("path", GOLD_FILES, ids=gold_stem)
def test_gold_spans_are_sane(path: Path) -> None:
    gold = load_gold(path)
    for start, end, _label, _key in gold.entities:
        assert gold.text[start:end] == gold.text[start:end].strip()
    for start, end, _speaker in gold.quotes:
        # English curly/straight/single marks, German „…“ and guillemets in both directions
        assert gold.text[start] in "“\"‘'„«»", f"quote does not start with a mark: {gold.text[start:end]!r}"
        assert gold.text[end - 1] in "”\"’'“»«", f"quote does not end with a mark: {gold.text[start:end]!r}"
    person_keys = {key for _s, _e, label, key in gold.entities if label == "PERSON"}
    for start, end, label, key in gold.entities:
        # a surname mention must use the full-name key if the full name occurs
        if label == "PERSON" and key == gold.text[start:end]:
            longer = [k for k in person_keys if k != key and k.endswith(" " + key)]
            assert not longer, f"{key!r} should be keyed as one of {longer}"
