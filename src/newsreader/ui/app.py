"""The newsreader application: three panes over one library folder."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from time import monotonic

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from dataclasses import replace

from newsreader import catalog
from newsreader.config import load_config, save_settings, set_theme
from newsreader.reading_state import ReadingState, state_file
from newsreader.library.errors import LibraryError
from newsreader.library.model import Article, SkippedFile
from newsreader.state import load_recent, save_recent
from newsreader.ui.messages import ArticleFailed, ArticleLoaded, ScanBatch, StateLoaded, ViewReady
from newsreader.ui.reading_layout import Focus
from newsreader.ui.widgets.article_list import ArticleList
from newsreader.ui.widgets.find_bar import FindBar
from newsreader.ui.widgets.reading_pane import ReadingPane
from newsreader.ui.widgets.row_list import RowList
from newsreader.ui.widgets.sidebar import SourcesSidebar
from newsreader.ui.widgets.title_bar import LibraryStatus, TitleBar

SCAN_BATCH_SECONDS = 0.2
VIEW_REFRESH_SECONDS = 0.15
NARROW_WIDTH = 110
TINY_WIDTH = 70


class NewsreaderApp(App[None]):
    """Read a folder of news articles: outlets and sources, article list, reading pane."""

    CSS_PATH = Path(__file__).parent / "newsreader.tcss"
    TITLE = "newsreader"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("slash", "filter", "Filter", id="filter"),
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
        self.root = root.resolve()
        # The three panes, kept as attributes: the app talks to them all the time.
        self.sidebar = SourcesSidebar(id="sidebar")
        self.article_list = ArticleList(id="articles")
        self.reader = ReadingPane(id="reader")
        self.config = load_config()
        self.reading = ReadingState(self.root, state_file(self.root))
        self.starred_only = False
        self._restore_pending = False
        self._pending_scroll: int | None = None
        self.articles: list[Article] = []
        self.skipped: list[SkippedFile] = []
        self.outlets: Counter[str] = Counter()
        self.sort_order = catalog.SortOrder(self.config.default_sort)
        self.outlet_filter: str | None = None
        self.query_text = ""
        self.scanning = True  # the first scan starts right after the first paint
        self.generation = 0
        self._view_dirty = False
        self._view_complete = True

    # -- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        with Horizontal(id="main"):
            yield self.sidebar
            with Vertical(id="list-pane"):
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
        self._update_list_title()
        self.set_interval(VIEW_REFRESH_SECONDS, self._refresh_view_if_dirty)
        self.article_list.focus()
        # Paint first, then start scanning: the scan thread would otherwise compete
        # with the first frame for the interpreter.
        self.call_after_refresh(self.open_library, self.root)

    def _apply_config(self) -> None:
        config = self.config
        if config.problem:
            self.notify(config.problem, severity="warning", markup=False, timeout=8)
        if config.theme in self.available_themes:
            self.theme = config.theme
        else:
            self.notify(f"Unknown theme {config.theme!r} in the config file; using the default.",
                        severity="warning", markup=False)
        self.reader.show_entities = config.highlight_entities
        self.reader.show_quotes = config.highlight_quotes
        known = {binding.id for binding in self.BINDINGS if isinstance(binding, Binding) and binding.id}
        unknown = sorted(set(config.keys) - known)
        if unknown:
            self.notify(f"Unknown actions in [keys] of the config file: {', '.join(unknown)}",
                        severity="warning", markup=False)
        self.set_keymap({name: keys for name, keys in config.keys.items() if name in known})

    def watch_theme(self, theme: str) -> None:
        """Remember a theme chosen from the command palette."""
        if self.is_mounted and theme != self.config.theme:
            self.config = replace(self.config, theme=theme)
            self._save_settings(lambda: set_theme(theme))

    @work(thread=True, group="settings")
    def _save_settings(self, save: Callable[[], bool]) -> None:
        if not save():
            self.call_from_thread(self.notify, "Could not save settings (see the config file).",
                                  severity="warning", markup=False)

    def on_resize(self) -> None:
        width = self.size.width
        self.screen.set_class(width < NARROW_WIDTH, "-narrow")
        self.screen.set_class(width < TINY_WIDTH, "-tiny")

    # -- the library --------------------------------------------------------------
    def open_library(self, root: Path) -> None:
        """Replace the current library with ``root`` and scan it in the background."""
        self._remember_position()
        self._save_reading(self.reading)
        self.root = root.resolve()
        self.generation += 1
        self.articles, self.skipped, self.outlets = [], [], Counter()
        self.outlet_filter, self.query_text, self.starred_only = None, "", False
        self.query_one("#filter", Input).value = ""
        self._use_reading_state(ReadingState(self.root, state_file(self.root)))
        self._restore_pending = True
        self.article_list.set_articles([])
        self.reader.show(None)
        self.sidebar.set_article(None)
        self.scanning = True
        self._refresh_outlets()
        self._update_status()
        self._scan(self.root, self.generation)

    @work(thread=True, exclusive=True, group="scan")
    def _scan(self, root: Path, generation: int) -> None:
        from newsreader.library.scanner import iter_library

        recent = load_recent()
        recent.touch(root)
        save_recent(recent)
        self.post_message(StateLoaded(generation, ReadingState.load(root)))
        worker = get_current_worker()
        articles: list[Article] = []
        skipped: list[SkippedFile] = []
        last_post = monotonic()
        for item in iter_library(root):
            if worker.is_cancelled:
                return
            (articles if isinstance(item, Article) else skipped).append(item)  # type: ignore[arg-type]
            if monotonic() - last_post > SCAN_BATCH_SECONDS:
                self.post_message(ScanBatch(generation, articles, skipped, done=False))
                articles, skipped, last_post = [], [], monotonic()
        self.post_message(ScanBatch(generation, articles, skipped, done=True))

    def on_scan_batch(self, message: ScanBatch) -> None:
        if message.generation != self.generation:
            return
        self.articles.extend(message.articles)
        self.skipped.extend(message.skipped)
        self.outlets.update(a.outlet for a in message.articles if a.outlet)
        self.scanning = not message.done
        self._view_dirty = True
        self._refresh_outlets()
        self._update_status()
        if message.done:
            self._refresh_view_if_dirty()

    def on_state_loaded(self, message: StateLoaded) -> None:
        if message.generation != self.generation:
            return
        if message.state.problem:
            self.notify(message.state.problem, severity="warning", markup=False, timeout=8)
        self._use_reading_state(message.state)
        self._restore_last_article()

    def _use_reading_state(self, state: ReadingState) -> None:
        self.reading = state
        self.article_list.read_ids = state.read_ids
        self.article_list.starred_ids = state.starred_ids
        self.article_list.refresh()
        self._refresh_outlets()

    def _restore_last_article(self) -> None:
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

    @work(thread=True, group="save-state")
    def _save_reading(self, state: ReadingState) -> None:
        if state.dirty and not state.save():
            self.call_from_thread(self.notify, "Could not save reading state.", severity="warning", markup=False)

    def _remember_position(self) -> None:
        if self.reader.document is not None:
            self.reading.remember_position(self.reader.document.article.id, round(self.reader.scroll_offset.y))

    def _refresh_outlets(self) -> None:
        outlets = sorted(self.outlets.items(), key=lambda item: (-item[1], item[0].casefold()))
        self.sidebar.set_outlets(outlets, len(self.articles), self.outlet_filter,
                                 len(self.reading.starred_ids), self.starred_only)

    # -- the view (filter + sort), computed in a worker -----------------------------
    def _refresh_view_if_dirty(self) -> None:
        if self._view_dirty:
            self._view_dirty = False
            only = frozenset(self.reading.starred_ids) if self.starred_only else None
            self._build_view(list(self.articles), self.sort_order, self.outlet_filter,
                             catalog.query_terms(self.query_text), self.generation, only)

    @work(thread=True, exclusive=True, group="view")
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
        self._update_status()
        self._restore_last_article()

    def _update_status(self) -> None:
        busy = ""
        if self.scanning:
            busy = f"scanning… {len(self.articles):,} articles"
        elif not self._view_complete:
            busy = "searching article bodies…"
        read = self.reading.read_ids
        unread = sum(1 for article in self.articles if article.id not in read)
        self.query_one(TitleBar).show_status(LibraryStatus(
            self.root, len(self.articles), self.article_list.row_count, unread, len(self.skipped), busy))

    def _update_list_title(self) -> None:
        title = f"Articles · {self.sort_order.label}"
        if self.outlet_filter:
            title += " · outlet filter"
        if self.starred_only:
            title += " · starred"
        if self.query_text:
            title += " · filtered"
        self.query_one("#list-pane").border_title = title

    def _view_changed(self) -> None:
        self._view_dirty = True
        self._update_list_title()
        self._refresh_view_if_dirty()

    # -- opening articles ---------------------------------------------------------
    @on(RowList.Chosen, "#articles")
    def _article_chosen(self, event: RowList.Chosen) -> None:
        article = self.article_list.articles[event.index]
        self.open_article(article)

    def open_article(self, article: Article) -> None:
        """Read and analyse ``article`` in a worker, then show it."""
        self._remember_position()
        self.reading.mark_read(article.id)
        self.reading.remember_position(article.id, 0)
        self._save_reading(self.reading)
        self.article_list.set_open(article.id)
        self.screen.add_class("-reading")
        self.reader.focus()
        self._update_status()
        self._load_article(article)

    @work(thread=True, exclusive=True, group="open")
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
        self.reader.show(message.document, message.analysis)
        self.reader.border_title = Content(message.document.article.title)
        self.sidebar.set_article(message.analysis)
        if self._pending_scroll:
            self.reader.call_after_refresh(self.reader.scroll_to, y=self._pending_scroll, animate=False)
        self._pending_scroll = None

    def on_article_failed(self, message: ArticleFailed) -> None:
        self.notify(f"Cannot open {message.article.path}: {message.reason}", severity="error",
                    markup=False, timeout=6)

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

    # -- sidebar ------------------------------------------------------------------
    def on_sources_sidebar_outlet_chosen(self, message: SourcesSidebar.OutletChosen) -> None:
        self.outlet_filter = message.outlet
        self._refresh_outlets()
        self._view_changed()

    def on_sources_sidebar_focus_chosen(self, message: SourcesSidebar.FocusChosen) -> None:
        self.reader.set_focus_on(message.focus if message.focus.key else None)

    # -- filter -------------------------------------------------------------------
    def action_filter(self) -> None:
        """Show the filter box and put the cursor in it."""
        box = self.query_one("#filter", Input)
        box.add_class("-visible")
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._view_changed()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
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
        elif self.focused is self.reader or self.focused is self.sidebar:
            self.screen.remove_class("-reading")
            self.article_list.focus()
        elif self.outlet_filter is not None:
            self.on_sources_sidebar_outlet_chosen(SourcesSidebar.OutletChosen(None))
        elif self.starred_only:
            self.action_starred_only()

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
        self._view_changed()

    def action_toggle_entities(self) -> None:
        """Switch entity highlighting on or off (remembered)."""
        self.reader.set_highlights(entities=not self.reader.show_entities)
        self.config = replace(self.config, highlight_entities=self.reader.show_entities)
        self._save_settings(lambda config=self.config: save_settings(config))

    def action_toggle_quotes(self) -> None:
        """Switch quotation highlighting on or off (remembered)."""
        self.reader.set_highlights(quotes=not self.reader.show_quotes)
        self.config = replace(self.config, highlight_quotes=self.reader.show_quotes)
        self._save_settings(lambda config=self.config: save_settings(config))

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
            self._save_reading(self.reading)
            self._update_status()

    def action_toggle_star(self) -> None:
        """Star or unstar the article."""
        article = self._target_article()
        if article is not None:
            self.reading.toggle_star(article.id)
            self.article_list.refresh_article(article.id)
            self._save_reading(self.reading)
            self._refresh_outlets()
            if self.starred_only:
                self._view_changed()

    def action_starred_only(self) -> None:
        """Show only starred articles, or all again."""
        self.starred_only = not self.starred_only
        self._refresh_outlets()
        self._view_changed()

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
        styles = {name: self.reader.get_component_rich_style(f"reading-pane--{name}")
                  for name in ("person", "org", "place", "norp", "number", "quote")}
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


def _body_or_empty(root: Path, article: Article) -> str:
    from newsreader.library.scanner import read_article

    try:
        return read_article(root, article).body
    except LibraryError:
        return ""
