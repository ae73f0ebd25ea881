"""The quick-filter box above the list."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import events
from textual.widgets import Input

#: What the filter matches, longest first: the box shows the longest that fits its width.
PLACEHOLDERS = (
    "Filter: words in title, author, outlet or body",
    "Filter: words (title/author/outlet/body)",
    "Filter: title, author, outlet, body",
    "Filter: title/author/outlet/body",
    "Filter the list",
    "Filter",
)


class FilterBox(Input):
    """An Input whose Enter hands the focus to the list at once.

    Synchronously, not through a message: a key typed right after Enter (say a
    second Enter, to open the first row) must reach the list, however busy the app.

    Its placeholder says what the filter matches in as many words as the box has
    room for (the list pane is 40-odd columns at 120x40 and narrower below).
    """

    def __init__(self, placeholder: str = PLACEHOLDERS[0], **kwargs: Any) -> None:
        super().__init__(placeholder=placeholder, **kwargs)
        self._placeholders = (placeholder, *(text for text in PLACEHOLDERS if cell_len(text) < cell_len(placeholder)))

    def on_resize(self, event: events.Resize) -> None:
        """Show the longest placeholder that fits the box."""
        room = self.content_size.width
        self.placeholder = next((text for text in self._placeholders if cell_len(text) <= room),
                                self._placeholders[-1])

    async def action_submit(self) -> None:
        self.screen.set_focus(self.screen.query_one("#articles"))
        await super().action_submit()
