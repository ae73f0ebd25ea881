"""Merge a name into another: a small modal listing the article's other names of the same kind,
with a box for a name typed. Dismisses with the name chosen, or None (Esc).

Names come from articles: they are shown as plain text (rich ``Text``), never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from newsreader.library.sanitize import clean_line

#: What a name of each kind is called in the question.
KIND_WORDS = {"speaker": "speaker", "entity": "name", "source": "source"}


class MergeScreen(ModalScreen[str | None]):
    """Ask which name ``name`` (a ``kind`` row of the sidebar) is to be shown as: one of
    ``candidates`` (Enter on it) or one typed (Enter in the box)."""

    AUTO_FOCUS = "#merge-choices"

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel"),
        Binding("tab", "app.focus_next", "Next", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous", show=False),
    ]

    def __init__(self, kind: str, name: str, candidates: list[str]) -> None:
        super().__init__()
        self.kind = kind
        self.merged_name = name
        self.candidates = candidates

    def compose(self) -> ComposeResult:
        with Vertical(id="merge-dialog"):
            word = KIND_WORDS.get(self.kind, "name")
            yield Static(Text(f"Merge {clean_line(self.merged_name)} into which {word}?", style="bold"),
                         id="merge-question")
            yield Static(Text("It is shown as that name in every article, and in exports.", style="dim"))
            choices = OptionList(*(Option(Text(clean_line(name)), id=str(n))
                                   for n, name in enumerate(self.candidates)), id="merge-choices")
            choices.display = bool(self.candidates)
            yield choices
            yield Input(placeholder="or type a name, then Enter", id="merge-name")
            yield Static(Text("Enter: merge · Tab: list or name · Esc: cancel", style="dim"), id="merge-keys")

    def on_mount(self) -> None:
        if not self.candidates:
            self.query_one("#merge-name", Input).focus()

    @on(OptionList.OptionSelected, "#merge-choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.candidates[int(event.option.id)])

    @on(Input.Submitted, "#merge-name")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        if name:
            self.dismiss(name)
        else:
            self.app.bell()

    def action_dismiss_none(self) -> None:
        """Merge nothing."""
        self.dismiss(None)
