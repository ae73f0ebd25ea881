"""Ingestion: one file's bytes in, its identified articles (and why anything was left out) out.

The one place that reads, parses, identifies and counts words; the scanner
(:func:`newsreader.library.scanner.iter_library`) and the index refresh both
call :func:`iter_ingest`, so a file is read the same way and skipped for the
same, single set of reasons wherever it is listed. A collection (JSON Lines,
CSV, a JSON array over the size cap, compressed or not; Parquet; a web
archive, ``.warc`` or ``.warc.gz``) is read as a stream and comes in several parts (:mod:`newsreader.library.collection`); the
size cap then applies to each record, not to the file. The reasons:

* ``unsupported type .pdf`` / ``unsupported type (no extension)``
* ``too large (52 MB > 20 MB limit)``
* ``unreadable: permission denied`` (any OS error, lower case)
* a parser's reason (``empty file``, ``invalid JSON at line 3``, ...)
* ``could not parse (KeyError)`` (a parser bug: the scan goes on)
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

from .assemble import count_words
from .collection import NotUtf8, Part, ReadMark, read_entry, read_parts, stream_kind
from .dates import date_from_path
from .errors import ParseError
from .folders import display_path, os_reason
from .model import Article, ParsedArticle
from .parsers import MAX_FILE_BYTES, format_of, parse_document, too_large_reason, unsupported_reason

#: Bump when what a file is read into changes (titles, dates, bodies, the formats read): an
#: index made by another version re-reads every file once (LibraryIndex.refresh).
PARSER_VERSION = 2


@dataclass(frozen=True, slots=True)
class IngestedFile:
    """What became of one file.

    ``articles`` pairs each article's metadata (id, shown path, word count,
    format) with the parser's full result (the body). ``reasons`` says why the
    whole file was skipped when there are no articles, else which entries of a
    collection were left out. ``digest`` identifies the bytes (12-byte BLAKE2b,
    hex) when they were read and hashed; ``unchanged`` is true when it equals the
    hash the caller already knew, in which case nothing was parsed.

    A streamed collection comes in parts: all but the last have ``final``
    false (and no digest; the last one's is of the whole uncompressed stream).
    ``reasons`` of every part are the notes so far. ``resume`` (first part):
    entries below it are unchanged since the read that left ``known_mark``, and
    were not read again. ``mark``: where a later read may resume.
    """

    rel: str
    articles: tuple[tuple[Article, ParsedArticle], ...] = ()
    reasons: tuple[str, ...] = ()
    digest: str | None = None
    unchanged: bool = False
    final: bool = True
    resume: int = 0
    mark: ReadMark | None = None


def ingest_file(path: str, rel: str, known_hash: str | None = None, hashed: bool = True) -> IngestedFile:
    """Every part of :func:`iter_ingest` in one: for small files and tools (a collection's
    articles are all held). Never raises."""
    parts = list(iter_ingest(path, rel, known_hash, hashed))
    if len(parts) == 1:
        return parts[0]
    last = parts[-1]
    articles = tuple(item for part in parts for item in part.articles)
    return IngestedFile(rel, articles, last.reasons, last.digest, resume=parts[0].resume, mark=last.mark)


def iter_ingest(path: str, rel: str, known_hash: str | None = None, hashed: bool = True,
                known_mark: ReadMark | None = None, known_reasons: tuple[str, ...] = ()) -> Iterator[IngestedFile]:
    """Read, parse and identify the file at ``path`` (``rel``: its raw path in the library): one
    IngestedFile, or a collection's parts (see :class:`IngestedFile`).

    With ``hashed`` a small file's bytes are hashed first, and one whose hash is
    ``known_hash`` comes back ``unchanged`` without being parsed; a collection
    read before (``known_mark``, with the notes it left, ``known_reasons``)
    is read from the mark when the bytes before it are unchanged. Never
    raises: every problem becomes a reason (see the module docstring).
    """
    name = os.path.basename(rel)
    streamed = stream_kind(name)
    if streamed is not None and (streamed[0] != "json" or streamed[1] or _over_cap(path)):
        try:
            yield from _ingest_parts(path, rel, streamed, known_mark, known_reasons)
            return
        except NotUtf8:
            if streamed[1]:  # compressed, and not text a line at a time: nothing to read whole either
                yield IngestedFile(rel, reasons=("binary file",))
                return
            # else UTF-16 text: read whole, below, like any small file
    yield _ingest_whole(path, rel, known_hash, hashed)


def _over_cap(path: str) -> bool:
    try:
        return os.stat(path).st_size > MAX_FILE_BYTES
    except OSError:
        return False  # read_file says why, below


def _ingest_parts(path: str, rel: str, streamed: tuple[str, str], known_mark: ReadMark | None,
                  known_reasons: tuple[str, ...]) -> Iterator[IngestedFile]:
    kind, compression = streamed
    shown = display_path(rel)
    parts: Iterator[Part] = read_parts(path, kind, compression, MAX_FILE_BYTES, known_mark, known_reasons)
    try:
        part = next(parts)
    except ParseError as error:
        yield IngestedFile(rel, reasons=(error.reason,))
        return
    except OSError as error:
        yield IngestedFile(rel, reasons=(f"unreadable: {os_reason(error)}",))
        return
    while True:
        articles = tuple((describe(item, rel, shown, kind, offset), item) for item, offset in part.items)
        yield IngestedFile(rel, articles, part.reasons, part.digest, final=part.final, resume=part.resume,
                           mark=part.mark)
        if part.final:
            return
        try:
            part = next(parts)
        except OSError as error:  # the file went away under the read: what was read stays
            yield IngestedFile(rel, (), (*part.reasons, f"unreadable: {os_reason(error)}"), None)
            return


def read_collection_entry(path: str, article: Article) -> ParsedArticle:
    """The body of a streamed collection's ``article``, read at its offset. Raises OSError or ParseError."""
    streamed = stream_kind(os.path.basename(path))
    if streamed is None or article.offset is None:
        raise ParseError(f"no longer holds entry {article.entry + 1}")
    return read_entry(path, *streamed, article.offset, article.entry, MAX_FILE_BYTES)


def _ingest_whole(path: str, rel: str, known_hash: str | None, hashed: bool) -> IngestedFile:
    name = os.path.basename(rel)
    kind = format_of(name)
    if kind is None:
        return IngestedFile(rel, reasons=(unsupported_reason(name),))
    try:
        data = read_file(path)
    except ParseError as error:
        return IngestedFile(rel, reasons=(error.reason,))
    except OSError as error:
        return IngestedFile(rel, reasons=(f"unreadable: {os_reason(error)}",))
    digest = hashlib.blake2b(data, digest_size=12).hexdigest() if hashed else None
    if digest is not None and digest == known_hash:
        return IngestedFile(rel, digest=digest, unchanged=True)
    try:
        parsed, notes = parse_document(name, data)
    except ParseError as error:
        return IngestedFile(rel, reasons=(error.reason,), digest=digest)
    except Exception as error:  # noqa: BLE001 - a parser bug must not end the scan or the refresh
        return IngestedFile(rel, reasons=(f"could not parse ({type(error).__name__})",), digest=digest)
    shown = display_path(rel)
    articles = tuple((describe(item, rel, shown, kind), item) for item in parsed)
    return IngestedFile(rel, articles, tuple(notes), digest)


def describe(parsed: ParsedArticle, rel: str, shown: str, kind: str, offset: int | None = None) -> Article:
    """The metadata record of a parsed article: its id (from ``rel``), shown path, word count, format
    and (streamed collections) the offset of its record. An article without a date
    of its own takes the date its path carries ("2016/08/01/", "20160801-x.txt")."""
    return Article(
        id=article_id(rel, parsed.entry),
        path=shown,
        title=parsed.title,
        authors=parsed.authors,
        role=parsed.role,
        outlet=parsed.outlet,
        date=parsed.date or date_from_path(rel),
        url=parsed.url,
        word_count=count_words(parsed.paragraphs),
        format=kind,
        entry=parsed.entry,
        offset=offset,
    )


def article_id(rel_path: str, entry: int) -> str:
    """Stable id of an article (16 hex digits): from its raw relative path and entry."""
    key = f"{rel_path}#{entry}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(key, usedforsecurity=False).hexdigest()[:16]


def read_file(path: str) -> bytes:
    """A file's bytes; ParseError if it is over the size cap (also when it grows while read), OSError if unreadable."""
    # os-level calls: cheaper than open() and its buffered reader, per file.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            raise ParseError(too_large_reason(size))
        chunks = []
        total = 0
        # Ask for exactly what fstat promised (plus one byte, to notice growth):
        # os.read allocates what it is asked for, and most files are small.
        want = size + 1
        while chunk := os.read(fd, want):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:  # it grew while we read
                raise ParseError(too_large_reason(total))
            want = size + 1 - total if total <= size else 1 << 16
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)
