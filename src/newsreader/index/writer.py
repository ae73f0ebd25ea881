"""Write refresh results into the index, and read articles back as records.

Every function here runs inside a transaction the caller opened, so a batch
of files lands whole or not at all.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsreader.catalog import outlet_key
from newsreader.library.model import Article

from .tables import pack_body

if TYPE_CHECKING:
    from .extract import ArticleRecord, FileResult, Findings

AUTHOR_SEP = "\x1f"
#: The columns :class:`ArticleFactory` reads, over ``articles a JOIN outlets o ON o.id = a.outlet``.
ARTICLE_COLUMNS = ("a.id, a.path, a.title, a.authors, a.role, o.name, a.date, a.url, a.word_count, a.format, "
                   "a.entry, a.offset")
ARTICLE_FROM = "articles a JOIN outlets o ON o.id = a.outlet"


def norm_key(key: str) -> str:
    """How keys compare: casefolded, inner whitespace collapsed, a leading "the" dropped ("the Meteorological
    Institute" as written and "Meteorological Institute" as shown are one source)."""
    words = key.casefold().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def name_forms(norm: str) -> list[str]:
    """The forms a name field (``person:``, ``quoted:``, ...) finds a norm key by:
    the whole key, each word-suffix ("berg") and each word-prefix ("jonas"), so
    a surname or a first name finds "jonas berg"."""
    words = norm.split(" ")[:8]
    suffixes = [" ".join(words[i:]) for i in range(len(words))]
    prefixes = [" ".join(words[:i]) for i in range(1, len(words))]
    return suffixes + prefixes


class ArticleFactory:
    """Builds Article records from rows of :data:`ARTICLE_COLUMNS`, sharing repeated strings (outlets, roles)."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._authors: dict[str, tuple[str, ...]] = {}

    def __call__(self, row: Sequence) -> Article:  # type: ignore[type-arg]
        ident, path, title, authors, role, outlet, date, url, words, fmt, entry, offset = row
        strings = self._strings
        people = self._authors.get(authors)
        if people is None:
            people = self._authors[authors] = tuple(authors.split(AUTHOR_SEP)) if authors else ()
        if role is not None:
            role = strings.setdefault(role, role)
        if outlet is not None:
            outlet = strings.setdefault(outlet, outlet)
        return Article(ident, path, title, people, role, outlet, date and sys.intern(date), url, words,
                       strings.setdefault(fmt, fmt), entry, offset)


def file_key(rel: str) -> bytes:
    """The ``files.path`` key of a relative path: raw bytes, so any name fits."""
    return os.fsencode(rel)


def delete_articles_of(conn: sqlite3.Connection, file_ids: Iterable[int], make: ArticleFactory,
                       from_entry: int = 0) -> list[Article]:
    """Delete the articles of ``file_ids`` (and their text, index and analysis rows) whose entry
    is ``from_entry`` or later (an appended collection keeps the entries before it)."""
    removed: list[Article] = []
    for file_id in file_ids:
        rows = conn.execute(f"SELECT a.doc, a.outlet, {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} "
                            "WHERE a.file = ? AND a.entry >= ?", (file_id, from_entry)).fetchall()
        if not rows:
            continue
        docs = [(row[0],) for row in rows]
        removed.extend(make(row[2:]) for row in rows)
        # The FTS 'delete' needs the text as indexed: read back through the content view.
        conn.executemany(
            "INSERT INTO fts(fts, rowid, title, body, authors, outlet) "
            "SELECT 'delete', doc, title, body, authors, outlet FROM fts_source WHERE doc = ?",
            docs,
        )
        conn.executemany("UPDATE outlets SET articles = articles - 1 WHERE id = ?", [(row[1],) for row in rows])
        for table in ("texts", "entities", "quotes", "citations", "articles"):
            conn.executemany(f"DELETE FROM {table} WHERE doc = ?", docs)
    return removed


def delete_files(conn: sqlite3.Connection, keys: Iterable[bytes], make: ArticleFactory) -> list[Article]:
    """Forget the files at ``keys`` and their articles; returns the articles removed."""
    removed: list[Article] = []
    for key in keys:
        row = conn.execute("SELECT id FROM files WHERE path = ?", (key,)).fetchone()
        if row is None:
            continue
        removed.extend(delete_articles_of(conn, [row[0]], make))
        conn.execute("DELETE FROM files WHERE id = ?", (row[0],))
    return removed


def apply_results(
    conn: sqlite3.Connection, results: Iterable[FileResult], make: ArticleFactory
) -> tuple[list[Article], list[Article]]:
    """Store each file's new state; returns (articles added, articles removed).

    A streamed collection's parts come in order (see :class:`~newsreader.index.extract.FileResult`):
    until its final part lands the file's size is stored as -1, so a refresh
    killed half-way through reads it again, from the mark of the last part stored.
    """
    added: list[Article] = []
    removed: list[Article] = []
    outlets = _Outlets(conn)
    # Full-text rows are written together, after the batch's other rows: SQLite opens a statement
    # journal for the next file's insert, and FTS5 then flushes the terms pending so far as a
    # segment of one article, which automerge keeps merging (the writer spent ~60% of its SQL
    # time there; benchmarks/bench_fts_insert.py: 1.9x the writer's rate, same results).
    fts_rows: list[tuple[int, str, str, str, str]] = []

    def flush_fts() -> None:
        conn.executemany("INSERT INTO fts(rowid, title, body, authors, outlet) VALUES (?, ?, ?, ?, ?)", fts_rows)
        fts_rows.clear()

    for result in results:
        key = file_key(result.rel)
        if result.status == "same":
            conn.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (result.size, result.mtime_ns, key))
            continue
        if result.first:
            row = conn.execute("SELECT id FROM files WHERE path = ?", (key,)).fetchone()
            if row is not None:
                flush_fts()  # (a delete reads the index: rows of this batch must be in it)
                removed.extend(delete_articles_of(conn, [row[0]], make, result.resume))
        file_id = conn.execute(
            "INSERT INTO files(path, size, mtime_ns, status, reasons, hash, mark) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "status = excluded.status, reasons = excluded.reasons, hash = excluded.hash, mark = excluded.mark "
            "RETURNING id",
            (key, result.size if result.final else -1, result.mtime_ns, result.status,
             AUTHOR_SEP.join(result.reasons) or None, result.hash, result.mark),
        ).fetchone()[0]
        seen: set[str] = set()
        for record in result.articles:
            if record.id in seen:
                continue
            seen.add(record.id)
            article, fts_row = _insert_article(conn, file_id, record, outlets.id_of(record.outlet), make)
            added.append(article)
            fts_rows.append(fts_row)
        if result.final and result.status == "skipped" and not result.first:  # earlier parts had articles?
            if conn.execute("SELECT 1 FROM articles WHERE file = ? LIMIT 1", (file_id,)).fetchone():
                conn.execute("UPDATE files SET status = 'indexed' WHERE id = ?", (file_id,))
    flush_fts()
    return added, removed


class _Outlets:
    """Outlet ids by name, created on first use, for one batch."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._ids: dict[str | None, int] = {None: 0}

    def id_of(self, name: str | None) -> int:
        if name is None or name == "":
            return 0
        found = self._ids.get(name)
        if found is None:
            row = self._conn.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()
            if row is None:
                key = outlet_key(name)
                row = self._conn.execute("INSERT INTO outlets(name, key) VALUES (?, ?) RETURNING id",
                                         (name, key)).fetchone()
            found = self._ids[name] = row[0]
        return found


def _insert_article(
    conn: sqlite3.Connection, file_id: int, record: ArticleRecord, outlet: int, make: ArticleFactory
) -> tuple[Article, tuple[int, str, str, str, str]]:
    """Store ``record``'s rows but its full-text one, which is returned (rowid, title, body,
    authors, outlet) for the caller to write with the batch's others; and the Article."""
    authors = AUTHOR_SEP.join(record.authors)
    doc = conn.execute(
        "INSERT INTO articles(id, file, path, entry, title, authors, role, outlet, date, url, word_count, format, "
        "hash, offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (record.id, file_id, record.path, record.entry, record.title, authors, record.role, outlet,
         record.date, record.url, record.word_count, record.format, record.hash, record.offset),
    ).lastrowid
    if doc is None:  # (never after an INSERT that succeeded; typed Optional by sqlite3)
        raise sqlite3.DatabaseError("no rowid for a new article")
    conn.execute("UPDATE outlets SET articles = articles + 1 WHERE id = ?", (outlet,))
    conn.execute("INSERT INTO texts(doc, body) VALUES (?, ?)", (doc, record.packed or pack_body(record.body)))
    fts_row = (doc, record.title, record.body, ", ".join(record.authors), record.outlet or "")
    return make((record.id, record.path, record.title, authors, record.role, record.outlet or None, record.date,
                 record.url, record.word_count, record.format, record.entry, record.offset)), fts_row


def store_findings(conn: sqlite3.Connection, findings: Iterable[Findings], version: int) -> None:
    """Replace the analysis rows of each article analysed, and mark it analysed by ``version``."""
    names = _Names(conn)
    for found in findings:
        doc = found.doc
        if conn.execute("SELECT 1 FROM articles WHERE doc = ?", (doc,)).fetchone() is None:
            continue  # removed or replaced while it was being analysed
        for table in ("entities", "quotes", "citations"):
            conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
        if found.entities:
            counts: dict[tuple[int, str], int] = {}
            for key, label, mentions in found.entities:
                ident = (names.id_of(key), label)
                counts[ident] = counts.get(ident, 0) + mentions
            conn.executemany("INSERT INTO entities(name, label, doc, mentions) VALUES (?, ?, ?, ?)",
                             [(name, label, doc, n) for (name, label), n in counts.items()])
        if found.quotes:
            conn.executemany(
                "INSERT INTO quotes(doc, speaker, written, start, end) VALUES (?, ?, ?, ?, ?)",
                [(doc, names.id_of(key) if key else None, names.id_of(said) if said else None, start, end)
                 for key, said, start, end in found.quotes])
        if found.citations:
            conn.executemany("INSERT INTO citations(doc, name, kind, start, end) VALUES (?, ?, ?, ?, ?)",
                             [(doc, names.id_of(source), kind, start, end)
                              for source, kind, start, end in found.citations])
        conn.execute("UPDATE articles SET analysed = ? WHERE doc = ?", (version, doc))


class _Names:
    """Name ids by name, created (with their word-suffix forms) on first use, for one batch."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._ids: dict[str, int] = {}

    def id_of(self, name: str) -> int:
        found = self._ids.get(name)
        if found is None:
            row = self._conn.execute("SELECT id FROM names WHERE name = ?", (name,)).fetchone()
            if row is None:
                norm = norm_key(name)
                row = self._conn.execute("INSERT INTO names(name, norm) VALUES (?, ?) RETURNING id",
                                         (name, norm)).fetchone()
                if norm:
                    self._conn.executemany("INSERT OR IGNORE INTO forms(form, norm) VALUES (?, ?)",
                                           [(form, norm) for form in name_forms(norm)])
            found = self._ids[name] = row[0]
        return found
