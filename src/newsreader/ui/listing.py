"""What the main screen's article list shows: the keys and choices that change its view, and
the loader's answers that fill it.

:class:`Listing` changes the screen's :class:`~newsreader.ui.session.Session` (sort, starred,
unread, outlet, a sidebar choice, the filter's words), asks the loader for the new view, and
keeps the list's cursor on the article being read across the change. The old rows stay until
the new ones come.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsreader.catalog import SortOrder, rank_outlets
from newsreader.library.model import Article
from newsreader.ui import messages as msg
from newsreader.ui.widgets.article_list import ArticleList
from newsreader.ui.widgets.sidebar import SourcesSidebar

if TYPE_CHECKING:
    from newsreader.ui.screens.main import MainScreen


class Listing:
    """Keeps one main screen's article list on its session's view."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        #: The article a changed view is being positioned on (the list lands on it when its row is found).
        self.following: Article | None = None

    # -- changing the view ----------------------------------------------------------------
    def cycle_sort(self) -> None:
        """Cycle the list order: date, title, outlet."""
        self.screen.session.cycle_sort()
        self.view_changed()

    def starred_only(self) -> None:
        """Show only starred articles, or all again."""
        self.screen.session.toggle_starred()
        self.redraw()
        self.view_changed()

    def unread_only(self) -> None:
        """Show only unread articles, or all again."""
        self.screen.session.toggle_unread()
        self.view_changed()

    def outlet_chosen(self, outlet: str | None) -> None:
        """Show only ``outlet``'s articles (None: every outlet's)."""
        self.screen.session.choose_outlet(outlet)
        self.redraw()
        self.view_changed()

    def focus_chosen(self, message: SourcesSidebar.FocusChosen) -> None:
        """Highlight the choice in the article and list every article that has it too; a speaker
        or a cited source also lists their every quote or passage across the library."""
        screen, focus = self.screen, message.focus
        if focus.key and focus.kind in ("speaker", "source"):
            screen.research.quotes_by(focus.kind, focus.key)
        screen.reader.set_focus_on(focus if focus.key else None)
        if not focus.key:
            screen.session.clear_cross()
        else:
            screen.session.set_cross(focus.kind, focus.key)
            screen.lookups.cross(screen.session.generation, focus.kind, focus.key)
        self.view_changed()

    def cross_ready(self, message: msg.CrossReady) -> None:
        """How many articles the sidebar's choice is in: the list's title says it."""
        session = self.screen.session
        if message.generation == session.generation and session.counted_cross(
                message.kind, message.key, message.articles, message.mentions):
            self.screen.list_pane.border_title = session.list_title

    def words_changed(self, words: str) -> None:
        """The filter box's words changed: list the articles that have them."""
        if self.screen.session.set_words(words):
            self.view_changed()

    def back(self) -> None:
        """Step back: close the filter, leave the reading pane, leave zen mode, clear a filter."""
        screen = self.screen
        session, box, listing = screen.session, screen.filter_box, screen.article_list
        if box.has_focus or (session.spec.words and screen.focused is listing):
            box.value = ""
            box.remove_class("-visible")
            listing.focus()
            # At once, not on the box's Changed message: a key pressed right after Esc must meet
            # the list already following its article again.
            if session.set_words(""):
                self.view_changed()
        elif screen.has_class("-zen"):
            screen.remove_class("-zen")
        elif session.cross is not None and screen.focused is not screen.reader:
            session.clear_cross()
            screen.sidebar.active_focus = None
            screen.sidebar.refresh()
            screen.reader.set_focus_on(None)
            self.view_changed()
        elif screen.focused is screen.reader or screen.focused is screen.sidebar:
            screen.remove_class("-reading")
            listing.focus()
        elif session.spec.outlet is not None:
            self.outlet_chosen(None)
        elif session.spec.starred_only:
            self.starred_only()
        elif session.spec.unread_only:
            self.unread_only()

    # -- the loader's answers -----------------------------------------------------------
    def view_changed(self) -> None:
        """What the list shows changed (sort, filters): fetch the new view; the old rows stay until it comes
        (and the list's title with them: a new title alone would redraw the whole pane, old rows and all)."""
        screen = self.screen
        if screen.loader.location is None:
            return
        followed = self._followed()
        self.following = followed if isinstance(followed, Article) else None
        screen.loader.view(screen.session.view, screen.session.spec,
                           followed.id if isinstance(followed, Article) else followed)

    def _followed(self) -> Article | str | None:
        """The article the list keeps the cursor on across a change of view: the open one, else the
        one under the cursor (else, at start, last session's article id). (Following the cursor
        alone let it drift: a filter that hides the open article puts the cursor on its first row,
        and clearing the filter then kept that row.)"""
        screen = self.screen
        document, open_id = screen.reader.document, screen.article_list.open_id
        if open_id is not None:
            return document.article if document is not None and document.article.id == open_id else open_id
        current = screen.article_list.current
        return current if current else (screen.reading.last_article if screen.reading_flow.restore_pending else None)

    def loaded(self, message: msg.ViewLoaded) -> None:
        """A view's first rows came: show them (or, for the view shown, its new count)."""
        screen = self.screen
        if not screen.session.viewed(message.view, message.count, message.exact):
            return
        listing = screen.article_list
        if listing.cache.view == message.view:
            listing.recount(message.count, message.pages)
        else:
            listing.first_column = "outlet" if screen.session.spec.order is SortOrder.OUTLET else "date"
            listing.show_view(message.view, message.count, message.pages)
        screen.list_pane.border_title = screen.session.list_title
        self.redraw()

    def counted(self, message: msg.ViewCounted) -> None:
        """A view's exact count came."""
        screen = self.screen
        if screen.session.viewed(message.view, message.count, True) and screen.article_list.cache.view == message.view:
            screen.article_list.recount(message.count, None)
            self.redraw()

    def positioned(self, message: msg.ViewPositioned) -> None:
        """The article to keep is listed at ``position``: the cursor goes there (unless the reader moved it)."""
        screen = self.screen
        listing = screen.article_list
        if message.view != screen.session.view or listing.cache.view != message.view:
            return
        self.following = None
        if message.position is None:
            return
        listing.install_page(message.view, message.page, message.rows)
        if listing.cursor == 0:
            listing.move_to(message.position)
        screen.reading_flow.restore_last_article()

    def page_wanted(self, message: ArticleList.PageWanted) -> None:
        """The list scrolled to rows it does not have: fetch their page."""
        screen = self.screen
        if message.view == screen.session.view:
            screen.loader.page(message.view, screen.session.spec, message.page)

    def use_marks(self) -> None:
        """Show the reading state's read and starred marks in the list."""
        screen = self.screen
        screen.article_list.read_ids = screen.reading.read_ids
        screen.article_list.starred_ids = screen.reading.starred_ids
        screen.article_list.refresh()

    def redraw(self) -> None:
        """Header and sidebar from the session."""
        screen = self.screen
        session = screen.session
        screen.title_bar.show_status(session.status())
        screen.sidebar.set_outlets(rank_outlets(dict(session.outlets)), session.total, session.spec.outlet,
                                   len(screen.reading.starred_ids), session.spec.starred_only)
