"""The main screen's workers: every slow thing (files, SQL, analysis) runs here, in threads.

Each method starts one thread worker on the screen and returns at once; the work
posts dataclass messages (:mod:`newsreader.ui.messages`) and otherwise just
raises. Errors are handled in one place, by the screen's ``Worker.StateChanged``
handler (:meth:`Loader.failed` says what to do), not in each worker. The one-shot
questions of the search and research keys are in :mod:`newsreader.ui.lookups`, run by
this loader. Every
worker opens its own connection (:meth:`LibraryIndex.at`): SQLite connections
stay in their thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from time import monotonic

from textual.screen import Screen
from textual.worker import Worker, get_current_worker

from newsreader.index import Cancelled, IndexLocation, IndexUnavailable, LibraryIndex, RefreshProgress, ViewSpec
from newsreader.library.errors import LibraryError
from newsreader.library.model import Article
from newsreader.ui.messages import (
    ArticleFailed,
    ArticleLoaded,
    CountsReady,
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

    def run(self, work: Callable[[], None], group: str, description: str, exclusive: bool = True) -> Worker[None]:
        """Start ``work`` in a thread worker of the screen; its errors go to :meth:`failed`."""
        return self.screen.run_worker(work, thread=True, group=group, description=description,
                                      exclusive=exclusive, exit_on_error=False)

    def post(self, message: object) -> None:
        """Send ``message`` to the screen (from any thread)."""
        self.screen.post_message(message)  # type: ignore[arg-type]

    def open_index(self) -> LibraryIndex:
        """A connection of this thread to the open index, interrupted when the worker is cancelled.
        Raises IndexUnavailable when no library is open."""
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
                    self.post(opened_message(generation, view, found, notice))
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
                    self.post(opened_message(generation, view, found, notice))
                if not found.exact:
                    self.post(ViewCounted(view, index.view_count(spec)))
                keep = found.state.last_article if found.state is not None else keep_id
                if keep:
                    self._position(index, view, spec, keep, {0: found.rows})
            finally:
                if not memory:
                    index.close()

        return self.run(work, "library", "open library")

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
            with self.open_index() as index:
                if opened:
                    self.post(LibraryChanged(generation, progress_text("scanning", 0, 0), False,
                                              tuple(index.skipped())))
                self._refresh(index, generation, worker)

        self.run(work, "library", "check library")

    def _refresh(self, index: LibraryIndex, generation: int, worker: Worker[None]) -> None:
        started = monotonic()

        def progress(step: RefreshProgress) -> None:
            changed = bool(step.added or step.removed) or step.phase == "analysing"
            self.post(LibraryChanged(generation, progress_text(step.phase, step.done, step.total), changed))

        summary = index.refresh(progress, lambda: worker.is_cancelled)
        if not summary.stopped:
            pause = max(WATCH_SECONDS, 5 * (monotonic() - started))
            self.post(LibraryChecked(generation, summary.skipped, pause, index.notice))

    def counts(self, generation: int) -> None:
        """Outlet counts, all articles and read ones."""
        def work() -> None:
            with self.open_index() as index:
                self.post(CountsReady(generation, index.outlet_counts(), index.view_count(ViewSpec()),
                                       index.read_count()))

        self.run(work, "counts", "count articles")

    # -- the list --------------------------------------------------------------------
    def view(self, view: int, spec: ViewSpec, keep_id: str | None = None, pages: tuple[int, ...] = (0,),
             known: int = 0) -> None:
        """Fetch ``pages`` of ``spec`` first (rows on screen soonest), then its exact count, then the
        row of ``keep_id`` (if listed); ``known``: rows the view had before (a refresh of the same view)."""
        def work() -> None:
            with self.open_index() as index:
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
                self.post(ViewLoaded(view, seen if exact else max(seen, known), found, exact))
                if not exact:
                    self.post(ViewCounted(view, index.view_count(spec)))
                if keep_id:
                    self._position(index, view, spec, keep_id, found)

        self.run(work, "view", "list articles")

    def _position(self, index: LibraryIndex, view: int, spec: ViewSpec, keep_id: str,
                  found: dict[int, list[Article]]) -> None:
        """Post where ``keep_id`` is listed in ``spec``, with its page (position None: not listed)."""
        position = index.view_position(spec, keep_id)
        if position is None:
            self.post(ViewPositioned(view, keep_id, None, -1, []))
            return
        page = position // PAGE_ROWS
        rows = found.get(page) or index.view_page(spec, page * PAGE_ROWS, PAGE_ROWS)
        self.post(ViewPositioned(view, keep_id, position, page, rows))

    def page(self, view: int, spec: ViewSpec, page: int) -> None:
        """One page of rows."""
        def work() -> None:
            with self.open_index() as index:
                self.post(PageLoaded(view, page, index.view_page(spec, page * PAGE_ROWS, PAGE_ROWS)))

        self.run(work, f"page-{page % 4}", "list page")

    # -- reading ---------------------------------------------------------------------
    def article(self, root: Path, article: Article) -> None:
        """Read and analyse ``article`` (a vanished or changed file gives ArticleFailed)."""
        def work() -> None:
            from newsreader.analysis import analyze
            from newsreader.library.scanner import read_article

            try:
                document = read_article(root, article)
            except LibraryError as error:
                self.post(ArticleFailed(article, str(error)))
                return
            self.post(ArticleLoaded(document, analyze(document.body)))

        self.run(work, "open", "load article")

    def mark(self, article_id: str, read: bool, starred: bool) -> None:
        """Mirror one article's marks into the index."""
        def work() -> None:
            with self.open_index() as index:
                index.set_mark(article_id, read, starred)

        self.run(work, "marks", "save marks", exclusive=False)

    def save_reading(self, state: ReadingState) -> None:
        """Write the reading state (if it changed). Raises OSError when it cannot be written."""
        def work() -> None:
            if state.dirty and not state.save():
                raise OSError("Could not save reading state.")

        self.run(work, "save-state", "save reading", exclusive=False)

    def save_settings(self, save: Callable[[], bool]) -> None:
        """Write settings. Raises OSError when they cannot be written."""
        def work() -> None:
            if not save():
                raise OSError("Could not save settings (see the config file).")

        self.run(work, "settings", "save settings", exclusive=False)

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
