"""What the main screen's keys do: sort, filters, marks, find, sidebar, search, other screens.

The actions of :class:`~newsreader.ui.screens.main.MainScreen`, kept in their own
module so the screen's module stays about panes and loading. The app's bindings
name them as ``screen.<action>``. Everything they use is declared below; they
change the session and ask the screen to fetch, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Input

from newsreader.library.model import Article
from newsreader.ui import corrections_flow
from newsreader.ui.messages import ArticleFound, CrossReady, Exported
from newsreader.ui.widgets.filter_box import FilterBox
from newsreader.ui.widgets.sidebar import SourcesSidebar

if TYPE_CHECKING:
    from textual.screen import Screen

    from newsreader.ui.loader import Loader
    from newsreader.ui.lookups import Lookups
    from newsreader.ui.session import Session
    from newsreader.ui.widgets.article_list import ArticleList
    from newsreader.ui.widgets.reader_column import ReaderColumn
    from newsreader.ui.widgets.reading_pane import ReadingPane
    from newsreader.userdata.reading_state import ReadingState

    _Base = Screen[None]
else:
    _Base = object


class MainKeys(_Base):
    """Key actions of the main screen (mixed into it; see the module docstring)."""

    session: Session
    reading: ReadingState
    loader: Loader
    lookups: Lookups
    article_list: ArticleList
    reader: ReadingPane
    reader_column: ReaderColumn
    following: Article | None
    open_at: int | None
    sidebar: SourcesSidebar
    filter_box: FilterBox
    view_changed: Callable[[], None]
    open_article: Callable[[Article | None], None]
    open_library: Callable[[Path], None]
    _redraw: Callable[[], None]

    # -- the list's view ----------------------------------------------------------------
    def action_cycle_sort(self) -> None:
        """Cycle the list order: date, title, outlet."""
        self.session.cycle_sort()
        self.view_changed()

    def action_starred_only(self) -> None:
        """Show only starred articles, or all again."""
        self.session.toggle_starred()
        self._redraw()
        self.view_changed()

    def action_unread_only(self) -> None:
        """Show only unread articles, or all again."""
        self.session.toggle_unread()
        self.view_changed()

    def on_sources_sidebar_starred_chosen(self) -> None:
        self.action_starred_only()

    def on_sources_sidebar_outlet_chosen(self, message: SourcesSidebar.OutletChosen) -> None:
        self.session.choose_outlet(message.outlet)
        self._redraw()
        self.view_changed()

    def on_sources_sidebar_focus_chosen(self, message: SourcesSidebar.FocusChosen) -> None:
        """Highlight the choice in the article and list every article that has it too; a speaker
        or a cited source also lists their every quote or passage across the library."""
        focus = message.focus
        if focus.key and focus.kind in ("speaker", "source"):
            self.action_quotes_by(focus.kind, focus.key)
        self.reader.set_focus_on(focus if focus.key else None)
        if not focus.key:
            self.session.clear_cross()
        else:
            self.session.set_cross(focus.kind, focus.key)
            self.lookups.cross(self.session.generation, focus.kind, focus.key)
        self.view_changed()

    def on_cross_ready(self, message: CrossReady) -> None:
        if message.generation == self.session.generation and self.session.counted_cross(
                message.kind, message.key, message.articles, message.mentions):
            self.query_one("#list-pane").border_title = self.session.list_title

    # -- the quick filter -------------------------------------------------------------
    def action_filter(self) -> None:
        """Show the filter box and put the cursor in it."""
        self.filter_box.add_class("-visible")
        self.filter_box.focus()

    # (A named handler, not @on: a mixin's decorated handlers are not collected by Textual.)
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self.filter_box and self.session.set_words(event.value):
            self.view_changed()


    def action_back(self) -> None:
        """Step back: close the filter, leave the reading pane, leave zen mode, clear a filter."""
        box = self.filter_box
        if box.has_focus or (self.session.spec.words and self.focused is self.article_list):
            box.value = ""
            box.remove_class("-visible")
            self.article_list.focus()
            # At once, not on the box's Changed message: a key pressed right after Esc must meet
            # the list already following its article again.
            if self.session.set_words(""):
                self.view_changed()
        elif self.has_class("-zen"):
            self.remove_class("-zen")
        elif self.session.cross is not None and self.focused is not self.reader:
            self.session.clear_cross()
            self.sidebar.active_focus = None
            self.sidebar.refresh()
            self.reader.set_focus_on(None)
            self.view_changed()
        elif self.focused is self.reader or self.focused is self.sidebar:
            self.remove_class("-reading")
            self.article_list.focus()
        elif self.session.spec.outlet is not None:
            self.on_sources_sidebar_outlet_chosen(SourcesSidebar.OutletChosen(None))
        elif self.session.spec.starred_only:
            self.action_starred_only()
        elif self.session.spec.unread_only:
            self.action_unread_only()

    # -- marks --------------------------------------------------------------------------
    def _target_article(self) -> Article | None:
        """The article a read/star key acts on: while reading (the reading pane shown), the open
        one, wherever the focus is; else the one under the list's cursor. (The cursor alone could
        sit on another row for a moment while a changed view is positioned: the article it is
        being positioned on is the one.)"""
        if self.has_class("-reading") and self.reader.document is not None:
            return self.reader.document.article
        return self.following or self.article_list.current

    def _marked(self, article: Article) -> None:
        self.article_list.refresh_article(article.id)
        self.loader.mark(article.id, self.reading.is_read(article.id), self.reading.is_starred(article.id))
        self.loader.save_reading(self.reading)
        self._redraw()

    def action_toggle_read(self) -> None:
        """Mark the article read or unread."""
        article = self._target_article()
        if article is not None:
            self.session.step_read(self.reading.toggle_read(article.id))
            self._marked(article)
            if self.session.spec.unread_only:
                self.view_changed()

    def action_toggle_star(self) -> None:
        """Star or unstar the article."""
        article = self._target_article()
        if article is not None:
            self.reading.toggle_star(article.id)
            self._marked(article)
            if self.session.spec.starred_only:
                self.view_changed()

    # -- articles -----------------------------------------------------------------------
    def action_step_article(self, step: int) -> None:
        """Open the next (``1``) or previous (``-1``) article of the list."""
        listing = self.article_list
        index = listing.index_of(listing.open_id) if listing.open_id else None
        if index is None and listing.open_id is not None:
            # Its row is not loaded (a view still arriving, or a page not drawn yet): the index knows.
            self.lookups.neighbour(self.session.spec, listing.open_id, step, listing.cursor)
            return
        target = listing.cursor if index is None else index + step
        article = listing.cache.row(target) if 0 <= target < listing.row_count else None
        if article is None:
            self.app.bell()
            return
        listing.move_to(target)
        self.open_article(article)

    def action_search(self) -> None:
        """Search the whole library (in memory too, when the cache folder failed)."""
        from newsreader.ui.screens.search import SearchScreen

        if self.loader.location is None:
            self.action_filter()
            return

        def chosen(result: str | tuple[str, str] | None) -> None:
            if isinstance(result, tuple):  # quoted:NAME or cites:NAME alone: every quote or passage
                self.action_quotes_by(*result)
            elif result is not None:
                self.lookups.find(result, self.session.spec)
        self.app.push_screen(SearchScreen(self.loader.location), chosen)

    def action_export_view(self) -> None:
        """Export the articles the list shows, in its order, to a CSV file in the user's
        downloads folder; a notification says where."""
        from newsreader.userdata.exports import export_path

        if self.loader.location is None:
            return
        path = export_path(self.session.root, "list")
        self.notify(f"Exporting {self.session.shown:,} articles…", markup=False)
        self.lookups.export_view(self.session.spec, path)

    def on_exported(self, message: Exported) -> None:
        self.notify(f"Exported {message.rows:,} articles to {message.path}", markup=False, timeout=10)

    # -- research views -------------------------------------------------------------------
    def action_quotes_by(self, kind: str, name: str) -> None:
        """List every quote by speaker ``name`` (``kind`` "speaker") or every passage citing
        source ``name`` ("source") across the library; the one chosen opens at that place."""
        from newsreader.ui.screens.quotes import QuotesScreen

        if self.loader.location is None:
            return

        def chosen(result: tuple[str, int] | None) -> None:
            if result is not None:
                self.open_at = result[1]
                self.lookups.find(result[0], self.session.spec)
        self.app.push_screen(QuotesScreen(self.loader.location, kind, [name], name,
                                          corrections_flow.corrections_of(self)), chosen)

    def action_glance(self) -> None:
        """The library at a glance: most-quoted people, most-cited sources, outlets, articles per
        month; an item chosen opens its quotes, passages or outlet list."""
        from newsreader.ui.screens.glance import GlanceScreen

        if self.loader.location is None:
            return

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None and choice[0] == "outlet":
                self.on_sources_sidebar_outlet_chosen(SourcesSidebar.OutletChosen(choice[1]))
            elif choice is not None:
                self.action_quotes_by(*choice)
        self.app.push_screen(GlanceScreen(self.loader.location, corrections_flow.corrections_of(self)), chosen)

    def on_sources_sidebar_correction_made(self, message: SourcesSidebar.CorrectionMade) -> None:
        """A name was marked wrong or merged in the sidebar: save it, and show the article with it."""
        corrections_flow.correction_made(self, message)

    def on_article_found(self, message: ArticleFound) -> None:
        """A search result was chosen: open it where the list shows it."""
        if message.article is None:
            self.notify("That article is no longer in the library.", severity="warning", markup=False)
            return
        if message.position is not None:
            listing = self.article_list
            if listing.cache.row(message.position) is None:
                self.loader.view(self.session.view, self.session.spec, message.article_id)
            listing.move_to(message.position)
            self.open_article(message.article)
            return
        # Not in the filtered list: n and p would step through a list the article is not in, so
        # the list shows every article again and follows the one opened.
        self.open_article(message.article)
        if self.session.show_all():
            self.filter_box.value = ""
            self.filter_box.remove_class("-visible")
            self.sidebar.active_focus = None
            self._redraw()
            self.view_changed()
            self.notify("Showing all articles: that result was not in the filtered list.", markup=False)

    # -- find in article ----------------------------------------------------------------
    def action_find(self) -> None:
        """Open the find bar under the reading pane."""
        if not self.reader_column.open_find():
            self.notify("Open an article first, then find in it.", markup=False)

    def action_find_step(self, step: int) -> None:
        """Jump to the next (``1``) or previous (``-1``) find match."""
        self.reader_column.find_step(step)

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
