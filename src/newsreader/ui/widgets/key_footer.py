"""The footer of key bindings, rebuilt only when the keys it shows change.

Textual's :class:`~textual.widgets.Footer` removes and mounts all its key widgets
whenever the screen's bindings may have changed (every focus change, a keymap);
on the main screen that happened two or three times while the first rows were
being drawn, each time a dozen widgets and a repaint, with the same keys.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

#: What a footer shows of one binding: key, description, action, enabled, tooltip, group.
ShownKey = tuple[str, str, str, bool, str, object]


def shown_keys(screen: Screen[Any]) -> tuple[ShownKey, ...]:
    """The bindings a footer on ``screen`` shows now, in order."""
    return tuple((binding.key, binding.description, binding.action, enabled, tooltip, binding.group)
                 for _, binding, enabled, tooltip in screen.active_bindings.values() if binding.show)


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` that recomposes only when its keys change."""

    _composed: tuple[ShownKey, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild the keys if the screen's shown bindings differ from the ones on display."""
        keys = shown_keys(screen)
        if keys == self._composed and screen is self.screen:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._composed = keys  # (the recompose that shows them is scheduled)
