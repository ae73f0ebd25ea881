"""The footer of key bindings: only keys that work on its screen, rebuilt only when they change.

Every screen shows one (a modal screen too: otherwise the screen beneath shows
through with its own keys). Textual's :class:`~textual.widgets.Footer` lists every
active binding, including the app's ``screen.<action>`` bindings on screens that
have no such action (``/``, ``s`` or Ctrl+F on the search screen); here a binding
is shown only if its action has a method to run where the key would send it.

Textual's footer also removes and mounts all its key widgets whenever the
screen's bindings may have changed (every focus change, a keymap); on the main
screen that happened two or three times while the first rows were being drawn,
each time a dozen widgets and a repaint, with the same keys.
"""

from __future__ import annotations

from typing import Any

from textual import actions
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: What a footer shows of one binding: key, description, action, enabled, tooltip, group.
ShownKey = tuple[str, str, str, bool, str, object]


def action_runs(screen: Screen[Any], namespace: DOMNode, action: str) -> bool:
    """Whether ``action``, bound on ``namespace``, has a method to run on ``screen``.

    ``screen.<name>`` goes to ``screen``, ``app.<name>`` to the app, ``focused.<name>``
    to the focused widget, a bare name to ``namespace`` (as Textual dispatches them).
    """
    try:
        destination, name, _ = actions.parse(action)
    except actions.ActionError:
        return False
    targets: dict[str, DOMNode | None] = {"": namespace, "app": screen.app, "screen": screen,
                                          "focused": screen.focused}
    target = targets.get(destination)
    return target is not None and any(callable(getattr(target, f"{prefix}action_{name}", None))
                                      for prefix in ("", "_"))


def working_bindings(screen: Screen[Any]) -> list[ActiveBinding]:
    """The shown bindings of ``screen`` whose actions work there, one per action, in order."""
    seen: set[str] = set()
    found = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.show and binding.action not in seen and action_runs(screen, active.node, binding.action):
            seen.add(binding.action)
            found.append(active)
    return found


def shown_keys(screen: Screen[Any]) -> tuple[ShownKey, ...]:
    """The bindings a footer on ``screen`` shows now, in order."""
    return tuple((active.binding.key, active.binding.description, active.binding.action, active.enabled,
                  active.tooltip, active.binding.group) for active in working_bindings(screen))


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` of the keys that work on its screen, recomposed only
    when they change. (Bindings are not grouped: no binding of ours has a group.)"""

    _composed: tuple[ShownKey, ...] | None = None

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        shown = working_bindings(self.screen)
        self.styles.grid_size_columns = len(shown)
        for active in shown:
            binding = active.binding
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                            disabled=not active.enabled, tooltip=active.tooltip).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                binding = palette.binding
                yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                                binding.action, classes="-command-palette", disabled=not palette.enabled,
                                tooltip=binding.tooltip or binding.description)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild the keys if the screen's shown bindings differ from the ones on display."""
        keys = shown_keys(screen)
        if keys == self._composed and screen is self.screen:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._composed = keys  # (the recompose that shows them is scheduled)
