"""The sources sidebar: the library's outlets, then what the open article rests on.

The open article's entities are listed by kind, under the sections that
:data:`newsreader.labels.ENTITY_KINDS` names, in each kind's highlight style.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.message import Message

from newsreader.analysis import Analysis
from newsreader.analysis.model import CITATION_KINDS
from newsreader.labels import sidebar_kinds
from newsreader.library.outlets import display_outlet
from newsreader.ui.reading_layout import Focus
from newsreader.ui.theme_styles import theme_styles
from newsreader.ui.widgets.cells import fit, fit_right
from newsreader.ui.widgets.row_list import RowList

MAX_PER_SECTION = 40
_KIND_TITLES = {"outlet": "outlets", "official": "officials and bodies", "document": "documents",
                "statement": "statements", "anonymous": "unnamed sources", "person": "people"}


@dataclass(frozen=True, slots=True)
class SidebarRow:
    """One sidebar line: a heading, an outlet, or an item of the open article."""

    label: str
    count: int | None = None
    kind: str = "heading"  # heading, subheading, outlet, starred, entity, speaker, source, note
    value: str | None = None
    style: str = ""
    detail: str = ""


def article_rows(analysis: Analysis) -> list[SidebarRow]:
    """The rows describing one article's sources, speakers and entities."""
    rows = [SidebarRow("THIS ARTICLE")]
    if analysis.citations:
        # grouped by kind under a dim label, so a long name is never cut short by a kind beside it
        rows.append(SidebarRow("Cites", kind="subheading"))
        by_kind: dict[str, Counter[str]] = {}
        for citation in analysis.citations:
            by_kind.setdefault(citation.kind, Counter())[citation.name] += 1
        for kind in CITATION_KINDS:
            names = by_kind.get(kind)
            if names:
                rows.append(SidebarRow(f"  {_KIND_TITLES[kind]}", kind="note"))
                rows.extend(SidebarRow(name, count, "source", name)
                            for name, count in names.most_common(MAX_PER_SECTION))
    speakers = Counter(name for q in analysis.quotes if (name := q.speaker_key or q.speaker))
    if speakers:
        rows.append(SidebarRow("Quoted", kind="subheading"))
        rows.extend(SidebarRow(name, count, "speaker", name, "person")
                    for name, count in speakers.most_common(MAX_PER_SECTION))
    for entity_kind in sidebar_kinds():
        counts = Counter(e.key for e in analysis.entities if e.label in entity_kind.labels)
        if counts and entity_kind.section:
            rows.append(SidebarRow(entity_kind.section, kind="subheading"))
            rows.extend(SidebarRow(key, count, "entity", key, entity_kind.name)
                        for key, count in counts.most_common(MAX_PER_SECTION))
    if len(rows) == 1:
        rows.append(SidebarRow("nothing found yet", kind="note"))
    return rows


class SourcesSidebar(RowList):
    """Outlets (choose one to filter the list) and the open article's sources."""


    class OutletChosen(Message):
        """The reader chose an outlet (``None``: all outlets)."""

        def __init__(self, outlet: str | None) -> None:
            super().__init__()
            self.outlet = outlet

    class StarredChosen(Message):
        """The reader toggled the starred-only shelf."""

    class FocusChosen(Message):
        """The reader chose an entity, speaker or source of the open article."""

        def __init__(self, focus: Focus) -> None:
            super().__init__()
            self.focus = focus

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._outlet_rows: list[SidebarRow] = []
        self._article_rows: list[SidebarRow] = []
        self._rows: list[SidebarRow] = []
        self.active_outlet: str | None = None
        self.active_focus: str | None = None
        self.starred_only = False

    def set_outlets(self, outlets: list[tuple[str, int]], total: int, active: str | None,
                    starred: int = 0, starred_only: bool = False) -> None:
        """Show the library's outlets with their article counts (and the starred shelf); nothing is
        redrawn if they are as shown (the screen hands them down whenever its header changes)."""
        rows = [SidebarRow("OUTLETS"), SidebarRow("All", total, "outlet", None)]
        if starred or starred_only:
            rows.append(SidebarRow("★ Starred", starred, "starred", "starred"))
        rows.extend(SidebarRow(display_outlet(name), count, "outlet", name) for name, count in outlets)
        if rows == self._outlet_rows and (active, starred_only) == (self.active_outlet, self.starred_only):
            return
        self.active_outlet = active
        self.starred_only = starred_only
        self._outlet_rows = rows
        self._rebuild()

    def set_article(self, analysis: Analysis | None) -> None:
        """Describe the open article (or nothing)."""
        self.active_focus = None
        self._article_rows = [SidebarRow("", kind="note"), *article_rows(analysis)] if analysis else []
        self._rebuild()

    def _rebuild(self) -> None:
        self._rows = self._outlet_rows + self._article_rows
        self.rows_changed()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def can_choose(self, index: int) -> bool:
        return self._rows[index].kind in ("outlet", "starred", "entity", "speaker", "source")

    def is_active(self, row: SidebarRow) -> bool:
        """Whether ``row`` is a choice the list is narrowed by now (it gets the ▸ marker).

        "All" is active only when nothing narrows the list by outlet or star: with
        starred only on, the starred shelf is the choice, not "All".
        """
        if row.kind == "outlet":
            return row.value == self.active_outlet and (row.value is not None or not self.starred_only)
        if row.kind == "starred":
            return self.starred_only
        return row.kind in ("entity", "speaker", "source") and row.value == self.active_focus

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        row = self._rows[index]
        if row.kind in ("heading", "subheading", "note"):
            style = base + theme_styles(self.app)[row.kind]
            indent = " " if row.kind == "heading" else "  "
            return [Segment(fit(indent + row.label, width), style)]
        active = self.is_active(row)
        marker = "▸ " if active else "  "
        label_style = base + (theme_styles(self.app)[row.style] if row.style else Style())
        if active:
            label_style += theme_styles(self.app)["active"]
        right = f"×{row.count}" if row.kind in ("entity", "speaker", "source") and row.count else (
            f"{row.count:,}" if row.count is not None else row.detail)
        right_width = min(len(right), max(width // 3, 0))
        label_width = max(width - 4 - right_width - 1, 0)
        count_style = base + theme_styles(self.app)["count"]
        return [Segment("  " + marker, base), Segment(fit(row.label, label_width), label_style),
                Segment(" " + fit_right(right, right_width), count_style)]

    def on_row_list_chosen(self, event: RowList.Chosen) -> None:
        """Turn a chosen row into an outlet or focus message for the app."""
        event.stop()
        row = self._rows[event.index]
        if row.kind == "outlet" and row.value is None:  # "All": every outlet, starred or not
            if self.starred_only:
                self.post_message(self.StarredChosen())
            self.post_message(self.OutletChosen(None))
        elif row.kind == "outlet":
            outlet = None if row.value == self.active_outlet else row.value
            self.post_message(self.OutletChosen(outlet))
        elif row.kind == "starred":
            self.post_message(self.StarredChosen())
        elif row.value is not None:
            same = row.value == self.active_focus
            self.active_focus = None if same else row.value
            self.refresh()
            self.post_message(self.FocusChosen(Focus(row.kind, "" if same else row.value)))
