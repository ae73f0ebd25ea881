"""A screen listing the files the scan skipped, and why."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from newsreader.library.model import SkippedFile
from newsreader.ui.widgets.cells import fit
from newsreader.ui.widgets.key_footer import KeyFooter
from newsreader.ui.widgets.row_list import RowList


class SkippedList(RowList):
    """One line per skipped file: its path and the reason."""

    def __init__(self, skipped: Sequence[SkippedFile]) -> None:
        super().__init__(id="skipped-rows")
        self.skipped = skipped

    def on_mount(self) -> None:
        self.rows_changed()

    @property
    def row_count(self) -> int:
        return len(self.skipped)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A skipped file cannot be opened: no Enter here (nor in the footer)."""
        return action != "choose"

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        item = self.skipped[index]
        reason_width = min(max(width // 3, 12), 40)
        return [Segment(" " + fit(item.path, max(width - reason_width - 3, 0)), base),
                Segment(" " + fit(item.reason, reason_width), base + Style(dim=True))]


class SkippedScreen(ModalScreen[None]):
    """Shows every file that is not in the list, so nothing is dropped silently.

    One box holds the title and the list, and is as tall as they are (up to most
    of the screen): with nothing skipped it holds the message alone. The footer
    says how to close it.
    """

    AUTO_FOCUS = "#skipped-rows"

    BINDINGS = [Binding("escape,q,x", "dismiss", "Close")]

    def __init__(self, skipped: Sequence[SkippedFile]) -> None:
        super().__init__()
        self.skipped = skipped

    def compose(self) -> ComposeResult:
        count = len(self.skipped)
        title = f"{count:,} file{'s' if count != 1 else ''} skipped" if count else "No files were skipped"
        with Vertical(id="skipped-box"):
            yield Static(Text(title, style="bold"), id="skipped-title")
            if count:
                yield SkippedList(self.skipped)
        yield KeyFooter()
