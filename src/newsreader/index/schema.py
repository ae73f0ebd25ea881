"""The index database: schema, versioning, privacy, and opening (rebuilding damaged files).

One SQLite file per library (WAL mode, ``synchronous=NORMAL``), or, when the
cache folder cannot be used, a named in-memory database that every thread of
the process can open (SQLite's ``memdb`` VFS): the same tables and code.

``PRAGMA user_version`` holds the layout of the tables only: a file of another
layout, or one SQLite reports as damaged, is deleted and created afresh (it is
only a cache). The analyser's version is kept per article (``articles.analysed``),
so a new analyser re-analyses in the background while the list stays usable.

Everything is private: the index folder is made 0700 and the database file is
created 0600 before SQLite opens it (SQLite gives its ``-wal`` and ``-shm``
files the database file's mode), whatever the umask.

Tables:

* ``meta``: key/value facts (the library's root, when the last full refresh ended).
* ``files``: every file the last refresh saw, keyed by its raw relative path
  (bytes, so any file name fits), with size and mtime_ns (to skip unchanged
  files), status (``indexed``, ``skipped`` after parsing, ``listed`` when
  skipped without reading) and skip reasons; ``mark`` (collections read as
  streams) is where the records read so far end and the hash of the bytes before
  that, so an appended file is read from there (see ``library.ingest.ReadMark``).
* ``outlets``: each outlet once (id 0 is "no outlet"), with its sort key and
  its number of articles (kept by the writer, so counts cost nothing).
* ``articles``: one row per article (``doc`` is the rowid shared with ``texts``,
  ``fts`` and the analysis tables), with the indexes the list's orders walk;
  ``offset`` is where a streamed collection's entry starts in its file.
* ``texts``: each body once, deflate-compressed; ``fts`` indexes the view
  ``fts_source`` over articles, outlets and texts (external content), so the
  index holds no other copy of the text.
* ``names``: each name analysis found (entity keys, speakers, sources) once;
  ``entities``, ``quotes`` (offsets into the body) and ``citations`` refer to
  names by id. ``forms``: each word-suffix of every name's norm ("jonas berg"
  and "berg"), so ``person:berg`` finds "Jonas Berg" with an index lookup.
* ``marks``: a mirror of the reader's read and starred marks (the reading-state
  file stays the truth), so "starred only" and "unread" are queries.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .query import outlet_matches
from .tables import LAYOUT_VERSION, SCHEMA, SCHEMA_VERSION, unpack_body

__all__ = ["LAYOUT_VERSION", "SCHEMA_VERSION", "IndexUnavailable", "connect", "connect_memory", "verify"]

#: How long opening waits for another process that holds the file locked.
LOCKED_SECONDS = 30.0
#: Page cache of a connection, in KiB: readers fetch a page of rows at a time, and the app has
#: several at once (a refresh asks for more, see LibraryIndex.refresh).
READER_CACHE_KB = 4_000
WRITER_CACHE_KB = 32_000
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600

# Files already checked with quick_check by this process (see verify).
_checked: set[str] = set()
_lock = threading.Lock()


class IndexUnavailable(Exception):
    """The index cannot be created, opened or written (a read-only or full cache
    folder, a lock held too long); the message is fit for the user."""


def connect(path: Path, on_damage: Callable[[str], None] | None = None) -> sqlite3.Connection:
    """Open the index at ``path``, creating or rebuilding it as needed; never
    fails on a damaged or outdated file (it is replaced; ``on_damage`` is told
    why when the file was damaged). Raises IndexUnavailable."""
    try:
        make_private_dir(path.parent)
    except OSError as error:
        raise IndexUnavailable(f"cannot create {path.parent}: {error.strerror or error}") from None
    attempt = 0
    deadline = time.monotonic() + LOCKED_SECONDS
    while attempt < 3:
        attempt += 1
        conn = None
        try:
            _private_file(path)
            conn = _open(os.fspath(path), uri=False)
            if _ready(conn):
                return conn
        except OSError as error:
            raise IndexUnavailable(f"cannot create {path}: {error.strerror or error}") from None
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


def memory_uri(name: str) -> str:
    """The URI of the in-memory database ``name``, shared by every connection of this process."""
    return f"file:/newsreader-{os.getpid()}-{name}?vfs=memdb"


def connect_memory(uri: str) -> sqlite3.Connection:
    """Open (creating) the in-memory index at ``uri`` (see :func:`memory_uri`).

    The database lives while any connection to it is open. Raises IndexUnavailable.
    """
    try:
        conn = _open(uri, uri=True)
        conn.execute("PRAGMA journal_mode = MEMORY")
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            _create(conn, wal=False)
        return conn
    except sqlite3.Error as error:
        raise IndexUnavailable(f"cannot make an index in memory: {error}") from None


def make_private_dir(path: Path, ours: bool = True) -> None:
    """Create ``path`` (and its missing parents) readable by the user only, whatever
    the umask. With ``ours`` an existing ``path`` (and a folder made meanwhile by something
    else) is made private too; without, folders that already exist are left as they are
    (the user's downloads folder). Raises OSError."""
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            if not ours:
                continue
        os.chmod(folder, PRIVATE_DIR)  # (mkdir's mode is filtered through the umask; chmod's is not)
    if ours and stat.S_IMODE(os.stat(path).st_mode) != PRIVATE_DIR:
        os.chmod(path, PRIVATE_DIR)


def _private_file(path: Path) -> None:
    """Create ``path`` 0600 before SQLite does (it copies the mode to -wal and -shm)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != PRIVATE_FILE:
            os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)
    for suffix in ("-wal", "-shm"):
        try:
            os.chmod(f"{path}{suffix}", PRIVATE_FILE)
        except FileNotFoundError:
            pass


def verify(conn: sqlite3.Connection, path: Path) -> bool:
    """Run ``PRAGMA quick_check`` once per process per file (it reads the whole
    file, ~1.5 s for 100,000 articles): False when the file is damaged."""
    key = os.fspath(path)
    with _lock:
        if key in _checked:
            return True
    try:
        ok = bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    except sqlite3.DatabaseError as error:
        if not _damaged(error):
            raise
        return False
    if ok:
        with _lock:
            _checked.add(key)
    return ok


def delete_database(path: Path) -> None:
    """Remove an index file and its WAL companions. Raises IndexUnavailable."""
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


def _open(target: str, uri: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(target, timeout=30.0, isolation_level=None, check_same_thread=False, uri=uri)
    conn.create_function("unpack_body", 1, unpack_body, deterministic=True)
    conn.create_function("outlet_matches", 3, outlet_matches, deterministic=True)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KB:d}")
    return conn


def _ready(conn: sqlite3.Connection) -> bool:
    """True when ``conn`` holds the current schema (creating it in an empty file)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        return _create(conn, wal=True)
    if version != SCHEMA_VERSION:
        return False
    conn.execute("SELECT count(*) FROM meta").fetchone()  # the schema parses
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    return True


def _create(conn: sqlite3.Connection, wal: bool) -> bool:
    if wal:
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
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return bool(conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION)


def _locked(error: sqlite3.DatabaseError) -> bool:
    message = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


def _damaged(error: sqlite3.DatabaseError) -> bool:
    if type(error) is sqlite3.DatabaseError:  # "file is not a database", "malformed"
        return True
    message = str(error).lower()
    return "malformed" in message or "not a database" in message or "corrupt" in message
