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
}


def format_of(name: str) -> str | None:
    """The format ("txt", "md", "json", "jsonl", "csv") a file name says, or None."""
    return FORMATS.get(os.path.splitext(name)[1].lower())


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


def parse_bytes(name: str, data: bytes) -> list[ParsedArticle]:
    """Parse a file's bytes, choosing the parser by ``name``'s extension.

    Returns one article for ``.txt``/``.md``/single ``.json``, several for
    collections (bad entries are left out). Raises ParseError(reason).
    """
    return parse_document(name, data)[0]
