"""The newsreader application: three panes over one library folder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input

from newsreader import catalog
from newsreader.library.errors import LibraryError
from newsreader.library.model import Article
from newsreader.ui.actions import ReaderActions
from newsreader.ui.library_session import VIEW_REFRESH_SECONDS
from newsreader.ui.messages import ArticleFailed, ArticleLoaded
from newsreader.ui.widgets.article_list import ArticleList
from newsreader.ui.widgets.find_bar import FindBar
from newsreader.ui.widgets.reading_pane import ReadingPane
from newsreader.ui.widgets.row_list import RowList
from newsreader.ui.widgets.sidebar import SourcesSidebar
from newsreader.ui.widgets.title_bar import TitleBar
from newsreader.userdata.settings import load_config, set_theme

NARROW_WIDTH = 110
TINY_WIDTH = 70


class NewsreaderApp(ReaderActions):
    """Read a folder of news articles: outlets and sources, article list, reading pane."""

    CSS_PATH = Path(__file__).parent / "newsreader.tcss"
    AUTO_FOCUS = "#articles"
    TITLE = "newsreader"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("slash", "search", "Search", id="search"),
        Binding("f", "filter", "Filter list", show=False, id="filter"),
        Binding("o", "open_folder", "Open folder", id="open_folder"),
        Binding("s", "cycle_sort", "Sort", id="cycle_sort"),
        Binding("e", "toggle_entities", "Entities", id="toggle_entities"),
        Binding("u", "toggle_quotes", "Quotes", id="toggle_quotes"),
        Binding("r", "toggle_read", "Read/unread", show=False, id="toggle_read"),
        Binding("asterisk", "toggle_star", "Star", show=False, id="toggle_star"),
        Binding("S", "starred_only", "Starred only", show=False, id="starred_only"),
        Binding("x", "show_skipped", "Skipped files", show=False, id="show_skipped"),
        Binding("b", "toggle_sidebar", "Sidebar", show=False, id="toggle_sidebar"),
        Binding("z", "zen", "Zen", show=False, id="zen"),
        Binding("ctrl+f", "find", "Find in article", id="find"),
        Binding("f3", "find_step(1)", "Next match", show=False, id="find_next"),
        Binding("shift+f3", "find_step(-1)", "Previous match", show=False, id="find_previous"),
        Binding("escape", "back", "Back", show=False, id="back"),
    ]

    def __init__(self, root: Path) -> None:
        super().__init__()
        # The three panes, kept as attributes: the app talks to them all the time.
        self.sidebar = SourcesSidebar(id="sidebar")
        self.article_list = ArticleList(id="articles")
        self.reader = ReadingPane(id="reader")
        # Kept too, so that messages arriving while the app closes never need a query.
        self.title_bar = TitleBar(id="title-bar")
        self.list_pane = Vertical(id="list-pane")
        self.config = load_config()
        self.sort_order = catalog.SortOrder(self.config.default_sort)
        self.init_session(root)
        self._restore_pending = False
        self._pending_scroll: int | None = None

    # -- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield self.title_bar
        with Horizontal(id="main"):
            yield self.sidebar
            with self.list_pane:
                yield Input(placeholder="Filter: words in title, author, outlet or body", id="filter")
                yield self.article_list
            with Vertical(id="reader-column"):
                yield self.reader
                yield FindBar(id="find-bar")
        yield Footer()

    def on_mount(self) -> None:
        self._apply_config()
        self.query_one("#sidebar").border_title = "Sources"
        self.reader.border_title = "Article"
        self.update_list_title()
        self.set_interval(VIEW_REFRESH_SECONDS, self.refresh_view_if_dirty)
        # Paint first, then load: the loading thread would otherwise compete
        # with the first frame for the interpreter.
        self.call_after_refresh(self.open_library, self.root)

    def _apply_config(self) -> None:
        config = self.config
        if config.problem:
            self.notify(config.problem, severity="warning", markup=False, timeout=8)
        if config.theme in self.available_themes:
            self.theme = config.theme
        else:
            text = f"Unknown theme {config.theme!r} in the config file; using the default."
            self.notify(text, severity="warning", markup=False)
        self.reader.show_entities = config.highlight_entities
        self.reader.show_quotes = config.highlight_quotes
        known = {binding.id for binding in self.BINDINGS if isinstance(binding, Binding) and binding.id}
        unknown = sorted(set(config.keys) - known)
        if unknown:
            text = f"Unknown actions in [keys] of the config file: {', '.join(unknown)}"
            self.notify(text, severity="warning", markup=False)
        self.set_keymap({name: keys for name, keys in config.keys.items() if name in known})

    def watch_theme(self, theme: str) -> None:
        """Remember a theme chosen from the command palette."""
        if self.is_mounted and theme != self.config.theme:
            self.config = replace(self.config, theme=theme)
            self.save_settings_later(lambda: set_theme(theme))

    def on_resize(self) -> None:
        width = self.size.width
        self.screen.set_class(width < NARROW_WIDTH, "-narrow")
        self.screen.set_class(width < TINY_WIDTH, "-tiny")

    # -- hooks of the library session ---------------------------------------------
    def leave_library(self) -> None:
        self._remember_position()
        self.save_reading(self.reading)

    def library_opened(self) -> None:
        self._restore_pending = True
        self.query_one("#filter", Input).value = ""
        self.article_list.set_articles([])
        self.reader.show(None)
        self.sidebar.set_article(None)

    def state_ready(self) -> None:
        """Reopen the article the reader had open last time, once it is listed."""
        wanted = self.reading.last_article
        if not self._restore_pending or wanted is None:
            return
        index = self.article_list.index_of(wanted)
        if index is None:
            if not self.scanning:
                self._restore_pending = False
            return
        self._restore_pending = False
        self._pending_scroll = self.reading.last_scroll
        self.article_list.move_to(index)
        self.open_article(self.article_list.articles[index])

    def _remember_position(self) -> None:
        if self.reader.document is not None:
            self.reading.remember_position(self.reader.document.article.id, round(self.reader.scroll_offset.y))

    # -- opening articles ---------------------------------------------------------
    @on(RowList.Chosen, "#articles")
    def _article_chosen(self, event: RowList.Chosen) -> None:
        article = self.article_list.articles[event.index]
        self.open_article(article)

    def open_article(self, article: Article) -> None:
        """Read and analyse ``article`` in a worker, then show it."""
        self._restore_pending = False  # the reader chose: last session's article is no longer wanted
        self._remember_position()
        self.reading.mark_read(article.id)
        self.reading.remember_position(article.id, 0)
        self.save_reading(self.reading)
        self.article_list.set_open(article.id)
        self.screen.add_class("-reading")
        self.reader.focus()
        self.update_status()
        self._load_article(article)

    @work(thread=True, exclusive=True, group="open", description="load article")
    def _load_article(self, article: Article) -> None:
        from newsreader.analysis import analyze
        from newsreader.library.scanner import read_article

        try:
            document = read_article(self.root, article)
        except LibraryError as error:
            self.post_message(ArticleFailed(article, str(error)))
            return
        self.post_message(ArticleLoaded(document, analyze(document.body)))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        if message.document.article.id != self.article_list.open_id:
            return
        self.reader.show(message.document, message.analysis, scroll=self._pending_scroll or 0)
        self.reader.border_title = Content(message.document.article.title)
        self.sidebar.set_article(message.analysis)
        self._pending_scroll = None

    def on_article_failed(self, message: ArticleFailed) -> None:
        text = f"Cannot open {message.article.path}: {message.reason}"
        self.notify(text, severity="error", markup=False, timeout=6)

    def action_step_article(self, step: int) -> None:
        """Open the next (``1``) or previous (``-1``) article of the list."""
        listing = self.article_list
        index = listing.index_of(listing.open_id) if listing.open_id else None
        target = (listing.cursor if index is None else index + step)
        if 0 <= target < listing.row_count:
            listing.move_to(target)
            self.open_article(listing.articles[target])
        else:
            self.bell()

    # -- filter -------------------------------------------------------------------
    def action_filter(self) -> None:
        """Show the filter box and put the cursor in it."""
        box = self.query_one("#filter", Input)
        box.add_class("-visible")
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.view_changed()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        # The message can arrive after keys typed behind Enter (say f, Ctrl+U, new words):
        # then the reader is typing a new filter, and the box keeps the focus.
        if event.input.has_focus and event.input.value == event.value:
            self.article_list.focus()

    def action_back(self) -> None:
        """Step back: close the filter, leave the reading pane, leave zen mode."""
        box = self.query_one("#filter", Input)
        if box.has_focus or (self.query_text and self.focused is self.article_list):
            box.value = ""
            box.remove_class("-visible")
            self.article_list.focus()
        elif self.screen.has_class("-zen"):
            self.screen.remove_class("-zen")
        elif self.cross is not None and self.focused is not self.reader:
            self.cross = None
            self.sidebar.active_focus = None
            self.sidebar.refresh()
            self.reader.set_focus_on(None)
            self.view_changed()
        elif self.focused is self.reader or self.focused is self.sidebar:
            self.screen.remove_class("-reading")
            self.article_list.focus()
        elif self.outlet_filter is not None:
            self.on_sources_sidebar_outlet_chosen(SourcesSidebar.OutletChosen(None))
        elif self.starred_only:
            self.action_starred_only()

    def on_unmount(self) -> None:
        """Keep the reading position for next time (synchronously: the app is closing)."""
        self._remember_position()
        if self.reading.dirty:
            self.reading.save()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Put every action of the app in the command palette."""
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.action not in ("quit", "back"):
                yield SystemCommand(binding.description, f"Key: {binding.key}",
                                    lambda action=binding.action: self.run_action(action))
        yield SystemCommand("Next article", "Key: n", lambda: self.action_step_article(1))
        yield SystemCommand("Previous article", "Key: p", lambda: self.action_step_article(-1))
        yield SystemCommand("Next quote", "Key: ]", lambda: self.reader.action_quote(1))
        yield SystemCommand("Previous quote", "Key: [", lambda: self.reader.action_quote(-1))
