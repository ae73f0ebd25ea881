"""The main screen: composes the three panes and routes keys and messages to the parts that act.

State lives in a :class:`~newsreader.ui.session.Session` (what the list shows,
counts) and the reader's :class:`~newsreader.userdata.reading_state.ReadingState`;
rows live in the list's page cache. Everything slow goes through the
:class:`~newsreader.ui.loader.Loader` (and its :class:`~newsreader.ui.lookups.Lookups`),
whose failures come back as ``Worker.StateChanged``, the one error policy. The screen
owns the parts that act, each given the screen: :class:`~newsreader.ui.opening.LibraryOpening`
(opening a library, failed workers), :class:`~newsreader.ui.listing.Listing` (what the list
shows), :class:`~newsreader.ui.reading_flow.ReadingFlow` (opening articles, marks) and
:class:`~newsreader.ui.research_views.ResearchViews` (search, quotes, glance, export).
Textual finds key actions (``screen.<action>`` in the app's bindings) and message handlers
on the screen, so they are here, each handing over to its part in a line.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import Worker

from newsreader.catalog import SortOrder
from newsreader.ui import corrections_flow
from newsreader.ui import messages as msg
from newsreader.ui.listing import Listing
from newsreader.ui.loader import Loader
from newsreader.ui.lookups import Lookups
from newsreader.ui.opening import LibraryOpening
from newsreader.ui.reading_flow import ReadingFlow
from newsreader.ui.research_views import ResearchViews
from newsreader.ui.rows import PAGE_ROWS, Prefetch
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


class MainScreen(Screen[None]):
    """Sidebar, article list and reading pane over one library."""

    AUTO_FOCUS = "#articles"

    def __init__(self, root: Path, order: SortOrder, early: Prefetch | None = None) -> None:
        super().__init__(id="main-screen")
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
        self.opening = LibraryOpening(self, early)
        self.listing = Listing(self)
        self.reading_flow = ReadingFlow(self)
        self.research = ResearchViews(self)
        self._rows_stale = False
        self._watch_timer: Timer | None = None

    @property
    def root(self) -> Path:
        """The folder of the library shown."""
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No action runs once the app is quitting (see NewsreaderApp.action_quit)."""
        return not getattr(self.app, "quitting", False)

    def on_mount(self) -> None:
        self.sidebar.border_title = "Sources"
        self.set_interval(VIEW_REFRESH_SECONDS, self._refresh_rows_if_stale)
        # At once: the opening worker's work is mostly SQLite and files (no GIL), done while the
        # first frame is laid out, and it brings the first rows and counts in one message.
        self.open_library(self.session.root)

    def on_unmount(self) -> None:
        """Keep the reading position for next time (synchronously: the app is closing)."""
        self.reading_flow.remember_position()
        if self.reading.dirty:
            self.reading.save()
        self.loader.close()

    # -- the library and its refresh ------------------------------------------------------
    def open_library(self, root: Path) -> None:
        """Replace the current library with ``root``: list it from its index, then refresh it."""
        if self._watch_timer is not None:
            self._watch_timer.stop()
        self.opening.open(root)

    def check_again(self) -> None:
        """Look for files added, changed or removed since the last refresh."""
        self.loader.check(self.session.root, self.session.generation)

    def on_library_opened(self, message: msg.LibraryOpened) -> None:
        self.opening.opened(message)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.opening.worker_changed(event)

    def on_library_changed(self, message: msg.LibraryChanged) -> None:
        if message.generation != self.session.generation:
            return
        self.session.progress(message.busy)
        if message.skipped is not None:
            self.session.skipped = list(message.skipped)
        self._rows_stale = self._rows_stale or message.rows_changed
        self.listing.redraw()

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
            self.listing.redraw()

    def _refresh_rows_if_stale(self, force: bool = False) -> None:
        if not (self._rows_stale or force) or self.loader.location is None:
            return
        self._rows_stale = False
        top = int(self.article_list.scroll_offset.y) // PAGE_ROWS
        bottom = (int(self.article_list.scroll_offset.y) + self.article_list.size.height) // PAGE_ROWS
        self.loader.view(self.session.view, self.session.spec, None, tuple(range(top, bottom + 1)),
                         known=self.article_list.row_count)
        self.loader.counts(self.session.generation)

    # -- the list (see Listing) ---------------------------------------------------------
    def on_view_loaded(self, message: msg.ViewLoaded) -> None:
        self.listing.loaded(message)

    def on_view_counted(self, message: msg.ViewCounted) -> None:
        self.listing.counted(message)

    def on_view_positioned(self, message: msg.ViewPositioned) -> None:
        self.listing.positioned(message)

    @on(ArticleList.PageWanted)
    def _page_wanted(self, message: ArticleList.PageWanted) -> None:
        self.listing.page_wanted(message)

    def on_page_loaded(self, message: msg.PageLoaded) -> None:
        self.article_list.install_page(message.view, message.page, message.rows)

    def action_cycle_sort(self) -> None:
        """Cycle the list order: date, title, outlet."""
        self.listing.cycle_sort()

    def action_starred_only(self) -> None:
        """Show only starred articles, or all again."""
        self.listing.starred_only()

    def action_unread_only(self) -> None:
        """Show only unread articles, or all again."""
        self.listing.unread_only()

    def action_filter(self) -> None:
        """Show the filter box and put the cursor in it."""
        self.filter_box.add_class("-visible")
        self.set_focus(self.filter_box)  # at once: words typed right after f must land in the box

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self.filter_box:
            self.listing.words_changed(event.value)

    def action_back(self) -> None:
        """Step back: close the filter, leave the reading pane, leave zen mode, clear a filter."""
        self.listing.back()

    def on_sources_sidebar_starred_chosen(self) -> None:
        self.listing.starred_only()

    def on_sources_sidebar_outlet_chosen(self, message: SourcesSidebar.OutletChosen) -> None:
        self.listing.outlet_chosen(message.outlet)

    def on_sources_sidebar_focus_chosen(self, message: SourcesSidebar.FocusChosen) -> None:
        self.listing.focus_chosen(message)

    def on_cross_ready(self, message: msg.CrossReady) -> None:
        self.listing.cross_ready(message)

    def on_sources_sidebar_correction_made(self, message: SourcesSidebar.CorrectionMade) -> None:
        """A name was marked wrong or merged in the sidebar: save it, and show the article with it."""
        corrections_flow.correction_made(self, message)

    # -- reading (see ReadingFlow) ------------------------------------------------------
    @on(RowList.Chosen, "#articles")
    def _article_chosen(self, event: RowList.Chosen) -> None:
        self.reading_flow.open_article(self.article_list.cache.row(event.index))

    def on_article_loaded(self, message: msg.ArticleLoaded) -> None:
        self.reading_flow.loaded(message)

    def on_article_failed(self, message: msg.ArticleFailed) -> None:
        self.notify(f"Cannot open {message.article.path}: {message.reason}", severity="error", markup=False, timeout=6)

    def on_article_found(self, message: msg.ArticleFound) -> None:
        self.reading_flow.article_found(message)

    def action_step_article(self, step: int) -> None:
        """Open the next (``1``) or previous (``-1``) article of the list."""
        self.reading_flow.step_article(step)

    def action_toggle_read(self) -> None:
        """Mark the article read or unread."""
        self.reading_flow.toggle_read()

    def action_toggle_star(self) -> None:
        """Star or unstar the article."""
        self.reading_flow.toggle_star()

    def action_find(self) -> None:
        """Open the find bar under the reading pane."""
        if not self.reader_column.open_find():
            self.notify("Open an article first, then find in it.", markup=False)

    def action_find_step(self, step: int) -> None:
        """Jump to the next (``1``) or previous (``-1``) find match."""
        self.reader_column.find_step(step)

    # -- the whole library (see ResearchViews) -------------------------------------------
    def action_search(self) -> None:
        """Search the whole library (in memory too, when the cache folder failed)."""
        self.research.search()

    def action_quotes_by(self, kind: str, name: str) -> None:
        """Every quote by speaker ``name`` or passage citing source ``name`` across the library."""
        self.research.quotes_by(kind, name)

    def action_glance(self) -> None:
        """The library at a glance: people, sources, outlets, months."""
        self.research.glance()

    def action_export_view(self) -> None:
        """Export the articles the list shows to a CSV file; a notification says where."""
        self.research.export_view()

    def on_exported(self, message: msg.Exported) -> None:
        self.research.exported(message)

    # -- layout and other screens ---------------------------------------------------------
    def action_toggle_sidebar(self) -> None:
        """Show or hide the sources sidebar (it folds away on narrow terminals)."""
        self.toggle_class("-sidebar-toggled")

    def action_zen(self) -> None:
        """Give the reading pane the whole screen."""
        self.toggle_class("-zen")
        if self.has_class("-zen"):
            self.reader.focus()

    def action_show_skipped(self) -> None:
        """List the files the scan skipped, with reasons."""
        from newsreader.ui.screens.skipped import SkippedScreen

        self.app.push_screen(SkippedScreen(list(self.session.skipped)))

    def action_open_folder(self) -> None:
        """Ask for another library folder and open it."""
        from newsreader.ui.screens.open_folder import OpenFolderScreen
        from newsreader.userdata.recent import load_recent

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.open_library(path)
        self.app.push_screen(OpenFolderScreen(load_recent().paths, self.session.root.parent), chosen)
