"""The library at a glance: who is quoted most, which sources are cited most (by kind), the
outlets by articles, and articles per month as a chart.

One worker reads it all from the index (:func:`newsreader.index.research.glance`).
Every name is choosable: the screen dismisses with what to open, ``("speaker", name)``,
``("source", name)`` or ``("outlet", outlet_as_stored)``; Esc dismisses with None.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Sparkline, Static
from textual.worker import get_current_worker

from newsreader.library.outlets import display_outlet
from newsreader.library.sanitize import clean_line
from newsreader.ui.theme_styles import theme_styles
from newsreader.ui.widgets.cells import fit
from newsreader.ui.widgets.key_footer import KeyFooter
from newsreader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from newsreader.index import IndexLocation
    from newsreader.index.research import Glance
    from newsreader.userdata.corrections import Corrections

#: How many names each list shows.
TOP = 20
#: Headings of the citation kinds, in the order shown (others follow, as stored).
SOURCE_KINDS = {"official": "Officials and bodies", "person": "People", "outlet": "Outlets",
                "document": "Documents", "statement": "Statements", "anonymous": "Unnamed sources"}
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: What the screen dismisses with: (kind, key) for the caller to open.
Choice = tuple[str, str]


@dataclass(frozen=True, slots=True)
class GlanceItem:
    """One row of a glance list: a name and its count, or (``choice`` None) a line that cannot be
    chosen: a ``heading``, a blank line between groups, or what an empty list says."""

    label: str
    count: int | None
    choice: Choice | None
    heading: bool = False


def count_label(count: int | None) -> str:
    """A glance count as shown: ``1,234``; nothing for a row without one."""
    return f"{count:,}" if count is not None else ""


class GlanceList(RowList):
    """Names with counts, right-aligned; headings (``choice`` None) are skipped by the cursor."""

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(id=id)
        self.border_title = title
        self.items: list[GlanceItem] = []
        #: Cells of the list's widest count: every name is cut to leave that much, and a space.
        self.count_width = 0

    def show(self, items: list[GlanceItem], empty: str) -> None:
        """Show ``items``, or the line ``empty`` when there are none."""
        self.items = items or [GlanceItem(empty, None, None)]
        self.count_width = max((cell_len(count_label(item.count)) for item in self.items), default=0)
        self.rows_changed(keep_cursor=False)

    @property
    def row_count(self) -> int:
        return len(self.items)

    def can_choose(self, index: int) -> bool:
        return self.items[index].choice is not None

    @property
    def current(self) -> GlanceItem | None:
        """The item under the cursor, if it can be chosen."""
        if 0 <= self.cursor < len(self.items) and self.can_choose(self.cursor):
            return self.items[self.cursor]
        return None

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        item = self.items[index]
        muted = base + theme_styles(self.app)["count"]
        if item.choice is None:
            style = muted + Style(bold=True) if item.heading else muted
            return [Segment(" " + fit(item.label, max(width - 2, 0)), style)]
        # The scrollbar's cells are kept clear when it is hidden too, so that the counts of a list
        # that scrolls stand in the same column as those of one that does not.
        trailing = 1 + self.styles.scrollbar_size_vertical - self.scrollbar_size_vertical
        count_width = max(self.count_width, cell_len(count_label(item.count)))
        label_width = max(width - 2 - 1 - count_width - trailing, 0)
        on_cursor = index == self.cursor
        return [Segment("  " + fit(item.label, label_width) + " ", base),
                Segment(f"{count_label(item.count):>{count_width}}" + " " * trailing, base if on_cursor else muted)]


def month_label(month: str) -> str:
    """``2024-03`` as ``Mar 2024``."""
    try:
        return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"
    except (ValueError, IndexError):
        return month


def month_column(index: int, months: int, width: int) -> int:
    """The first column of the sparkline (``width`` cells, ``months`` values) drawing month ``index``
    (Textual's Sparkline gives each column the months from ``int(col * months / width)``)."""
    for column in range(width):
        if int(column * months / width) <= index < max(int((column + 1) * months / width),
                                                        int(column * months / width) + 1):
            return column
    return max(width - 1, 0)


def axis_line(months: list[tuple[str, int]], width: int) -> str:
    """The line under the chart: the first month at the left, the last at the right, the peak
    month with its count, its ``▲`` under the peak's column, and each new year under its January
    (each where it fits beside the others)."""
    if not months or width <= 0:
        return ""
    line = [" "] * width

    def put(text: str, at: int) -> bool:
        end = at + len(text)  # (month labels are one cell a character)
        if at < 0 or end > width or any(c != " " for c in line[max(at - 1, 0):end + 1]):
            return False
        line[at:end] = text
        return True

    peak = max(range(len(months)), key=lambda i: (months[i][1], -i))
    shown = f"{month_label(months[peak][0])}: {months[peak][1]:,}"
    first, last = month_label(months[0][0]), month_label(months[-1][0])
    if peak == 0:
        first = f"▲ {shown}"
    elif peak == len(months) - 1:
        last = f"{shown} ▲"
    put(first, 0)
    if len(months) > 1:
        put(last, width - len(last))
    if 0 < peak < len(months) - 1:
        column = month_column(peak, len(months), width)
        _ = (put(f"▲ {shown}", column) or put(f"{shown} ▲", column - len(shown) - 1)
             or put(f"peak {shown}", (width - len(shown) - 5) // 2))
    # Each new year under its January, where it fits: the months between can be told apart.
    for index in range(1, len(months) - 1):
        if months[index][0].endswith("-01"):
            put(months[index][0][:4], month_column(index, len(months), width))
    return "".join(line)


class MonthAxis(Widget):
    """The labels under the articles-per-month chart (drawn at the chart's width)."""

    DEFAULT_CSS = "MonthAxis { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.months: list[tuple[str, int]] = []

    def show(self, months: list[tuple[str, int]]) -> None:
        """Label ``months`` (as the chart above draws them)."""
        self.months = months
        self.refresh()

    def render(self) -> Text:
        return Text(axis_line(self.months, self.size.width), style=theme_styles(self.app)["count"], no_wrap=True)


@dataclass
class GlanceRead(Message):
    """The index answered (``glance``), or could not (``error``)."""

    glance: Glance | None
    error: str | None = None


class GlanceScreen(ModalScreen[Choice | None]):
    """The library at a glance; dismisses with ``(kind, key)`` of the name chosen, or None."""

    AUTO_FOCUS = "#glance-speakers"

    BINDINGS = [
        Binding("tab", "app.focus_next", "Next list"),
        Binding("shift+tab", "app.focus_previous", "Previous list", show=False),
        Binding("escape", "dismiss_none", "Back"),
    ]

    def __init__(self, location: IndexLocation, corrections: Corrections | None = None) -> None:
        super().__init__()
        self.location = location
        #: The library's corrections: merged names counted as one, names marked wrong not counted.
        self.corrections = corrections

    def compose(self) -> ComposeResult:
        yield Static(Text("The library at a glance", style="bold"), id="glance-title")
        yield Static(Text("Reading the index…"), id="glance-status")
        with Vertical(id="glance-chart"):
            yield Sparkline([], id="glance-sparkline")
            yield MonthAxis(id="glance-axis")
        with Horizontal(id="glance-lists"):
            yield GlanceList("Most quoted", id="glance-speakers")
            yield GlanceList("Most cited", id="glance-sources")
            yield GlanceList("Outlets", id="glance-outlets")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#glance-chart").display = False
        self.run_worker(self._read, thread=True, group="glance", description="read the glance",
                        exit_on_error=False)

    def _read(self) -> None:
        from newsreader.index import Cancelled, IndexUnavailable, LibraryIndex
        from newsreader.index.research import glance

        worker = get_current_worker()
        try:
            with LibraryIndex.at(self.location) as index:
                index.stop_when(lambda: worker.is_cancelled)
                found = index.run(lambda c: glance(c, TOP, self.corrections))
        except Cancelled:
            return
        except IndexUnavailable as error:
            self.post_message(GlanceRead(None, f"The index cannot be read: {error}"))
            return
        self.post_message(GlanceRead(found, None if found is not None else "The index is being rebuilt."))

    def on_glance_read(self, message: GlanceRead) -> None:
        status = self.query_one("#glance-status", Static)
        found = message.glance
        if found is None:
            status.update(Text(message.error or "", style="bold"))
            return
        articles = f"{found.articles:,} article{'' if found.articles == 1 else 's'}"
        self.query_one("#glance-title", Static).update(
            Text.assemble(("The library at a glance", "bold"), (f" · {articles}", "dim")))
        self._show_chart(found.months)
        self.query_one("#glance-speakers", GlanceList).show(
            [GlanceItem(clean_line(name), count, ("speaker", name)) for name, count in found.speakers],
            "Nobody is quoted yet.")
        sources: list[GlanceItem] = []
        for kind in sorted(found.sources, key=lambda k: (list(SOURCE_KINDS).index(k) if k in SOURCE_KINDS
                                                         else len(SOURCE_KINDS), k)):
            names = found.sources[kind]
            if names:
                if sources:
                    sources.append(GlanceItem("", None, None))
                heading = SOURCE_KINDS.get(kind, clean_line(kind).capitalize())
                sources.append(GlanceItem(heading, None, None, heading=True))
                sources.extend(GlanceItem(clean_line(name), count, ("source", name)) for name, count in names)
        self.query_one("#glance-sources", GlanceList).show(sources, "No sources are cited yet.")
        self.query_one("#glance-outlets", GlanceList).show(
            [GlanceItem(display_outlet(outlet) or "(no outlet)", count, ("outlet", outlet))
             for outlet, count in found.outlets], "No outlets yet.")
        focused = self.focused
        if isinstance(focused, GlanceList) and focused.current is None:
            self.focus_next(GlanceList)

    def on_resize(self) -> None:
        # A taller chart on a taller terminal: 3 lines at 24 rows, 5 at 40, 7 at 60.
        self.query_one("#glance-sparkline", Sparkline).styles.height = max(3, min(8, self.size.height // 8))

    def _show_chart(self, months: list[tuple[str, int]]) -> None:
        status = self.query_one("#glance-status", Static)
        if not months:
            status.update(Text("No article has a date: no chart of articles per month.", style="dim"))
            return
        status.update(Text("Articles per month", style="bold"))
        self.query_one("#glance-chart").display = True
        self.query_one("#glance-sparkline", Sparkline).data = [float(count) for _, count in months]
        self.query_one("#glance-axis", MonthAxis).show(months)

    @on(RowList.Chosen)
    def _chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        row_list = event.row_list
        if isinstance(row_list, GlanceList):
            choice = row_list.items[event.index].choice
            if choice is not None:
                self.dismiss(choice)

    def action_dismiss_none(self) -> None:
        """Back to the library."""
        self.dismiss(None)
