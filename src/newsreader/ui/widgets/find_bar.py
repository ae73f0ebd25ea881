"""The find-in-article bar under the reading pane: a query box and "3 of 12".

Previous match has a key every terminal delivers (Up), as well as
Shift+Enter, which tmux and many terminals never send; the footer lists them.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class FindInput(Input):
    """The query box; its Enter (next match) is listed in the footer, as Input's own is not."""

    BINDINGS = [Binding("enter", "submit", "Next match", key_display="Enter")]


class FindBar(Horizontal):
    """Posts :class:`QueryChanged` as the reader types and :class:`Step` on Enter."""

    BINDINGS = [
        Binding("down", "step(1)", "Next match", show=False),
        Binding("up,shift+enter", "step(-1)", "Previous match", key_display="↑"),
        Binding("escape", "close", "Close find", key_display="Esc"),
    ]

    class QueryChanged(Message):
        """The find query changed."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Step(Message):
        """Move to the next (``1``) or previous (``-1``) match."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Closed(Message):
        """The bar was closed; highlights should go."""

    def compose(self) -> ComposeResult:
        yield FindInput(placeholder="Find: Enter or ↓ next, ↑ previous, Esc close", id="find-input")
        yield Label(Text(""), id="find-count")

    def open(self) -> None:
        """Show the bar and put the cursor in it."""
        self.add_class("-visible")
        # At once, not through focus()'s later call: keys typed right after Ctrl+F, already
        # queued, must reach the box and not the reading pane.
        self.screen.set_focus(self.query_one(Input))

    def show_count(self, current: int, total: int) -> None:
        """Show "3 of 12" (or "no matches")."""
        query = self.query_one(Input).value
        label = "" if not query else ("no matches" if total == 0 else f"{current + 1} of {total}")
        self.query_one(Label).update(Text(label))

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    def action_close(self) -> None:
        self.query_one(Input).value = ""
        self.remove_class("-visible")
        self.post_message(self.Closed())
