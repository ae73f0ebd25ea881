"""Write refresh results into the index, and read articles back as records.

Every function here runs inside a transaction the caller opened, so a batch
of files lands whole or not at all.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterable, Sequence

from newsreader.library.model import Article

from .extract import ArticleRecord, FileResult, clean_indexed

AUTHOR_SEP = "\x1f"
ARTICLE_COLUMNS = "id, path, title, authors, role, outlet, date, url, word_count, format, entry"


def norm_key(key: str) -> str:
    """How keys compare: casefolded, inner whitespace collapsed, a leading "the" dropped ("the Meteorological
    Institute" as written and "Meteorological Institute" as shown are one source)."""
    words = key.casefold().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def name_forms(norm: str) -> list[str]:
    """Each word-suffix of a norm key: "jonas berg" gives "jonas berg" and "berg"."""
    words = norm.split(" ")
    return [" ".join(words[i:]) for i in range(len(words))][:8]


class ArticleFactory:
    """Builds Article records from rows, sharing repeated strings (outlets, roles)."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._authors: dict[str, tuple[str, ...]] = {}

    def __call__(self, row: Sequence) -> Article:  # type: ignore[type-arg]
        ident, path, title, authors, role, outlet, date, url, words, fmt, entry = row
        strings = self._strings
        people = self._authors.get(authors)
        if people is None:
            people = self._authors[authors] = tuple(authors.split(AUTHOR_SEP)) if authors else ()
        if role is not None:
            role = strings.setdefault(role, role)
        if outlet is not None:
            outlet = strings.setdefault(outlet, outlet)
        return Article(ident, path, title, people, role, outlet, date and sys.intern(date), url, words,
                       strings.setdefault(fmt, fmt), entry)


def file_key(rel: str) -> bytes:
    """The ``files.path`` key of a relative path: raw bytes, so any name fits."""
    return os.fsencode(rel)


def delete_articles_of(conn: sqlite3.Connection, file_ids: Iterable[int], make: ArticleFactory) -> list[Article]:
    """Delete the articles of ``file_ids`` (and their text, index and analysis rows)."""
    removed: list[Article] = []
    for file_id in file_ids:
        rows = conn.execute(f"SELECT doc, {ARTICLE_COLUMNS} FROM articles WHERE file = ?", (file_id,)).fetchall()
        if not rows:
            continue
        docs = [(row[0],) for row in rows]
        removed.extend(make(row[1:]) for row in rows)
        conn.executemany(
            "INSERT INTO fts(fts, rowid, title, body, authors, outlet) "
            "SELECT 'delete', doc, title, body, authors, outlet FROM texts WHERE doc = ?",
            docs,
        )
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
    """Store each file's new state; returns (articles added, articles removed)."""
    added: list[Article] = []
    removed: list[Article] = []
    for result in results:
        key = file_key(result.rel)
        if result.status == "same":
            conn.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (result.size, result.mtime_ns, key))
            continue
        row = conn.execute("SELECT id FROM files WHERE path = ?", (key,)).fetchone()
        if row is not None:
            removed.extend(delete_articles_of(conn, [row[0]], make))
        file_id = conn.execute(
            "INSERT INTO files(path, size, mtime_ns, status, reasons, hash) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "status = excluded.status, reasons = excluded.reasons, hash = excluded.hash RETURNING id",
            (key, result.size, result.mtime_ns, result.status, AUTHOR_SEP.join(result.reasons) or None, result.hash),
        ).fetchone()[0]
        seen: set[str] = set()
        for record in result.articles:
            if record.id in seen:
                continue
            seen.add(record.id)
            added.append(_insert_article(conn, file_id, result, record, make))
    return added, removed


def _insert_article(
    conn: sqlite3.Connection, file_id: int, result: FileResult, record: ArticleRecord, make: ArticleFactory
) -> Article:
    authors = AUTHOR_SEP.join(record.authors)
    doc = conn.execute(
        "INSERT INTO articles(id, file, path, entry, title, authors, role, outlet, date, url, word_count, format, "
        "size, mtime_ns, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (record.id, file_id, record.path, record.entry, record.title, authors, record.role, record.outlet,
         record.date, record.url, record.word_count, record.format, result.size, result.mtime_ns, record.hash),
    ).lastrowid
    text = (doc, clean_indexed(record.title), clean_indexed(record.body), clean_indexed(", ".join(record.authors)),
            clean_indexed(record.outlet or ""))
    conn.execute("INSERT INTO texts(doc, title, body, authors, outlet) VALUES (?, ?, ?, ?, ?)", text)
    conn.execute("INSERT INTO fts(rowid, title, body, authors, outlet) VALUES (?, ?, ?, ?, ?)", text)
    norms: set[str] = set()
    if record.entities:
        rows = [(doc, key, norm_key(key), label, count) for key, label, count in record.entities]
        conn.executemany("INSERT INTO entities(doc, key, norm, label, mentions) VALUES (?, ?, ?, ?, ?)", rows)
        norms.update(row[2] for row in rows)
    if record.quotes:
        rows = [(doc, sk, sp, norm_key(sk) if sk else None, text) for sk, sp, text in record.quotes]
        conn.executemany("INSERT INTO quotes(doc, speaker_key, speaker, norm, text) VALUES (?, ?, ?, ?, ?)", rows)
        norms.update(row[3] for row in rows if row[3])
    if record.citations:
        rows = [(doc, source, norm_key(source), kind) for source, kind in record.citations]
        conn.executemany("INSERT INTO citations(doc, source, norm, kind) VALUES (?, ?, ?, ?)", rows)
        norms.update(row[2] for row in rows)
    if norms:
        conn.executemany(
            "INSERT OR IGNORE INTO names(form, norm) VALUES (?, ?)",
            [(form, norm) for norm in norms if norm for form in name_forms(norm)],
        )
    return make((record.id, record.path, record.title, authors, record.role, record.outlet, record.date,
                 record.url, record.word_count, record.format, record.entry))
