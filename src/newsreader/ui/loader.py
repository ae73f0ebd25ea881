"""The main screen's workers: every slow thing (files, SQL, analysis) runs here, in threads.

Each method starts one thread worker on the screen and returns at once; the work
posts dataclass messages (:mod:`newsreader.ui.messages`) and otherwise just
raises. Errors are handled in one place, by the screen's ``Worker.StateChanged``
handler (:meth:`Loader.failed` says what to do), not in each worker. Every
worker opens its own connection (:meth:`LibraryIndex.at`): SQLite connections
stay in their thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from time import monotonic

from textual.screen import Screen
from textual.worker import Worker, get_current_worker

from newsreader.index import Cancelled, IndexLocation, IndexUnavailable, LibraryIndex, RefreshProgress, ViewSpec
from newsreader.library.errors import LibraryError
from newsreader.library.model import Article
from newsreader.ui.messages import (
    ArticleFailed,
    ArticleFound,
    ArticleLoaded,
    CountsReady,
    CrossReady,
    Exported,
    LibraryChanged,
    LibraryChecked,
    LibraryOpened,
    PageLoaded,
    ViewCounted,
    ViewLoaded,
    ViewPositioned,
)
from newsreader.ui.rows import PAGE_ROWS, FirstRows, Prefetch, private_folders, read_first_rows
from newsreader.ui.session import progress_text
from newsreader.userdata.reading_state import ReadingState

#: Shortest pause between two checks of the folder for new or changed files.
WATCH_SECONDS = 3.0
#: Rows read from the index at a time when the list is exported.
EXPORT_PAGE = 1000


def opened_message(generation: int, view: int, found: FirstRows, notice: str | None = None) -> LibraryOpened:
    """The LibraryOpened that shows ``found`` as ``view``; ``notice`` (if any) instead of the index's."""
    return LibraryOpened(generation, found.location, found.state, view, found.count, {0: found.rows}, found.exact,
                         found.outlets, found.total, found.read, notice or found.notice)


def remember_recent(root: Path) -> None:
    """Put ``root`` first in the recent libraries (not fatal when it cannot be written)."""
    from newsreader.userdata.recent import load_recent, save_recent

    recent = load_recent()
    recent.touch(root)
    save_recent(recent)


class Loader:
    """Starts the workers of one main screen; holds where the index is."""

    def __init__(self, screen: Screen[None]) -> None:
        self.screen = screen
        self.location: IndexLocation | None = None
        # An in-memory index lives while a connection to it is open: this one.
        self._anchor: LibraryIndex | None = None

    def _run(self, work: Callable[[], None], group: str, description: str, exclusive: bool = True) -> Worker[None]:
        return self.screen.run_worker(work, thread=True, group=group, description=description,
                                      exclusive=exclusive, exit_on_error=False)

    def _post(self, message: object) -> None:
        self.screen.post_message(message)  # type: ignore[arg-type]

    def _open(self) -> LibraryIndex:
        if self.location is None:
            raise IndexUnavailable("no library is open")
        index = LibraryIndex.at(self.location)
        worker = get_current_worker()
        index.stop_when(lambda: worker.is_cancelled)
        return index

    def close(self) -> None:
        """Let go of the index (an in-memory one is dropped)."""
        self.location = None
        if self._anchor is not None:
            self._anchor.close()
            self._anchor = None

    # -- the library -----------------------------------------------------------------
    def open_library(self, root: Path, generation: int, view: int, spec: ViewSpec, first: bool = True,
                     memory: bool = False, notice: str | None = None, keep_id: str | None = None,
                     early: Prefetch | None = None) -> Worker[None]:
        """Open the index of ``root`` (on disk, else ``memory``) and post its first rows of ``spec``
        (as ``view``) and counts in one LibraryOpened; the screen starts :meth:`check` once this
        worker has ended (a check in the same exclusive group would cancel it) and they are drawn.

        ``first``: also read the reading state (its last article is the one to keep, else
        ``keep_id``); ``early``: that was read already, or is being read, by a prefetch (its rows
        are posted unless the screen took them).
        Raises (in the worker) IndexUnavailable, LibraryError.
        """
        def work() -> None:
            worker = get_current_worker()
            if early is not None:
                found = early.result()
                self.location = found.location
                if not early.taken:
                    self._post(opened_message(generation, view, found, notice))
                index = LibraryIndex.at(found.location)
            else:
                state = None
                if first:
                    private_folders()
                    state = ReadingState.load(root)
                index = LibraryIndex.open(root, memory=memory)
                if memory:
                    self._anchor = index
                found = None
            index.stop_when(lambda: worker.is_cancelled)  # quitting interrupts a long query at once
            try:
                if found is None:
                    found = read_first_rows(index, spec, state)
                    self.location = index.location
                    self._post(opened_message(generation, view, found, notice))
                if not found.exact:
                    self._post(ViewCounted(view, index.view_count(spec)))
                keep = found.state.last_article if found.state is not None else keep_id
                if keep:
                    self._position(index, view, spec, keep, {0: found.rows})
            finally:
                if not memory:
                    index.close()

        return self._run(work, "library", "open library")

    def check(self, root: Path, generation: int, opened: bool = False, first: bool = False) -> None:
        """Look for files added, changed or removed since the last refresh (and index them).

        ``opened``: the first check since the library was opened (its skipped files are listed
        first); ``first``: also remember the library as recent. Both are done after the first
        rows are drawn: the recent list is written with an fsync, and listing the skipped files
        reads the whole files table.
        """
        def work() -> None:
            worker = get_current_worker()
            if first:
                remember_recent(root)
            with self._open() as index:
                if opened:
                    self._post(LibraryChanged(generation, progress_text("scanning", 0, 0), False,
                                              tuple(index.skipped())))
                self._refresh(index, generation, worker)

        self._run(work, "library", "check library")

    def _refresh(self, index: LibraryIndex, generation: int, worker: Worker[None]) -> None:
        started = monotonic()

        def progress(step: RefreshProgress) -> None:
            changed = bool(step.added or step.removed) or step.phase == "analysing"
            self._post(LibraryChanged(generation, progress_text(step.phase, step.done, step.total), changed))

        summary = index.refresh(progress, lambda: worker.is_cancelled)
        if not summary.stopped:
            pause = max(WATCH_SECONDS, 5 * (monotonic() - started))
            self._post(LibraryChecked(generation, summary.skipped, pause, index.notice))

    def counts(self, generation: int) -> None:
        """Outlet counts, all articles and read ones."""
        def work() -> None:
            with self._open() as index:
                self._post(CountsReady(generation, index.outlet_counts(), index.view_count(ViewSpec()),
                                       index.read_count()))

        self._run(work, "counts", "count articles")

    # -- the list --------------------------------------------------------------------
    def view(self, view: int, spec: ViewSpec, keep_id: str | None = None, pages: tuple[int, ...] = (0,),
             known: int = 0) -> None:
        """Fetch ``pages`` of ``spec`` first (rows on screen soonest), then its exact count, then the
        row of ``keep_id`` (if listed); ``known``: rows the view had before (a refresh of the same view)."""
        def work() -> None:
            with self._open() as index:
                found: dict[int, list[Article]] = {}
                for page in sorted(set(pages)):
                    rows = index.view_page(spec, page * PAGE_ROWS, PAGE_ROWS)
                    if rows or page == 0:
                        found[page] = rows
                    if len(rows) < PAGE_ROWS:
                        break
                last = max(found)
                seen = last * PAGE_ROWS + len(found[last])
                exact = len(found[last]) < PAGE_ROWS
                self._post(ViewLoaded(view, seen if exact else max(seen, known), found, exact))
                if not exact:
                    self._post(ViewCounted(view, index.view_count(spec)))
                if keep_id:
                    self._position(index, view, spec, keep_id, found)

        self._run(work, "view", "list articles")

    def _position(self, index: LibraryIndex, view: int, spec: ViewSpec, keep_id: str,
                  found: dict[int, list[Article]]) -> None:
        """Post where ``keep_id`` is listed in ``spec``, with its page (position None: not listed)."""
        position = index.view_position(spec, keep_id)
        if position is None:
            self._post(ViewPositioned(view, keep_id, None, -1, []))
            return
        page = position // PAGE_ROWS
        rows = found.get(page) or index.view_page(spec, page * PAGE_ROWS, PAGE_ROWS)
        self._post(ViewPositioned(view, keep_id, position, page, rows))

    def page(self, view: int, spec: ViewSpec, page: int) -> None:
        """One page of rows."""
        def work() -> None:
            with self._open() as index:
                self._post(PageLoaded(view, page, index.view_page(spec, page * PAGE_ROWS, PAGE_ROWS)))

        self._run(work, f"page-{page % 4}", "list page")

    def cross(self, generation: int, kind: str, key: str) -> None:
        """Count the articles that name, quote or cite ``key``."""
        def work() -> None:
            with self._open() as index:
                articles, mentions = index.cross_summary(kind, key)
                self._post(CrossReady(generation, kind, key, articles, mentions))

        self._run(work, "cross", "find cross")

    def find(self, article_id: str, spec: ViewSpec) -> None:
        """The article a search result names, and its row in the list."""
        def work() -> None:
            with self._open() as index:
                self._post(ArticleFound(article_id, index.article(article_id), index.view_position(spec, article_id)))

        self._run(work, "find", "find article")

    def neighbour(self, spec: ViewSpec, article_id: str, step: int, fallback: int) -> None:
        """The article ``step`` rows from ``article_id`` in the list ``spec`` (the row ``fallback``
        when the list does not hold it), as ArticleFound: for n and p before the list's rows are in."""
        def work() -> None:
            with self._open() as index:
                here = index.view_position(spec, article_id)
                target = fallback if here is None else here + step
                rows = index.view_page(spec, target, 1) if target >= 0 else []
                if rows:
                    self._post(ArticleFound(rows[0].id, rows[0], target))

        self._run(work, "find", "find neighbour")

    def export_view(self, spec: ViewSpec, path: Path) -> None:
        """Write every article of the list ``spec`` to the CSV ``path``, in the list's order, a
        page at a time (see :mod:`newsreader.userdata.exports`); posts Exported."""
        def work() -> None:
            from newsreader.userdata.exports import COLUMNS, article_row, write_rows

            def rows() -> Iterator[list[str]]:
                offset = 0
                while page := index.view_page(spec, offset, EXPORT_PAGE):
                    yield from map(article_row, page)
                    offset += len(page)

            with self._open() as index:
                self._post(Exported(path, write_rows(path, COLUMNS, rows())))

        self._run(work, "export", "export the list")

    # -- reading ---------------------------------------------------------------------
    def article(self, root: Path, article: Article) -> None:
        """Read and analyse ``article`` (a vanished or changed file gives ArticleFailed)."""
        def work() -> None:
            from newsreader.analysis import analyze
            from newsreader.library.scanner import read_article

            try:
                document = read_article(root, article)
            except LibraryError as error:
                self._post(ArticleFailed(article, str(error)))
                return
            self._post(ArticleLoaded(document, analyze(document.body)))

        self._run(work, "open", "load article")

    def mark(self, article_id: str, read: bool, starred: bool) -> None:
        """Mirror one article's marks into the index."""
        def work() -> None:
            with self._open() as index:
                index.set_mark(article_id, read, starred)

        self._run(work, "marks", "save marks", exclusive=False)

    def save_reading(self, state: ReadingState) -> None:
        """Write the reading state (if it changed). Raises OSError when it cannot be written."""
        def work() -> None:
            if state.dirty and not state.save():
                raise OSError("Could not save reading state.")

        self._run(work, "save-state", "save reading", exclusive=False)

    def save_settings(self, save: Callable[[], bool]) -> None:
        """Write settings. Raises OSError when they cannot be written."""
        def work() -> None:
            if not save():
                raise OSError("Could not save settings (see the config file).")

        self._run(work, "settings", "save settings", exclusive=False)

    # -- the one error policy ----------------------------------------------------------
    def failed(self, worker: Worker[None]) -> tuple[str, str | None]:
        """What a failed worker means: (``"ignore"`` | ``"memory"`` | ``"stopped"`` | ``"notify"``, message).

        ``memory``: the index on disk cannot be used, go on in memory; ``stopped``: the
        library cannot be read or refreshed (say why, stop waiting); ``notify``: say it.
        """
        error = worker.error
        if isinstance(error, Cancelled) or worker.is_cancelled:
            return "ignore", None
        if worker.group == "library":
            if isinstance(error, IndexUnavailable) and not (self.location and self.location.memory):
                return "memory", str(error)
            return "stopped", str(error) if isinstance(error, (LibraryError, IndexUnavailable)) else \
                f"Reading the library failed: {error!r}"
        if isinstance(error, OSError) and worker.group in ("save-state", "settings"):
            return "notify", str(error)
        return "notify", f"{worker.description} failed: {error}"
