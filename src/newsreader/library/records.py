"""Records of a collection stream: JSON Lines, a JSON array, CSV rows; one at a time.

Each reader takes a :class:`~newsreader.library.streams.ByteReader` and yields
:class:`Record` s: the entry number, a label for notes ("line 7", "item 3"), the
byte offset where the record starts (in the uncompressed stream) and the
decoded value, or the ParseError that says why it cannot be read. Memory holds
one record at a time; a record over ``limit`` bytes is skipped (its ParseError
says how large it was), not read.

Lenient where real exports are sloppy: JSON Lines with a comma after each
object, a JSON array saved as ``.jsonl``, an Excel CSV whose first line is
``sep=;``, a CSV whose first column is an unnamed index.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from typing import NamedTuple

from .decode import decode_bytes
from .errors import ParseError
from .streams import ByteReader


class Record(NamedTuple):
    """One record: ``value`` is the decoded JSON value or CSV row (a dict), or a ParseError."""

    entry: int
    label: str
    offset: int
    value: object


_CSV_DELIMITERS = ",;\t|"
_EXCEL_SEP = re.compile(rb"^\s*sep=(.)\s*$")
# Outside strings: run to the next byte that matters; inside: to the closing quote.
_OUTSIDE = re.compile(rb'[^"\[\]{},]*')
_INSIDE = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*', re.DOTALL)


def too_large(size: int, limit: int) -> ParseError:
    """The ParseError of a record over the cap: "too large (21 MB > 20 MB limit)"."""
    def mb(value: int) -> str:
        megabytes = value / (1024 * 1024)
        return f"{megabytes:.0f}" if megabytes >= 100 or megabytes.is_integer() else f"{megabytes:.1f}"

    return ParseError(f"too large ({mb(size)} MB > {mb(limit)} MB limit)")


def loads(raw: bytes) -> object:
    """A JSON value from one record's bytes (UTF-8, else guessed), or ParseError("invalid JSON")."""
    try:
        try:
            return json.loads(raw)
        except UnicodeDecodeError:
            return json.loads(decode_bytes(raw))
    except (ValueError, RecursionError, ParseError):  # bad JSON, 5000-digit numbers, absurd nesting
        return ParseError("invalid JSON")


def starts_array(reader: ByteReader) -> bool:
    """True when the stream's first non-blank byte opens a JSON array."""
    return reader.peek(1 << 16).lstrip().startswith(b"[")


def jsonl_records(reader: ByteReader, limit: int, entry: int = 0) -> Iterator[Record]:
    """One JSON value per non-blank line; a trailing comma on a line is forgiven."""
    while True:
        number = reader.lines + 1
        start = reader.pos
        line = reader.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            size = len(line) + (0 if line.endswith(b"\n") else reader.skip_line())
            yield Record(entry, f"line {number}", start, too_large(size, limit))
            entry += 1
            continue
        text = line.strip()
        if not text:
            continue
        if text.endswith(b","):
            text = text[:-1]
        yield Record(entry, f"line {number}", start, loads(text))
        entry += 1


def array_records(reader: ByteReader, limit: int, inside: bool = False) -> Iterator[Record]:
    """Each item of a JSON array, scanned for its end and decoded alone.

    With ``inside`` the stream is already past the ``[`` (re-reading one item at
    its offset). Raises ParseError("invalid JSON") when the stream is not an array.
    """
    buf, base, i = b"", reader.pos, 0
    depth, in_string, start, entry = (1, False, 0, 0) if inside else (0, False, -1, 0)
    oversized = -1  # stream offset where an item over the cap began
    while True:
        more = False
        if i >= len(buf):
            more = True
        elif in_string:
            j = _INSIDE.match(buf, i).end()  # type: ignore[union-attr]  # always matches
            if j >= len(buf) or buf[j] == 0x5C:  # the string (or an escape) goes on in the next block
                i, more = j, True
            else:
                i, in_string = j + 1, False
        else:
            j = _OUTSIDE.match(buf, i).end()  # type: ignore[union-attr]
            if j >= len(buf):
                i, more = j, True
            else:
                char, skipped = buf[j], buf[i:j]
                i = j + 1
                if depth == 0:
                    if skipped.strip() or char != 0x5B:
                        raise ParseError("invalid JSON")
                    depth, start = 1, i
                elif char == 0x22:
                    in_string = True
                elif char in b"[{":
                    depth += 1
                elif depth == 1 and char in b",]":
                    item = buf[start:j]
                    if oversized < 0 and len(item) > limit:  # the whole item came in one block
                        oversized = base + start + len(item) - len(item.lstrip())
                    if oversized >= 0:
                        yield Record(entry, f"item {entry + 1}", oversized, too_large(base + j - oversized, limit))
                        entry, oversized = entry + 1, -1
                    elif item.strip():
                        offset = base + start + len(item) - len(item.lstrip())
                        yield Record(entry, f"item {entry + 1}", offset, loads(item))
                        entry += 1
                    if char == 0x5D:
                        return
                    start = i
                elif char in b"]}":
                    depth -= 1
        if not more:
            continue
        if oversized < 0 and start >= 0 and i - start > limit:
            oversized = base + start + len(buf[start:i]) - len(buf[start:i].lstrip())
        keep = i if oversized >= 0 or start < 0 else start
        base, buf, i = base + keep, buf[keep:], i - keep
        start = 0 if start >= 0 else -1
        block = reader.read_block()
        if not block:
            if depth == 0:
                raise ParseError("invalid JSON")  # no array at all
            if oversized >= 0 or buf.strip():  # the file ends inside an item
                yield Record(entry, f"item {entry + 1}", oversized if oversized >= 0 else base,
                             ParseError("invalid JSON"))
            return  # a missing "]" after the last item is forgiven
        buf += block


class CsvHeader(NamedTuple):
    """A CSV's delimiter and lower-cased column names."""

    delimiter: str
    names: tuple[str, ...]


def csv_header(reader: ByteReader, limit: int) -> CsvHeader:
    """Read the header (after an Excel ``sep=`` line); raises ParseError("empty file")."""
    first = reader.readline(limit + 1)
    delimiter = None
    match = _EXCEL_SEP.match(first)
    if match:
        delimiter = match.group(1).decode("latin-1")
        first = reader.readline(limit + 1)
    while first and not first.strip():
        first = reader.readline(limit + 1)
    if not first:
        raise ParseError("empty file")
    if len(first) > limit:
        raise too_large(len(first), limit)
    text = _decode_line(first)
    _allow_fields(limit)
    if delimiter is None:
        delimiter = max(_CSV_DELIMITERS, key=text.count)
    row = next(csv.reader([text], delimiter=delimiter), [])
    return CsvHeader(delimiter, tuple(name.strip().lower() for name in row))


def csv_records(reader: ByteReader, header: CsvHeader, limit: int, entry: int = 0) -> Iterator[Record]:
    """One dict per non-blank row after the header (``reader`` just past it, or at a row's start).

    Rows are labelled by the line they end on. A row over ``limit`` ends the
    reading (a quoted field cannot be skipped without reading it): its record
    says so and nothing after it is read.
    """
    _allow_fields(limit)
    line_no = reader.lines
    used = 0  # bytes of the current row so far

    def lines() -> Iterator[str]:
        nonlocal line_no, used
        while line := reader.readline(limit + 1):
            used += len(line)
            if used > limit:
                raise too_large(used, limit)
            line_no += 1
            yield _decode_line(line)

    rows = csv.reader(lines(), delimiter=header.delimiter)
    names = header.names
    while True:
        start, used = reader.pos, 0
        try:
            row = next(rows, None)
        except ParseError as error:
            yield Record(entry, f"line {line_no + 1}", start, ParseError(f"{error.reason}; the rest of the file was not read"))
            return
        except csv.Error as error:
            yield Record(entry, f"line {line_no}", start, ParseError(f"invalid CSV ({error}); the rest of the file was not read"))
            return
        if row is None:
            return
        if not any(cell.strip() for cell in row):
            continue
        record: dict[str, str] = {}
        for name, cell in zip(names, row):
            if name:
                record.setdefault(name, cell)  # the first of duplicate columns wins
        yield Record(entry, f"line {line_no}", start, record)
        entry += 1


def _allow_fields(limit: int) -> None:
    # csv refuses fields over 128 KB by default; a record's own cap is the limit that matters.
    if csv.field_size_limit() < limit:
        csv.field_size_limit(min(limit, 2**31 - 1))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return decode_bytes(line)
        except ParseError:  # NUL bytes in a line of a text file: keep the rest readable
            return line.decode("latin-1")
