"""Saved web pages: the corpus in tests/pages/ read with the right values, and the HTML paths around it.

The pages are fictional, written for these tests on the structures real sites
use (a WordPress post, a news site with JSON-LD and Open Graph, an AMP page, a
SingleFile save, a page with comments and related-story boxes);
tests/pages/expected.json holds what each must give.
"""

from __future__ import annotations

import codecs
import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from newsreader.library import parse_html as parse_html_module
from newsreader.library.errors import ParseError
from newsreader.library.ingest import ingest_file
from newsreader.library.parse_html import NO_TEXT, PAGE_CUT_NOTICE, decode_html, parse_html, parse_mhtml
from newsreader.library.parsers import format_of, parse_document
from newsreader.library.scanner import iter_library, read_article

PAGES = Path(__file__).resolve().parent / "pages"
EXPECTED: dict[str, dict[str, object]] = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))

BODY = (
    "<p>The harbour board met on Tuesday to discuss the ferry timetable, the repairs to the north pier "
    "and the cost of dredging the channel before the regatta.</p>"
    "<p>Members agreed to publish the dredging survey in full, said the board's secretary, Anneliese Forde, "
    "who added that the work would not start before the autumn.</p>"
)


def page(title: str = "Harbour board meets", body: str = BODY, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body><article>{body}</article></body></html>"
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_page_values(name: str) -> None:
    expected = EXPECTED[name]
    (article,), notes = parse_document(name, (PAGES / name).read_bytes())
    assert notes == []
    assert article.title == expected["title"]
    assert list(article.authors) == expected["authors"]
    assert article.date == expected["date"]
    assert article.outlet == expected["outlet"]
    assert article.url == expected["url"]
    assert article.paragraphs[0].startswith(str(expected["first_sentence"]))
    assert article.paragraphs[-1].endswith(str(expected["last_sentence"]))
    assert len(article.paragraphs) == expected["paragraphs"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_page_leaves_out_furniture(name: str) -> None:
    """Comments, related-story boxes, menus, banners, scripts and styles are not the article."""
    (article,), _ = parse_document(name, (PAGES / name).read_bytes())
    body = article.body
    for text in EXPECTED[name]["not_in_body"]:  # type: ignore[attr-defined]
        assert text not in body, f"{text!r} in the body of {name}"
    assert article.title not in article.paragraphs  # the headline is not repeated as a paragraph


def test_every_corpus_page_is_listed() -> None:
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted(EXPECTED)


def test_html_goes_through_ingest_file(tmp_path: Path) -> None:
    """The index and the scanner read pages through the one ingestion path."""
    source = PAGES / "news_jsonld.html"
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "barrier.HTM").write_bytes(source.read_bytes())
    ingested = ingest_file(str(tmp_path / "saved" / "barrier.HTM"), "saved/barrier.HTM")
    assert ingested.reasons == ()
    ((article, parsed),) = ingested.articles
    assert article.format == "html"
    assert article.title == "Tidal barrier contract awarded after two-year delay"
    assert article.authors == ("Priya Ravindran", "Tomasz Wielgosz")
    assert article.word_count == sum(len(p.split()) for p in parsed.paragraphs)
    listed = [item for item in iter_library(tmp_path)]
    assert [getattr(item, "title", None) for item in listed] == [article.title]
    assert read_article(tmp_path, article).paragraphs == parsed.paragraphs


def test_page_without_text_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page(body="<img src='map.png' alt=''><script>document.write('hi')</script>"), encoding="utf-8")
    assert ingest_file(str(path), "empty.html").reasons == (NO_TEXT,)
    with pytest.raises(ParseError, match=NO_TEXT):
        parse_html(b"<html><head><title>Only a title</title></head><body></body></html>")


def test_missing_title_is_derived_from_the_lede() -> None:
    article = parse_html(page(title="").replace("<title></title>", "").encode())
    assert article.title.startswith("The harbour board met on Tuesday to discuss the ferry timetable")
    assert "<" not in article.title and "Members agreed" not in article.title


def test_headline_repeated_as_first_block_is_dropped() -> None:
    article = parse_html(page(body="<h1>Harbour board meets</h1>" + BODY).encode())
    assert article.title == "Harbour board meets"
    assert article.paragraphs[0].startswith("The harbour board met")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.html", "html"),
        ("A.HTM", "html"),
        ("a.xhtml", "html"),
        ("a.mhtml", "mhtml"),
        ("a.mht", "mhtml"),
        ("a.warc", "warc"),
        ("crawl.warc.gz", "warc"),
        ("CRAWL.WARC.GZ", "warc"),
        ("notes.gz", None),
        ("warc.gz.txt", "txt"),
        ("a.html.bak", None),
    ],
)
def test_format_of_pages_and_archives(name: str, kind: str | None) -> None:
    assert format_of(name) == kind


def test_meta_charset_is_honoured() -> None:
    data = page(title="Caf\u00e9 owners \u201cdelighted\u201d", head='<meta charset="windows-1252">').encode("cp1252")
    assert parse_html(data).title == "Caf\u00e9 owners \u201cdelighted\u201d"


def test_latin1_label_means_windows_1252() -> None:
    """As browsers read it (WHATWG): the curly quotes of a page saying iso-8859-1 are cp1252 bytes."""
    head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    data = page(title="\u201cNo\u00ebl\u201d market returns", head=head).encode("cp1252")
    assert parse_html(data).title == "\u201cNo\u00ebl\u201d market returns"


def test_cyrillic_meta_charset() -> None:
    title = "\u0412\u0435\u0441\u0442\u0438 \u0433\u0430\u0432\u0430\u043d\u0438"  # "Вести гавани"
    data = page(title=title, head='<meta charset="koi8-r">').encode("koi8-r")
    assert parse_html(data).title == title


def test_http_charset_outranks_meta_and_bom_outranks_both() -> None:
    text = page(title="Z\u00fcrich ferries", head='<meta charset="koi8-r">')
    assert parse_html(text.encode("cp1252"), charset="windows-1252").title == "Z\u00fcrich ferries"
    assert decode_html(codecs.BOM_UTF8 + text.encode("utf-8"), "koi8-r").startswith("<!DOCTYPE html>")
    utf16 = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert parse_html(utf16).title == "Z\u00fcrich ferries"


def test_unknown_charset_label_falls_back_to_detection() -> None:
    data = page(title="Caf\u00e9 reopens", head='<meta charset="x-no-such-charset">').encode("utf-8")
    assert parse_html(data).title == "Caf\u00e9 reopens"


def test_xml_declaration_is_accepted() -> None:
    data = ('<?xml version="1.0" encoding="utf-8"?>\n' + page(title="XHTML page")).encode()
    assert parse_html(data).title == "XHTML page"


def test_mhtml_page() -> None:
    """A page saved by Chrome as MHTML: a MIME message whose first text/html part is the page."""
    message = EmailMessage()
    message["Snapshot-Content-Location"] = "https://harbourtimes.example.org/board-meets"
    message["Subject"] = "Harbour board meets"
    message.set_content(page(title="Harbour board meets \u2013 Harbour Times"), subtype="html", cte="quoted-printable")
    message.add_attachment(b"\x89PNG fake", maintype="image", subtype="png", filename="logo.png")
    article = parse_mhtml(bytes(message))
    assert article.title.startswith("Harbour board meets")
    assert article.paragraphs[0].startswith("The harbour board met on Tuesday")
    assert article.url == "https://harbourtimes.example.org/board-meets"
    with pytest.raises(ParseError, match="no web page"):
        parse_mhtml(b"From: nobody\r\nContent-Type: text/plain\r\n\r\nhello\r\n")


def test_long_page_is_cut_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Markup past MAX_PAGE_CHARS is not read (the limit made small here: the real one is 5 MB)."""
    monkeypatch.setattr(parse_html_module, "MAX_PAGE_CHARS", 3000)
    monkeypatch.setattr(parse_html_module, "LARGE_PAGE_CHARS", 1000)
    body = "".join(
        f"<p>Paragraph {i} of the harbour board's minutes, read out by the secretary.</p>" for i in range(200)
    )
    article = parse_html(page(body=body).encode())
    assert article.paragraphs[-1] == PAGE_CUT_NOTICE
    assert 5 < len(article.paragraphs) < 60


SAVED_SAMPLES = {
    "coastal-bulletin-lifeboat-station-reopens.html": [
        ("Lifeboat station reopens after two-year rebuild", "2024-05-18")
    ],
    "northern-wire-ice-road-closes.html": [("Ice road to island villages closes a month early", "2024-02-09")],
    "riverside-post-night-buses.htm": [("Night buses to run on weekends from June", "2024-04-22")],
    "crawl-2023-10.warc.gz": [
        ("Footbridge over the Tessa reopens after flood repairs", "2023-10-07"),
        ("Central library to open until 10pm on weekdays", "2023-10-09"),  # the capture date: the page has none
    ],
}


def test_bundled_saved_pages() -> None:
    folder = PAGES.parent.parent / "sample_articles" / "saved-pages"
    assert sorted(p.name for p in folder.iterdir()) == sorted(SAVED_SAMPLES)
    for name, expected in SAVED_SAMPLES.items():
        articles, notes = parse_document(name, (folder / name).read_bytes())
        assert [(a.title, a.date) for a in articles] == expected
        assert notes == []
        assert all(a.authors and a.outlet and a.url for a in articles)
