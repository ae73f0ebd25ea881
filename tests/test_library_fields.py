"""The key mapping of exports (fields.FIELD_KEYS) and lenient containers: one case per tool, fictional text."""

from __future__ import annotations

import json

import pytest

from newsreader.library.errors import ParseError
from newsreader.library.fields import FIELD_KEYS
from newsreader.library.model import ParsedArticle
from newsreader.library.parsers import parse_bytes, parse_document


def one(name: str, record: object) -> ParsedArticle:
    [article] = parse_bytes(name, json.dumps(record).encode())
    return article


def test_news_please_null_title_falls_back_to_title_rss() -> None:
    article = one("a.json", {
        "title": None, "title_rss": "Tram depot gets solar roof", "title_page": "Tram depot | Metro",
        "maintext": "The depot roof now carries 900 panels.", "description": "Panels cover the depot.",
        "date_publish": "2023-07-14 06:00:00", "authors": ["Odile Ferrant"], "source_domain": "metro.example",
        "url": "https://metro.example/depot",
    })
    assert article.title == "Tram depot gets solar roof"
    assert article.paragraphs == ("Panels cover the depot.", "The depot roof now carries 900 panels.")
    assert (article.date, article.outlet, article.url) == (
        "2023-07-14", "metro.example", "https://metro.example/depot")


def test_newspaper4k_keys() -> None:
    article = one("a.json", {
        "title": "Orchard frost", "authors": ["Bram Vos"], "publish_date": "2022-04-02T05:00:00",
        "text": "Frost hit the orchards overnight.", "meta_site_name": "Valley Crier",
        "canonical_link": "https://crier.example/frost", "meta_description": "A cold night.",
    })
    assert (article.title, article.authors, article.date) == ("Orchard frost", ("Bram Vos",), "2022-04-02")
    assert (article.outlet, article.url) == ("Valley Crier", "https://crier.example/frost")


def test_trafilatura_json_source_is_a_url_not_an_outlet() -> None:
    article = one("a.json", {
        "title": "Library extends hours", "author": "Ines Marek; Tobiah Rune", "date": "2021-11-09",
        "sitename": "Northside Notes", "hostname": "northside.example", "raw_text": "Doors stay open till nine.",
        "text": "Doors stay open till nine.\nThe café too.", "source": "https://northside.example/library",
        "source-hostname": "Northside Notes",
    })
    assert article.authors == ("Ines Marek", "Tobiah Rune")
    assert article.paragraphs == ("Doors stay open till nine.", "The café too.")
    assert (article.outlet, article.url) == ("Northside Notes", "https://northside.example/library")
    bare = one("b.json", {"text": "Body.", "source": "https://x.example/a", "hostname": "x.example"})
    assert (bare.outlet, bare.url) == ("x.example", "https://x.example/a")


def test_wallabag_entry() -> None:
    article = one("a.json", {
        "is_archived": 0, "title": "Ferry fares frozen", "url": "https://isles.example/fares",
        "content": "<p>Fares stay at &pound;4 this year.</p><p>The board met on Friday.</p>",
        "published_at": "2024-01-19T10:00:00+0000", "created_at": "2024-02-01T08:00:00+0000",
        "published_by": ["Maren Holt", "Dev Anand"], "domain_name": "isles.example", "reading_time": 1,
    })
    assert article.paragraphs == ("Fares stay at £4 this year.", "The board met on Friday.")
    assert article.authors == ("Maren Holt", "Dev Anand")
    assert (article.outlet, article.date) == ("isles.example", "2024-01-19")


def test_omnivore_metadata_item() -> None:
    articles, _ = parse_document("metadata_0_to_2.json", json.dumps([{
        "id": "1c2d", "slug": "canal-locks", "title": "Canal locks restored", "description": "Two locks reopen.",
        "author": "Greta Lind", "url": "https://canal.example/locks", "state": "Archived",
        "savedAt": "2024-03-10T12:00:00.000Z", "publishedAt": "2024-03-08T09:00:00.000Z", "labels": ["boats"],
    }]).encode())
    [article] = articles
    assert (article.title, article.authors, article.date) == ("Canal locks restored", ("Greta Lind",), "2024-03-08")
    assert article.paragraphs == ("Two locks reopen.",)


def test_readwise_reader_document() -> None:
    article = one("a.json", {
        "title": "Glass recycling doubles", "author": "Pim Osei", "source_url": "https://bottle.example/glass",
        "site_name": "Bottle Bank Weekly", "published_date": "2023-09-30", "summary": "Collections doubled.",
        "html": "<div><p>Collections doubled in a year.</p></div>", "saved_at": "2023-10-02T00:00:00Z",
    })
    assert article.paragraphs == ("Collections doubled in a year.",)
    assert (article.outlet, article.url, article.date) == (
        "Bottle Bank Weekly", "https://bottle.example/glass", "2023-09-30")


def test_pocket_csv_holds_links_without_text() -> None:
    data = b"title,url,time_added,cursor,tags,status\nHarbour lights,https://h.example/l,1728576752,1,a|b,unread\n"
    with pytest.raises(ParseError) as caught:
        parse_document("pocket.csv", data)
    assert caught.value.reason == "no text column (content, text, body, ...)"
    # Its keys are mapped all the same, for exports that add a text column.
    with_text = data.replace(b",status\n", b",status,excerpt\n").replace(b",unread\n", b",unread,Lights go up.\n")
    [article], _ = parse_document("pocket.csv", with_text)
    assert (article.title, article.date, article.url) == ("Harbour lights", "2024-10-10", "https://h.example/l")


def test_wordpress_rest_post() -> None:
    article = one("a.json", {
        "id": 42, "date": "2024-05-05T08:30:00", "date_gmt": "2024-05-05T07:30:00", "link": "https://blog.example/?p=42",
        "title": {"rendered": "Bees return to the <em>roof</em> garden &#8211; again"},
        "content": {"rendered": "<p>The hives woke early.</p>\n<p>Honey is expected in July.</p>", "protected": False},
        "excerpt": {"rendered": "<p>The hives woke early.</p>"}, "author": 3,
    })
    assert article.title == "Bees return to the roof garden – again"
    assert article.paragraphs == ("The hives woke early.", "Honey is expected in July.")
    assert (article.date, article.url, article.authors) == ("2024-05-05", "https://blog.example/?p=42", ())


def test_kaggle_style_csv_with_index_column_and_lead() -> None:
    data = (
        b",id,title,author,date,content,publication,url,lead\n"
        b'0,17,Dam inspection passes,Lotte Brandt|Ravi Menon,2017-02-01,"Engineers found no cracks.",'
        b'River Courier,https://rc.example/dam,"Inspectors spent two days inside the dam."\n'
        b'1,18,Ferry timetable,Sam Ode,2017-02-02,"Inspectors... no: the timetable changes in May.",'
        b"River Courier,https://rc.example/ferry,The timetable changes in May\n"
    )
    articles, notes = parse_document("all-the-news.csv", data)
    first, second = articles
    assert notes == []
    assert first.authors == ("Lotte Brandt", "Ravi Menon")
    assert first.paragraphs == ("Inspectors spent two days inside the dam.", "Engineers found no cracks.")
    assert (first.outlet, first.url, first.date) == ("River Courier", "https://rc.example/dam", "2017-02-01")
    assert second.paragraphs[0] == "The timetable changes in May"  # not the start of the body: kept as lede
    again = parse_bytes("b.csv", b"title,content,description\nT,The tide turns at noon today.,The tide turns at noon\n")
    assert again[0].paragraphs == ("The tide turns at noon today.",)  # the body starts with it already


def test_authors_joined_with_bars_and_semicolons() -> None:
    assert one("a.json", {"text": "x", "authors": "Ana Pires | Luca Neri|Mo Tahir"}).authors == (
        "Ana Pires", "Luca Neri", "Mo Tahir")
    assert one("a.json", {"text": "x", "author": "Ana Pires; Luca Neri"}).authors == ("Ana Pires", "Luca Neri")


def test_excel_csv_with_sep_line() -> None:
    data = b"sep=;\r\ntitle;author;content\r\nSnow closes pass;Hedda Lunde;The pass shut at dawn, again.\r\n"
    articles, _ = parse_document("excel.csv", data)
    assert (articles[0].title, articles[0].paragraphs) == ("Snow closes pass", ("The pass shut at dawn, again.",))


def test_json_lines_with_trailing_commas_and_an_array_saved_as_jsonl() -> None:
    lines = b'{"title": "One", "text": "First."},\n{"title": "Two", "text": "Second."},\n'
    assert [a.title for a in parse_bytes("feed.jsonl", lines)] == ["One", "Two"]
    array = b'[\n  {"title": "One", "text": "First."},\n  {"title": "Two", "text": "Second."}\n]\n'
    articles, notes = parse_document("feed.jsonl", array)
    assert [(a.title, a.entry) for a in articles] == [("One", 0), ("Two", 1)] and notes == []


def test_every_field_has_keys_and_none_is_repeated_within_a_field() -> None:
    for field, keys in FIELD_KEYS.items():
        assert keys and len(set(keys)) == len(keys), field
        assert all(key == key.lower() for key in keys), field
