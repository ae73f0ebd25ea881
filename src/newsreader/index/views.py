"""The article list as queries on the index: count, pages, positions, outlet counts, marks.

A :class:`ViewSpec` says what the reader asked for (order, outlet, quick-filter
words, starred or unread only, articles that name, quote or cite someone); the
functions here turn it into SQL that walks an index in the wanted order
(``articles_date``, ``articles_title``, ``outlets_key`` + ``articles_outlet``),
so a page costs what its rows cost, at any library size. The orders are the
ones :func:`newsreader.catalog.sort_articles` defines. Raises sqlite3 errors as
they come (:class:`~newsreader.index.LibraryIndex` turns them into its own).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace

from newsreader.catalog import SortOrder, outlet_key
from newsreader.library.model import Article

from . import filterscan
from .query import quote_fts
from .writer import ARTICLE_COLUMNS, ARTICLE_FROM, ArticleFactory, norm_key

_ORDER = {
    SortOrder.DATE: "a.date DESC, a.path, a.entry",
    SortOrder.TITLE: "a.title COLLATE NOCASE, a.path, a.entry",
    SortOrder.OUTLET: "o.key, o.id, a.date DESC, a.path, a.entry",
}
#: Articles that name (``entity``), quote (``speaker``) or cite (``source``) a name, by its norm.
CROSS = {
    "entity": "a.doc IN (SELECT doc FROM entities WHERE name IN (SELECT id FROM names WHERE norm = ?))",
    "speaker": "a.doc IN (SELECT doc FROM quotes WHERE speaker IN (SELECT id FROM names WHERE norm = ?))",
    "source": "a.doc IN (SELECT doc FROM citations WHERE name IN (SELECT id FROM names WHERE norm = ?))",
}
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """What the list shows: ``order``; ``outlet`` (as stored) or every outlet; ``words``
    (the quick filter: every word, as a word prefix, in title, body, authors or
    outlet); starred or unread articles only; ``cross``: (kind, name) for articles
    that name, quote or cite that name (kinds as in :data:`CROSS`)."""

    order: SortOrder = SortOrder.DATE
    outlet: str | None = None
    words: str = ""
    starred_only: bool = False
    unread_only: bool = False
    cross: tuple[str, str] | None = None


def filter_match(words: str) -> str | None:
    """The FTS5 expression of quick-filter ``words`` (each a quoted prefix), or None for no words."""
    tokens = _WORD_RE.findall(words)
    return " AND ".join(f"{quote_fts(token)} *" for token in tokens) if tokens else None


#: A view whose most selective condition keeps at most this many articles is read from that
#: condition's rows and sorted; a broader one walks the order's index, testing each row.
NARROW = 20_000
_ORDER_INDEX = {SortOrder.DATE: "articles_date", SortOrder.TITLE: "articles_title"}
#: Rows of a broad filtered view found by walking and testing; deeper pages are asked of SQL.
SCAN_ROWS = 2_000
#: A walk tests WALK_PROBE rows, then asks FTS5 how many articles hold the words when at that
#: rate the page would take more than WALK_BUDGET rows (the words are rare: reading and sorting
#: their matches is cheaper). The outlet order has no index to walk: its pages are asked of SQL.
WALK_PROBE = 100
WALK_BUDGET = 2_000


def outlet_ids(conn: sqlite3.Connection, outlet: str) -> list[int]:
    """The ids of every outlet shown under the same name as ``outlet`` (as stored):
    "Coastalbulletin" and "coastalbulletin.example" are one outlet to the reader."""
    return [ident for (ident,) in conn.execute("SELECT id FROM outlets WHERE key = ? AND id != 0",
                                                (outlet_key(outlet),))]


def _where(conn: sqlite3.Connection, spec: ViewSpec) -> tuple[str, list[object]]:
    """The view's conditions as SQL over ``articles a``."""
    conditions: list[str] = []
    params: list[object] = []
    if spec.outlet is not None:
        ids = outlet_ids(conn, spec.outlet) or [-1]
        # One id (the usual case) is an equality: articles_outlet then gives the date order.
        conditions.append("a.outlet = ?" if len(ids) == 1 else f"a.outlet IN ({', '.join('?' * len(ids))})")
        params.extend(ids)
    if spec.starred_only:
        conditions.append("a.id IN (SELECT id FROM marks WHERE starred)")
    if spec.unread_only:
        conditions.append("a.id NOT IN (SELECT id FROM marks WHERE read)")
    match = filter_match(spec.words)
    if match is not None:
        conditions.append("a.doc IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
        params.append(match)
    if spec.cross is not None:
        kind, name = spec.cross
        conditions.append(CROSS[kind])
        params.append(norm_key(name))
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def _narrowest(conn: sqlite3.Connection, spec: ViewSpec, words: bool = True) -> int | None:
    """How many articles the view's most selective condition keeps, at most NARROW + 1 (None: no
    condition). With ``words`` False, the filter words are left out (their FTS5 prefix query lists
    every match of every word it expands to, ~50 ms for a word in most of 1,000,000 articles)."""
    sizes: list[int] = []
    if spec.outlet is not None:
        sizes.append(_outlet_articles(conn, spec.outlet))
    if spec.starred_only:
        sizes.append(int(conn.execute("SELECT count(*) FROM marks WHERE starred").fetchone()[0]))
    match = filter_match(spec.words) if words else None
    if match is not None:
        sizes.append(len(conn.execute("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?",
                                      (match, NARROW + 1)).fetchall()))
    if spec.cross is not None:
        kind, name = spec.cross
        sizes.append(int(conn.execute(f"SELECT count(*) FROM articles a WHERE {CROSS[kind]}",
                                      (norm_key(name),)).fetchone()[0]))
    return min(sizes) if sizes else None


def _outlet_articles(conn: sqlite3.Connection, outlet: str) -> int:
    """How many articles the outlet shown as ``outlet``'s name has (the writer keeps the counts)."""
    row = conn.execute("SELECT sum(articles) FROM outlets WHERE key = ? AND id != 0", (outlet_key(outlet),)).fetchone()
    return int(row[0] or 0) if row else 0


def count(conn: sqlite3.Connection, spec: ViewSpec) -> int:
    """How many articles the view lists."""
    plain = ViewSpec(spec.order, spec.outlet)
    if spec == plain:  # the writer keeps these counts: no scan at any size
        if spec.outlet is None:
            row = conn.execute("SELECT sum(articles) FROM outlets").fetchone()
            return int(row[0] or 0) if row else 0
        return _outlet_articles(conn, spec.outlet)
    if spec == ViewSpec(spec.order, unread_only=True):
        return count(conn, plain) - read_count(conn)
    match = filter_match(spec.words)
    if match is not None and spec == ViewSpec(spec.order, words=spec.words):
        # Every row of the full-text index is an article (the writer deletes both in one
        # transaction): FTS5 counts its matches without a table of them to look up.
        return int(conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (match,)).fetchone()[0])
    where, params = _where(conn, spec)
    return int(conn.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0])


def page(conn: sqlite3.Connection, spec: ViewSpec, offset: int, limit: int,
         make: ArticleFactory | None = None) -> list[Article]:
    """Rows ``offset`` to ``offset + limit`` of the view, in its order.

    A narrow view (see NARROW) is read from its most selective condition and
    sorted. A broad one walks the order's index: filter words are then tested on
    each row's stored text (:mod:`.filterscan`) instead of building the list of every
    match (a word in most articles matches hundreds of thousands), so a first page
    costs about ``limit`` / selectivity rows, never a sort of the match. When WALK_BUDGET
    rows do not fill the page, the words are rare in the view: their matches are
    counted (up to NARROW) and, if few, read and sorted instead.
    """
    make = make or ArticleFactory()
    narrowest = _narrowest(conn, spec, words=False)
    broad = narrowest is None or narrowest > NARROW
    words = filter_match(spec.words) is not None
    if broad and words and offset < SCAN_ROWS and spec.order in _ORDER_INDEX:
        walk = _scan(conn, spec, offset, limit)
        # Walk WALK_PROBE rows; if the words look rare (the page would take more than
        # WALK_BUDGET rows to fill), ask FTS5 how many match (cheap when they are rare).
        if not walk.run(WALK_PROBE) and walk.passed * WALK_BUDGET < walk.tested * (offset + limit):
            narrowest = _narrowest(conn, spec)
            broad = narrowest is None or narrowest > NARROW
        if broad:
            walk.run()
            return list(map(make, walk.found))
    elif words:
        narrowest = _narrowest(conn, spec)
        broad = narrowest is None or narrowest > NARROW
    where, params = _where(conn, spec)
    source = ARTICLE_FROM
    if broad and spec.order in _ORDER_INDEX and where:
        source = source.replace("articles a", f"articles a INDEXED BY {_ORDER_INDEX[spec.order]}", 1)
    rows = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM {source}{where} ORDER BY {_ORDER[spec.order]} LIMIT ? OFFSET ?",
        (*params, max(0, limit), max(0, offset)),
    ).fetchall()
    return list(map(make, rows))


def _scan(conn: sqlite3.Connection, spec: ViewSpec, offset: int, limit: int) -> filterscan.Walk:
    """A broad view with filter words: a walk along the order, testing the words on each row's text."""
    where, params = _where(conn, replace(spec, words=""))
    source = ARTICLE_FROM + " JOIN texts t ON t.doc = a.doc"
    source = source.replace("articles a", f"articles a INDEXED BY {_ORDER_INDEX[spec.order]}", 1)
    rows = conn.execute(f"SELECT {ARTICLE_COLUMNS}, t.body FROM {source}{where} ORDER BY {_ORDER[spec.order]}", params)
    return filterscan.Walk(rows, filterscan.word_test(spec.words), max(0, offset), limit)


def position(conn: sqlite3.Connection, spec: ViewSpec, article_id: str) -> int | None:
    """The row of ``article_id`` in the view, or None when the view does not list it.

    Counts the rows before it along the view's index, one range at a time (no page is read).
    """
    where, params = _where(conn, spec)
    joiner = " AND " if where else " WHERE "
    target = conn.execute(
        f"SELECT a.date, a.path, a.entry, a.title, o.key, o.id FROM {ARTICLE_FROM}{where}{joiner}a.id = ?",
        (*params, article_id)).fetchone()
    if target is None:
        return None
    date, path, entry, title, key, outlet = target
    tie = "(a.path, a.entry) < (?, ?)"
    if spec.order is SortOrder.TITLE:
        ranges = [("a.title < ? COLLATE NOCASE", [title]), (f"a.title = ? COLLATE NOCASE AND {tie}", [title, path, entry])]
    else:
        if date is not None:
            ranges = [("a.date > ?", [date]), (f"a.date = ? AND {tie}", [date, path, entry])]
        else:
            ranges = [("a.date IS NOT NULL", []), (f"a.date IS NULL AND {tie}", [path, entry])]
        if spec.order is SortOrder.OUTLET:
            ranges = [("(o.key, o.id) < (?, ?)", [key, outlet])] + [
                (f"a.outlet = ? AND {sql}", [outlet, *values]) for sql, values in ranges]
    before = 0
    for sql, values in ranges:
        before += int(conn.execute(f"SELECT count(*) FROM {ARTICLE_FROM}{where}{joiner}{sql}",
                                   (*params, *values)).fetchone()[0])
    return before


def outlet_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Each outlet with articles, and how many (in no particular order). Outlets
    shown under one name are one row, named as the one of them with most articles."""
    return [(name, n) for name, n in conn.execute(
        "SELECT name, total FROM (SELECT name, sum(articles) OVER (PARTITION BY key) AS total, "
        "row_number() OVER (PARTITION BY key ORDER BY articles DESC, name) AS rank "
        "FROM outlets WHERE id != 0 AND articles > 0) WHERE rank = 1")]


def read_count(conn: sqlite3.Connection) -> int:
    """How many listed articles are marked read."""
    return int(conn.execute("SELECT count(*) FROM marks m JOIN articles a ON a.id = m.id WHERE m.read").fetchone()[0])


def sync_marks(conn: sqlite3.Connection, read: Iterable[str], starred: Iterable[str]) -> None:
    """Make the ``marks`` mirror hold exactly ``read`` and ``starred`` (one transaction)."""
    marks: dict[str, list[int]] = {}
    for ident in read:
        marks.setdefault(ident, [0, 0])[0] = 1
    for ident in starred:
        marks.setdefault(ident, [0, 0])[1] = 1
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM marks")
        conn.executemany("INSERT INTO marks(id, read, starred) VALUES (?, ?, ?)",
                         [(ident, r, s) for ident, (r, s) in marks.items()])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def set_mark(conn: sqlite3.Connection, article_id: str, read: bool, starred: bool) -> None:
    """Mirror one article's marks."""
    if read or starred:
        conn.execute("INSERT INTO marks(id, read, starred) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                     "read = excluded.read, starred = excluded.starred", (article_id, int(read), int(starred)))
    else:
        conn.execute("DELETE FROM marks WHERE id = ?", (article_id,))
