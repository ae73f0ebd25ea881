"""Data exports: ``.json`` (one article or a list), ``.jsonl`` and ``.csv`` collections.

Collections are read as streams of records (:mod:`newsreader.library.records`),
whatever their size; :func:`stream_articles` turns records into articles as
they come, with notes about entries it had to skip. An entry keeps its index
(``entry``) even when an earlier one is skipped, so articles stay addressable
when a bad line is later fixed. The ``parse_*`` functions read text already in
memory (small files, ``parse_bytes``) through the same readers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .errors import ParseError
from .fields import BODY_KEYS, article_from_mapping
from .model import ParsedArticle
from .records import Record, array_records, csv_header, csv_records, jsonl_records, starts_array
from .streams import ByteReader, memory_reader

Parsed = tuple[list[ParsedArticle], list[str]]

MAX_NOTES = 5  # one bad line is worth naming; ten thousand are worth counting
_WRAPPER_KEYS = ("articles", "items", "entries", "data", "results", "posts", "stories")
#: The per-record cap of in-memory text (the file cap already bounds it).
_NO_LIMIT = 1 << 62


class Notes:
    """Notes on skipped entries: the first few named, the rest counted.

    ``reasons`` of an earlier read can be carried on (an appended file read
    from where the last read ended), "N more entries skipped" included.
    """

    def __init__(self, earlier: Iterable[str] = ()) -> None:
        self.named: list[str] = []
        self.skipped = 0
        for reason in earlier:
            if reason.endswith(" more entries skipped") and reason.split(" ", 1)[0].isdigit():
                self.skipped += int(reason.split(" ", 1)[0])
            else:
                self.named.append(reason)
                self.skipped += 1

    def add(self, label: str, reason: str) -> None:
        """Note that the entry ``label`` was skipped because of ``reason``."""
        self.skipped += 1
        if len(self.named) < MAX_NOTES:
            self.named.append(f"{label}: {reason} (skipped)")

    def reasons(self) -> tuple[str, ...]:
        """The notes as reasons: named ones, then "N more entries skipped"."""
        more = self.skipped - len(self.named)
        return (*self.named, f"{more} more entries skipped") if more > 0 else tuple(self.named)

    def nothing_read(self) -> ParseError:
        """The error of a collection with no readable entry (given its notes)."""
        if not self.skipped:
            return ParseError("no articles")
        first = self.named[0].removesuffix(" (skipped)")
        return ParseError(first if self.skipped == 1 else f"no readable entries ({first}, ...)")


def stream_records(reader: ByteReader, kind: str, limit: int, entry: int = 0) -> Iterator[Record]:
    """The records of a ``kind`` ("jsonl", "csv" or "json") stream, from its start or (``entry`` > 0) from a
    record's start. Raises ParseError when the stream as a whole cannot be read (no text column, not JSON)."""
    if kind == "csv":
        header = csv_header(reader, limit)
        if not any(name in BODY_KEYS for name in header.names):
            raise ParseError("no text column (content, text, body, ...)")
        return csv_records(reader, header, limit, entry)
    if entry == 0 and starts_array(reader):  # a JSON array, also one saved as .jsonl
        return array_records(reader, limit)
    return jsonl_records(reader, limit, entry)


def stream_articles(records: Iterable[Record], notes: Notes) -> Iterator[tuple[ParsedArticle, Record]]:
    """Each record that makes an article, with the record; the others go to ``notes``."""
    for record in records:
        value = record.value
        try:
            if isinstance(value, ParseError):
                raise value
            if not isinstance(value, dict):
                raise ParseError("not an article object")
            yield article_from_mapping(value, entry=record.entry), record
        except ParseError as error:
            notes.add(record.label, error.reason)


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
        return _collect(Record(i, f"item {i + 1}", 0, item) for i, item in enumerate(data))
    raise ParseError("JSON holds no article")


def parse_jsonl(text: str) -> Parsed:
    """One JSON object per line (a trailing comma forgiven), or a JSON array; bad lines are skipped and noted."""
    return _collect(stream_records(_reader(text), "jsonl", _NO_LIMIT))


def parse_csv(text: str) -> Parsed:
    """One article per row; the header names the columns (title, author, content, ...)."""
    return _collect(stream_records(_reader(text), "csv", _NO_LIMIT))


def _reader(text: str) -> ByteReader:
    return memory_reader(text.encode("utf-8", "surrogatepass"))


def _wrapped_list(data: dict[str, object]) -> list[object] | None:
    """The article list inside ``{"articles": [...]}``, if ``data`` is such a wrapper."""
    if any(isinstance(key, str) and key.lower() in BODY_KEYS for key in data):
        return None
    for key, value in data.items():
        if isinstance(value, list) and key.lower() in _WRAPPER_KEYS:
            return value
    return None


def _collect(records: Iterable[Record]) -> Parsed:
    """Every article of ``records``, and notes for the records that fail."""
    notes = Notes()
    articles = [article for article, _ in stream_articles(records, notes)]
    if not articles:
        raise notes.nothing_read()
    return articles, list(notes.reasons())
