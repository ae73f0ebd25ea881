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
from textual.screen import ModalScreen
from textual.widgets import Static

from newsreader.labels import ENTITY_KINDS, field_names

#: (sample, style name, what it marks): every entity kind, then quotations.
LEGEND = (*((kind.legend, kind.name, kind.meaning) for kind in ENTITY_KINDS), ("“Quotation”", "quote", "quotation"))

SEARCH_HELP = (
    "Search (/): words, \"exact phrases\", prefix*, a OR b, -exclude, and fields: title: author: outlet: "
    f"{field_names()} quoted: (speaker) cites: (source) after:2024-01-31 before:2024-06-01. "
    "Results are ranked by relevance; Enter opens, Esc returns.\n"
    "Filter (f): narrows the list to articles whose title, authors, outlet or body hold every word; Esc clears it.\n"
    "In the sidebar, Enter on a person, organisation, place or source highlights it in the article and "
    "lists every article that names, quotes or cites it; Esc goes back."
)


def _key_names(binding: Binding) -> str:
    names = []
    for key in binding.key.split(","):
        key = key.strip()
        names.append({"right_square_bracket": "]", "left_square_bracket": "[", "question_mark": "?",
                      "slash": "/", "asterisk": "*", "ctrl+p": "Ctrl+P", "shift+tab": "Shift+Tab"}.get(key, key))
    return " ".join(names)


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

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

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
            yield Static(Text("Esc, q or ? closes this screen.", style="dim"), classes="help-section")

    def _legend(self) -> Table:
        table = Table(title="Highlights", title_justify="left", show_header=False, box=None, padding=(0, 2))
        table.add_column("sample")
        table.add_column("meaning")
        for sample, name, meaning in LEGEND:
            table.add_row(Text(sample, style=self._legend_styles.get(name, "")), Text(meaning))
        return table
