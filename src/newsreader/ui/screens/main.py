"""The main screen: composes the three panes and answers their messages and the loader's.

State lives in a :class:`~newsreader.ui.session.Session` (what the list shows,
counts) and the reader's :class:`~newsreader.userdata.reading_state.ReadingState`;
rows live in the list's page cache. Everything slow goes through the
:class:`~newsreader.ui.loader.Loader`, whose failures come back as
``Worker.StateChanged`` to :meth:`MainScreen.on_worker_state_changed`, the one
error policy. The keys' actions are in :mod:`newsreader.ui.screens.main_keys`.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from newsreader.catalog import SortOrder, rank_outlets
from newsreader.library.model import Article
from newsreader.ui import corrections_flow
from newsreader.ui import messages as msg
from newsreader.ui.loader import Loader, opened_message
from newsreader.ui.lookups import Lookups
from newsreader.ui.rows import PAGE_ROWS, Prefetch
from newsreader.ui.screens.main_keys import MainKeys
from newsreader.ui.session import Session
from newsreader.ui.widgets.article_list import ArticleList
from newsreader.ui.widgets.filter_box import FilterBox
from newsreader.ui.widgets.key_footer import KeyFooter
from newsreader.ui.widgets.reader_column import ReaderColumn
from newsreader.ui.widgets.reading_pane import ReadingPane
from newsreader.ui.widgets.row_list import RowList
from newsreader.ui.widgets.sidebar import SourcesSidebar
from newsreader.ui.widgets.title_bar import TitleBar
from newsreader.userdata.reading_state import ReadingState, state_file

#: While a refresh writes, the list re-reads its count and rows at most this often.
VIEW_REFRESH_SECONDS = 0.25


class MainScreen(MainKeys, Screen[None]):
    """Sidebar, article list and reading pane over one library."""

    AUTO_FOCUS = "#articles"

    def __init__(self, root: Path, order: SortOrder, early: Prefetch | None = None) -> None:
        super().__init__(id="main-screen")
        #: The first screenful, read while the app started (cli.app), for the first opening only.
        self._early = early
        self.session = Session(root.resolve(), order)
        self.reading = ReadingState(self.session.root, state_file(self.session.root))
        self.loader = Loader(self)
        self.lookups = Lookups(self.loader)
        self.sidebar = SourcesSidebar(id="sidebar")
        self.article_list = ArticleList(id="articles")
        self.reader = ReadingPane(id="reader")
        self.reader_column = ReaderColumn(self.reader, id="reader-column")
        self.title_bar = TitleBar(id="title-bar")
        self.list_pane = Vertical(id="list-pane")
        self.filter_box = FilterBox(placeholder="Filter: words in title, author, outlet or body", id="filter")
        self._restore_pending = False
        self._pending_scroll: int | None = None
        self._rows_stale = False
        #: A body offset the next article opened is shown from (a quote chosen in the quotes view).
        self.open_at: int | None = None
        #: The article a changed view is being positioned on (the list lands on it when its row is found).
        self.following: Article | None = None
        self._watch_timer: Timer | None = None
        #: The worker opening the library (its check starts when it ends), and whether it is a first opening.
        self._opening: Worker[None] | None = None
        self._opening_first = True

    @property
    def root(self) -> Path:
        return self.session.root

    def compose(self) -> ComposeResult:
        yield self.title_bar
        with Horizontal(id="main"):
            yield self.sidebar
            with self.list_pane:
                yield self.filter_box
                yield self.article_list
            yield self.reader_column
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sidebar.border_title = "Sources"
        self.set_interval(VIEW_REFRESH_SECONDS, self._refresh_rows_if_stale)
        # At once: the opening worker's work is mostly SQLite and files (no GIL), done while the
        # first frame is laid out, and it brings the first rows and counts in one message.
        self.open_library(self.session.root)

    # -- opening a library ------------------------------------------------------------
    def open_library(self, root: Path) -> None:
        """Replace the current library with ``root``: list it from its index, then refresh it."""
        if self.session.generation:
            self._remember_position()
            self.loader.save_reading(self.reading)
        self.loader.close()
        if self._watch_timer is not None:
            self._watch_timer.stop()
        self.session.open(root.resolve())
        self.reader_column.root = self.session.root
        self.reading = ReadingState(self.session.root, state_file(self.session.root))
        self._use_marks()
        self._restore_pending = True
        self.filter_box.value = ""
        self.article_list.show_view(self.session.view, 0, {})
        self.reader_column.show(None)
        self.sidebar.set_article(None)
        self._redraw()
        early, self._early = self._early, None
        if early is not None and (early.root != self.session.root or early.spec != self.session.spec):
            early = None  # (read for another library or order: open it afresh)
        found = early.ready() if early is not None else None
        if early is not None and found is not None:  # read already: shown in the first frame
            early.taken = True
            self.loader.location = found.location
            self.on_library_opened(opened_message(self.session.generation, self.session.view, found))
        self._opening = self.loader.open_library(self.session.root, self.session.generation, self.session.view,
                                                 self.session.spec, early=early)
        self._opening_first = True

    def check_again(self) -> None:
        """Look for files added, changed or removed since the last refresh."""
        self.loader.check(self.session.root, self.session.generation)

    def on_library_opened(self, message: msg.LibraryOpened) -> None:
        """The index is open: its first rows, counts and reading state come together (one redraw)."""
        if message.generation != self.session.generation:
            return
        state = message.state
        if state is not None:
            if state.problem:
                self.notify(state.problem, severity="warning", markup=False, timeout=8)
            self.reading = state
            self._use_marks()
        if message.notice:
            self.notify(message.notice, severity="warning", markup=False, timeout=8)
        self.session.index_available = not message.location.memory
        self.session.counted(message.outlets, message.total, message.read)
        self.on_view_loaded(msg.ViewLoaded(message.view, message.count, message.pages, message.exact))
        if message.view != self.session.view:  # the reader changed the view meanwhile
            self.view_changed()

    def on_library_changed(self, message: msg.LibraryChanged) -> None:
        if message.generation != self.session.generation:
            return
        self.session.progress(message.busy)
        if message.skipped is not None:
            self.session.skipped = list(message.skipped)
        self._rows_stale = self._rows_stale or message.rows_changed
        self._redraw()

    def on_library_checked(self, message: msg.LibraryChecked) -> None:
        if message.generation != self.session.generation:
            return
        if message.notice:
            self.notify(message.notice, severity="warning", markup=False, timeout=8)
        self.session.checked(list(message.skipped))
        self._refresh_rows_if_stale(force=True)
        if message.next_check:
            self._watch_timer = self.set_timer(message.next_check, self.check_again)

    def on_counts_ready(self, message: msg.CountsReady) -> None:
        if message.generation == self.session.generation:
            self.session.counted(message.outlets, message.total, message.read)
            self._redraw()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one error policy: every worker that raised ends up here. (And once the library is
        open and its first rows drawn, the check for changed files starts: the walk would compete
        with them.)"""
        if event.state is WorkerState.SUCCESS and event.worker is self._opening:
            self._opening = None
            self.call_after_refresh(self.loader.check, self.session.root, self.session.generation, True,
                                    self._opening_first)
        if event.state is not WorkerState.ERROR:
            return
        what, text = self.loader.failed(event.worker)
        if what == "memory":
            self.session.index_available = False
            self.loader.close()
            notice = (f"No index file ({text}); indexing the folder in memory for this session "
                      "(nothing is kept, search still works).")
            keep_id = self.reading.last_article if self._restore_pending else None
            self._opening = self.loader.open_library(self.session.root, self.session.generation, self.session.view,
                                                     self.session.spec, first=False, memory=True, notice=notice,
                                                     keep_id=keep_id)
            self._opening_first = False
        elif what == "stopped":
            self.notify(text or "", severity="warning", markup=False, timeout=8)
            self.session.checked(self.session.skipped)
            self._redraw()
        elif what == "notify":
            self.notify(text or "", severity="warning", markup=False, timeout=6)

    # -- the list ---------------------------------------------------------------------
    def view_changed(self) -> None:
        """What the list shows changed (sort, filters): fetch the new view; the old rows stay until it comes
        (and the list's title with them: a new title alone would redraw the whole pane, old rows and all)."""
        if self.loader.location is None:
            return
        followed = self._followed()
        self.following = followed if isinstance(followed, Article) else None
        self.loader.view(self.session.view, self.session.spec,
                         followed.id if isinstance(followed, Article) else followed)

    def _followed(self) -> Article | str | None:
        """The article the list keeps the cursor on across a change of view: the open one, else the
        one under the cursor (else, at start, last session's article id). (Following the cursor
        alone let it drift: a filter that hides the open article puts the cursor on its first row,
        and clearing the filter then kept that row.)"""
        document, open_id = self.reader.document, self.article_list.open_id
        if open_id is not None:
            return document.article if document is not None and document.article.id == open_id else open_id
        current = self.article_list.current
        return current if current else (self.reading.last_article if self._restore_pending else None)

    def _refresh_rows_if_stale(self, force: bool = False) -> None:
        if not (self._rows_stale or force) or self.loader.location is None:
            return
        self._rows_stale = False
        top = int(self.article_list.scroll_offset.y) // PAGE_ROWS
        bottom = (int(self.article_list.scroll_offset.y) + self.article_list.size.height) // PAGE_ROWS
        self.loader.view(self.session.view, self.session.spec, None, tuple(range(top, bottom + 1)),
                         known=self.article_list.row_count)
        self.loader.counts(self.session.generation)

    def on_view_loaded(self, message: msg.ViewLoaded) -> None:
        if not self.session.viewed(message.view, message.count, message.exact):
            return
        listing = self.article_list
        if listing.cache.view == message.view:
            listing.recount(message.count, message.pages)
        else:
            listing.first_column = "outlet" if self.session.spec.order is SortOrder.OUTLET else "date"
            listing.show_view(message.view, message.count, message.pages)
        self.list_pane.border_title = self.session.list_title
        self._redraw()

    def on_view_counted(self, message: msg.ViewCounted) -> None:
        if self.session.viewed(message.view, message.count, True) and self.article_list.cache.view == message.view:
            self.article_list.recount(message.count, None)
            self._redraw()

    def on_view_positioned(self, message: msg.ViewPositioned) -> None:
        """The article to keep is listed at ``position``: the cursor goes there (unless the reader moved it)."""
        listing = self.article_list
        if message.view != self.session.view or listing.cache.view != message.view:
            return
        self.following = None
        if message.position is None:
            return
        listing.install_page(message.view, message.page, message.rows)
        if listing.cursor == 0:
            listing.move_to(message.position)
        self._restore_last_article()

    @on(ArticleList.PageWanted)
    def _page_wanted(self, message: ArticleList.PageWanted) -> None:
        if message.view == self.session.view:
            self.loader.page(message.view, self.session.spec, message.page)

    def on_page_loaded(self, message: msg.PageLoaded) -> None:
        self.article_list.install_page(message.view, message.page, message.rows)

    def _restore_last_article(self) -> None:
        """Reopen the article read last time, once the list shows it."""
        wanted = self.reading.last_article
        if not self._restore_pending or wanted is None:
            return
        index = self.article_list.index_of(wanted)
        if index is None:
            return
        self._restore_pending = False
        self._pending_scroll = self.reading.last_scroll
        self.article_list.move_to(index)
        self.open_article(self.article_list.cache.row(index))

    def _use_marks(self) -> None:
        self.article_list.read_ids = self.reading.read_ids
        self.article_list.starred_ids = self.reading.starred_ids
        self.article_list.refresh()

    def _redraw(self) -> None:
        """Header and sidebar from the session."""
        session = self.session
        self.title_bar.show_status(session.status())
        self.sidebar.set_outlets(rank_outlets(dict(session.outlets)), session.total, session.spec.outlet,
                                 len(self.reading.starred_ids), session.spec.starred_only)

    # -- reading ------------------------------------------------------------------------
    @on(RowList.Chosen, "#articles")
    def _article_chosen(self, event: RowList.Chosen) -> None:
        article = self.article_list.cache.row(event.index)
        if article is not None:
            self.open_article(article)

    def open_article(self, article: Article | None) -> None:
        """Read and analyse ``article`` in a worker, then show it."""
        if article is None:
            return
        self._restore_pending = False  # the reader chose: last session's article is no longer wanted
        self._remember_position()
        if not self.reading.is_read(article.id):
            self.reading.mark_read(article.id)
            self.session.step_read(True)
            self.loader.mark(article.id, True, self.reading.is_starred(article.id))
        self.reading.remember_position(article.id, 0)
        self.loader.save_reading(self.reading)
        self.article_list.set_open(article.id)
        self.add_class("-reading")
        self.reader.focus()
        self._redraw()
        self.loader.article(self.session.root, article)

    def on_article_loaded(self, message: msg.ArticleLoaded) -> None:
        if message.document.article.id != self.article_list.open_id:
            return
        at, self.open_at = self.open_at, None
        corrections_flow.show_article(self, message.document, message.analysis, scroll=self._pending_scroll or 0,
                                      at=at)
        self._pending_scroll = None

    def on_article_failed(self, message: msg.ArticleFailed) -> None:
        self.notify(f"Cannot open {message.article.path}: {message.reason}", severity="error", markup=False, timeout=6)

    def _remember_position(self) -> None:
        if self.reader.document is not None:
            self.reading.remember_position(self.reader.document.article.id, round(self.reader.scroll_offset.y))

    def on_unmount(self) -> None:
        """Keep the reading position for next time (synchronously: the app is closing)."""
        self._remember_position()
        if self.reading.dirty:
            self.reading.save()
        self.loader.close()
