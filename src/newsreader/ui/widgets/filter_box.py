"""The quick-filter box above the list."""

from __future__ import annotations

from textual.widgets import Input


class FilterBox(Input):
    """An Input whose Enter hands the focus to the list at once.

    Synchronously, not through a message: a key typed right after Enter (say a
    second Enter, to open the first row) must reach the list, however busy the app.
    """

    async def action_submit(self) -> None:
        self.screen.set_focus(self.screen.query_one("#articles"))
        await super().action_submit()
