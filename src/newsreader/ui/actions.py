"""Key actions of the reader: find, sort, highlights, marks, sidebar, search, screens.

A mixin of :class:`~newsreader.ui.app.NewsreaderApp`: the app module keeps
layout and article loading, this one what the keys do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from textual import work
from textual.screen import Screen

from newsreader.config import Config, save_settings
from newsreader.library.model import Article
from newsreader.state import load_recent
from newsreader.ui.library_session import LibrarySession
from newsreader.ui.messages import CrossReady
from newsreader.ui.theme_styles import theme_styles
from newsreader.ui.widgets.find_bar import FindBar
from newsreader.ui.widgets.reading_pane import ReadingPane
from newsreader.ui.widgets.row_list import RowList
from newsreader.ui.widgets.sidebar import SourcesSidebar


class ReaderActions(LibrarySession):
    """What the reader's keys do (bindings live on the app and its panes)."""

    reader: ReadingPane
    config: Config

    def open_article(self, article: Article) -> None:
        """Read and show ``article`` (the app does this; declared here for the actions that call it)."""
        raise NotImplementedError

    # -- find in article ----------------------------------------------------------
    def action_find(self) -> None:
        """Open the find bar under the reading pane."""
        if self.reader.document is None:
            self.notify("Open an article first, then find in it.", markup=False)
            return
        self.query_one(FindBar).open()

    def action_find_step(self, step: int) -> None:
        """Jump to the next (``1``) or previous (``-1``) find match."""
        self.reader.find_step(step)

    def on_find_bar_query_changed(self, message: FindBar.QueryChanged) -> None:
        self.reader.set_find(message.query)

    def on_find_bar_step(self, message: FindBar.Step) -> None:
        self.reader.find_step(message.step)

    def on_find_bar_closed(self) -> None:
        self.reader.set_find("")
        self.reader.focus()

    def on_reading_pane_find_changed(self, message: ReadingPane.FindChanged) -> None:
        self.query_one(FindBar).show_count(message.current, message.total)

    # -- other actions ------------------------------------------------------------
    def action_cycle_sort(self) -> None:
        """Cycle the list order: date, title, outlet."""
        self.sort_order = self.sort_order.next()
        self.view_changed()

    def action_toggle_entities(self) -> None:
        """Switch entity highlighting on or off (remembered)."""
        self.reader.set_highlights(entities=not self.reader.show_entities)
        self.config = replace(self.config, highlight_entities=self.reader.show_entities)
        self.save_settings_later(lambda config=self.config: save_settings(config))

    def action_toggle_quotes(self) -> None:
        """Switch quotation highlighting on or off (remembered)."""
        self.reader.set_highlights(quotes=not self.reader.show_quotes)
        self.config = replace(self.config, highlight_quotes=self.reader.show_quotes)
        self.save_settings_later(lambda config=self.config: save_settings(config))

    def _target_article(self) -> Article | None:
        """The article a read/star key acts on: the one being read, else the one under the cursor."""
        if self.focused is self.reader and self.reader.document is not None:
            return self.reader.document.article
        return self.article_list.current

    def action_toggle_read(self) -> None:
        """Mark the article read or unread."""
        article = self._target_article()
        if article is not None:
            self.reading.toggle_read(article.id)
            self.article_list.refresh_article(article.id)
            self.save_reading(self.reading)
            self.update_status()

    def action_toggle_star(self) -> None:
        """Star or unstar the article."""
        article = self._target_article()
        if article is not None:
            self.reading.toggle_star(article.id)
            self.article_list.refresh_article(article.id)
            self.save_reading(self.reading)
            self.refresh_outlets()
            if self.starred_only:
                self.view_changed()

    def action_starred_only(self) -> None:
        """Show only starred articles, or all again."""
        self.starred_only = not self.starred_only
        self.refresh_outlets()
        self.view_changed()

    def on_sources_sidebar_starred_chosen(self) -> None:
        self.action_starred_only()

    def action_toggle_sidebar(self) -> None:
        """Show or hide the sources sidebar (it folds away on narrow terminals)."""
        self.screen.toggle_class("-sidebar-toggled")

    def action_zen(self) -> None:
        """Give the reading pane the whole screen."""
        self.screen.toggle_class("-zen")
        if self.screen.has_class("-zen"):
            self.reader.focus()

    def action_help(self) -> None:
        """Show every key binding."""
        from newsreader.ui.screens.help import HelpScreen

        sections = [("Everywhere", [*self.BINDINGS, *Screen.BINDINGS]), ("Lists", RowList.BINDINGS),
                    ("Reading pane", ReadingPane.BINDINGS), ("Find bar", FindBar.BINDINGS)]
        styles = theme_styles(self)
        self.push_screen(HelpScreen(sections, styles))

    def action_show_skipped(self) -> None:
        """List the files the scan skipped, with reasons."""
        from newsreader.ui.screens.skipped import SkippedScreen

        self.push_screen(SkippedScreen(list(self.skipped)))

    def action_open_folder(self) -> None:
        """Ask for another library folder and open it."""
        from newsreader.ui.screens.open_folder import OpenFolderScreen

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.open_library(path)
        self.push_screen(OpenFolderScreen(load_recent().paths, self.root.parent), chosen)


    # -- sidebar and search ----------------------------------------------------------
    def on_sources_sidebar_outlet_chosen(self, message: SourcesSidebar.OutletChosen) -> None:
        self.outlet_filter = message.outlet
        self.refresh_outlets()
        self.view_changed()

    def on_sources_sidebar_focus_chosen(self, message: SourcesSidebar.FocusChosen) -> None:
        """Highlight the choice in the article and list every article that has it too."""
        focus = message.focus
        self.reader.set_focus_on(focus if focus.key else None)
        if not focus.key:
            self.cross = None
            self.view_changed()
        elif self.index_available:
            self._find_cross(focus.kind, focus.key, self.generation)

    @work(thread=True, exclusive=True, group="cross", description="find cross")
    def _find_cross(self, kind: str, key: str, generation: int) -> None:
        from newsreader.index import IndexUnavailable, LibraryIndex

        try:
            with LibraryIndex.open(self.root) as index:
                counts = index.articles_with(kind, key)
        except IndexUnavailable:
            return
        verb = {"entity": "naming", "speaker": "quoting", "source": "citing"}[kind]
        self.post_message(CrossReady(generation, f"{verb} {key}", counts))

    def on_cross_ready(self, message: CrossReady) -> None:
        if message.generation != self.generation:
            return
        mentions = sum(count for _, count in message.counts)
        self.cross = (f"{len(message.counts)} {message.label} ({mentions}×)",
                      frozenset(article_id for article_id, _ in message.counts))
        self.view_changed()

    def action_search(self) -> None:
        """Search the whole library (or filter the list when there is no index)."""
        if not self.index_available:
            self.action_filter()
            return
        from newsreader.ui.screens.search import SearchScreen

        def chosen(article_id: str | None) -> None:
            if article_id is not None:
                self.open_article_id(article_id)
        self.push_screen(SearchScreen(self.root, self.by_id), chosen)

    def open_article_id(self, article_id: str) -> None:
        """Open an article by id, moving the list cursor to it when it is listed."""
        article = self.by_id.get(article_id)
        if article is None:
            self.notify("That article is no longer in the library.", severity="warning", markup=False)
            return
        index = self.article_list.index_of(article_id)
        if index is not None:
            self.article_list.move_to(index)
        self.open_article(article)

    @work(thread=True, group="settings", description="save settings later")
    def save_settings_later(self, save: Callable[[], bool]) -> None:
        """Write settings in the background; say so if it fails."""
        if not save():
            self.call_from_thread(self.notify, "Could not save settings (see the config file).",
                                  severity="warning", markup=False)
