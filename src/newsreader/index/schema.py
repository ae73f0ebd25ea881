"""The index database: schema, versioning, and opening (rebuilding damaged files).

One SQLite file per library (WAL mode, ``synchronous=NORMAL``). The schema is
versioned with ``PRAGMA user_version``: a file of another version, or one
SQLite reports as damaged, is deleted and created afresh; it is only a cache.

Tables:

* ``meta``: key/value facts (the library's root, when the last full refresh ended).
* ``files``: every file the last refresh saw, keyed by its raw relative path
  (bytes, so any file name fits), with size and mtime_ns (to skip unchanged
  files), status (``indexed``, ``skipped`` after parsing, ``listed`` when
  skipped without reading, e.g. an unsupported type) and skip reasons.
* ``articles``: one row per article (``doc`` is the rowid shared with
  ``texts``, ``fts`` and the analysis tables).
* ``texts`` + ``fts``: the searchable text and its FTS5 index (external content).
* ``entities``, ``quotes``, ``citations``: what analysis found, per article,
  with casefolded ``norm`` keys indexed for "every article that names Z".
* ``names``: each word-suffix of every norm key ("jonas berg" and "berg"), so
  ``person:berg`` finds "Jonas Berg" with an index lookup.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from newsreader.analysis.model import ANALYSER_VERSION

#: The layout of the tables (bump on any schema change).
LAYOUT_VERSION = 1
#: What ``PRAGMA user_version`` holds: the layout and the analyser that filled the tables. A file written
#: by another layout or an older analyser is rebuilt, so search (``person:``, ``quoted:``) always agrees
#: with what the reading pane shows.
SCHEMA_VERSION = LAYOUT_VERSION * 1000 + ANALYSER_VERSION
#: How long opening waits for another process that holds the file locked.
LOCKED_SECONDS = 30.0

_SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    status TEXT NOT NULL,
    reasons TEXT,
    hash TEXT
);
CREATE TABLE articles (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file INTEGER NOT NULL,
    path TEXT NOT NULL,
    entry INTEGER NOT NULL,
    title TEXT NOT NULL,
    authors TEXT NOT NULL,
    role TEXT,
    outlet TEXT,
    date TEXT,
    url TEXT,
    word_count INTEGER NOT NULL,
    format TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX articles_file ON articles(file);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE texts (
    doc INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    authors TEXT NOT NULL,
    outlet TEXT NOT NULL
);
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, authors, outlet,
    content='texts', content_rowid='doc',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE entities (
    doc INTEGER NOT NULL,
    key TEXT NOT NULL,
    norm TEXT NOT NULL,
    label TEXT NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX entities_norm ON entities(norm, label, doc);
CREATE INDEX entities_doc ON entities(doc);
CREATE TABLE quotes (
    doc INTEGER NOT NULL,
    speaker_key TEXT,
    speaker TEXT,
    norm TEXT,
    text TEXT NOT NULL
);
CREATE INDEX quotes_norm ON quotes(norm, doc);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE TABLE citations (
    doc INTEGER NOT NULL,
    source TEXT NOT NULL,
    norm TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX citations_norm ON citations(norm, doc);
CREATE INDEX citations_doc ON citations(doc);
CREATE TABLE names (
    form TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (form, norm)
) WITHOUT ROWID;
"""

# Files already checked with quick_check by this process (see verify).
_checked: set[str] = set()
_lock = threading.Lock()


class IndexUnavailable(Exception):
    """The index file cannot be created or opened (e.g. the cache dir is read-only)."""


def connect(path: Path, on_damage: Callable[[str], None] | None = None) -> sqlite3.Connection:
    """Open the index at ``path``, creating or rebuilding it as needed; never
    fails on a damaged or outdated file (it is replaced; ``on_damage`` is told
    why when the file was damaged)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise IndexUnavailable(f"cannot create {path.parent}: {error.strerror or error}") from None
    attempt = 0
    deadline = time.monotonic() + LOCKED_SECONDS
    while attempt < 3:
        attempt += 1
        conn = None
        try:
            conn = _open(path)
            if _ready(conn, path):
                return conn
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
            if _locked(error) and time.monotonic() < deadline:
                # Another process is creating the file or switching it to WAL (which
                # takes no busy timeout): wait for it, then look again.
                attempt -= 1
                time.sleep(0.05)
                continue
            if not _damaged(error):
                raise IndexUnavailable(f"cannot open index {path}: {error}") from None
            if on_damage is not None:
                on_damage(str(error))
        else:
            conn.close()
        delete_database(path)
    raise IndexUnavailable(f"cannot open index {path}")


def verify(conn: sqlite3.Connection, path: Path) -> bool:
    """Run ``PRAGMA quick_check`` once per process per file (it reads the whole
    file, ~1.5 s for 100,000 articles): False when the file is damaged."""
    key = os.fspath(path)
    with _lock:
        if key in _checked:
            return True
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as error:
        if not _damaged(error):
            raise
        return False
    if ok:
        with _lock:
            _checked.add(key)
    return ok


def delete_database(path: Path) -> None:
    """Remove an index file and its WAL companions."""
    with _lock:
        _checked.discard(os.fspath(path))
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(os.fspath(path) + suffix)
        except FileNotFoundError:
            pass
        except OSError as error:
            raise IndexUnavailable(f"cannot remove damaged index {path}: {error.strerror}") from None


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """True when ``error`` says the file is damaged (not locked or busy)."""
    return _damaged(error)


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(os.fspath(path), timeout=30.0, isolation_level=None, check_same_thread=True)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -32000")
    return conn


def _ready(conn: sqlite3.Connection, path: Path) -> bool:
    """True when ``conn`` holds the current schema (creating it in an empty file)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        return _create(conn)
    if version != SCHEMA_VERSION:
        return False
    conn.execute("SELECT count(*) FROM meta").fetchone()  # the schema parses
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    return True


def _create(conn: sqlite3.Connection) -> bool:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another thread or process may have created it while we waited.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                conn.execute("ROLLBACK")
                return False
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _locked(error: sqlite3.DatabaseError) -> bool:
    message = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


def _damaged(error: sqlite3.DatabaseError) -> bool:
    if type(error) is sqlite3.DatabaseError:  # "file is not a database", "malformed"
        return True
    message = str(error).lower()
    return "malformed" in message or "not a database" in message or "corrupt" in message
