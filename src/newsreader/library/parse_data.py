"""Data exports: ``.json`` (one article or a list), ``.jsonl`` and ``.csv`` collections.

Each returns the articles it could read plus short notes about entries it had to
skip; an entry keeps its index (``entry``) even when an earlier one is skipped,
so articles stay addressable when a bad line is later fixed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .errors import ParseError
from .fields import BODY_KEYS, KNOWN_KEYS, article_from_mapping
from .model import ParsedArticle

Parsed = tuple[list[ParsedArticle], list[str]]

MAX_NOTES = 5  # one bad line is worth naming; ten thousand are worth counting
_WRAPPER_KEYS = ("articles", "items", "entries", "data", "results", "posts", "stories")
_CSV_FIELD_LIMIT = 64 * 1024 * 1024  # above the per-file cap, so a long body parses
_DELIMITERS = ",;\t|"


def parse_json(text: str) -> Parsed:
    """One article object, a list of them, or an object wrapping such a list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # JSON Lines saved as .json
            return parse_jsonl(text)
        raise ParseError(f"invalid JSON at line {error.lineno}") from None
    except (ValueError, RecursionError):  # 5000-digit numbers, absurd nesting
        raise ParseError("invalid JSON") from None
    if isinstance(data, dict):
        wrapped = _wrapped_list(data)
        if wrapped is None:
            return [article_from_mapping(data)], []
        data = wrapped
    if isinstance(data, list):
        return _collect(((i, f"item {i + 1}", item) for i, item in enumerate(data)))
    raise ParseError("JSON holds no article")


def parse_jsonl(text: str) -> Parsed:
    """One JSON object per line; bad lines are skipped and noted."""

    def records() -> Iterable[tuple[int, str, object]]:
        entry = 0
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record: object = json.loads(line)
            except (ValueError, RecursionError):
                record = ParseError("invalid JSON")
            yield entry, f"line {number}", record
            entry += 1

    return _collect(records())


def parse_csv(text: str) -> Parsed:
    """One article per row; the header names the columns (title, author, content, ...)."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    first_line = text[: text.find("\n")] if "\n" in text else text
    delimiter = max(_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise ParseError("empty file")
        names = [name.strip().lower() for name in header]
        if not any(name in BODY_KEYS for name in names):
            raise ParseError("no text column (content, text, body, ...)")

        def records() -> Iterable[tuple[int, str, object]]:
            entry = 0
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                record: dict[str, str] = {}
                for name, cell in zip(names, row):
                    if name in KNOWN_KEYS:
                        record.setdefault(name, cell)  # first of duplicate columns wins
                yield entry, f"line {reader.line_num}", record
                entry += 1

        return _collect(records())
    except csv.Error as error:
        raise ParseError(f"invalid CSV at line {reader.line_num}: {error}") from None


def _wrapped_list(data: dict[str, object]) -> list[object] | None:
    """The article list inside ``{"articles": [...]}``, if ``data`` is such a wrapper."""
    if any(isinstance(key, str) and key.lower() in BODY_KEYS for key in data):
        return None
    for key, value in data.items():
        if isinstance(value, list) and key.lower() in _WRAPPER_KEYS:
            return value
    return None


def _collect(records: Iterable[tuple[int, str, object]]) -> Parsed:
    """Articles from (entry, label, record) triples; notes for records that fail."""
    articles: list[ParsedArticle] = []
    notes: list[str] = []
    skipped = 0
    for entry, label, record in records:
        try:
            if isinstance(record, ParseError):
                raise record
            if not isinstance(record, dict):
                raise ParseError("not an article object")
            articles.append(article_from_mapping(record, entry=entry))
        except ParseError as error:
            skipped += 1
            if len(notes) < MAX_NOTES:
                notes.append(f"{label}: {error.reason} (skipped)")
    if skipped > len(notes):
        notes.append(f"{skipped - len(notes)} more entries skipped")
    if not articles:
        if not skipped:
            raise ParseError("no articles")
        first = notes[0].removesuffix(" (skipped)")
        raise ParseError(first if skipped == 1 else f"no readable entries ({first}, ...)")
    return articles, notes
