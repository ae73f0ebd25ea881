"""Web archives of any size as streamed collections: a record at a time, a page found again by its offset.

The pages are those of :mod:`newsreader.library.parse_warc` (HTTP 200 HTML
``response`` records, numbered among such records) but the archive is never
held: warcio's ``ArchiveIterator`` reads the file, and each page keeps the
offset of its record *in the file*. A ``.warc.gz`` is a gzip member per record
(the standard), so :func:`read_warc_entry` seeks straight to that offset and
parses that record only. An archive gzipped whole (``gzip crawl.warc``) is read
decompressed instead: its offsets are in the decompressed stream, and opening a
page decompresses up to it.

Bounds, as for any hostile file: the size cap applies to each page (a larger
one is skipped with a note, its body unread), never to the archive; a record
that expands past :data:`MAX_RECORD_EXPANSION` at more than :data:`MAX_RATIO`
times its compressed size is a gzip bomb, and the reading stops there with a
note; a truncated or damaged archive yields the pages before the damage, with a note.

Appends: a part's :class:`~newsreader.library.collection.ReadMark` is the file
offset where the last complete record ends, the pages before it and the hash of
the file's bytes before it; a later read whose file still starts with those
bytes reads on from there (a crawler's archive that grew). An archive gzipped
whole has no marks: it is read again from the start when it changes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from . import parse_warc as warc
from .collection import PART_ARTICLES, PART_CHARS, Part, ReadMark
from .errors import ParseError
from .model import ParsedArticle
from .parse_data import Notes
from .warc_bytes import Gunzipped, PrefixHash

#: Past this many expanded bytes a record is checked against MAX_RATIO (zeros expand 1000-fold).
MAX_RECORD_EXPANSION = warc.MAX_EXPANDED_BYTES
#: Real records (HTML ~10x, text ~20x, media ~1x) expand far less than a bomb.
MAX_RATIO = 100
_CHUNK = 1 << 16
_GZIP = b"\x1f\x8b"
_TAILS = ("archive damaged or truncated", "stopped at ")


@dataclass
class _State:
    """How far the reading got: ``end`` of the last complete record (a file offset), the
    pages before it (``entries``), and why it stopped early, if it did (``tail``)."""

    end: int
    entries: int
    tail: str | None = None
    #: The archive is one gzip stream (``gzip crawl.warc``), not a member per record: offsets
    #: are in the decompressed stream, and there is no resuming.
    whole: bool = False


def read_warc_parts(path: str, earlier: ReadMark | None = None,
                    earlier_reasons: tuple[str, ...] = ()) -> Iterator[Part]:
    """The pages of the archive at ``path`` in :class:`Part` s, each page with its record's file offset.

    With ``earlier`` (a mark of a read of this file) and the file's bytes before it
    unchanged, only the records after it are read (``resume`` says from which entry).
    Raises OSError when the file cannot be opened; a file with no readable page
    comes as one final part with no articles and the reason.
    """
    with open(path, "rb") as raw, open(path, "rb") as hashed:
        prefix = PrefixHash(hashed)
        start, resume = 0, 0
        if earlier is not None and prefix.digest_at(earlier.size) == earlier.digest:
            start, resume = earlier.size, earlier.entries
        else:
            prefix = PrefixHash(hashed, rewind=True)
        raw.seek(start)
        # The earlier read's last word on damage is not carried on: this read says its own.
        notes = Notes(r for r in earlier_reasons if resume and not r.startswith(_TAILS))
        state = _State(start, resume)
        items: list[tuple[ParsedArticle, int | None]] = []
        chars, first, total = 0, True, 0
        for article, offset in _pages(raw, state, notes):
            items.append((article, offset))
            chars += sum(map(len, article.paragraphs))
            if len(items) >= PART_ARTICLES or chars >= PART_CHARS:
                total += len(items)
                yield Part(tuple(items), notes.reasons(), _mark(prefix, state), resume if first else 0)
                items, chars, first = [], 0, False
        total += len(items)
        reasons = (*notes.reasons(), *([state.tail] if state.tail else []))
        if not total and not resume:
            reasons = (_nothing_read(notes, state),)
        yield Part(tuple(items), reasons, _mark(prefix, state), resume if first else 0, True, prefix.whole())


def read_warc_entry(path: str, offset: int | None, entry: int) -> ParsedArticle:
    """The page ``entry`` of the archive at ``path``, whose record starts at file ``offset``; parses
    that record only. With ``offset`` None (an index made before offsets) the archive is read up to
    the page, the others counted, not parsed. Raises OSError, or ParseError (no longer there, unreadable)."""
    gone = ParseError(f"no longer holds entry {entry + 1}")
    with open(path, "rb") as raw:
        if offset is None:
            state = _State(0, 0)
            for found, _ in _pages(raw, state, Notes(), only=entry):
                return found
            raise gone
        from warcio.archiveiterator import ArchiveIterator

        source: Any = raw
        gzipped = raw.read(2) == _GZIP
        raw.seek(offset)
        if gzipped and raw.read(2) != _GZIP:
            # Gzipped, but no member starts there: an archive gzipped whole, whose offsets are
            # in the decompressed stream.
            raw.seek(0)
            source = Gunzipped(raw)
            source.skip(offset)
        else:
            raw.seek(offset)
        with warc.quiet():
            try:
                record = next(iter(ArchiveIterator(source)))
            except Exception:  # noqa: BLE001 - no record there (warcio fails in many ways)
                raise gone from None
            if not warc.is_html_page(record):
                raise gone
            article = warc.read_page(record, entry)
    if article is None:
        raise ParseError("archive damaged or truncated")
    return article


def _pages(raw: BinaryIO, state: _State, notes: Notes, only: int | None = None
           ) -> Iterator[tuple[ParsedArticle, int]]:
    """Each readable page from ``raw``'s position on, with its record's offset; ``state`` follows the
    reading (the entries start at ``state.entries``). With ``only`` just that entry is parsed."""
    started = raw.tell()
    try:
        yield from _records(raw, raw, state, notes, only)
    except _WholeGzip:
        raw.seek(0)
        if started or raw.read(2) != _GZIP:  # resumed, or not gzip: plain damage
            state.tail = _damaged(state)
            return
        # warcio reads a member per record, and fails at the second record of a file gzipped
        # whole, so at most the first page was given, at offset 0 in both streams: read again,
        # decompressed here (a member per record but damaged that early reads the same way).
        given = state.entries
        raw.seek(0)
        state.end, state.entries, state.whole = 0, 0, True
        source = Gunzipped(raw)
        yield from _records(raw, source, state, notes, only, skip_below=given)


def _records(raw: BinaryIO, source: Any, state: _State, notes: Notes, only: int | None,
             skip_below: int = 0) -> Iterator[tuple[ParsedArticle, int]]:
    """The pages of :func:`_pages`, read by warcio from ``source`` (``raw`` or a decompressed
    view of it); pages below ``skip_below`` are counted, not parsed."""
    from warcio.archiveiterator import ArchiveIterator

    with warc.quiet():  # warcio looks at the first record's bytes as it starts
        records = ArchiveIterator(source)
        steps = iter(records)
    seen = 0  # records
    while only is None or state.entries <= only:
        # Quiet a step at a time: nothing is redirected while the caller has the page.
        with warc.quiet():
            record = None
            try:
                record = next(steps)
            except StopIteration:
                # warcio takes a gzip member cut before its record's headers for the end: bytes left say not.
                if not _left_over(raw, source, state):
                    return
            except Exception:  # noqa: BLE001 - warcio fails in many ways on cut or corrupt headers
                pass
            if record is None:
                if seen <= 1 and raw is source:  # maybe gzipped whole: see _pages
                    raise _WholeGzip()
                state.tail = _damaged(state)
                return
            seen += 1
            start, began = state.end, raw.tell()
            page, article = warc.is_html_page(record), None
            if page and state.entries >= skip_below and (only is None or only == state.entries):
                try:
                    article = warc.read_page(record, state.entries)
                except ParseError as error:
                    notes.add(warc.label(state.entries, record), error.reason)
            try:
                complete = _drain(record, raw, began)
            except _Bomb:
                state.tail = (f"stopped at {warc.label(state.entries, record)}: it expands past "
                              f"{MAX_RECORD_EXPANSION // (1024 * 1024)} MB; {warc.count_pages(state.entries)} "
                              "before it read")
                return
            if complete:
                try:
                    records.read_to_end()  # the blank lines after the block: then ``offset`` is the next record's
                except Exception:  # noqa: BLE001 - as above
                    complete = False
            if not complete:  # the archive ends inside this record: a page cut short is not shown as whole
                state.tail = _damaged(state)
                return
            state.end = records.offset
            state.entries += page
        if article is not None:
            yield article, start


class _Bomb(Exception):
    """A record expanding like a gzip bomb."""


class _WholeGzip(Exception):
    """The archive is one gzip stream, not a member per record."""


def _left_over(raw: BinaryIO, source: Any, state: _State) -> bool:
    """At warcio's end: whether the archive goes on (damaged, or a gzip member cut before its
    record's headers, which warcio takes for the end)."""
    if isinstance(source, Gunzipped):
        return source.damaged
    return os.fstat(raw.fileno()).st_size > state.end



def _drain(record: Any, raw: BinaryIO, began: int) -> bool:
    """Read the rest of ``record``'s block, bounded; False if the archive ended inside it. Raises _Bomb."""
    expanded = 0
    while chunk := record.raw_stream.read(_CHUNK):
        expanded += len(chunk)
        # raw.tell() runs a buffer ahead of the decompressor: the ratio errs on the side of reading on.
        if expanded > MAX_RECORD_EXPANSION and expanded > MAX_RATIO * max(raw.tell() - began, 1):
            raise _Bomb()
    return warc.ended(record)


def _damaged(state: _State) -> str:
    return f"archive damaged or truncated; {warc.count_pages(state.entries)} before the damage read"


def _nothing_read(notes: Notes, state: _State) -> str:
    """The reason of an archive without one readable page (as :func:`~.parse_warc.parse_warc` gives it)."""
    if notes.named:
        first = notes.named[0].removesuffix(" (skipped)").split(": ", 1)[-1]
        return first if notes.skipped == 1 else f"no readable pages ({first}, ...)"
    return state.tail if state.tail and state.tail.startswith("stopped") else "no web pages in the archive"


def _mark(prefix: PrefixHash, state: _State) -> ReadMark | None:
    """Where a later read may resume: after the last complete record (none in an archive gzipped whole)."""
    digest = None if state.whole else prefix.digest_at(state.end)
    return ReadMark(state.end, state.entries, 0, digest) if digest else None
