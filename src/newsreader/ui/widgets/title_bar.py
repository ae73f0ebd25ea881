"""The one-line header: library, counts, and progress of long work."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from newsreader.ui.session import LibraryStatus

__all__ = ["LibraryStatus", "TitleBar", "short_path", "squeeze_middle"]


def short_path(path: Path) -> str:
    """``path`` as the user would type it: relative to the working folder, or ``~/…``."""
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            relative = path.relative_to(base)
        except ValueError:
            continue
        return prefix + str(relative) if str(relative) != "." else (prefix.rstrip("/") or ".")
    return str(path)


def squeeze_middle(text: str, width: int) -> str:
    """``text`` shortened to ``width`` cells by an ellipsis in the middle (paths keep both ends)."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    tail = len(text)
    head = 0
    while cell_len(text[:head]) + cell_len(text[tail:]) + 1 < width:
        if cell_len(text[tail - 1:]) <= cell_len(text[: head + 1]):
            tail -= 1
        else:
            head += 1
    return text[:head] + "…" + text[tail:]


class TitleBar(Widget):
    """Shows a :class:`LibraryStatus`; counts win over the path when space is short."""

    status: reactive[LibraryStatus | None] = reactive(None)

    def show_status(self, status: LibraryStatus) -> None:
        """Redraw the header for ``status``."""
        self.status = status

    def render(self) -> Text:
        status = self.status
        text = Text(" newsreader ", style="bold")
        if status is None:
            return text
        facts = Text()
        articles = f"{status.total:,} article{'s' if status.total != 1 else ''}"
        if status.shown != status.total or status.more:
            articles = f"{status.shown:,}{'+' if status.more else ''} of {articles}"
        facts.append(f"  ·  {articles}")
        if status.total:
            facts.append(f"  ·  {status.unread:,} unread")
        if status.skipped:
            facts.append(f"  ·  {status.skipped:,} skipped (x)", style="dim")
        if status.busy:
            facts.append(f"   ⟳ {status.busy}", style="italic")
        room = self.size.width - text.cell_len - facts.cell_len - 1
        text.append(" " + squeeze_middle(short_path(status.root), max(room, 8)))
        text.append_text(facts)
        return text
