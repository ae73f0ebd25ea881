"""Web archives: each HTTP 200 HTML response of a WARC is one article, numbered among such records.

The archives are written in the tests with warcio, from the fictional pages of
tests/pages/ and a few made up here.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import random
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsreader.library import parse_warc as parse_warc_module
from newsreader.library.errors import LibraryError, ParseError
from newsreader.library.ingest import article_id, ingest_file
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



def _count_page_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets one item for each page the WARC reader hands to the HTML parser."""
    calls: list[int] = []
    real = parse_warc_module.parse_html

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(parse_warc_module, "parse_html", counting)
    return calls


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
    (tmp_path / "crawl.warc.gz").write_bytes(archive())
    ingested = ingest_file(str(tmp_path / "crawl.warc.gz"), "crawl.warc.gz")
    article, parsed = ingested.articles[1]
    calls = _count_page_parses(monkeypatch)
    assert read_article(tmp_path, article).paragraphs == parsed.paragraphs
    assert calls == [1]  # the one page, not the archive's three


# Streamed archives: any size, a page read again alone at its record's offset in the file.

WEIGHT = MAX_FILE_BYTES + (1 << 20)  # a record just over the per-page cap


def big_archive(compressed: bool) -> bytes:
    """Over the file cap: the small crawl, then a large image and a page over the cap, then one more page."""
    buffer = io.BytesIO()
    buffer.write(archive(compressed))
    writer = WARCWriter(buffer, gzip=compressed)
    # Random bytes: the archive stays over the cap compressed too.
    image = random.Random(7).randbytes(WEIGHT) if compressed else bytes(WEIGHT)
    record(writer, "https://lakesideledger.org/video.mp4", image, content_type="video/mp4")
    huge = b"<html><body><article>" + b"<p>Filler paragraph of a page far too long.</p>" * (WEIGHT // 48) + b"</article>"
    record(writer, "https://lakesideledger.org/huge", huge)
    record(writer, "https://valebridgetimes.co.uk/barrier", (PAGES / "news_jsonld.html").read_bytes())
    return buffer.getvalue()


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_archive_over_the_file_cap_is_streamed(tmp_path: Path, compressed: bool) -> None:
    from newsreader.index.walk import walk
    from newsreader.library import Article, SkippedFile, iter_library

    name = "crawl.warc.gz" if compressed else "crawl.warc"
    data = big_archive(compressed)
    assert len(data) > MAX_FILE_BYTES
    (tmp_path / name).write_bytes(data)
    assert [entry.reason for entry in walk(tmp_path)] == [None]  # not "too large": the cap is per record
    items = list(iter_library(tmp_path))
    articles = [a for a in items if isinstance(a, Article)]
    assert [a.entry for a in articles] == [0, 1, 3, 5]  # entry 4 (the page over the cap) keeps its number
    assert articles[-1].title == "Tidal barrier contract awarded after two-year delay"
    assert [s.reason for s in items if isinstance(s, SkippedFile)] == [
        "page 3 (https://westhaven.example.net/empty): no article text (skipped)",
        "page 5 (https://lakesideledger.org/huge): too large (over 20 MB) (skipped)",
    ]
    for article in articles:  # each offset is where its record starts in the file
        assert data[article.offset:].startswith(b"\x1f\x8b" if compressed else b"WARC/1.0\r\n")
    assert read_article(tmp_path, articles[-1]).paragraphs[0].startswith("The contract to build a tidal barrier")


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_streamed_entries_are_the_in_memory_ones(tmp_path: Path, compressed: bool) -> None:
    """Ids, entries and bodies as the whole-file parser gives them: indexes made before keep their ids."""
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    data = archive(compressed)
    (tmp_path / name).write_bytes(data)
    whole, notes = parse_document(name, data)
    ingested = ingest_file(str(tmp_path / name), name)
    assert [a.id for a, _ in ingested.articles] == [article_id(name, a.entry) for a in whole]
    assert [p.paragraphs for _, p in ingested.articles] == [a.paragraphs for a in whole]
    assert list(ingested.reasons) == notes
    assert all(a.offset is not None for a, _ in ingested.articles)


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_opening_an_entry_reads_its_record_only(tmp_path: Path, compressed: bool,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    (tmp_path / name).write_bytes(archive(compressed))
    ingested = ingest_file(str(tmp_path / name), name)
    article, parsed = ingested.articles[2]
    data = (tmp_path / name).read_bytes()
    assert article.offset is not None
    # Everything before the record is overwritten: only a read that seeks straight to it finds the page.
    (tmp_path / name).write_bytes(bytes(article.offset) + data[article.offset:])
    calls = _count_page_parses(monkeypatch)
    assert read_article(tmp_path, article).paragraphs == parsed.paragraphs
    assert calls == [1]
    with pytest.raises(LibraryError, match="no longer holds entry 2"):  # an offset that is no page's
        read_article(tmp_path, dataclasses.replace(ingested.articles[1][0], offset=article.offset + 1))


def test_an_entry_indexed_without_offset_is_found_by_number(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(archive())
    article, parsed = ingest_file(str(tmp_path / "crawl.warc.gz"), "crawl.warc.gz").articles[2]
    assert read_article(tmp_path, dataclasses.replace(article, offset=None)).paragraphs == parsed.paragraphs


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_truncated_streamed_archive_keeps_the_pages_before_the_damage(tmp_path: Path, compressed: bool) -> None:
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    data = archive(compressed)
    (tmp_path / name).write_bytes(data)
    whole = ingest_file(str(tmp_path / name), name)
    last = whole.articles[-1][0].offset
    assert last is not None
    (tmp_path / name).write_bytes(data[: last + (len(data) - last) // 2])  # inside the last page's record
    cut = ingest_file(str(tmp_path / name), name)
    assert [a.id for a, _ in cut.articles] == [a.id for a, _ in whole.articles[:2]]
    assert cut.reasons[-1] == "archive damaged or truncated; 3 pages before the damage read"
    assert cut.mark is not None and cut.mark.size == last  # a later read resumes at the cut record
    (tmp_path / name).write_bytes(data)  # the crawler finished writing it
    from newsreader.library.ingest import iter_ingest

    parts = list(iter_ingest(str(tmp_path / name), name, known_mark=cut.mark, known_reasons=cut.reasons))
    assert parts[0].resume == 3
    assert [a.id for part in parts for a, _ in part.articles] == [whole.articles[-1][0].id]
    assert parts[-1].reasons == whole.reasons  # the damage note is not carried on


def test_appended_archive_is_read_from_its_last_complete_record(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.library.ingest import iter_ingest

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(archive())
    first = ingest_file(str(path), "crawl.warc.gz")
    buffer = io.BytesIO()
    record(WARCWriter(buffer, gzip=True), "https://valebridgetimes.co.uk/barrier",
           (PAGES / "news_jsonld.html").read_bytes())
    with path.open("ab") as handle:
        handle.write(buffer.getvalue())
    calls = _count_page_parses(monkeypatch)
    parts = list(iter_ingest(str(path), "crawl.warc.gz", known_mark=first.mark, known_reasons=first.reasons))
    assert parts[0].resume == 4  # the four pages read before are kept, not read again
    assert [(a.entry, a.title) for part in parts for a, _ in part.articles] == [
        (4, "Tidal barrier contract awarded after two-year delay")]
    assert calls == [1]
    assert parts[-1].reasons == first.reasons
    again = ingest_file(str(path), "crawl.warc.gz")  # the same as a read from the start
    assert [a.id for a, _ in again.articles][-1] == parts[-1].articles[-1][0].id
    path.write_bytes(archive() + buffer.getvalue())  # the crawl written again (new record ids)
    changed = list(iter_ingest(str(path), "crawl.warc.gz", known_mark=first.mark, known_reasons=first.reasons))
    assert changed[0].resume == 0  # its start changed: read whole


def test_gzip_bomb_in_a_streamed_archive_stops_at_the_bound(tmp_path: Path) -> None:
    """One record, one gzip member (as in any .warc.gz), 1 GB of zeros in 1 MB."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
            b"WARC-Date: 2023-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            + f"Content-Length: {len(http) + (1 << 30)}\r\n\r\n".encode() + http)
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    member = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
    # After a full flush the compressor starts afresh: 16 MB of zeros compress to the same bytes each time.
    zeros = deflate.compress(bytes(16 << 20)) + deflate.flush(zlib.Z_FULL_FLUSH)
    member += zeros * 64 + deflate.flush()  # (the trailer's CRC is of 16 MB, not 1 GB: never reached)
    (tmp_path / "crawl.warc.gz").write_bytes(archive() + member + archive())
    ingested = ingest_file(str(tmp_path / "crawl.warc.gz"), "crawl.warc.gz")
    assert [a.entry for a, _ in ingested.articles] == [0, 1, 3]
    assert ingested.reasons[-2] == "page 5 (https://bomb.example/): too large (over 20 MB) (skipped)"
    assert ingested.reasons[-1] == ("stopped at page 5 (https://bomb.example/): it expands past 160 MB; "
                                    "4 pages before it read")


def test_index_reads_on_from_where_an_archive_ended(tmp_path: Path) -> None:
    from newsreader.index import LibraryIndex
    from newsreader.library import Article, iter_library

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(archive())
    with LibraryIndex.open(tmp_path) as index:
        assert index.refresh().added == 3
        buffer = io.BytesIO()
        record(WARCWriter(buffer, gzip=True), "https://valebridgetimes.co.uk/barrier",
               (PAGES / "news_jsonld.html").read_bytes())
        with path.open("ab") as handle:
            handle.write(buffer.getvalue())
        summary = index.refresh()
        assert (summary.added, summary.unchanged, summary.removed) == (1, 3, 0)
        scanned = sorted((a for a in iter_library(tmp_path) if isinstance(a, Article)), key=lambda a: a.id)
        assert sorted(index.articles(), key=lambda a: a.id) == scanned
        assert all(read_article(tmp_path, a).paragraphs for a in scanned)


def test_archive_gzipped_whole_is_read_too(tmp_path: Path) -> None:
    """``gzip crawl.warc`` makes one gzip stream, not a member per record: read decompressed, no resuming."""
    data = gzip.compress(archive(compressed=False))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    whole, notes = parse_document("crawl.warc.gz", data)
    ingested = ingest_file(str(path), "crawl.warc.gz")
    assert [p.paragraphs for _, p in ingested.articles] == [a.paragraphs for a in whole]
    assert list(ingested.reasons) == notes
    assert ingested.mark is None
    for article, parsed in ingested.articles:
        assert read_article(tmp_path, article).paragraphs == parsed.paragraphs
    path.write_bytes(data[: len(data) * 3 // 4])
    cut = ingest_file(str(path), "crawl.warc.gz")
    expected, notes = parse_warc(data[: len(data) * 3 // 4])  # where the cut falls depends on the record ids
    assert [a.entry for a, _ in cut.articles] == [a.entry for a in expected] != []
    assert list(cut.reasons) == notes
    assert notes[-1].startswith("archive damaged or truncated;")
