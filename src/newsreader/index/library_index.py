"""LibraryIndex: the one object the app and the CLI use to reach a library's index.

Everything it raises is its own (:class:`IndexUnavailable`, :class:`Cancelled`,
:class:`~newsreader.index.query.QueryError`) or the library's (``LibraryError``
when the folder cannot be read): callers never see ``sqlite3``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from newsreader.library.model import Article, SkippedFile

from . import views
from .location import IndexLocation, index_path, resolve_root
from .model import RefreshProgress, RefreshSummary, SearchHit
from .query import QueryError, parse_query
from .schema import (
    READER_CACHE_KB,
    WRITER_CACHE_KB,
    IndexUnavailable,
    connect,
    connect_memory,
    delete_database,
    is_damage,
    make_private_dir,
    verify,
)
from .search import run_query, snippets_for
from .versions import sync_versions
from .views import ViewSpec
from .writer import ARTICLE_COLUMNS, ARTICLE_FROM, ArticleFactory, norm_key

_NAMES = "(SELECT id FROM names WHERE norm = ?)"
#: ``articles_with`` kinds and the table each one reads.
KINDS = {
    "entity": "SELECT a.id, sum(e.mentions) AS n FROM entities e JOIN articles a ON a.doc = e.doc "
              f"WHERE e.name IN {_NAMES} GROUP BY e.doc ORDER BY n DESC, a.path, a.entry",
    "speaker": "SELECT a.id, count(*) AS n FROM quotes q JOIN articles a ON a.doc = q.doc "
               f"WHERE q.speaker IN {_NAMES} GROUP BY q.doc ORDER BY n DESC, a.path, a.entry",
    "source": "SELECT a.id, count(*) AS n FROM citations c JOIN articles a ON a.doc = c.doc "
              f"WHERE c.name IN {_NAMES} GROUP BY c.doc ORDER BY n DESC, a.path, a.entry",
}
#: How often (SQLite VM steps) a long query asks whether it is still wanted.
_STEPS = 20_000


class Cancelled(Exception):
    """A query was abandoned because ``should_stop`` said its result is no longer wanted."""


class LibraryIndex:
    """The SQLite index of one library folder.

    One instance per thread (SQLite connections stay in the thread that opened
    them); opening is cheap after the first open in a process. Readers in other
    threads or processes see each committed refresh batch as it lands.
    """

    def __init__(self, location: IndexLocation, path: Path, conn: sqlite3.Connection) -> None:
        self.location = location
        self.root = location.root
        self.path = path
        self._conn = conn
        #: Set when a damaged index file was found and replaced: a line for the user.
        self.notice: str | None = None

    @classmethod
    def open(cls, root: Path, memory: bool = False) -> LibraryIndex:
        """Open (creating, or rebuilding if damaged or outdated) the index of ``root``.

        Cheap: the full integrity check waits for the first refresh in this
        process; damage met while reading empties the index instead of raising.
        With ``memory``, the index is an in-memory database shared by every
        thread of this process, alive while one of its LibraryIndex objects is open.

        Raises IndexUnavailable when the cache folder cannot be written.
        """
        return cls.at(IndexLocation(resolve_root(root), memory))

    @classmethod
    def at(cls, location: IndexLocation) -> LibraryIndex:
        """Open the index at ``location`` (see :meth:`open`); raises IndexUnavailable."""
        path = index_path(location.root)
        if location.memory:
            return cls(location, path, connect_memory(location.uri))
        try:
            make_private_dir(path.parent.parent)
        except OSError:
            pass  # connect() says what is wrong with the folder it needs
        damage: list[str] = []
        index = cls(location, path, connect(path, damage.append))
        if damage:
            index.notice = _damage_notice(damage[0])
        return index

    def stop_when(self, should_stop: Callable[[], bool] | None) -> None:
        """Abandon long queries (raising Cancelled) once ``should_stop()`` is true; None: never."""
        if should_stop is None:
            self._conn.set_progress_handler(None, 0)
        else:
            self._conn.set_progress_handler(lambda: 1 if should_stop() else 0, _STEPS)

    # -- the list ------------------------------------------------------------------

    def view_count(self, spec: ViewSpec) -> int:
        """How many articles ``spec`` lists."""
        return self.run(lambda c: views.count(c, spec)) or 0

    def view_page(self, spec: ViewSpec, offset: int, limit: int) -> list[Article]:
        """Rows ``offset`` to ``offset + limit`` of the view ``spec``."""
        return self.run(lambda c: views.page(c, spec, offset, limit)) or []

    def view_position(self, spec: ViewSpec, article_id: str) -> int | None:
        """The row of ``article_id`` in the view ``spec`` (None if it is not listed)."""
        return self.run(lambda c: views.position(c, spec, article_id))  # type: ignore[no-any-return]

    def outlet_counts(self) -> list[tuple[str, int]]:
        """Each outlet with articles, and how many."""
        return self.run(views.outlet_counts) or []

    def read_count(self) -> int:
        """How many listed articles the marks mirror holds as read."""
        return self.run(views.read_count) or 0

    def article(self, article_id: str) -> Article | None:
        """The article with ``article_id``, if it is indexed."""
        row = self.run(lambda c: c.execute(f"SELECT {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} WHERE a.id = ?",
                                             (article_id,)).fetchone())
        return ArticleFactory()(row) if row else None

    def sync_marks(self, read: Iterable[str], starred: Iterable[str]) -> None:
        """Mirror the reading state's marks (the state file stays the truth)."""
        self.run(lambda c: views.sync_marks(c, read, starred))

    def set_mark(self, article_id: str, read: bool, starred: bool) -> None:
        """Mirror one article's marks."""
        self.run(lambda c: views.set_mark(c, article_id, read, starred))

    def cross_summary(self, kind: str, key: str) -> tuple[int, int]:
        """(articles, mentions) for the articles that name, quote or cite ``key`` (see :meth:`articles_with`)."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        sql = f"SELECT count(*), coalesce(sum(n), 0) FROM ({KINDS[kind]})"
        row = self.run(lambda c: c.execute(sql, (norm_key(key),)).fetchone())
        return (int(row[0]), int(row[1])) if row else (0, 0)

    # -- reading -----------------------------------------------------------------

    def articles(self) -> list[Article]:
        """Every indexed article (metadata only), in path order: for tools and tests; the app
        asks for pages (:meth:`view_page`)."""
        make = ArticleFactory()
        rows = self.run(lambda c: c.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM {ARTICLE_FROM} ORDER BY a.path, a.entry").fetchall())
        return list(map(make, rows or ()))

    def skipped(self) -> list[SkippedFile]:
        """Every file the last refresh skipped (or whose entries it partly skipped), with reasons."""
        from . import refresh as refreshing  # (with its process pool: imported when first needed)

        return self.run(refreshing.skipped_files) or []

    def search(self, query: str, limit: int = 200, snippets: int | None = None) -> list[SearchHit]:
        """The best hits for ``query`` (see :mod:`newsreader.index.query`), the
        first ``snippets`` of them (all when None) with their snippet.

        Raises QueryError with a short message when the query cannot be run.
        """
        parsed = parse_query(query)
        try:
            return self.run(lambda c: run_query(c, parsed, limit, snippets)) or []
        except IndexUnavailable as error:
            # Parsing quotes every term, so this should not happen: say so plainly.
            raise QueryError(f"cannot search for that ({error})") from None

    def snippets(self, query: str, article_ids: list[str]) -> dict[str, tuple[tuple[str, bool], ...]]:
        """Snippets for ``query`` of the hits ``article_ids`` that :meth:`search`
        left without one, keyed by id. Raises QueryError as :meth:`search` does."""
        parsed = parse_query(query)
        try:
            return self.run(lambda c: snippets_for(c, parsed, article_ids)) or {}
        except IndexUnavailable as error:
            raise QueryError(f"cannot search for that ({error})") from None

    def articles_with(self, kind: str, key: str) -> list[tuple[str, int]]:
        """Article ids with counts for articles that name (``"entity"``), quote
        (``"speaker"``) or cite (``"source"``) ``key``, case-insensitively; most first."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        norm = norm_key(key)
        return self.run(lambda c: [(i, n) for i, n in c.execute(KINDS[kind], (norm,))]) or []

    def records(self, body: bool = False) -> Iterator[dict[str, Any]]:
        """Every article as an export record (see :mod:`newsreader.index.export`),
        with its text under ``body`` when asked. Raises IndexUnavailable."""
        from .export import iter_records

        try:
            yield from iter_records(self._conn, body=body)
        except sqlite3.Error as error:
            raise IndexUnavailable(f"the index cannot be read ({error})") from None

    @property
    def last_refresh(self) -> float | None:
        """When a refresh last ran to the end (Unix time), or None if it never did."""
        row = self.run(lambda c: c.execute("SELECT value FROM meta WHERE key = 'refreshed'").fetchone())
        return float(row[0]) if row else None

    # -- writing -----------------------------------------------------------------

    def refresh(
        self,
        on_progress: Callable[[RefreshProgress], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> RefreshSummary:
        """Bring the index up to date with the folder (see :mod:`newsreader.index.refresh`).

        Raises LibraryError if the folder cannot be read, IndexUnavailable if the
        index cannot be written (a full disk, a lock held too long).
        """
        from . import refresh as refreshing

        should_stop = should_stop or refreshing.never
        try:
            self._conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KB:d}")
            if not self.location.memory and not verify(self._conn, self.path):
                self._rebuild("failed its integrity check")
            sync_versions(self._conn)
            try:
                summary = refreshing.refresh(self._conn, self.root, on_progress, should_stop)
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    raise
                self._rebuild(str(error))
                sync_versions(self._conn)
                summary = refreshing.refresh(self._conn, self.root, on_progress, should_stop)
            if not summary.stopped:
                self._conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('refreshed', ?), ('root', ?)",
                    (repr(time.time()), str(self.root)),
                )
        except sqlite3.Error as error:
            raise IndexUnavailable(f"the index cannot be updated ({error})") from None
        finally:
            try:
                self._conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KB:d}")
            except sqlite3.Error:
                pass  # closed or damaged: nothing to give back
        return summary

    def close(self) -> None:
        """Close the connection (the index stays on disk)."""
        self._conn.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # -- damage ------------------------------------------------------------------

    def run(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run the read ``work(connection)`` under the index's error policy and return what it
        returns: a damaged file is replaced by an empty index (None returned). Query modules
        (views, search, research) are functions of a connection, run through this.

        Raises Cancelled when ``stop_when``'s test stopped it, IndexUnavailable on other errors.
        """
        try:
            return work(self._conn)
        except sqlite3.Error as error:
            if str(error) == "interrupted":
                raise Cancelled() from None
            if not isinstance(error, sqlite3.DatabaseError) or not is_damage(error) or self.location.memory:
                raise IndexUnavailable(f"the index cannot be used ({error})") from None
            why = str(error)
        self._rebuild(why)
        return None

    def _rebuild(self, why: str) -> None:
        self.notice = _damage_notice(why)
        self._conn.close()
        delete_database(self.path)
        self._conn = connect(self.path)


def _damage_notice(why: str) -> str:
    return f"The library's index was damaged ({why}) and is being rebuilt from the folder."
