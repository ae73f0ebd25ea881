"""The sources sidebar: the library's outlets, then what the open article rests on.

The open article's entities are listed by kind, under the sections that
:data:`newsreader.labels.ENTITY_KINDS` names, in each kind's highlight style.

On a speaker, entity or cited source, ``w`` marks the name wrong in this article (again:
not wrong), ``m`` merges it into another name, ``M`` undoes a merge (see
:mod:`newsreader.userdata.corrections`). A wrong name is struck through behind a ✗; a
merged name is listed under the name it is merged into. Each change is posted as
:class:`SourcesSidebar.CorrectionMade` for the screen to save and apply.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.message import Message

from newsreader.analysis import Analysis
from newsreader.analysis.model import CITATION_KINDS
from newsreader.labels import sidebar_kinds
from newsreader.library.outlets import display_outlet
from newsreader.library.sanitize import clean_line
from newsreader.ui.reading_layout import Focus
from newsreader.ui.theme_styles import theme_styles
from newsreader.ui.widgets.cells import fit, fit_right
from newsreader.ui.widgets.row_list import RowList
from newsreader.userdata.corrections import Corrections, apply_to_analysis

MAX_PER_SECTION = 40
ITEM_KINDS = ("entity", "speaker", "source")
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
    #: Marked wrong in this article (struck through).
    wrong: bool = False
    #: For a name merged into another: the name it is shown as (the row above it).
    into: str | None = None


def _named_rows(counts: Counter[str], kind: str, style: str, article_id: str | None,
                corrections: Corrections | None) -> list[SidebarRow]:
    """One row per name shown (merged names summed into it), most first, each followed by
    the names merged into it."""
    corrections, article_id = corrections or Corrections(), article_id or ""
    rows = []
    for shown, total, merged in corrections.grouped(counts)[:MAX_PER_SECTION]:
        rows.append(SidebarRow(shown, total, kind, shown, style, wrong=corrections.is_wrong(article_id, kind, shown)))
        rows.extend(SidebarRow(name, count, kind, name, style, wrong=corrections.is_wrong(article_id, kind, name),
                               into=shown) for name, count in merged)
    return rows


def article_rows(analysis: Analysis, article_id: str | None = None,
                 corrections: Corrections | None = None) -> list[SidebarRow]:
    """The rows describing one article's sources, speakers and entities (``analysis`` as analysed:
    the article's ``corrections`` are shown here, not applied away)."""
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
                rows.extend(_named_rows(names, "source", "", article_id, corrections))
    speakers = Counter(name for q in analysis.quotes if (name := q.name_shown))
    if speakers:
        rows.append(SidebarRow("Quoted", kind="subheading"))
        rows.extend(_named_rows(speakers, "speaker", "person", article_id, corrections))
    for entity_kind in sidebar_kinds():
        counts = Counter(e.key for e in analysis.entities if e.label in entity_kind.labels)
        if counts and entity_kind.section:
            rows.append(SidebarRow(entity_kind.section, kind="subheading"))
            rows.extend(_named_rows(counts, "entity", entity_kind.name, article_id, corrections))
    if len(rows) == 1:
        rows.append(SidebarRow("nothing found yet", kind="note"))
    return rows


class SourcesSidebar(RowList):
    """Outlets (choose one to filter the list) and the open article's sources."""

    BINDINGS = [
        Binding("w", "mark_wrong", "Wrong here"),
        Binding("m", "merge", "Merge into…"),
        Binding("M", "unmerge", "Unmerge", show=False),
    ]

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

    class CorrectionMade(Message):
        """The reader changed ``corrections`` (the library's): save them and apply them again."""

        def __init__(self, corrections: Corrections) -> None:
            super().__init__()
            self.corrections = corrections

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._outlet_rows: list[SidebarRow] = []
        self._article_rows: list[SidebarRow] = []
        self._rows: list[SidebarRow] = []
        self.active_outlet: str | None = None
        self.active_focus: str | None = None
        self.starred_only = False
        #: The open article's analysis as analysed (corrections not applied), and its id.
        self.analysis: Analysis | None = None
        self.article_id: str | None = None
        #: The library's corrections (the screen hands them down with the article).
        self.corrections: Corrections | None = None

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
        self.active_outlet, self.starred_only, self._outlet_rows = active, starred_only, rows
        self._rebuild()

    def set_article(self, analysis: Analysis | None, article_id: str | None = None,
                    corrections: Corrections | None = None) -> None:
        """Describe the open article (or nothing): ``analysis`` as analysed, with the library's
        ``corrections`` (when given, ``w``, ``m`` and ``M`` change them)."""
        self.active_focus = None
        self.analysis, self.article_id = analysis, article_id
        if corrections is not None:
            self.corrections = corrections
        self._article_changed()

    @property
    def corrected(self) -> Analysis | None:
        """The open article's analysis with the corrections applied (what the reading pane shows)."""
        return self.analysis and apply_to_analysis(self.analysis, self.article_id or "",
                                                   self.corrections if self.article_id else None)

    def _article_changed(self) -> None:
        analysis, corrections = self.analysis, self.corrections if self.article_id else None
        self._article_rows = [SidebarRow("", kind="note"), *article_rows(analysis, self.article_id, corrections)] \
            if analysis else []
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
        """Whether ``row`` is a choice the list is narrowed by now (it gets the ▸ marker). "All" is active
        only when nothing narrows the list by outlet or star (with starred only on, the shelf is the choice)."""
        if row.kind == "outlet":
            return row.value == self.active_outlet and (row.value is not None or not self.starred_only)
        if row.kind == "starred":
            return self.starred_only
        return row.kind in ITEM_KINDS and row.into is None and row.value == self.active_focus

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        row = self._rows[index]
        styles = theme_styles(self.app)
        if row.kind in ("heading", "subheading", "note"):
            style = base + styles[row.kind]
            indent = " " if row.kind == "heading" else "  "
            return [Segment(fit(indent + row.label, width), style)]
        active = self.is_active(row)
        marker = "▸ " if active else "✗ " if row.wrong else "  "
        label_style = base + (styles[row.style] if row.style else Style())
        if active:
            label_style += styles["active"]
        count_style = base + styles["count"]
        if row.wrong:
            label_style = count_style + Style(strike=True)
        right = f"×{row.count}" if row.kind in ITEM_KINDS and row.count else (
            f"{row.count:,}" if row.count is not None else row.detail)
        right_width = min(len(right), max(width // 3, 0))
        label = f"↳ {row.label}" if row.into is not None else row.label
        label_width = max(width - 4 - right_width - 1, 0)
        return [Segment("  " + marker, count_style if row.wrong else base), Segment(fit(label, label_width), label_style),
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
            key = row.into or row.value  # a merged name is shown, and highlighted, as the name it is merged into
            same = key == self.active_focus
            self.active_focus = None if same else key
            self.refresh()
            self.post_message(self.FocusChosen(Focus(row.kind, "" if same else key)))

    # -- corrections ----------------------------------------------------------------
    def _item(self) -> tuple[SidebarRow, str, Corrections, str] | None:
        """(row, name, corrections, article id) for the speaker, entity or source under the cursor; None
        (and a bell) when there is none to correct."""
        row = self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None
        if row is None or row.kind not in ITEM_KINDS or not row.value or self.corrections is None \
                or self.article_id is None:
            self.app.bell()
            return None
        return row, row.value, self.corrections, self.article_id

    def _changed(self, corrections: Corrections, note: str) -> None:
        self._article_changed()
        self.post_message(self.CorrectionMade(corrections))
        self.notify(note, markup=False)

    def action_mark_wrong(self) -> None:
        """Mark the name under the cursor wrong in this article, or not wrong any more."""
        if (item := self._item()) is not None:
            row, name, corrections, article_id = item
            wrong = corrections.toggle_wrong(article_id, row.kind, name)
            self._changed(corrections, f"{clean_line(name)}: " + (
                "marked wrong in this article" if wrong else "no longer marked wrong"))

    def action_merge(self) -> None:
        """Ask which name the one under the cursor is to be shown as, in every article."""
        from newsreader.ui.screens.merge import MergeScreen

        if (item := self._item()) is None:
            return
        row, name, corrections, _ = item
        others = [r.value for r in self._rows if r.kind == row.kind and r.into is None and r.value
                  and r.value not in (name, row.into)]

        def chosen(into: str | None) -> None:
            if into is not None and not corrections.merge(name, into):
                self.notify(f"Cannot merge {clean_line(name)} into {clean_line(into)}: it is the same name, "
                            "or already shown as this one.", severity="warning", markup=False)
            elif into is not None:
                self._changed(corrections, f"{clean_line(name)} is shown as {clean_line(corrections.canonical(into))}")
        self.app.push_screen(MergeScreen(row.kind, name, list(dict.fromkeys(others))), chosen)

    def action_unmerge(self) -> None:
        """Show the merged name under the cursor as itself again (on a name others are merged into: them)."""
        if (item := self._item()) is None:
            return
        row, name, corrections, _ = item
        names = [name] if row.into is not None else [
            r.value for r in self._rows if r.into == name and r.kind == row.kind and r.value]
        undone = [merged for merged in names if corrections.unmerge(merged)]
        if undone:
            self._changed(corrections, f"Unmerged {', '.join(clean_line(n) for n in undone)}")
        else:
            self.notify(f"{clean_line(name)} is not merged.", markup=False)
