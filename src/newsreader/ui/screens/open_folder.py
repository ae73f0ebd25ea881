"""The folder picker: type a path (Tab completes), pick a recent library, or browse."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, OptionList, Static
from textual.widgets.option_list import Option

from newsreader.ui.widgets.key_footer import KeyFooter


def complete_path(typed: str) -> str:
    """Extend ``typed`` to the longest unambiguous folder path it starts."""
    expanded = os.path.expanduser(typed) if typed else os.getcwd() + os.sep
    folder, _, stem = expanded.rpartition(os.sep)
    folder = folder or os.sep
    try:
        names = sorted(entry.name for entry in os.scandir(folder)
                       if entry.is_dir() and entry.name.startswith(stem) and not entry.name.startswith("."))
    except OSError:
        return typed
    if not names:
        return typed
    common = os.path.commonprefix(names)
    completed = os.path.join(folder, common)
    if len(names) == 1:
        completed += os.sep
    return completed if len(completed) >= len(expanded) else typed


class FolderTree(DirectoryTree):
    """A directory tree of visible folders only (libraries are folders)."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".") and path.is_dir()]


class OpenFolderScreen(ModalScreen[Path | None]):
    """Asks which library to open; dismisses with the folder or ``None``."""

    AUTO_FOCUS = "#open-path"

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, recent: list[str], start: Path) -> None:
        super().__init__()
        self._recent = [path for path in recent if Path(path).is_dir()]
        self._start = start

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog"):
            yield Static(Text("Open a library folder", style="bold"))
            yield Input(placeholder="Path (Tab completes, Enter opens)", id="open-path")
            yield Static(Text("Recent", style="dim"), classes="open-label")
            yield OptionList(*[Option(Text(path), id=path) for path in self._recent], id="open-recent")
            yield Static(Text("Browse (Enter on a folder puts it in the path box)", style="dim"),
                         classes="open-label")
            yield FolderTree(self._start, id="open-tree")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#open-path", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Tab in the path box completes instead of moving focus."""
        path_input = self.query_one("#open-path", Input)
        if event.key == "tab" and path_input.has_focus and path_input.value:
            event.stop()
            event.prevent_default()
            path_input.value = complete_path(path_input.value)
            path_input.cursor_position = len(path_input.value)

    @on(Input.Submitted, "#open-path")
    def _typed(self, event: Input.Submitted) -> None:
        path = Path(os.path.expanduser(event.value.strip()))
        if path.is_dir():
            self.dismiss(path)
        else:
            self.notify(f"Not a folder: {event.value}", severity="warning", markup=False)

    @on(OptionList.OptionSelected, "#open-recent")
    def _recent_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(Path(event.option.id))

    @on(DirectoryTree.DirectorySelected)
    def _browsed(self, event: DirectoryTree.DirectorySelected) -> None:
        self.query_one("#open-path", Input).value = str(event.path)

    def action_cancel(self) -> None:
        self.dismiss(None)
