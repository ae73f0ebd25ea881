"""The newsreader application: settings, theme, keys, and the main screen over one library.

The app owns what outlives a library (settings, theme, key map, the command
palette); :class:`~newsreader.ui.screens.main.MainScreen` composes the panes and
answers their messages; :class:`~newsreader.ui.session.Session` is the pure model
it draws from; :class:`~newsreader.ui.loader.Loader` runs the workers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from newsreader.catalog import SortOrder
from newsreader.ui.rows import Prefetch
from newsreader.ui.screens.main import MainScreen
from newsreader.userdata.settings import load_config, save_settings, set_theme

NARROW_WIDTH = 110
TINY_WIDTH = 70


class NewsreaderApp(App[None]):
    """Read a folder of news articles: outlets and sources, article list, reading pane."""

    CSS_PATH = Path(__file__).parent / "newsreader.tcss"
    TITLE = "newsreader"
    # Main-screen actions are named "screen.…": they run on the main screen and do nothing elsewhere.
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("slash", "screen.search", "Search", id="search"),
        Binding("f", "screen.filter", "Filter list", show=False, id="filter"),
        Binding("o", "screen.open_folder", "Open folder", id="open_folder"),
        Binding("s", "screen.cycle_sort", "Sort", id="cycle_sort"),
        Binding("e", "toggle_entities", "Entities", id="toggle_entities"),
        Binding("u", "toggle_quotes", "Quotes", id="toggle_quotes"),
        Binding("r", "screen.toggle_read", "Read/unread", show=False, id="toggle_read"),
        Binding("asterisk", "screen.toggle_star", "Star", show=False, id="toggle_star"),
        Binding("S", "screen.starred_only", "Starred only", show=False, id="starred_only"),
        Binding("U", "screen.unread_only", "Unread only", show=False, id="unread_only"),
        Binding("x", "screen.show_skipped", "Skipped files", show=False, id="show_skipped"),
        Binding("i", "screen.glance", "At a glance", show=False, id="glance"),
        Binding("E", "screen.export_view", "Export the list", show=False, id="export_view"),
        Binding("b", "screen.toggle_sidebar", "Sidebar", show=False, id="toggle_sidebar"),
        Binding("z", "screen.zen", "Zen", show=False, id="zen"),
        Binding("ctrl+f", "screen.find", "Find in article", id="find"),
        Binding("f3", "screen.find_step(1)", "Next match", show=False, id="find_next"),
        Binding("shift+f3", "screen.find_step(-1)", "Previous match", show=False, id="find_previous"),
        Binding("escape", "screen.back", "Back", show=False, id="back"),
    ]

    def __init__(self, root: Path, early: Prefetch | None = None) -> None:
        super().__init__()
        self.config = load_config()
        self.main = MainScreen(root, SortOrder(self.config.default_sort), early)

    #: Set by ``q``: keys still queued behind it (a paste, fast typing) must open nothing more.
    quitting = False

    async def action_quit(self) -> None:
        """Quit (keys queued behind ``q`` are ignored: a screen opened while the app closes crashed)."""
        self.quitting = True
        self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No action runs once the app is quitting."""
        return not self.quitting

    def get_default_screen(self) -> Screen[None]:
        return self.main

    def on_mount(self) -> None:
        self._apply_config()

    def _apply_config(self) -> None:
        config = self.config
        if config.problem:
            self.notify(config.problem, severity="warning", markup=False, timeout=8)
        if config.theme in self.available_themes:
            self.theme = config.theme
        else:
            text = f"Unknown theme {config.theme!r} in the config file; using the default."
            self.notify(text, severity="warning", markup=False)
        self.main.reader.show_entities = config.highlight_entities
        self.main.reader.show_quotes = config.highlight_quotes
        known = {binding.id for binding in self.BINDINGS if isinstance(binding, Binding) and binding.id}
        unknown = sorted(set(config.keys) - known)
        if unknown:
            text = f"Unknown actions in [keys] of the config file: {', '.join(unknown)}"
            self.notify(text, severity="warning", markup=False)
        self.set_keymap({name: keys for name, keys in config.keys.items() if name in known})

    def watch_theme(self, theme: str) -> None:
        """Remember a theme chosen from the command palette."""
        if self.is_running and theme != self.config.theme:
            self.config = replace(self.config, theme=theme)
            self.main.loader.save_settings(lambda: set_theme(theme))

    def on_resize(self) -> None:
        width = self.size.width
        self.main.set_class(width < NARROW_WIDTH, "-narrow")
        self.main.set_class(width < TINY_WIDTH, "-tiny")

    # -- actions that belong to no screen ------------------------------------------------
    def action_toggle_entities(self) -> None:
        """Switch entity highlighting on or off (remembered, and said on screen)."""
        reader = self.main.reader
        reader.set_highlights(entities=not reader.show_entities)
        config = self.config = replace(self.config, highlight_entities=reader.show_entities)
        self.main.loader.save_settings(lambda: save_settings(config))
        self._say_toggled("Entity highlighting", reader.show_entities)

    def action_toggle_quotes(self) -> None:
        """Switch quotation highlighting on or off (remembered, and said on screen)."""
        reader = self.main.reader
        reader.set_highlights(quotes=not reader.show_quotes)
        config = self.config = replace(self.config, highlight_quotes=reader.show_quotes)
        self.main.loader.save_settings(lambda: save_settings(config))
        self._say_toggled("Quote highlighting", reader.show_quotes)

    def _say_toggled(self, what: str, on: bool) -> None:
        # No article open, the toggle has nothing to redraw: the notice is the only sign it took.
        self.notify(f"{what} {'on' if on else 'off'} (saved)", markup=False, timeout=2)

    def action_help(self) -> None:
        """Show every key binding."""
        from newsreader.ui.screens.help import HelpScreen
        from newsreader.ui.theme_styles import theme_styles
        from newsreader.ui.widgets.find_bar import FindBar
        from newsreader.ui.widgets.reader_column import ReaderColumn
        from newsreader.ui.widgets.reading_pane import ReadingPane
        from newsreader.ui.widgets.row_list import RowList
        from newsreader.ui.widgets.sidebar import SourcesSidebar

        sections = [("Everywhere", [*self.BINDINGS, *Screen.BINDINGS]), ("Lists", RowList.BINDINGS),
                    ("Reading pane", [*ReadingPane.BINDINGS, *ReaderColumn.BINDINGS]),
                    ("Sidebar", SourcesSidebar.BINDINGS), ("Find bar", FindBar.BINDINGS)]
        self.push_screen(HelpScreen(sections, theme_styles(self)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Put every action of the app that works on ``screen`` in the command palette, with its
        keys as people write them (the config's [keys] if it rebinds them)."""
        from newsreader.ui.screens.help import key_display
        from newsreader.ui.widgets.key_footer import action_runs

        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            if (isinstance(binding, Binding) and binding.action not in ("quit", "screen.back")
                    and action_runs(screen, self, binding.action)):
                keys = self.config.keys.get(binding.id or "", binding.key)
                shown = " ".join(key_display(key) for key in keys.split(","))
                yield SystemCommand(binding.description, f"Key: {shown}",
                                    lambda action=binding.action: self.run_action(action))
        if screen is self.main:  # (they step through the main screen's list and article)
            main = self.main
            yield SystemCommand("Next article", "Key: n", lambda: main.action_step_article(1))
            yield SystemCommand("Previous article", "Key: p", lambda: main.action_step_article(-1))
            yield SystemCommand("Next quote", "Key: ]", lambda: main.reader.action_quote(1))
            yield SystemCommand("Previous quote", "Key: [", lambda: main.reader.action_quote(-1))
            # The reading column's (copy, link) and the sidebar's (corrections) keys, on those widgets.
            for widget, where in ((main.reader_column, "the open article"), (main.sidebar, "the sidebar's row")):
                for binding in widget.BINDINGS:
                    if isinstance(binding, Binding) and binding.description:
                        yield SystemCommand(f"{binding.description} ({where})", f"Key: {key_display(binding.key)}",
                                            lambda widget=widget, action=binding.action: widget.run_action(action))
