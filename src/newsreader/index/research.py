"""Research queries on the index: every quote by a person, every passage citing a source, the
library at a glance. Functions of a ``sqlite3.Connection`` (run them through
:meth:`newsreader.index.LibraryIndex.run`); they raise sqlite3 errors as they come.

Names are matched as search's name fields (``quoted:``, ``cites:``) match them: a key finds
every name one of whose forms (:func:`~.writer.name_forms`: the whole name, a word-suffix, a
word-prefix) is the key's :func:`~.writer.norm_key` (case-insensitive, a leading "the"
dropped), so "beaumont" finds "Harold Beaumont". With ``exact``, a key finds only the names
of its own norm key ("Jonas Berg" and "jonas berg").
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsreader.analysis.model import CITATION_KINDS
from newsreader.analysis.tokens import sentence_spans
from newsreader.library.model import Article
from newsreader.library.sanitize import clean_line

from .tables import unpack_body
from .views import outlet_counts
from .writer import ARTICLE_COLUMNS, ArticleFactory, norm_key

if TYPE_CHECKING:
    from newsreader.userdata.corrections import Corrections

KINDS = ("speaker", "source")
#: A citing passage longer than this (a paragraph without sentence ends) is cut to it.
_MAX_PASSAGE = 600
_ORDER = "a.date DESC, a.path, a.entry"
#: The table of each kind's rows, and its column of the name.
_TABLES = {"speaker": ("quotes", "speaker"), "source": ("citations", "name")}


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quotation (or one passage citing a source) with its article."""

    article: Article
    #: The quotation (or citing passage) cut from the stored body, on one line, cleaned.
    text: str
    #: The name shown: the resolved speaker, or the source's name.
    speaker: str
    #: The speaker as written in the text (None for sources).
    written: str | None
    #: Character offsets of ``text`` in the article's body.
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Glance:
    """The library at a glance (see :func:`glance`)."""

    articles: int
    #: Most-quoted people: (name shown, quotes), most first.
    speakers: list[tuple[str, int]]
    #: Citation kind as stored ("outlet", "official", ...) -> most-cited (name shown, citations), kinds in
    #: the order of ``analysis.model.CITATION_KINDS``.
    sources: dict[str, list[tuple[str, int]]]
    #: (outlet as stored, articles), most first.
    outlets: list[tuple[str, int]]
    #: ("2024-03", articles) for every month from the first dated article's to the last's, zero months included.
    months: list[tuple[str, int]]


def _names(keys: Sequence[str], exact: bool = False) -> tuple[str, list[str]]:
    """The SQL selecting the ids of the names ``keys`` find, and its parameters."""
    norms = sorted({norm_key(key) for key in keys})
    marks = ", ".join("?" * len(norms))
    if exact:
        return f"(SELECT id FROM names WHERE norm IN ({marks}))", norms
    # The norm itself too: name_forms keeps a name's first eight words only.
    return (f"(SELECT id FROM names WHERE norm IN ({marks}) OR norm IN (SELECT norm FROM forms WHERE form IN ({marks})))",
            norms + norms)


def has_citation_offsets(conn: sqlite3.Connection) -> bool:
    """Whether the citations table has the ``start``/``end`` columns (an index made before them
    gains them at its next refresh, see ``versions.sync_versions``)."""
    return any(row[1] == "start" for row in conn.execute("PRAGMA table_info(citations)"))


def _left_out(leave_out: Sequence[tuple[str, str]], names: str) -> tuple[str, list[str]]:
    """The condition leaving out rows whose (article id, name's norm) is in ``leave_out``."""
    if not leave_out:
        return "", []
    values = ", ".join("(?, ?)" for _ in leave_out)
    return f" AND (a.id, {names}.norm) NOT IN (VALUES {values})", [part for pair in leave_out for part in pair]


def quotes_count(conn: sqlite3.Connection, kind: str, keys: Sequence[str],
                 leave_out: Sequence[tuple[str, str]] = (), exact: bool = False) -> int:
    """How many rows :func:`quotes_by` lists for ``kind``, ``keys``, ``leave_out`` and ``exact``."""
    return _count(conn, kind, keys, leave_out, exact, "count(*)")


def quoted_articles(conn: sqlite3.Connection, kind: str, keys: Sequence[str],
                    leave_out: Sequence[tuple[str, str]] = (), exact: bool = False) -> int:
    """How many articles the rows :func:`quotes_by` lists are in."""
    return _count(conn, kind, keys, leave_out, exact, "count(DISTINCT t.doc)")


def _count(conn: sqlite3.Connection, kind: str, keys: Sequence[str], leave_out: Sequence[tuple[str, str]],
           exact: bool, what: str) -> int:
    _check(kind)
    if not keys:
        return 0
    names, norms = _names(keys, exact)
    table, column = _TABLES[kind]
    if leave_out:
        skip, params = _left_out(leave_out, "n")
        return int(conn.execute(
            f"SELECT {what} FROM {table} t JOIN articles a ON a.doc = t.doc JOIN names n ON n.id = t.{column} "
            f"WHERE t.{column} IN {names}{skip}", [*norms, *params]).fetchone()[0])
    return int(conn.execute(f"SELECT {what} FROM {table} t WHERE {column} IN {names}", norms).fetchone()[0])


def names_found(conn: sqlite3.Connection, kind: str, keys: Sequence[str], exact: bool = False) -> list[tuple[str, int]]:
    """The names ``keys`` find (as :func:`quotes_by` does) that have quotes (kind "speaker") or
    citations ("source"), with how many, most first; names sharing a norm key are one, shown
    as the form with most rows."""
    _check(kind)
    if not keys:
        return []
    names, norms = _names(keys, exact)
    table, column = _TABLES[kind]
    return _merge(conn.execute(
        f"SELECT n.norm, n.name, t.c FROM (SELECT {column} AS id, count(*) AS c FROM {table} "
        f"WHERE {column} IN {names} GROUP BY {column}) t JOIN names n ON n.id = t.id", norms), None)


def quotes_by(conn: sqlite3.Connection, kind: str, keys: Sequence[str], offset: int, limit: int,
              leave_out: Sequence[tuple[str, str]] = (), exact: bool = False) -> list[QuoteRow]:
    """Rows ``offset`` to ``offset + limit`` of the quotes of ``keys``.

    kind "speaker": every quote whose resolved speaker is a name ``keys`` find (see the module's
    docstring; ``exact``: only names of their own norm keys); kind "source": every passage
    that cites one. Newest article first (date DESC, undated
    last), then position in the article. Only the bodies of the page's articles are read.
    Rows of an (article id, name's :func:`norm_key`) in ``leave_out`` are left out: the
    reader marked that name wrong there (see :meth:`Corrections.wrong_pairs`).

    A citing passage is the sentence holding the citation. A citation stored without offsets
    (an index analysed before they were kept, until its next refresh re-analyses it) falls back
    to the sentence holding the article's n-th mention of the source's name (n: the citation's
    rank among that article's citations of it), or, when the name is not found, the article's
    first sentence (its lede); such rows come after the article's located ones.
    """
    _check(kind)
    if not keys or limit <= 0:
        return []
    names, norms = _names(keys, exact)
    skip, skipped = _left_out(leave_out, "s" if kind == "speaker" else "n")
    if kind == "speaker":
        sql = (f"SELECT {ARTICLE_COLUMNS}, a.doc, q.start, q.end, s.name, w.name, 0 FROM quotes q "
               "JOIN articles a ON a.doc = q.doc JOIN outlets o ON o.id = a.outlet JOIN names s ON s.id = q.speaker "
               f"LEFT JOIN names w ON w.id = q.written WHERE q.speaker IN {names}{skip} "
               f"ORDER BY {_ORDER}, q.start, q.rowid LIMIT ? OFFSET ?")
    else:
        spans = "start, end" if has_citation_offsets(conn) else "NULL AS start, NULL AS end"
        sql = (f"SELECT {ARTICLE_COLUMNS}, a.doc, c.start, c.end, n.name, NULL, "
               "row_number() OVER (PARTITION BY c.doc, c.name ORDER BY c.rowid) - 1 "
               f"FROM (SELECT rowid, doc, name, {spans} FROM citations) c "
               "JOIN articles a ON a.doc = c.doc JOIN outlets o ON o.id = a.outlet JOIN names n ON n.id = c.name "
               f"WHERE c.name IN {names}{skip} "
               f"ORDER BY {_ORDER}, c.start IS NULL, c.start, c.rowid LIMIT ? OFFSET ?")
    rows = conn.execute(sql, (*norms, *skipped, limit, max(0, offset))).fetchall()
    make = ArticleFactory()
    bodies: dict[int, str] = {}
    found: list[QuoteRow] = []
    for row in rows:
        doc, start, end, shown, written, rank = row[12:]
        body = bodies.get(doc)
        if body is None:
            packed = conn.execute("SELECT body FROM texts WHERE doc = ?", (doc,)).fetchone()
            body = bodies[doc] = unpack_body(packed[0] if packed else None)
        if kind == "source":
            start, end = citing_passage(body, start, end, shown, rank)
        found.append(QuoteRow(make(row[:12]), clean_line(body[start:end]), shown, written, start, end))
    return found


def _check(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")


def citing_passage(body: str, start: int | None, end: int | None, name: str, rank: int = 0) -> tuple[int, int]:
    """The sentence of ``body`` holding ``start:end``, or for a citation without offsets the one
    holding the ``rank``-th mention of ``name``, else the first sentence."""
    if start is None or end is None:
        mentions = list(re.finditer(re.escape(name), body, re.IGNORECASE)) if name else []
        if mentions:
            start, end = mentions[min(rank, len(mentions) - 1)].span()
        else:
            start = end = 0
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    para = body.rfind("\n", 0, start) + 1
    para_end = body.find("\n", end)
    para_end = len(body) if para_end < 0 else para_end
    low, high = start, max(end, start)
    for s, e in sentence_spans(body[para:para_end]):
        if start < e + para:  # the sentence holding start (or, in a gap, the next one)
            low, high = s + para, max(e + para, end)
            break
    if high - low > _MAX_PASSAGE:
        low = max(low, start - _MAX_PASSAGE // 2)
        high = min(high, low + _MAX_PASSAGE)
    return low, high


def glance(conn: sqlite3.Connection, top: int = 20, corrections: Corrections | None = None) -> Glance:
    """The library at a glance: its articles, the ``top`` most-quoted people, the ``top``
    most-cited sources of each kind, the outlets by articles and articles per month.
    Names sharing a norm key are one row, shown as the form with most rows.

    With the reader's ``corrections``, a merged name counts as the name it is merged into,
    and quotes or citations of a name marked wrong in an article are not counted."""
    row = conn.execute("SELECT sum(articles) FROM outlets").fetchone()
    speaker_rows = [(norm, name, n) for norm, name, n in conn.execute(
        "SELECT n.norm, n.name, c FROM (SELECT speaker, count(*) AS c FROM quotes WHERE speaker IS NOT NULL "
        "GROUP BY speaker) q JOIN names n ON n.id = q.speaker")]
    by_kind: dict[str, list[tuple[str, str, int]]] = {}
    for kind, norm, name, n in conn.execute(
            "SELECT c.kind, n.norm, n.name, c.c FROM (SELECT kind, name, count(*) AS c FROM citations "
            "GROUP BY kind, name) c JOIN names n ON n.id = c.name"):
        by_kind.setdefault(kind, []).append((norm, name, n))
    if corrections:
        _uncount_wrong(conn, corrections, speaker_rows, by_kind)
        speaker_rows = _shown_as(speaker_rows, corrections)
        by_kind = {kind: _shown_as(rows, corrections) for kind, rows in by_kind.items()}
    speakers = _merge(speaker_rows, top)
    order = {kind: n for n, kind in enumerate(CITATION_KINDS)}
    kinds = sorted(by_kind, key=lambda kind: (order.get(kind, len(order)), kind))
    sources = {kind: _merge(by_kind[kind], top) for kind in kinds}
    outlets = sorted(outlet_counts(conn), key=lambda item: (-item[1], item[0]))
    return Glance(int(row[0] or 0) if row else 0, speakers, sources, outlets, _months(conn))


def _uncount_wrong(conn: sqlite3.Connection, corrections: Corrections, speakers: list[tuple[str, str, int]],
                   sources: dict[str, list[tuple[str, str, int]]]) -> None:
    """Add a negative row for each name's quotes or citations in an article where it is marked wrong."""
    for article in sorted({article for article, kind, _ in corrections.wrong if kind == "speaker"}):
        for norm, name, n in conn.execute(
                "SELECT n.norm, n.name, count(*) FROM quotes q JOIN articles a ON a.doc = q.doc "
                "JOIN names n ON n.id = q.speaker WHERE a.id = ? GROUP BY n.id", (article,)):
            if corrections.is_wrong(article, "speaker", name):
                speakers.append((norm, name, -n))
    for article in sorted({article for article, kind, _ in corrections.wrong if kind == "source"}):
        for kind, norm, name, n in conn.execute(
                "SELECT c.kind, n.norm, n.name, count(*) FROM citations c JOIN articles a ON a.doc = c.doc "
                "JOIN names n ON n.id = c.name WHERE a.id = ? GROUP BY c.kind, n.id", (article,)):
            if corrections.is_wrong(article, "source", name):
                sources.setdefault(kind, []).append((norm, name, -n))


def _shown_as(rows: list[tuple[str, str, int]], corrections: Corrections) -> list[tuple[str, str, int]]:
    """(norm, name, count) rows with each merged name replaced by the name it is shown as."""
    out = []
    for norm, name, n in rows:
        shown = corrections.canonical(name)
        out.append((norm, name, n) if shown == name else (norm_key(shown), shown, n))
    return out


def _merge(rows: Sequence[tuple[str, str, int]] | sqlite3.Cursor, top: int | None) -> list[tuple[str, int]]:
    """(norm, name, count) rows summed by norm, each shown as its name with most rows; most first
    (names whose rows sum to nothing are left out)."""
    totals: dict[str, int] = {}
    shown: dict[str, tuple[int, str]] = {}
    for norm, name, n in rows:
        totals[norm] = totals.get(norm, 0) + n
        best = shown.get(norm)
        if best is None or (n, name) > best:
            shown[norm] = (n, name)
    ranked = sorted(((norm, n) for norm, n in totals.items() if n > 0), key=lambda item: (-item[1], shown[item[0]][1]))
    return [(shown[norm][1], n) for norm, n in (ranked if top is None else ranked[:max(0, top)])]


def _months(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    counts = {month: n for month, n in conn.execute(
        "SELECT substr(date, 1, 7), count(*) FROM articles WHERE date IS NOT NULL GROUP BY 1")
        if re.fullmatch(r"\d{4}-\d{2}", month)}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:])
    out: list[tuple[str, int]] = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        out.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
