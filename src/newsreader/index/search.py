"""Run parsed queries against the index: ranked hits with plain-text snippets."""

from __future__ import annotations

import sqlite3

from newsreader.library.model import Article

from .model import SearchHit
from .query import Query
from .tables import HIT_CLOSE, HIT_OPEN, unpack_body
from .writer import ARTICLE_COLUMNS, ARTICLE_FROM, ArticleFactory

#: A query matching more articles than this ranks only the RANK_WINDOW most
#: recently indexed of them (new files get higher rowids): bm25 costs ~1 us per
#: match (more for phrases), so this bounds the ranking of any search to ~5-20 ms.
RANK_WINDOW = 5_000
#: bm25 weights for (title, body, authors, outlet).
WEIGHTS = (8.0, 1.0, 4.0, 2.0)
SNIPPET_TOKENS = 16
ELLIPSIS = "…"
_RANK = "bm25(fts, {}, {}, {}, {})".format(*WEIGHTS)


def run_query(conn: sqlite3.Connection, query: Query, limit: int, snippets: int | None = None) -> list[SearchHit]:
    """The best ``limit`` hits for ``query``: by bm25 when it has words, else newest first.

    Hits without words to rank (only field filters) come newest first, undated
    last. Only the first ``snippets`` hits (all when None) get their snippet;
    the others' is ``()`` until :func:`snippets_for` is asked (a screen shows
    twenty, and snippets cost more than the ranking). Raises sqlite3 errors as
    they come (the caller decides what to make of them).
    """
    limit = max(0, int(limit))
    if limit == 0:
        return []
    if query.match is not None:
        # Conditions test fts.rowid directly ("+" keeps SQLite from turning an IN
        # list into one FTS5 lookup per value).
        doc = "+fts.rowid"
        source = "fts"
        where = "".join(f" AND {condition.format(doc=doc)}" for condition in query.where)
        floor = conn.execute(
            f"SELECT fts.rowid FROM {source} WHERE fts MATCH ?{where} ORDER BY fts.rowid DESC LIMIT 1 OFFSET ?",
            (query.match, *query.params, RANK_WINDOW),
        ).fetchone()
        rows = conn.execute(
            f"SELECT fts.rowid, {_RANK} AS rank FROM {source} "
            f"WHERE fts MATCH ? AND fts.rowid > ?{where} ORDER BY rank LIMIT ?",
            (query.match, floor[0] if floor else 0, *query.params, limit),
        ).fetchall()
    else:
        # Walk the date index newest first, testing each article against the
        # filters' subqueries (built once): no sort of a large match.
        where = "".join(f" AND {condition.format(doc='+a.doc')}" for condition in query.where)
        rows = conn.execute(
            f"SELECT a.doc, 0.0 FROM articles a INDEXED BY articles_date WHERE 1{where} "
            "ORDER BY a.date DESC, a.path, a.entry LIMIT ?",  # the date index's order: no sort
            (*query.params, limit),
        ).fetchall()
    if not rows:
        return []
    docs = [doc for doc, _ in rows]
    articles = _articles(conn, docs)
    found = _snippets(conn, query.match, docs if snippets is None else docs[: max(0, snippets)])
    return [
        SearchHit(articles[doc].id, -rank if rank else 0.0, found.get(doc, ()), articles[doc])
        for doc, rank in rows
        if doc in articles
    ]


def snippets_for(conn: sqlite3.Connection, query: Query, article_ids: list[str]) -> dict[str, tuple[tuple[str, bool], ...]]:
    """Snippets for ``query`` of the articles ``article_ids``, keyed by id (an
    article no longer indexed, or no longer matching, is left out). Raises
    sqlite3 errors as they come."""
    if not article_ids:
        return {}
    marks = ", ".join("?" * len(article_ids))
    ids = dict(conn.execute(f"SELECT doc, id FROM articles WHERE id IN ({marks})", article_ids).fetchall())
    if not ids:
        return {}
    return {ids[doc]: snippet for doc, snippet in _snippets(conn, query.match, sorted(ids)).items()}


def split_snippet(text: str) -> tuple[tuple[str, bool], ...]:
    """Split an FTS5 snippet made with the private sentinels into (text, is_hit) pairs."""
    pieces: list[tuple[str, bool]] = []
    hit = False
    start = 0
    for index, char in enumerate(text):
        if char == HIT_OPEN or char == HIT_CLOSE:
            _push(pieces, text[start:index], hit)
            hit = char == HIT_OPEN
            start = index + 1
    _push(pieces, text[start:], hit)
    return tuple(pieces)


def _push(pieces: list[tuple[str, bool]], text: str, hit: bool) -> None:
    if "\n" in text or "\r" in text:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    if not text:
        return
    if pieces and pieces[-1][1] == hit:
        pieces[-1] = (pieces[-1][0] + text, hit)
    else:
        pieces.append((text, hit))


def _articles(conn: sqlite3.Connection, docs: list[int]) -> dict[int, Article]:
    make = ArticleFactory()
    marks = ", ".join("?" * len(docs))
    rows = conn.execute(f"SELECT a.doc, {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} WHERE a.doc IN ({marks})", docs)
    return {row[0]: make(row[1:]) for row in rows}


def _snippets(conn: sqlite3.Connection, match: str | None, docs: list[int]) -> dict[int, tuple[tuple[str, bool], ...]]:
    out: dict[int, tuple[tuple[str, bool], ...]] = {}
    if match is None:
        # No words to show in context: the opening of the body.
        marks = ", ".join("?" * len(docs))
        for doc, packed in conn.execute(f"SELECT doc, body FROM texts WHERE doc IN ({marks})", docs):
            opening = " ".join(unpack_body(packed)[:200].split())
            if len(opening) >= 160:
                opening = opening[:160].rsplit(" ", 1)[0] + ELLIPSIS
            out[doc] = split_snippet(opening)
        return out
    # One pass over the match, bounded by the hits' rowid range (FTS5 seeks to it);
    # snippet() runs only for the rows the IN test lets through ("+rowid" keeps
    # SQLite from turning the IN list into one FTS5 lookup per hit).
    marks = ", ".join("?" * len(docs))
    statement = (
        f"SELECT rowid, snippet(fts, -1, '{HIT_OPEN}', '{HIT_CLOSE}', '{ELLIPSIS}', {SNIPPET_TOKENS}) "
        f"FROM fts WHERE fts MATCH ? AND rowid >= ? AND rowid <= ? AND +rowid IN ({marks})"
    )
    for doc, text in conn.execute(statement, (match, min(docs), max(docs), *docs)):
        if text:
            out[doc] = split_snippet(text)
    return out
