"""Reading a collection file of any size as a stream of parts, resuming after an append.

A collection (JSON Lines, CSV, a JSON array, each maybe ``.gz`` or ``.zst``;
Parquet; a web archive, see :mod:`newsreader.library.warc_stream`) is read a record at a time and handed out in :class:`Part` s of a few
hundred articles, so memory stays bounded whatever the file's size. Each
article keeps its ``offset``: bytes into the *uncompressed* stream where its
record starts (for Parquet, its row number), so :func:`read_entry` can read
its body again alone. A compressed file has no random access: re-reading an
entry decompresses from the start up to the offset (in bounded memory, in time
proportional to the offset).

For JSON Lines and CSV a part also carries a :class:`ReadMark`: where the
complete records read so far end, how many entries and lines they hold, and the
hash of the bytes before that point. Given the mark of an earlier read,
:func:`read_parts` hashes that many bytes again and, when they are unchanged
(the common append), parses only what follows.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import ParseError
from .model import ParsedArticle
from .parquet import parquet_records, read_parquet_row
from .parse_data import Notes, stream_articles, stream_records
from .records import Record, array_records, csv_header, csv_records, jsonl_records, starts_array
from .streams import ByteReader, open_stream, split_name

#: Formats read as streams, by the extension before any compression suffix.
STREAMED = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".json": "json", ".parquet": "parquet",
            ".warc": "warc"}
#: A part is handed out after this many articles or this many characters of text.
PART_ARTICLES = 256
PART_CHARS = 4_000_000
_UTF16_32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class NotUtf8(Exception):
    """The stream is UTF-16/32 (or binary): it cannot be read a line at a time as bytes."""


@dataclass(frozen=True, slots=True)
class ReadMark:
    """Where an earlier read's complete records ended: ``size`` bytes (uncompressed) holding
    ``entries`` entries and ``lines`` line ends, whose BLAKE2b-96 hex digest is ``digest``."""

    size: int
    entries: int
    lines: int
    digest: str

    def encode(self) -> str:
        """As stored in the index: "size entries lines digest"."""
        return f"{self.size} {self.entries} {self.lines} {self.digest}"

    @staticmethod
    def decode(text: str | None) -> ReadMark | None:
        """The mark :meth:`encode` wrote, or None for anything else."""
        parts = (text or "").split(" ")
        if len(parts) != 4 or not all(part.isdigit() for part in parts[:3]):
            return None
        return ReadMark(int(parts[0]), int(parts[1]), int(parts[2]), parts[3])


@dataclass(frozen=True, slots=True)
class Part:
    """Some of a collection's articles, each with its offset.

    ``reasons`` are the notes so far (carried on from the earlier read when
    resuming); ``mark`` is where a later read may resume (None: from the start);
    ``resume``: entries below it were kept from the earlier read (the first
    part says it; 0 means the whole file is new). ``final`` parts carry the
    ``digest`` of the whole uncompressed stream.
    """

    items: tuple[tuple[ParsedArticle, int | None], ...]
    reasons: tuple[str, ...]
    mark: ReadMark | None
    resume: int = 0
    final: bool = False
    digest: str | None = None


def stream_kind(name: str) -> tuple[str, str] | None:
    """(kind, compression) of a collection name ("feed.jsonl.gz" gives ("jsonl", ".gz")), or None."""
    extension, compression = split_name(name)
    kind = STREAMED.get(extension)
    if kind is None or (kind == "parquet" and compression) or (kind == "warc" and compression not in ("", ".gz")):
        return None
    return kind, compression


def read_parts(path: str, kind: str, compression: str, limit: int, earlier: ReadMark | None = None,
               earlier_reasons: tuple[str, ...] = ()) -> Iterator[Part]:
    """The articles of the collection at ``path`` in parts (see the module docstring).

    Raises, before the first part: OSError (unreadable), NotUtf8, ParseError (the whole
    file is unusable). Problems after the first part end the reading with a note.
    """
    if kind == "parquet":
        yield from _parts(parquet_records(path, limit), None, Notes(), 0)
        return
    if kind == "warc":  # records found by warcio, offsets in the file (it handles the gzip members)
        from .warc_stream import read_warc_parts

        yield from read_warc_parts(path, earlier, earlier_reasons)
        return
    reader = _open(path, compression)
    try:
        resume = 0
        if earlier is not None and kind != "json":
            records, resume = _resumed(reader, kind, limit, earlier)
            if not resume:
                reader.close()
                reader = _open(path, compression)
        array = False
        if not resume:
            array = kind == "json" or kind == "jsonl" and starts_array(reader)
            records = stream_records(reader, kind, limit)
            earlier_reasons = ()
        yield from _parts(records, None if array else reader, Notes(earlier_reasons), resume)
    finally:
        reader.close()


def read_entry(path: str, kind: str, compression: str, offset: int, entry: int, limit: int) -> ParsedArticle:
    """The article of the record that starts at ``offset``, read alone. Raises OSError or ParseError."""
    if kind == "warc":
        from .warc_stream import read_warc_entry

        return read_warc_entry(path, offset, entry)
    if kind == "parquet":
        record = read_parquet_row(path, offset, entry)
    else:
        reader = _open(path, compression)
        try:
            record = _record_at(reader, kind, offset, entry, limit)
        finally:
            reader.close()
    notes = Notes()
    for article, _ in stream_articles([record], notes):
        return article
    raise notes.nothing_read()


def _open(path: str, compression: str) -> ByteReader:
    reader = ByteReader(open_stream(path, compression), compression)
    try:
        head = reader.peek(8192)
        if head.startswith(codecs.BOM_UTF8):
            reader.skip_to(len(codecs.BOM_UTF8))
        elif head.startswith(_UTF16_32) or b"\x00" in head:
            raise NotUtf8()
    except BaseException:
        reader.close()
        raise
    return reader


def _resumed(reader: ByteReader, kind: str, limit: int, mark: ReadMark) -> tuple[Iterator[Record], int]:
    """Records after ``mark`` when the bytes before it are unchanged, and the entry they start at (0: not)."""
    if kind == "csv":
        header = csv_header(reader, limit)
    if kind == "jsonl" and starts_array(reader) or reader.pos > mark.size or not reader.skip_to(mark.size):
        return iter(()), 0
    if reader.digest_at(mark.size) != mark.digest or not reader.at_line_start:
        return iter(()), 0
    if kind == "csv":
        return csv_records(reader, header, limit, mark.entries), mark.entries
    return jsonl_records(reader, limit, mark.entries), mark.entries


def _record_at(reader: ByteReader, kind: str, offset: int, entry: int, limit: int) -> Record:
    header = csv_header(reader, limit) if kind == "csv" else None
    array = header is None and starts_array(reader)
    if not reader.skip_to(offset):
        raise ParseError(f"no longer holds entry {entry + 1}")
    if header is not None:
        records = csv_records(reader, header, limit, entry)
    elif array:
        records = array_records(reader, limit, inside=True)
    else:
        records = jsonl_records(reader, limit, entry)
    for record in records:
        return record._replace(entry=entry, offset=offset)
    raise ParseError(f"no longer holds entry {entry + 1}")


def _parts(records: Iterator[Record], reader: ByteReader | None, notes: Notes, resume: int) -> Iterator[Part]:
    """Group the articles of ``records`` into parts; ``reader`` (None: no marks) tells where they end."""
    seen = _Seen(records)
    items: list[tuple[ParsedArticle, int | None]] = []
    chars, first, total = 0, True, 0
    try:
        for article, record in stream_articles(seen, notes):
            items.append((article, record.offset))
            chars += sum(map(len, article.paragraphs))
            if len(items) >= PART_ARTICLES or chars >= PART_CHARS:
                total += len(items)
                yield Part(tuple(items), notes.reasons(), _mark(reader, seen.last, resume), resume if first else 0)
                items, chars, first = [], 0, False
    except ParseError as error:  # damaged compressed data, or no array after all
        notes.named.append(f"{error.reason} (the rest of the file was not read)")
        notes.skipped += 1
    total += len(items)
    reasons = notes.reasons() if total or resume else (notes.nothing_read().reason,)
    digest = reader.digest_at(reader.pos) if reader is not None else None
    yield Part(tuple(items), reasons, _mark(reader, seen.last, resume), resume if first else 0, True, digest)


class _Seen:
    """The records, remembering the last one read (articles or not: skipped entries count too)."""

    def __init__(self, records: Iterator[Record]) -> None:
        self._records = records
        self.last: Record | None = None

    def __iter__(self) -> Iterator[Record]:
        for record in self._records:
            self.last = record
            yield record


def _mark(reader: ByteReader | None, last: Record | None, resume: int) -> ReadMark | None:
    """Where the records read end: after ``last``, or before it when it is an unterminated last line."""
    if reader is None:
        return None
    if reader.at_line_start:
        pos, entries = reader.pos, (last.entry + 1 if last else resume)
    elif last is not None:
        pos, entries = last.offset, last.entry
    else:
        return None
    digest = reader.digest_at(pos)
    return ReadMark(pos, entries, reader.lines, digest) if digest else None
