"""LibraryIndex: the one object the app and the CLI use to reach a library's index."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from newsreader.library.model import Article, SkippedFile

from . import refresh as refreshing
from .location import index_path, resolve_root
from .model import RefreshProgress, RefreshSummary, SearchHit
from .query import QueryError, parse_query
from .schema import connect, delete_database, is_damage, verify
from .search import run_query
from .writer import ARTICLE_COLUMNS, ArticleFactory, norm_key

#: ``articles_with`` kinds and the table each one reads.
KINDS = {
    "entity": "SELECT a.id, sum(e.mentions) AS n FROM entities e JOIN articles a ON a.doc = e.doc "
              "WHERE e.norm = ? GROUP BY e.doc ORDER BY n DESC, a.path, a.entry",
    "speaker": "SELECT a.id, count(*) AS n FROM quotes q JOIN articles a ON a.doc = q.doc "
               "WHERE q.norm = ? GROUP BY q.doc ORDER BY n DESC, a.path, a.entry",
    "source": "SELECT a.id, count(*) AS n FROM citations c JOIN articles a ON a.doc = c.doc "
              "WHERE c.norm = ? GROUP BY c.doc ORDER BY n DESC, a.path, a.entry",
}


class LibraryIndex:
    """The SQLite index of one library folder.

    One instance per thread (SQLite connections stay in the thread that opened
    them); opening is cheap after the first open in a process. Readers in other
    threads or processes see each committed refresh batch as it lands.
    """

    def __init__(self, root: Path, path: Path, conn: sqlite3.Connection) -> None:
        self.root = root
        self.path = path
        self._conn = conn
        #: Set when a damaged index file was found and replaced: a line for the user.
        self.notice: str | None = None

    @classmethod
    def open(cls, root: Path) -> LibraryIndex:
        """Open (creating, or rebuilding if damaged or outdated) the index of ``root``.

        Cheap: the full integrity check waits for the first refresh in this
        process; damage met while reading empties the index instead of raising.

        Raises IndexUnavailable when the cache folder cannot be written.
        """
        resolved = resolve_root(root)
        path = index_path(resolved)
        damage: list[str] = []
        index = cls(resolved, path, connect(path, damage.append))
        if damage:
            index.notice = _damage_notice(damage[0])
        return index

    # -- reading -----------------------------------------------------------------

    def articles(self) -> list[Article]:
        """Every indexed article (metadata only), in path order."""
        make = ArticleFactory()
        rows = self._read(lambda c: c.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY path, entry").fetchall())
        return list(map(make, rows or ()))

    def skipped(self) -> list[SkippedFile]:
        """Every file the last refresh skipped (or whose entries it partly skipped), with reasons."""
        return self._read(refreshing.skipped_files) or []

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """The best hits for ``query`` (see :mod:`newsreader.index.query`).

        Raises QueryError with a short message when the query cannot be run.
        """
        parsed = parse_query(query)
        try:
            return self._read(lambda c: run_query(c, parsed, limit)) or []
        except sqlite3.OperationalError as error:
            # Parsing quotes every term, so this should not happen: say so plainly.
            raise QueryError(f"cannot search for that ({error})") from None

    def articles_with(self, kind: str, key: str) -> list[tuple[str, int]]:
        """Article ids with counts for articles that name (``"entity"``), quote
        (``"speaker"``) or cite (``"source"``) ``key``, case-insensitively; most first."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        norm = norm_key(key)
        return self._read(lambda c: [(i, n) for i, n in c.execute(KINDS[kind], (norm,))]) or []

    def records(self) -> Iterator[dict[str, Any]]:
        """Every article as an export record (see :mod:`newsreader.index.export`)."""
        from .export import iter_records

        return iter_records(self._conn)

    @property
    def last_refresh(self) -> float | None:
        """When a refresh last ran to the end (Unix time), or None if it never did."""
        row = self._read(lambda c: c.execute("SELECT value FROM meta WHERE key = 'refreshed'").fetchone())
        return float(row[0]) if row else None

    # -- writing -----------------------------------------------------------------

    def refresh(
        self,
        on_progress: Callable[[RefreshProgress], None] | None = None,
        should_stop: Callable[[], bool] = refreshing.never,
    ) -> RefreshSummary:
        """Bring the index up to date with the folder (see :mod:`newsreader.index.refresh`).

        Raises LibraryError if the folder cannot be read.
        """
        if not verify(self._conn, self.path):
            self._rebuild("failed its integrity check")
        try:
            summary = refreshing.refresh(self._conn, self.root, on_progress, should_stop)
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            self._rebuild(str(error))
            summary = refreshing.refresh(self._conn, self.root, on_progress, should_stop)
        if not summary.stopped:
            self._conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('refreshed', ?), ('root', ?)",
                (repr(time.time()), str(self.root)),
            )
        return summary

    def close(self) -> None:
        """Close the connection (the index stays on disk)."""
        self._conn.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # -- damage ------------------------------------------------------------------

    def _read(self, work: Callable[[sqlite3.Connection], object]):  # type: ignore[no-untyped-def]
        """Run ``work``; a damaged file is replaced by an empty index (None returned)."""
        try:
            return work(self._conn)
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            self._rebuild(str(error))
            return None

    def _rebuild(self, why: str) -> None:
        self.notice = _damage_notice(why)
        self._conn.close()
        delete_database(self.path)
        self._conn = connect(self.path)


def _damage_notice(why: str) -> str:
    return f"The library's index was damaged ({why}) and is being rebuilt from the folder."
