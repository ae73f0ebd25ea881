"""Reading on the main screen: opening an article, stepping to the next one, its read and star
marks, and where the reader was in it.

:class:`ReadingFlow` marks an opened article read, asks the loader to read and analyse it,
and shows it when it comes (with the library's corrections, see
:mod:`newsreader.ui.corrections_flow`); it reopens last session's article once the list
shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsreader.library.model import Article
from newsreader.ui import corrections_flow
from newsreader.ui import messages as msg

if TYPE_CHECKING:
    from newsreader.ui.screens.main import MainScreen


class ReadingFlow:
    """Opens articles in one main screen's reading pane and keeps their marks."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        #: Last session's article is still to be reopened (until the reader chooses one).
        self.restore_pending = False
        #: A body offset the next article opened is shown from (a quote chosen in the quotes view).
        self.open_at: int | None = None
        self._pending_scroll: int | None = None

    # -- opening ------------------------------------------------------------------------
    def open_article(self, article: Article | None) -> None:
        """Read and analyse ``article`` in a worker, then show it."""
        if article is None:
            return
        screen = self.screen
        reading = screen.reading
        self.restore_pending = False  # the reader chose: last session's article is no longer wanted
        self.remember_position()
        if not reading.is_read(article.id):
            reading.mark_read(article.id)
            screen.session.step_read(True)
            screen.loader.mark(article.id, True, reading.is_starred(article.id))
        reading.remember_position(article.id, 0)
        screen.loader.save_reading(reading)
        screen.article_list.set_open(article.id)
        screen.add_class("-reading")
        screen.reader.focus()
        screen.listing.redraw()
        screen.loader.article(screen.session.root, article)

    def loaded(self, message: msg.ArticleLoaded) -> None:
        """The article is read and analysed: show it (if it is still the one wanted)."""
        screen = self.screen
        if message.document.article.id != screen.article_list.open_id:
            return
        at, self.open_at = self.open_at, None
        corrections_flow.show_article(screen, message.document, message.analysis, scroll=self._pending_scroll or 0,
                                      at=at)
        self._pending_scroll = None

    def remember_position(self) -> None:
        """Keep how far the open article is scrolled in the reading state."""
        screen = self.screen
        if screen.reader.document is not None:
            screen.reading.remember_position(screen.reader.document.article.id, round(screen.reader.scroll_offset.y))

    def restore_last_article(self) -> None:
        """Reopen the article read last time, once the list shows it."""
        screen = self.screen
        wanted = screen.reading.last_article
        if not self.restore_pending or wanted is None:
            return
        index = screen.article_list.index_of(wanted)
        if index is None:
            return
        self.restore_pending = False
        self._pending_scroll = screen.reading.last_scroll
        screen.article_list.move_to(index)
        self.open_article(screen.article_list.cache.row(index))

    def step_article(self, step: int) -> None:
        """Open the next (``1``) or previous (``-1``) article of the list."""
        screen = self.screen
        listing = screen.article_list
        index = listing.index_of(listing.open_id) if listing.open_id else None
        if index is None and listing.open_id is not None:
            # Its row is not loaded (a view still arriving, or a page not drawn yet): the index knows.
            screen.lookups.neighbour(screen.session.spec, listing.open_id, step, listing.cursor)
            return
        target = listing.cursor if index is None else index + step
        article = listing.cache.row(target) if 0 <= target < listing.row_count else None
        if article is None:
            screen.app.bell()
            return
        listing.move_to(target)
        self.open_article(article)

    def article_found(self, message: msg.ArticleFound) -> None:
        """A search result was chosen: open it where the list shows it."""
        screen = self.screen
        if message.article is None:
            screen.notify("That article is no longer in the library.", severity="warning", markup=False)
            return
        if message.position is not None:
            listing = screen.article_list
            if listing.cache.row(message.position) is None:
                screen.loader.view(screen.session.view, screen.session.spec, message.article_id)
            listing.move_to(message.position)
            self.open_article(message.article)
            return
        # Not in the filtered list: n and p would step through a list the article is not in, so
        # the list shows every article again and follows the one opened.
        self.open_article(message.article)
        if screen.session.show_all():
            screen.filter_box.value = ""
            screen.filter_box.remove_class("-visible")
            screen.sidebar.active_focus = None
            screen.listing.redraw()
            screen.listing.view_changed()
            screen.notify("Showing all articles: that result was not in the filtered list.", markup=False)

    # -- marks --------------------------------------------------------------------------
    def _target_article(self) -> Article | None:
        """The article a read/star key acts on: while a changed view is being positioned, the
        article it is being positioned on (the cursor sits on another row for that moment); with
        the list focused, the row under its cursor, the one the reader sees marked; else, while
        reading, the open article."""
        screen = self.screen
        if screen.listing.following is not None:
            return screen.listing.following
        if screen.focused is not screen.article_list and screen.has_class("-reading") \
                and screen.reader.document is not None:
            return screen.reader.document.article
        return screen.article_list.current

    def _marked(self, article: Article) -> None:
        screen = self.screen
        screen.article_list.refresh_article(article.id)
        screen.loader.mark(article.id, screen.reading.is_read(article.id), screen.reading.is_starred(article.id))
        screen.loader.save_reading(screen.reading)
        screen.listing.redraw()

    def toggle_read(self) -> None:
        """Mark the article read or unread."""
        article = self._target_article()
        if article is not None:
            screen = self.screen
            screen.session.step_read(screen.reading.toggle_read(article.id))
            self._marked(article)
            if screen.session.spec.unread_only:
                screen.listing.view_changed()

    def toggle_star(self) -> None:
        """Star or unstar the article."""
        article = self._target_article()
        if article is not None:
            screen = self.screen
            screen.reading.toggle_star(article.id)
            self._marked(article)
            if screen.session.spec.starred_only:
                screen.listing.view_changed()
