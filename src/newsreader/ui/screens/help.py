"""The help screen: every key binding, gathered from the widgets that own them.

The highlight legend and the search fields come from :mod:`newsreader.labels`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import Static

from newsreader.labels import ENTITY_KINDS, field_names
from newsreader.ui.widgets.key_footer import KeyFooter

#: (sample, style name, what it marks): every entity kind, then quotations.
LEGEND = (*((kind.legend, kind.name, kind.meaning) for kind in ENTITY_KINDS), ("“Quotation”", "quote", "quotation"))

SEARCH_HELP = (
    "Search (/): words (a lower-case word finds its forms too: flood finds floods, flooded), "
    "\"exact phrases\" (never widened), prefix*, a OR b, -exclude or NOT exclude, and fields: title: author: "
    f"outlet: (the name shown, or as written) {field_names()} (a first name or surname finds the person) "
    "quoted: (speaker) cites: (source) after:2024-01-31 before:2024-06-01. "
    "Results are ranked by relevance; Enter opens, Esc returns; quoted:NAME or cites:NAME alone, Enter "
    "lists every quote by NAME, or every passage citing it; E exports the results.\n"
    "Filter (f): narrows the list to articles whose title, authors, outlet or body hold every word; Esc clears it.\n"
    "In the sidebar, Enter on a person, organisation, place or source highlights it in the article and "
    "lists every article that names, quotes or cites it; on someone quoted or a source, it also lists every "
    "quote or passage across the library (Enter opens the article there); Esc goes back.\n"
    "Research: i shows the library at a glance (most quoted, most cited, outlets, articles per month); "
    "E exports the list as it is shown; c copies the current quote with its attribution; y copies the "
    "link; O opens it."
)


_KEY_NAMES = {"escape": "Esc", "enter": "Enter", "space": "Space", "tab": "Tab", "pageup": "PgUp",
              "pagedown": "PgDn", "home": "Home", "end": "End", "up": "↑", "down": "↓", "left": "←",
              "right": "→", "backspace": "Backspace", "delete": "Del", "insert": "Ins", "slash": "/",
              "minus": "-", "plus": "+", "comma": ",", "full_stop": "."}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "super": "Super", "meta": "Meta"}


def key_display(key: str) -> str:
    """How a Textual key name reads to a person: "escape" -> "Esc", "ctrl+f" -> "Ctrl+F",
    "shift+f3" -> "Shift+F3", "question_mark" -> "?", "j" -> "j"."""
    *modifiers, name = key.strip().split("+")
    if name in _KEY_NAMES:
        shown = _KEY_NAMES[name]
    elif len(name) > 1 and name[0] == "f" and name[1:].isdigit():
        shown = name.upper()
    else:
        character = key_to_character(name)
        shown = character if character and character.isprintable() else name
        if modifiers and len(shown) == 1:
            shown = shown.upper()
    return "+".join([*(_MODIFIERS.get(m, m.title()) for m in modifiers), shown])


def _key_names(binding: Binding) -> str:
    return " ".join(key_display(key) for key in binding.key.split(","))


def bindings_table(title: str, bindings: Iterable[BindingType]) -> Table:
    """A two-column table of keys and what they do."""
    table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2), expand=False)
    table.add_column("keys", style="bold", no_wrap=True, min_width=14)
    table.add_column("action")
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            table.add_row(Text(_key_names(binding)), Text(binding.description))
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key binding of the app and its panes, and the highlight legend."""

    AUTO_FOCUS = "#help-body"

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
        # The same moves as every list and the reading pane.
        Binding("j", "scroll('down')", "Down", show=False),
        Binding("k", "scroll('up')", "Up", show=False),
        Binding("g", "scroll('home')", "Top", show=False),
        Binding("G", "scroll('end')", "Bottom", show=False),
    ]

    def __init__(self, sections: Sequence[tuple[str, Iterable[BindingType]]],
                 legend_styles: Mapping[str, Style]) -> None:
        super().__init__()
        self._sections = sections
        self._legend_styles = legend_styles

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("newsreader — keys", style="bold"), classes="help-title")
            for title, bindings in self._sections:
                yield Static(bindings_table(title, bindings), classes="help-section")
            yield Static(self._legend(), classes="help-section")
            yield Static(Text(SEARCH_HELP), classes="help-section")
            yield Static(Text("j k g G scroll; Esc, q or ? closes this screen.", style="dim"),
                         classes="help-section")
        yield KeyFooter()

    def action_scroll(self, where: str) -> None:
        """j, k, g and G in the help text, as elsewhere."""
        body = self.query_one("#help-body", VerticalScroll)
        moves = {"down": body.scroll_down, "up": body.scroll_up, "home": body.scroll_home, "end": body.scroll_end}
        moves[where](animate=False)

    def _legend(self) -> Table:
        table = Table(title="Highlights", title_justify="left", show_header=False, box=None, padding=(0, 2))
        table.add_column("sample")
        table.add_column("meaning")
        for sample, name, meaning in LEGEND:
            table.add_row(Text(sample, style=self._legend_styles.get(name, "")), Text(meaning))
        return table
