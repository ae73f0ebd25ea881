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
from typing import NamedTuple

from newsreader.analysis import analyze
from newsreader.analysis.model import NUMBER_LABELS
from newsreader.library.ingest import ingest_file
from newsreader.library.model import Article, ParsedArticle

from .tables import HIT_CLOSE, HIT_OPEN, unpack_body

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


class Findings(NamedTuple):
    """What analysis found in one stored body (``doc``)."""

    doc: int
    entities: tuple[tuple[str, str, int], ...]  # (key, label, mentions)
    quotes: tuple[tuple[str | None, str | None, int, int], ...]  # (speaker_key, speaker, start, end)
    citations: tuple[tuple[str, str], ...]  # (source, kind)


class FileResult(NamedTuple):
    """What became of one file.

    ``status`` is "indexed", "skipped" (reasons say why) or "same" (content
    hash unchanged since the last refresh: only the stat needs updating).
    """

    rel: str
    size: int
    mtime_ns: int
    status: str
    reasons: tuple[str, ...]
    hash: str | None
    articles: tuple[ArticleRecord, ...]


def clean_indexed(text: str) -> str:
    """``text`` without the snippet sentinels."""
    return text.translate(_SENTINELS)


def extract_chunk(root: str, items: list[tuple[str, int, int, str | None]]) -> list[FileResult]:
    """Process ``items`` (rel, size, mtime_ns, known hash) under ``root``."""
    return [extract_file(root, *item) for item in items]


def extract_file(root: str, rel: str, size: int, mtime_ns: int, known_hash: str | None = None) -> FileResult:
    """Read, hash and parse one file (no analysis: see :func:`analyse_chunk`); never raises.

    The reading, identifying and skip reasons are the scanner's:
    :func:`newsreader.library.ingest.ingest_file`.
    """
    ingested = ingest_file(os.path.join(root, rel), rel, known_hash)
    if ingested.unchanged:
        return FileResult(rel, size, mtime_ns, "same", (), ingested.digest, ())
    records = tuple(_record(article, parsed) for article, parsed in ingested.articles)
    status = "indexed" if records else "skipped"
    return FileResult(rel, size, mtime_ns, status, ingested.reasons, ingested.digest, records)


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
    citations = tuple((c.name, c.kind) for c in result.citations if c.name)  # the name shown, as search finds it
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
    )
