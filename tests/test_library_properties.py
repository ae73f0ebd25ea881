"""Property tests: parsers and sanitisers never crash and always return clean text."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.library.byline import parse_byline
from newsreader.library.errors import ParseError
from newsreader.library.parsers import parse_bytes
from newsreader.library.sanitize import clean_line, clean_text

UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
EXTENSIONS = ["txt", "md", "json", "jsonl", "csv", "pdf"]

# Text rich in what parsers trip over: escapes, controls, bylines, front matter, quotes.
pieces = st.sampled_from(
    ["\x1b[31m", "\x1b]52;c;", "\x07", "\x1b\\", "\x9b", "\u202e", "\ud800", "\r\n", "\n", "\t", "\x00",
     "By ", "Media:", ", ", " and ", ".", "---\n", "+++\n", "# ", "{", "}", "[", "]", '"', ",", ":",
     "title", "author", "content", "date", "2024-05-02", "Jr.", "U.S.", "Dr."]
)  # fmt: skip
messy_text = st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=40).map("".join)
settings_ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_clean(article) -> None:  # type: ignore[no-untyped-def]
    for value in (article.title, article.role, article.outlet, article.date, article.url, *article.authors):
        assert value is None or (not UNSAFE.search(value) and "\n" not in value)
    for paragraph in article.paragraphs:
        assert not UNSAFE.search(paragraph)
    assert article.title


@pytest.mark.parametrize("extension", EXTENSIONS)
@settings_
@given(data=st.one_of(st.binary(max_size=400), messy_text.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_parse_bytes_returns_clean_articles_or_parse_error(extension: str, data: bytes) -> None:
    try:
        articles = parse_bytes(f"file.{extension}", data)
    except ParseError as error:
        assert error.reason
        return
    for article in articles:
        assert_clean(article)


@settings_
@given(messy_text)
def test_parse_byline_never_raises(line: str) -> None:
    result = parse_byline(line)
    if result is not None:
        assert result.authors


@settings_
@given(st.one_of(messy_text, st.text()))
def test_clean_text_is_safe_and_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert not UNSAFE.search(cleaned)
    assert "\x1b" not in cleaned
    assert clean_text(cleaned) == cleaned
    line = clean_line(text)
    assert "\n" not in line and clean_line(line) == line


KEYS = ["title", "headline", "authors", "author", "byline", "maintext", "text", "content", "body",
        "date_publish", "published", "date", "source", "site_name", "url", "name", "articles"]  # fmt: skip
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | pieces,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=6),
    max_leaves=25,
)


@settings_
@given(json_values)
def test_json_with_any_shape_never_crashes(value: object) -> None:
    import json

    data = json.dumps(value).encode()
    for name in ("a.json", "a.jsonl"):
        try:
            articles = parse_bytes(name, data)
        except ParseError:
            continue
        for article in articles:
            assert_clean(article)
