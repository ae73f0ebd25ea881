"""Web archives (``.warc``, ``.warc.gz``): each captured HTML page is one article.

A WARC file is a sequence of records; the ones that matter are ``response``
records holding an HTTP 200 with an HTML body. Each such record is an entry of
the collection, numbered in file order among such records (so an entry keeps
its number when a page before it fails to parse), and its page goes through
:func:`newsreader.library.parse_html.parse_html` with the record's
``WARC-Target-URI`` and ``WARC-Date`` as fallbacks for the page's own URL and
date.

The scanner and the index read archives of any size as streams, a record at a
time (:mod:`newsreader.library.warc_stream`), through the record functions
here (:func:`is_html_page`, :func:`read_page`); :func:`parse_warc` reads an
archive's bytes in memory (``parse_bytes``, tools).

Archives are hostile input like any file, and compressed ones can expand a
thousandfold, so reading bytes is bounded three ways:

* the archive is decompressed here (not by warcio), at most
  :data:`MAX_EXPANDED_BYTES` in all: a gzip bomb stops there, with a note;
* a record larger than the per-file cap is skipped with a note, its body unread;
* a damaged or truncated archive yields the records before the damage, with a note.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import logging
import threading
import zlib
from typing import Any

from .dates import normalize_date
from .errors import ParseError
from .model import ParsedArticle
from .parse_html import parse_html
from .parsers import MAX_FILE_BYTES
from .sanitize import clean_line

Parsed = tuple[list[ParsedArticle], list[str]]

# A page may be as big as a file may be. (Archives in memory are capped as
# files, before they are read, but their records can expand past that.)
MAX_RECORD_BYTES = MAX_FILE_BYTES
# A 20 MB archive of HTML expands five- to tenfold; past this it is a bomb,
# or so big that the pages already read are what a reader can use anyway.
MAX_EXPANDED_BYTES = 8 * MAX_RECORD_BYTES
MAX_NOTES = 5  # as for the other collections: name a few, count the rest
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16
# warcio writes some warnings straight to sys.stderr (a bad Content-Length, a
# damaged compressed body); they are silenced while it reads, one archive at a
# time so that two threads cannot leave sys.stderr swapped.
_STDERR_LOCK = threading.Lock()


def parse_warc(data: bytes, only: int | None = None) -> Parsed:
    """The articles in a WARC file's bytes (gzip-compressed or not), plus notes.

    With ``only`` just that entry is parsed (the others are counted, not
    extracted): what opening one article of a big archive needs. Raises
    ParseError when no page in it could be read, with the first reason.
    """
    from warcio.archiveiterator import ArchiveIterator

    stream = _Expanded(data, MAX_EXPANDED_BYTES)
    reader = _Notes()
    articles: list[ParsedArticle] = []
    entry = 0
    with quiet():
        try:
            for record in ArchiveIterator(stream):
                page = is_html_page(record)
                article = None
                if page and (only is None or only == entry):
                    article = _read_page(record, entry, reader)
                if not drained(record):
                    # The archive ends inside this record: a page cut short is
                    # not shown as if whole, and nothing follows it.
                    stream.damaged = True
                    break
                if article is not None:
                    articles.append(article)
                entry += page
        except Exception:  # noqa: BLE001 - warcio fails in many ways on cut or corrupt headers
            stream.damaged = True
    if stream.exhausted:
        reader.always(
            f"stopped after {MAX_EXPANDED_BYTES // (1024 * 1024)} MB of expanded data; {count_pages(entry)} before it read"
        )
    elif stream.damaged:
        reader.always(f"archive damaged or truncated; {count_pages(entry)} before the damage read")
    if not articles and only is None:
        if reader.notes:
            raise ParseError(
                reader.first_reason() if entry <= 1 else f"no readable pages ({reader.first_reason()}, ...)"
            )
        raise ParseError("no web pages in the archive")
    return articles, reader.finished()


def quiet() -> contextlib.ExitStack:
    """A context in which warcio's and trafilatura's warnings stay off the terminal (see _STDERR_LOCK)."""
    logging.getLogger("warcio").addHandler(logging.NullHandler())
    stack = contextlib.ExitStack()
    stack.enter_context(_STDERR_LOCK)
    stack.enter_context(contextlib.redirect_stderr(io.StringIO()))
    return stack


def is_html_page(record: Any) -> bool:
    """A ``response`` record whose HTTP status is 200 and whose body is HTML."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES)


def _read_page(record: Any, entry: int, notes: _Notes) -> ParsedArticle | None:
    """One record's page as an article, or None (and a note) when it cannot be read."""
    try:
        return read_page(record, entry)
    except ParseError as error:
        notes.add(f"{label(entry, record)}: {error.reason} (skipped)")
    return None


def read_page(record: Any, entry: int) -> ParsedArticle | None:
    """The page of an HTML ``record`` (see :func:`is_html_page`) as entry ``entry``.

    None when the archive ends inside the record (the caller notes the damage).
    Raises ParseError: "too large (over 20 MB)" (a block, or a compressed body
    expanding, past :data:`MAX_RECORD_BYTES`; the body is not read), or the
    page's own reason ("no article text", ...).
    """
    too_large = ParseError(f"too large (over {MAX_RECORD_BYTES // (1024 * 1024)} MB)")
    if record.length is not None and record.length > MAX_RECORD_BYTES:
        raise too_large
    body = _read_bounded(record.content_stream(), MAX_RECORD_BYTES)
    if body is None:  # a compressed body that expands past the cap
        raise too_large
    if not drained(record):
        return None
    charset = _charset(record.http_headers.get_header("Content-Type"))
    return parse_html(
        body,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        date=normalize_date(record.rec_headers.get_header("WARC-Date")),
        charset=charset,
        entry=entry,
    )


def drained(record: Any) -> bool:
    """Read the rest of ``record``'s block; False if the archive ended before it did."""
    while record.raw_stream.read(_CHUNK):
        pass  # bounded: every byte counts against the archive's expansion limit
    return ended(record)


def ended(record: Any) -> bool:
    """True when all of ``record``'s declared block was read (False: the archive ended inside it)."""
    # Records without a declared length have no LimitReader: they end where the file does.
    return bool(getattr(record.raw_stream, "limit", 0) == 0)


def _read_bounded(stream: Any, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of ``stream``; None if it holds more."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _charset(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP Content-Type, if any."""
    for parameter in (content_type or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def count_pages(count: int) -> str:
    """ "1 page", "3 pages"."""
    return "1 page" if count == 1 else f"{count} pages"


def label(entry: int, record: Any) -> str:
    """How notes name a page: "page 3 (https://...)", its URI cleaned and cut short."""
    shown = clean_line(record.rec_headers.get_header("WARC-Target-URI") or "")[:100]
    return f"page {entry + 1} ({shown})" if shown else f"page {entry + 1}"


class _Notes:
    """Notes on skipped pages: the first few named, the rest counted."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.more = 0
        self.tail: list[str] = []

    def add(self, note: str) -> None:
        if len(self.notes) < MAX_NOTES:
            self.notes.append(note)
        else:
            self.more += 1

    def always(self, note: str) -> None:
        self.tail.append(note)

    def first_reason(self) -> str:
        return (self.notes or self.tail)[0].removesuffix(" (skipped)").split(": ", 1)[-1]

    def finished(self) -> list[str]:
        more = [f"{self.more} more pages skipped"] if self.more else []
        return self.notes + more + self.tail


class _Expanded:
    """The archive as warcio reads it: decompressed if gzip, at most ``limit`` bytes.

    warcio would decompress by itself, without bound; here a bomb ends at
    ``limit`` (``exhausted``) and a cut or corrupt gzip stream ends where the
    good data ends (``damaged``), as a short file would.
    """

    def __init__(self, data: bytes, limit: int) -> None:
        self._source: io.BufferedIOBase
        if data[:2] == b"\x1f\x8b":
            self._source = gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb")
        else:
            self._source = io.BytesIO(data)
        self._left = limit
        self.exhausted = False
        self.damaged = False

    def read(self, size: int = -1) -> bytes:
        """At most ``size`` bytes (all that is left within the limit if negative); b"" at the end."""
        if self.exhausted or self.damaged:
            return b""
        want = self._left if size is None or size < 0 else min(size, self._left)
        if want <= 0:
            self.exhausted = True
            return b""
        try:
            chunk = self._source.read1(want)  # read() would drop what it got before a truncation
        except (EOFError, OSError, zlib.error):  # truncated, or not gzip after all
            self.damaged = True
            return b""
        self._left -= len(chunk)
        return chunk
