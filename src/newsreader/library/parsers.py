"""Bytes to articles: dispatch by file extension, with the per-file size cap."""

from __future__ import annotations

import os

from .decode import decode_bytes
from .errors import ParseError
from .model import ParsedArticle
from .parse_data import parse_csv, parse_json, parse_jsonl
from .parse_markup import parse_md
from .parse_text import parse_txt

# Files above this are skipped unread: no article export comes near it, and
# reading one would stall a scan. (Bodies are also capped at 2 MB of text each:
# see assemble.BODY_MAX_CHARS.)
MAX_FILE_BYTES = 20 * 1024 * 1024

FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
    ".warc": "warc",
}
# Double extensions, which os.path.splitext would cut to their last part.
_COMPOUND_FORMATS: dict[str, str] = {".warc.gz": "warc"}


def format_of(name: str) -> str | None:
    """The format ("txt", "md", "json", "jsonl", "csv", "html", "mhtml", "warc") a file name says, or None."""
    lowered = name.lower()
    for suffix, kind in _COMPOUND_FORMATS.items():
        if lowered.endswith(suffix):
            return kind
    return FORMATS.get(os.path.splitext(lowered)[1])


def unsupported_reason(name: str) -> str:
    """Why a file with this name is not read: "unsupported type .pdf"."""
    extension = os.path.splitext(name)[1].lower()
    return f"unsupported type {extension}" if extension else "unsupported type (no extension)"


def too_large_reason(size: int) -> str:
    """ "too large (52 MB > 20 MB limit)"."""
    return f"too large ({_megabytes(size)} MB > {_megabytes(MAX_FILE_BYTES)} MB limit)"


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f}" if value >= 100 or value.is_integer() else f"{value:.1f}"


def parse_document(name: str, data: bytes) -> tuple[list[ParsedArticle], list[str]]:
    """The articles in a file's bytes plus notes on entries skipped inside it.

    Raises ParseError (with a human reason) when the file as a whole is unusable.
    """
    kind = format_of(name)
    if kind is None:
        raise ParseError(unsupported_reason(name))
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(too_large_reason(len(data)))
    if not data or data.isspace():
        raise ParseError("empty file")
    if kind in _BYTE_PARSERS:  # pages and archives declare their own encodings
        return _BYTE_PARSERS[kind](data)
    text = decode_bytes(data)
    if not text.strip():
        raise ParseError("empty file")
    if kind == "txt":
        return [parse_txt(text)], []
    if kind == "md":
        return [parse_md(text)], []
    if kind == "json":
        return parse_json(text)
    if kind == "jsonl":
        return parse_jsonl(text)
    return parse_csv(text)


def _parse_html(data: bytes) -> tuple[list[ParsedArticle], list[str]]:
    from .parse_html import parse_html  # trafilatura: imported only when a page is read

    return [parse_html(data)], []


def _parse_mhtml(data: bytes) -> tuple[list[ParsedArticle], list[str]]:
    from .parse_html import parse_mhtml

    return [parse_mhtml(data)], []


def _parse_warc(data: bytes) -> tuple[list[ParsedArticle], list[str]]:
    from .parse_warc import parse_warc

    return parse_warc(data)


_BYTE_PARSERS = {"html": _parse_html, "mhtml": _parse_mhtml, "warc": _parse_warc}


def parse_bytes(name: str, data: bytes) -> list[ParsedArticle]:
    """Parse a file's bytes, choosing the parser by ``name``'s extension.

    Returns one article for ``.txt``/``.md``/single ``.json``, several for
    collections (bad entries are left out). Raises ParseError(reason).
    """
    return parse_document(name, data)[0]
