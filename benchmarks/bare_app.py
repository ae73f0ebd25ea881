"""The baseline of bench_startup: a Textual app with newsreader's three-pane layout and nothing in it.

Usage: python benchmarks/bare_app.py   (q quits)
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Static


class Bare(App[None]):
    """Header line, three bordered panes, a footer."""

    CSS = """
    #top { height: 1; }
    Horizontal { height: 1fr; }
    .pane { border: round $accent; height: 1fr; width: 1fr; }
    #side { width: 28; }
    """
    BINDINGS = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("bare app ready", id="top")
        with Horizontal():
            yield Static("", id="side", classes="pane")
            yield Static("", classes="pane")
            yield Static("", classes="pane")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
