"""Saved web pages (``.html``, ``.htm``, ``.mhtml``): the article in them, via trafilatura.

trafilatura is the field's standard extractor (main text, title, authors,
date through htmldate, site name, canonical URL); nothing here second-guesses
it. This module only decodes the bytes as a browser would, hands the page over,
and turns the result into a :class:`ParsedArticle` through
:func:`newsreader.library.assemble.finish`, which cleans and caps every string
as for any other format.

trafilatura and lxml are imported on first use: they cost ~0.3 s, which a
library without saved pages should not pay.
"""

from __future__ import annotations

import codecs
import datetime
import email.parser
import email.policy
import logging
import re
from typing import Any

from .assemble import finish
from .dates import normalize_date
from .decode import decode_bytes
from .errors import ParseError
from .model import ParsedArticle
from .sanitize import clean_text

NO_TEXT = "no article text"

# A browser looks for the declared charset in the first 1024 bytes; pages saved
# by hand sometimes push it further down, so look a little further.
_CHARSET_WINDOW = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
# WHATWG: labels that mean windows-1252 (a page saying "latin1" is cp1252 text).
_AS_CP1252 = frozenset({"latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii", "iso_8859-1"})
_AUTHOR_SEPARATOR = "; "  # how trafilatura joins several authors
# Inlined images and fonts (SingleFile, "save as single file") are most of a big
# saved page and never text: collapsed before parsing, a page of 15 MB reads as
# one of 50 KB.
_DATA_URI = re.compile(r"data:[^,\"'()\s<>]{0,100},[^\"'()\s<>]{256,}")
# Extraction time grows with the text in the markup (about 2 s per MB with
# trafilatura's fallback extractors and htmldate's search of the whole text,
# half a second without). Real articles are far below the first bound; past it
# the fast mode is used, and markup past the second is not read: a page of 20 MB
# of text would otherwise hold a worker for a minute.
LARGE_PAGE_CHARS = 2_000_000
MAX_PAGE_CHARS = 5_000_000
PAGE_CUT_NOTICE = "[newsreader: the rest of this page was not read; it is longer than 5 MB of markup]"


def parse_html(
    data: bytes, *, url: str | None = None, date: str | None = None, charset: str | None = None, entry: int = 0
) -> ParsedArticle:
    """The article in an HTML page's bytes.

    ``url`` and ``date`` are fallbacks known from outside the page (a WARC
    record's target URI and capture date): the page's own canonical URL and
    date win. ``charset`` is an HTTP ``Content-Type`` charset, which outranks
    ``<meta charset>``; a BOM outranks both. Raises ``ParseError("no article
    text")`` when trafilatura finds no main text, ``ParseError("markup nested
    too deeply")`` when the tree is too deep to walk. Markup past
    MAX_PAGE_CHARS is not read (a notice ends the body).
    """
    # The whole page is made safe before lxml sees it: an escape sequence in a
    # <title> must go whole, not lose its ESC and leave "[31m" behind.
    text = clean_text(decode_html(data, charset))
    if "data:" in text:
        text = _DATA_URI.sub("data:,", text)
    cut = len(text) > MAX_PAGE_CHARS
    if cut:
        text = text[:MAX_PAGE_CHARS]  # lxml closes what the cut leaves open
    large = len(text) > LARGE_PAGE_CHARS
    document = _extract(text, url, fast=large)
    if document is None:
        raise ParseError(NO_TEXT)
    paragraphs = (document.get("text") or "").split("\n")
    if cut:
        paragraphs.append(PAGE_CUT_NOTICE)
    title = document.get("title")
    if isinstance(title, str) and paragraphs and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]  # the headline repeated as the body's first block
    authors = document.get("author")
    try:
        return finish(
            paragraphs,
            title=title,
            authors=authors.split(_AUTHOR_SEPARATOR) if isinstance(authors, str) else (),
            outlet=document.get("sitename") or document.get("hostname"),
            date=normalize_date(document.get("date")) or date or (None if large else _date_in_text(text)),
            url=document.get("url") or url,
            entry=entry,
        )
    except ParseError:
        raise ParseError(NO_TEXT) from None


def parse_mhtml(data: bytes) -> ParsedArticle:
    """The article in an MHTML archive (a page saved by Chrome as "single file").

    MHTML is a MIME message: the first ``text/html`` part is the page, its
    ``Content-Location`` the URL. Raises ParseError when there is no such part.
    """
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        location = part.get("Content-Location") or message.get("Snapshot-Content-Location")
        return parse_html(payload, url=str(location) if location else None, charset=part.get_content_charset())
    raise ParseError("no web page in the MHTML file")


def decode_html(data: bytes, charset: str | None = None) -> str:
    """An HTML page's text: decoded by BOM, then ``charset``, then ``<meta charset>``,
    then as any other file (:func:`newsreader.library.decode.decode_bytes`).

    Undecodable bytes become U+FFFD. An XML declaration is dropped (lxml refuses
    one in a decoded string). Raises ``ParseError("binary file")`` as
    decode_bytes does.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = decode_bytes(data)
    else:
        declared = _codec(charset) or _codec(_meta_charset(data[:_CHARSET_WINDOW]))
        if declared is not None and declared not in ("utf-16", "utf-32"):
            # A page declaring UTF-16 without a BOM is in fact ASCII-compatible
            # (the declaration itself was readable), as browsers also assume.
            text = data.decode(declared, errors="replace").replace("\r\n", "\n")
        else:
            text = decode_bytes(data)
    return _XML_DECLARATION.sub("", text, count=1)


def _meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None for an unknown label."""
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _extract(text: str, url: str | None, fast: bool) -> dict[str, Any] | None:
    """trafilatura's reading of the page as a dict, or None when it finds no text.

    ``fast`` skips the fallback extractors and htmldate's search of the free
    text (for large pages, see LARGE_PAGE_CHARS).
    """
    _quiet_loggers()
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(
            text,
            url=url,
            fast=fast,
            # Dates from the markup (meta tags, JSON-LD, <time>, the URL) only:
            # the search of the free text comes last, after a caller's date.
            date_extraction_params=_date_options(extensive=False),
            with_metadata=True,
            include_comments=False,  # readers' comments are not the article
            include_tables=True,
            include_formatting=False,
            include_links=False,
            include_images=False,
            # Inert markup a browser never shows, and what it shows only without scripts
            # ("please enable JavaScript", tracking pixels).
            prune_xpath=["//template", "//noscript"],
        )
    except RecursionError:
        # lxml builds any depth; trafilatura walks some trees recursively.
        raise ParseError("markup nested too deeply") from None
    if document is None:
        return None
    result: dict[str, Any] = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return result


def _date_options(extensive: bool) -> dict[str, Any]:
    """htmldate's options as trafilatura sets them, the free-text search optional."""
    return {"original_date": True, "extensive_search": extensive, "max_date": datetime.date.today().isoformat()}


def _date_in_text(text: str) -> str | None:
    """A date htmldate finds in the page's text when the markup has none, or None.

    htmldate's free-text search ends with guesses from a bare year (a copyright
    line, "opened in 2011"), which it gives as 1 January: those are dropped, as
    a wrong date sorts worse than none. (A real 1 January in the text is lost.)
    """
    from htmldate import find_date

    try:
        found = normalize_date(find_date(text, **_date_options(extensive=True)))
    except (ValueError, TypeError, RecursionError):
        return None
    return None if found is None or found.endswith("-01-01") else found


_quieted = False


def _quiet_loggers() -> None:
    """Keep the extractors' log lines off the terminal.

    trafilatura, htmldate and courlan log at WARNING ("discarding data: ...");
    with no handler configured Python prints those to stderr (logging's last
    resort), which under a full-screen app draws over it. A NullHandler on
    each logger stops that and leaves any handler the app configures working.
    """
    global _quieted
    if _quieted:
        return
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).addHandler(logging.NullHandler())
    _quieted = True
