"""Loading a library into the app: from the index at once, then kept fresh.

A mixin of :class:`~newsreader.ui.app.NewsreaderApp`, kept apart so the app
module stays about keys and panes. All I/O, parsing, analysis and SQL run in
thread workers that post messages; the handlers here only update attributes.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from newsreader import catalog
from newsreader.library.errors import LibraryError
from newsreader.library.model import Article, SkippedFile
from newsreader.reading_state import ReadingState, state_file
from newsreader.state import load_recent, save_recent
from newsreader.ui.messages import LibraryBatch, LibraryNotice, StateLoaded, ViewReady
from newsreader.ui.widgets.article_list import ArticleList
from newsreader.ui.widgets.sidebar import SourcesSidebar
from newsreader.ui.widgets.title_bar import LibraryStatus, TitleBar

if TYPE_CHECKING:
    from newsreader.index import LibraryIndex
    from newsreader.index.model import RefreshSummary

SCAN_BATCH_SECONDS = 0.2
VIEW_REFRESH_SECONDS = 0.15
#: A batch at least this large is frozen out of the garbage collector's scans.
FREEZE_AFTER = 100
#: Shortest pause between two checks of the folder for new or changed files.
WATCH_SECONDS = 3.0


class LibrarySession(App[None]):
    """The open library: its articles, skipped files, reading state and list view."""

    root: Path
    article_list: ArticleList
    title_bar: TitleBar
    list_pane: Widget
    sidebar: SourcesSidebar
    reading: ReadingState
    sort_order: catalog.SortOrder

    def init_session(self, root: Path) -> None:
        """Set the session's starting attributes (called from ``__init__``)."""
        self.root = root.resolve()
        self.reading = ReadingState(self.root, state_file(self.root))
        self.by_id: dict[str, Article] = {}
        self.skipped: list[SkippedFile] = []
        self.outlets: Counter[str] = Counter()
        self.outlet_filter: str | None = None
        self.query_text = ""
        self.starred_only = False
        self.cross: tuple[str, frozenset[str]] | None = None
        self.index_available = True
        self.scanning = True  # the first load starts right after the first paint
        self.busy = "opening…"
        self.generation = 0
        self._view_dirty = False
        self._view_complete = True
        self._watch_timer = None

    @property
    def articles(self) -> list[Article]:
        """Every article of the library (in no particular order)."""
        return list(self.by_id.values())

    # -- opening ------------------------------------------------------------------
    def open_library(self, root: Path) -> None:
        """Replace the current library with ``root``: list it from the index, then refresh."""
        self.leave_library()
        self.root = root.resolve()
        self.generation += 1
        self.by_id, self.skipped, self.outlets = {}, [], Counter()
        self.outlet_filter, self.query_text, self.starred_only, self.cross = None, "", False, None
        self.index_available = True
        self.use_reading_state(ReadingState(self.root, state_file(self.root)))
        self.library_opened()
        self.scanning, self.busy = True, "opening…"
        self.refresh_outlets()
        self.update_status()
        self._load(self.root, self.generation, first=True)

    def leave_library(self) -> None:
        """Hook: the app keeps the reading position before a library is replaced."""

    def library_opened(self) -> None:
        """Hook: the app clears its panes for a new library."""

    @work(thread=True, exclusive=True, group="library", description="load")
    def _load(self, root: Path, generation: int, first: bool) -> None:
        import sqlite3

        from newsreader.index import IndexUnavailable, LibraryIndex

        worker = get_current_worker()
        if first:
            recent = load_recent()
            recent.touch(root)
            save_recent(recent)
            self.post_message(StateLoaded(generation, ReadingState.load(root)))
        try:
            index = LibraryIndex.open(root)
        except IndexUnavailable as error:
            self.post_message(LibraryNotice(generation, f"No index ({error}); reading the folder directly, "
                                            "search is limited to the list filter.", index_available=False))
            self._scan_without_index(root, generation, worker)
            return
        try:
            with index:
                summary, started = self._refresh_index(index, generation, first, worker)
        except (sqlite3.Error, OSError, IndexUnavailable) as error:
            # The cache dir filled up or turned read-only mid-way (or the index is locked
            # for longer than busy_timeout): keep reading the library, without the index.
            self.post_message(LibraryNotice(generation, f"The index cannot be updated ({error}); reading the folder "
                                            "directly, search is limited to the list filter.", index_available=False))
            self.post_message(LibraryBatch(generation, reset=True, skipped=(), busy="scanning…"))
            self._scan_without_index(root, generation, worker)
            return
        if summary is not None and not summary.stopped:
            pause = max(WATCH_SECONDS, 5 * (monotonic() - started))
            self.post_message(LibraryBatch(generation, skipped=summary.skipped, done=True, next_check=pause))

    def _refresh_index(self, index: LibraryIndex, generation: int, first: bool,
                       worker: Worker[None]) -> tuple[RefreshSummary | None, float]:
        """List the index (on the first load), then refresh it; None when the folder is gone."""
        if first:
            self.post_message(LibraryBatch(generation, added=tuple(index.articles()), reset=True,
                                           skipped=tuple(index.skipped()), busy="checking for changes…"))
        if index.notice:
            self.post_message(LibraryNotice(generation, index.notice))
            index.notice = None
        started = monotonic()

        def progress(step) -> None:  # type: ignore[no-untyped-def]
            busy = "checking for changes…" if step.phase == "scanning" else (
                f"indexing {100 * step.done // max(step.total, 1)}%")
            self.post_message(LibraryBatch(generation, added=step.added,
                                           removed=tuple(a.id for a in step.removed), busy=busy))

        try:
            summary = index.refresh(progress, lambda: worker.is_cancelled)
        except LibraryError as error:
            self.post_message(LibraryNotice(generation, str(error)))
            self.post_message(LibraryBatch(generation, done=True))
            return None, started
        if index.notice:
            self.post_message(LibraryNotice(generation, index.notice))
        return summary, started

    def _scan_without_index(self, root: Path, generation: int, worker: Worker[None]) -> None:
        from newsreader.library.scanner import iter_library

        articles: list[Article] = []
        skipped: list[SkippedFile] = []
        last_post = monotonic()
        try:
            for item in iter_library(root):
                if worker.is_cancelled:
                    return
                (articles if isinstance(item, Article) else skipped).append(item)  # type: ignore[arg-type]
                if monotonic() - last_post > SCAN_BATCH_SECONDS:
                    self.post_message(LibraryBatch(generation, added=tuple(articles), busy="scanning…",
                                                   more_skipped=tuple(skipped)))
                    articles, skipped, last_post = [], [], monotonic()
        except LibraryError as error:
            self.post_message(LibraryNotice(generation, str(error)))
        self.post_message(LibraryBatch(generation, added=tuple(articles), more_skipped=tuple(skipped), done=True))

    def on_library_notice(self, message: LibraryNotice) -> None:
        if message.generation == self.generation:
            self.index_available = message.index_available
            self.notify(message.text, severity="warning", markup=False, timeout=8)

    def on_library_batch(self, message: LibraryBatch) -> None:
        if message.generation != self.generation:
            return
        if message.reset:
            self.by_id = {}
            self.outlets = Counter()
        self._forget(message.removed)
        self._add(message.added)
        if len(message.added) >= FREEZE_AFTER:
            # Articles live as long as the library: move them out of the collector's
            # sight, or each full collection rescans them all (stalls of 100 ms+ at 100k).
            gc.freeze()
        if message.skipped is not None:
            self.skipped = list(message.skipped)
        self.skipped.extend(message.more_skipped)
        self.scanning = not message.done
        self.busy = "" if message.done else message.busy
        if message.added or message.removed or message.reset:
            self._view_dirty = True
        self.refresh_outlets()
        self.update_status()
        if message.done:
            self.refresh_view_if_dirty()
            if message.next_check:
                self._watch_timer = self.set_timer(message.next_check, self._check_again)

    def _check_again(self) -> None:
        """Look for files added, changed or removed since the last refresh."""
        self._load(self.root, self.generation, first=False)

    def _forget(self, ids: Iterable[str]) -> None:
        for article_id in ids:
            article = self.by_id.pop(article_id, None)
            if article is not None and article.outlet:
                self.outlets[article.outlet] -= 1
                if self.outlets[article.outlet] <= 0:
                    del self.outlets[article.outlet]

    def _add(self, articles: Iterable[Article]) -> None:
        for article in articles:
            old = self.by_id.get(article.id)
            if old is not None and old.outlet:
                self.outlets[old.outlet] -= 1
            self.by_id[article.id] = article
            if article.outlet:
                self.outlets[article.outlet] += 1
        self.outlets = +self.outlets  # drop outlets counted down to zero

    # -- reading state ------------------------------------------------------------
    def on_state_loaded(self, message: StateLoaded) -> None:
        if message.generation != self.generation:
            return
        if message.state.problem:
            self.notify(message.state.problem, severity="warning", markup=False, timeout=8)
        self.use_reading_state(message.state)
        self.state_ready()

    def state_ready(self) -> None:
        """Hook: the app reopens the last article once the state is known."""

    def use_reading_state(self, state: ReadingState) -> None:
        """Show read and starred marks from ``state``."""
        self.reading = state
        self.article_list.read_ids = state.read_ids
        self.article_list.starred_ids = state.starred_ids
        self.article_list.refresh()
        self.refresh_outlets()

    @work(thread=True, group="save-state", description="save reading")
    def save_reading(self, state: ReadingState) -> None:
        """Write the reading state in the background (only if it changed)."""
        if state.dirty and not state.save():
            self.call_from_thread(self.notify, "Could not save reading state.", severity="warning", markup=False)

    def refresh_outlets(self) -> None:
        """Redraw the outlet counts (and the starred shelf) in the sidebar."""
        self.sidebar.set_outlets(catalog.rank_outlets(self.outlets), len(self.by_id), self.outlet_filter,
                                 len(self.reading.starred_ids), self.starred_only)

    # -- the view (filter + sort), computed in a worker -----------------------------
    def refresh_view_if_dirty(self) -> None:
        """Rebuild the list view if anything it depends on changed."""
        if self._view_dirty:
            self._view_dirty = False
            only = frozenset(self.reading.starred_ids) if self.starred_only else None
            if self.cross is not None:
                only = self.cross[1] if only is None else only & self.cross[1]
            self._build_view(self.articles, self.sort_order, self.outlet_filter,
                             catalog.query_terms(self.query_text), self.generation, only)

    def view_changed(self) -> None:
        """A filter or the sort order changed: rebuild the view now."""
        self._view_dirty = True
        self.update_list_title()
        self.refresh_view_if_dirty()

    @work(thread=True, exclusive=True, group="view", description="build view")
    def _build_view(self, articles: list[Article], order: catalog.SortOrder, outlet: str | None,
                    terms: list[str], generation: int, only: frozenset[str] | None) -> None:
        worker = get_current_worker()
        root = self.root

        def stop() -> bool:
            return worker.is_cancelled

        view = catalog.build_view(articles, order, outlet, terms, should_stop=stop, only=only)
        if view is None:
            return
        self.post_message(ViewReady(generation, view, complete=not terms))
        if terms:
            view = catalog.build_view(articles, order, outlet, terms, lambda a: _body_or_empty(root, a), stop, only)
            if view is not None:
                self.post_message(ViewReady(generation, view, complete=True))

    def on_view_ready(self, message: ViewReady) -> None:
        if message.generation != self.generation:
            return
        current = self.article_list.current
        self._view_complete = message.complete
        self.article_list.set_articles(message.articles, keep_id=current.id if current else None)
        self.update_status()
        self.state_ready()

    def update_status(self) -> None:
        """Redraw the header: counts and what is running."""
        busy = self.busy if self.scanning else ("" if self._view_complete else "searching article bodies…")
        read = self.reading.read_ids
        unread = sum(1 for article_id in self.by_id if article_id not in read)
        self.title_bar.show_status(LibraryStatus(
            self.root, len(self.by_id), self.article_list.row_count, unread, len(self.skipped), busy))

    def update_list_title(self) -> None:
        """Say in the list's border how it is sorted and filtered."""
        title = f"Articles · {self.sort_order.label}"
        if self.outlet_filter:
            title += " · outlet filter"
        if self.starred_only:
            title += " · starred"
        if self.cross is not None:
            title += f" · {self.cross[0]}"
        if self.query_text:
            title += " · filtered"
        self.list_pane.border_title = title


def _body_or_empty(root: Path, article: Article) -> str:
    from newsreader.library.scanner import read_article

    try:
        return read_article(root, article).body
    except LibraryError:
        return ""
