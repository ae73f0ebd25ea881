"""Web archives: each HTTP 200 HTML response of a WARC is one article, numbered among such records.

The archives are written in the tests with warcio, from the fictional pages of
tests/pages/ and a few made up here.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsreader.library import parse_warc as parse_warc_module
from newsreader.library.errors import ParseError
from newsreader.library.ingest import ingest_file
from newsreader.library.parse_warc import parse_warc
from newsreader.library.parsers import MAX_FILE_BYTES, parse_document
from newsreader.library.scanner import read_article

PAGES = Path(__file__).resolve().parent / "pages"
CAPTURED = "2023-09-14T11:22:33Z"
UNDATED = (
    "<html><head><title>Pier lights switched on</title></head><body><article>"
    "<p>The new lights on Westhaven pier were switched on at dusk on Saturday by the harbourmaster, "
    "Ottoline Brask, in front of a crowd of about two hundred people.</p>"
    "<p>The lamps replace the gas lanterns fitted in 1911 and use a tenth of the energy, the council said.</p>"
    "</article></body></html>"
)


def record(
    writer: WARCWriter,
    uri: str,
    payload: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    kind: str = "response",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            uri,
            kind,
            payload=io.BytesIO(payload),
            http_headers=headers if kind in ("response", "request") else None,
            warc_headers_dict={"WARC-Date": CAPTURED},
        )
    )


def archive(compressed: bool = True) -> bytes:
    """A small crawl: two corpus pages, an image, a 404, a redirect, a page with no text, an undated page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test-crawler/1.0"}))
    record(writer, "https://lakesideledger.org/?p=4182", (PAGES / "wordpress_post.html").read_bytes())
    record(writer, "https://lakesideledger.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(300), content_type="image/png")
    record(
        writer,
        "https://lakesideledger.org/missing",
        b"<html><body><p>Not found</p></body></html>",
        status="404 Not Found",
    )
    record(writer, "https://lakesideledger.org/old", b"", status="301 Moved Permanently", extra=[("Location", "/new")])
    record(writer, "https://valebridgetimes.co.uk/amp/frost", (PAGES / "amp_article.html").read_bytes())
    record(
        writer, "https://westhaven.example.net/empty", b"<html><head><title>Empty</title></head><body></body></html>"
    )
    record(writer, "https://westhaven.example.net/pier-lights", UNDATED.encode())
    return buffer.getvalue()


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_articles(compressed: bool) -> None:
    articles, notes = parse_document("crawl.warc.gz" if compressed else "crawl.warc", archive(compressed))
    assert [a.entry for a in articles] == [0, 1, 3]  # entry 2 (no text) keeps its number
    ledger, frost, pier = articles
    assert ledger.title == "Ferry timetable shake-up leaves island commuters waiting"
    assert ledger.url == "https://lakesideledger.org/2023/04/12/ferry-timetable-shake-up/"  # the page's own canonical
    assert ledger.date == "2023-04-12"  # the page's own date, not the capture's
    assert frost.authors == ("Callum Drysdale",)
    assert pier.url == "https://westhaven.example.net/pier-lights"  # WARC-Target-URI
    assert pier.date == "2023-09-14"  # WARC-Date: the page has none
    assert pier.title == "Pier lights switched on"
    assert notes == ["page 3 (https://westhaven.example.net/empty): no article text (skipped)"]


def test_warc_goes_through_ingest_file_and_reads_back(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(archive())
    ingested = ingest_file(str(tmp_path / "crawl.warc.gz"), "crawl.warc.gz")
    assert [a.format for a, _ in ingested.articles] == ["warc"] * 3
    assert len({a.id for a, _ in ingested.articles}) == 3
    assert ingested.reasons == ("page 3 (https://westhaven.example.net/empty): no article text (skipped)",)
    article, parsed = ingested.articles[2]
    assert read_article(tmp_path, article).paragraphs == parsed.paragraphs


def test_one_entry_only() -> None:
    """Opening one article of an archive need not extract every page."""
    articles, _ = parse_warc(archive(), only=1)
    assert [(a.entry, a.title) for a in articles] == [(1, "Orchard growers count cost of late frost")]


def test_http_charset_and_content_encoding() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    latin = UNDATED.replace("Brask", "Br\u00e5sk").encode("cp1252")
    record(writer, "https://westhaven.example.net/a", latin, content_type="text/html; charset=ISO-8859-1")
    record(
        writer,
        "https://westhaven.example.net/b",
        gzip.compress(UNDATED.encode()),
        extra=[("Content-Encoding", "gzip")],
    )
    (first, second), notes = parse_warc(buffer.getvalue())
    assert "Ottoline Br\u00e5sk" in first.paragraphs[0]
    assert "Ottoline Brask" in second.paragraphs[0]
    assert notes == []


def test_record_over_the_cap_is_skipped_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_warc_module, "MAX_RECORD_BYTES", 6000)
    articles, notes = parse_warc(archive())
    assert [a.entry for a in articles] == [1, 3]  # the WordPress page is over 6,000 bytes
    assert notes[0].startswith("page 1 (https://lakesideledger.org/?p=4182): too large")
    assert notes[0].endswith("(skipped)")


def test_record_cap_is_the_file_cap() -> None:
    assert parse_warc_module.MAX_RECORD_BYTES == MAX_FILE_BYTES


def test_archive_without_pages() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    record(writer, "https://lakesideledger.org/logo.png", b"\x89PNG", content_type="image/png")
    with pytest.raises(ParseError, match="no web pages in the archive"):
        parse_warc(buffer.getvalue())
    with pytest.raises(ParseError, match="no article text"):
        buffer = io.BytesIO()
        record(WARCWriter(buffer, gzip=False), "https://a.example/", b"<html><body></body></html>")
        parse_warc(buffer.getvalue())


def test_not_a_warc() -> None:
    with pytest.raises(ParseError):
        parse_document("notes.warc", b"This is a plain text file that someone named .warc by mistake.\n")
    with pytest.raises(ParseError):
        parse_document("notes.warc.gz", gzip.compress(b"plain text, gzipped\n"))


def test_index_build_lists_pages_and_archives_as_a_scan_does(tmp_path: Path) -> None:
    """The index parses files in worker processes through ingest_file: pages and archives included."""
    from newsreader.index import LibraryIndex
    from newsreader.library import Article, SkippedFile, iter_library

    root = tmp_path / "saved"
    (root / "web").mkdir(parents=True)
    (root / "web" / "barrier.html").write_bytes((PAGES / "news_jsonld.html").read_bytes())
    (root / "web" / "allotments.htm").write_bytes((PAGES / "singlefile_save.html").read_bytes())
    (root / "web" / "blank.html").write_bytes(b"<html><head><title>Blank</title></head><body></body></html>")
    (root / "crawl.warc.gz").write_bytes(archive())
    items = list(iter_library(root))
    scanned = sorted((a for a in items if isinstance(a, Article)), key=lambda a: a.id)
    with LibraryIndex.open(root) as index:
        summary = index.refresh()
        assert summary.added == 5
        assert sorted(index.articles(), key=lambda a: a.id) == scanned
        assert sorted(a.format for a in scanned) == ["html", "html", "warc", "warc", "warc"]
        skipped = {(s.path, s.reason) for s in index.skipped()}
        assert ("web/blank.html", "no article text") in skipped
        assert skipped == {(s.path, s.reason) for s in items if isinstance(s, SkippedFile)}
        assert len(index.search("Brennock")) == 1


def test_opening_one_page_of_an_archive_extracts_only_that_page(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import newsreader.library.parse_warc as parse_warc_module

    (tmp_path / "crawl.warc.gz").write_bytes(archive())
    ingested = ingest_file(str(tmp_path / "crawl.warc.gz"), "crawl.warc.gz")
    article, parsed = ingested.articles[1]
    calls: list[int] = []
    real = parse_warc_module.parse_html

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(parse_warc_module, "parse_html", counting)
    assert read_article(tmp_path, article).paragraphs == parsed.paragraphs
    assert calls == [1]  # the one page, not the archive's three
