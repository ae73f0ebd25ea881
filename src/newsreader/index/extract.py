"""Read and parse files, and analyse bodies: the CPU-bound parts of a refresh.

A refresh first ingests files (read, parse, hash: cheap, so the list and text
search fill at scan speed), then analyses the bodies it stored (entities,
quotes, citations) in a second pass. Both run in worker processes (or in-process
for small refreshes), so everything here takes and returns plain tuples.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from newsreader.analysis import analyze
from newsreader.analysis.model import NUMBER_LABELS
from newsreader.library.collection import ReadMark
from newsreader.library.ingest import iter_ingest
from newsreader.library.model import Article, ParsedArticle

from .tables import HIT_CLOSE, HIT_OPEN, pack_body, unpack_body

_SENTINELS = str.maketrans("", "", HIT_OPEN + HIT_CLOSE)
_SKIP_LABELS = NUMBER_LABELS | {"DATE"}
_MAX_QUOTE_CHARS = 2000


class ArticleRecord(NamedTuple):
    """One analysed article, ready to insert."""

    id: str
    path: str
    entry: int
    title: str
    authors: tuple[str, ...]
    role: str | None
    outlet: str | None
    date: str | None
    url: str | None
    word_count: int
    format: str
    hash: str
    body: str
    #: Where a streamed collection's entry starts (see ``Article.offset``).
    offset: int | None = None
    #: ``body`` packed for the texts table (:func:`~newsreader.index.tables.pack_body`): deflated
    #: where the file is parsed (a worker, or the thread reading a collection), not by the writer.
    packed: bytes = b""


class Findings(NamedTuple):
    """What analysis found in one stored body (``doc``)."""

    doc: int
    entities: tuple[tuple[str, str, int], ...]  # (key, label, mentions)
    quotes: tuple[tuple[str | None, str | None, int, int], ...]  # (speaker_key, speaker, start, end)
    citations: tuple[tuple[str, str, int, int], ...]  # (source, kind, start, end)


class FileResult(NamedTuple):
    """What became of one file, or of a part of a streamed collection.

    ``status`` is "indexed", "skipped" (reasons say why) or "same" (content
    hash unchanged since the last refresh: only the stat needs updating). A
    collection's parts come in order: the ``first`` replaces the file's articles
    from entry ``resume`` on (0: all), the others add theirs, the ``final`` one
    (which has the ``hash``) completes the file. ``mark`` is where a later
    refresh may resume reading (:class:`newsreader.library.collection.ReadMark`, encoded).
    """

    rel: str
    size: int
    mtime_ns: int
    status: str
    reasons: tuple[str, ...]
    hash: str | None
    articles: tuple[ArticleRecord, ...]
    first: bool = True
    final: bool = True
    resume: int = 0
    mark: str | None = None


def clean_indexed(text: str) -> str:
    """``text`` without the snippet sentinels."""
    return text.translate(_SENTINELS)


#: (rel, size, mtime_ns, known hash, known mark, known reasons): a file to read (see diff.Todo).
Item = tuple[str, int, int, "str | None", "str | None", "str | None"]
#: How the index joins a file's reasons (writer.AUTHOR_SEP).
_SEP = "\x1f"


def extract_chunk(root: str, items: list[Item]) -> list[FileResult]:
    """Process ``items`` under ``root``: one result per file (a collection's parts in one)."""
    return [extract_file(root, *item) for item in items]


def extract_file(root: str, rel: str, size: int, mtime_ns: int, known_hash: str | None = None,
                 known_mark: str | None = None, known_reasons: str | None = None) -> FileResult:
    """Read, hash and parse one file (no analysis: see :func:`analyse_chunk`), every part in
    one result; never raises. For files of bounded size: see :func:`iter_extract`."""
    parts = list(iter_extract(root, rel, size, mtime_ns, known_hash, known_mark, known_reasons))
    if len(parts) == 1:
        return parts[0]
    articles = tuple(a for part in parts for a in part.articles)
    status = "indexed" if articles or parts[0].resume else parts[-1].status
    return parts[-1]._replace(status=status, articles=articles, first=True, resume=parts[0].resume)


def iter_extract(root: str, rel: str, size: int, mtime_ns: int, known_hash: str | None = None,
                 known_mark: str | None = None, known_reasons: str | None = None) -> Iterator[FileResult]:
    """Read, hash and parse one file: a result, or a streamed collection's parts as they are read.

    The reading, identifying and skip reasons are the scanner's:
    :func:`newsreader.library.ingest.iter_ingest`. Never raises.
    """
    mark = ReadMark.decode(known_mark)
    reasons = tuple(known_reasons.split(_SEP)) if known_reasons and mark else ()
    first = True
    for ingested in iter_ingest(os.path.join(root, rel), rel, known_hash, True, mark, reasons):
        if ingested.unchanged:
            yield FileResult(rel, size, mtime_ns, "same", (), ingested.digest, ())
            return
        records = tuple(_record(article, parsed) for article, parsed in ingested.articles)
        status = "indexed" if records or ingested.resume or not ingested.final else "skipped"
        yield FileResult(rel, size, mtime_ns, status, ingested.reasons, ingested.digest, records, first,
                         ingested.final, ingested.resume, ingested.mark.encode() if ingested.mark else None)
        first = False


def analyse_chunk(items: list[tuple[int, bytes]]) -> list[Findings]:
    """Analyse packed bodies (doc, :func:`~newsreader.index.tables.pack_body` bytes); never raises."""
    return [analyse_body(doc, unpack_body(data)) for doc, data in items]


def analyse_body(doc: int, body: str) -> Findings:
    """Entities (numbers and dates left out), quotations (as offsets) and named sources of ``body``."""
    try:
        result = analyze(body)
    except Exception:  # noqa: BLE001 - an analyser bug must not end the refresh: the article stays listed
        return Findings(doc, (), (), ())
    mentions = Counter((e.key, e.label) for e in result.entities if e.label not in _SKIP_LABELS and e.key)
    quotes = tuple((q.speaker_key, q.speaker, q.start, min(q.end, q.start + _MAX_QUOTE_CHARS)) for q in result.quotes)
    # c.name: the name shown, as search finds it
    citations = tuple((c.name, c.kind, c.start, c.end) for c in result.citations if c.name)
    return Findings(doc, tuple((key, label, count) for (key, label), count in mentions.items()), quotes, citations)


def _record(article: Article, parsed: ParsedArticle) -> ArticleRecord:
    body = clean_indexed(parsed.body)
    text_hash = hashlib.blake2b(
        "\x1f".join((parsed.title, *parsed.authors, parsed.body)).encode("utf-8", "surrogatepass"), digest_size=12
    ).hexdigest()
    return ArticleRecord(
        id=article.id,
        path=article.path,
        entry=article.entry,
        title=clean_indexed(article.title),
        authors=tuple(clean_indexed(author) for author in article.authors),
        role=article.role,
        outlet=clean_indexed(article.outlet) if article.outlet else article.outlet,
        date=article.date,
        url=article.url,
        word_count=article.word_count,
        format=article.format,
        hash=text_hash,
        body=body,
        offset=article.offset,
        packed=pack_body(body),
    )
