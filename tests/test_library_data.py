"""JSON, JSON Lines and CSV articles and collections."""

from __future__ import annotations

import json

import pytest

from newsreader.library.errors import ParseError
from newsreader.library.parsers import parse_bytes, parse_document

NEWS_PLEASE = {
    "title": "Glassworks to close",
    "authors": ["Declan Mahony", "Ruth Adeyemi"],
    "maintext": "The glassworks will close in June.\n\nIt employs 310 people.",
    "date_publish": "2024-05-02 09:30:00",
    "source_domain": "midlands.example",
    "url": "https://midlands.example/glass",
}


def dumps(value: object) -> bytes:
    return json.dumps(value).encode()


def test_news_please_json() -> None:
    [article] = parse_bytes("a.json", dumps(NEWS_PLEASE))
    assert article.title == "Glassworks to close"
    assert article.authors == ("Declan Mahony", "Ruth Adeyemi")
    assert article.paragraphs == ("The glassworks will close in June.", "It employs 310 people.")
    assert article.date == "2024-05-02"
    assert article.outlet == "midlands.example"
    assert article.url == "https://midlands.example/glass"


def test_newspaper_and_read_later_keys() -> None:
    record = {
        "headline": "Ferry trial",
        "byline": "By Graham Whitlock and Sunita Raghavan",
        "content": "<p>The ferry crossed the lake &amp; back.</p><p>It was <em>silent</em>.</p><script>x()</script>",
        "published": "May 2, 2024",
        "site_name": "Lakeport Ledger",
    }
    [article] = parse_bytes("a.json", dumps(record))
    assert article.title == "Ferry trial"
    assert article.authors == ("Graham Whitlock", "Sunita Raghavan")
    assert article.paragraphs == ("The ferry crossed the lake & back.", "It was silent.")
    assert (article.date, article.outlet) == ("2024-05-02", "Lakeport Ledger")


def test_lying_types_are_coerced_or_dropped() -> None:
    record = {
        "title": 1234,
        "authors": {"name": "Declan Mahony", "id": 7},
        "text": ["First paragraph.", 5, None, "Second paragraph."],
        "date": {"year": 2024},
        "source": {"id": "x", "name": "Midlands Observer"},
        "url": ["not", "a", "url"],
    }
    [article] = parse_bytes("a.json", dumps(record))
    assert article.title == "1234"
    assert article.authors == ("Declan Mahony",)
    assert article.paragraphs == ("First paragraph.", "Second paragraph.")
    assert article.date is None
    assert article.outlet == "Midlands Observer"


@pytest.mark.parametrize(
    "record",
    [
        {"title": None, "authors": [1, 2.5, None, ["x"]], "maintext": "Body.", "date": True, "url": 3},
        {"title": {"a": 1}, "author": 42, "content": {"html": "<p>x</p>"}, "description": "Body."},
        {"title": [], "authors": "", "body": "Body.", "published": [2024, 5, 2], "outlet": False},
    ],
)
def test_more_lying_types_never_crash(record: dict[str, object]) -> None:
    [article] = parse_bytes("a.json", dumps(record))
    assert article.paragraphs == ("Body.",)
    assert article.title == "Body"


def test_json_list_and_wrapper_are_collections() -> None:
    items = [NEWS_PLEASE, "not an object", {**NEWS_PLEASE, "title": "Second"}]
    articles, notes = parse_document("a.json", dumps(items))
    assert [(a.title, a.entry) for a in articles] == [("Glassworks to close", 0), ("Second", 2)]
    assert notes == ["item 2: not an article object (skipped)"]
    wrapped = parse_bytes("a.json", dumps({"status": "ok", "articles": items}))
    assert [a.entry for a in wrapped] == [0, 2]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"title": "x",\n "maintext": "y",\n "url": }', "invalid JSON at line 3"),
        (b"[" * 100_000, "invalid JSON"),
        (b"42", "JSON holds no article"),
        (b"[]", "no articles"),
        (b'{"title": "Only a title"}', "no text"),
        (b'{"text": "' + b"1" * 10 + b'", "n": ' + b"9" * 5000 + b"}", "invalid JSON"),
    ],
)
def test_bad_json(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_bytes("a.json", data)
    assert caught.value.reason == reason


def test_jsonl_skips_and_reports_bad_lines() -> None:
    lines = [dumps(NEWS_PLEASE), b"", b"{broken", dumps({**NEWS_PLEASE, "title": "Third"}), b"[1, 2]"]
    articles, notes = parse_document("feed.jsonl", b"\n".join(lines))
    assert [(a.title, a.entry) for a in articles] == [("Glassworks to close", 0), ("Third", 2)]
    assert notes == ["line 3: invalid JSON (skipped)", "line 5: not an article object (skipped)"]


def test_jsonl_all_bad() -> None:
    with pytest.raises(ParseError, match="line 1: invalid JSON"):
        parse_bytes("feed.jsonl", b"{nope\n")


def test_json_lines_saved_as_json() -> None:
    data = dumps(NEWS_PLEASE) + b"\n" + dumps(NEWS_PLEASE)
    assert len(parse_bytes("feed.json", data)) == 2


def test_many_bad_entries_are_counted_not_listed() -> None:
    data = b"\n".join([dumps(NEWS_PLEASE)] + [b"{bad"] * 50)
    _, notes = parse_document("feed.jsonl", data)
    assert len(notes) == 6
    assert notes[-1] == "45 more entries skipped"


CSV = (
    "title,author,date,content,publication\r\n"
    'Airline adds route,"Matthias Oduya, Lena Hart",2024-03-02,"Flights start in June.\r\n\r\n'
    '""We are ready,"" said the airline.",Kestrel Valley Times\r\n'
    ",,,,\r\n"
    "No body here,Someone,2024-03-03,,Pinecrest Courier\r\n"
    "Board delays vote,Yolanda Fairbairn,March 5 2024,The vote moves to April.,Pinecrest Courier\r\n"
)


def test_csv_with_quoted_newlines() -> None:
    articles, notes = parse_document("briefs.csv", CSV.encode())
    first, second = articles
    assert first.title == "Airline adds route"
    assert first.authors == ("Matthias Oduya", "Lena Hart")
    assert first.paragraphs == ("Flights start in June.", '"We are ready," said the airline.')
    assert (first.date, first.outlet, first.entry) == ("2024-03-02", "Kestrel Valley Times", 0)
    assert (second.title, second.date, second.entry) == ("Board delays vote", "2024-03-05", 2)
    assert notes == ["line 6: no text (skipped)"]


def test_csv_semicolons_and_long_fields() -> None:
    body = "word " * 40_000  # above csv's default 128 KB field limit
    articles = parse_bytes("x.csv", f"Title;Text\nLong one;{body}\n".encode())
    assert articles[0].title == "Long one"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"name,price\nwidget,3\n", "no text column (content, text, body, ...)"),
        (b"title,content\n", "no articles"),
    ],
)
def test_bad_csv(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_bytes("x.csv", data)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("name", "reason"),
    [("report.pdf", "unsupported type .pdf"), ("README", "unsupported type (no extension)")],
)
def test_unsupported_names(name: str, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_bytes(name, b"text")
    assert caught.value.reason == reason


def test_too_large_reason() -> None:
    from newsreader.library.parsers import too_large_reason

    assert too_large_reason(52 * 1024 * 1024) == "too large (52 MB > 20 MB limit)"
    assert too_large_reason(int(20.5 * 1024 * 1024)) == "too large (20.5 MB > 20 MB limit)"


def test_too_large_bytes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsreader.library.parsers as parsers

    monkeypatch.setattr(parsers, "MAX_FILE_BYTES", 1024 * 1024)
    with pytest.raises(ParseError) as caught:
        parse_bytes("a.txt", b"x" * (2 * 1024 * 1024))
    assert caught.value.reason == "too large (2 MB > 1 MB limit)"
