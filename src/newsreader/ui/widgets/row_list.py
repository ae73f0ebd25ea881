"""A virtual list of one-line rows on Textual's line API.

Only the rows on screen are ever rendered, so a list of 100,000 articles costs
what a list of forty does. Subclasses say how many rows there are and how to
draw one; this class owns the cursor, keys, mouse and scrolling.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowMessage(Message):
    """Something happened to row ``index`` of ``row_list``."""

    def __init__(self, row_list: RowList, index: int) -> None:
        super().__init__()
        self.row_list = row_list
        self.index = index

    @property
    def control(self) -> RowList:
        """The list the row belongs to."""
        return self.row_list


class RowList(ScrollView, can_focus=True):
    """Base class for line-API lists with a cursor."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("pageup", "page_up_rows", "Page up", show=False),
        Binding("pagedown,space", "page_down_rows", "Page down", show=False),
        Binding("enter", "choose", "Open", show=True),
    ]

    COMPONENT_CLASSES = {"row-list--cursor", "row-list--cursor-blurred", "row-list--dim"}

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    #: The widget's base style while :meth:`render_lines` draws (None otherwise).
    _base_style: Style | None = None

    class Chosen(RowMessage):
        """A row was chosen with Enter or a click."""

    # -- what subclasses provide ---------------------------------------------------
    @property
    def row_count(self) -> int:
        """How many rows the list has."""
        return 0

    def render_row(self, index: int, width: int, base: Style) -> list[Segment]:
        """The segments of row ``index``, drawn over ``base``; padding is added here."""
        return []

    def can_choose(self, index: int) -> bool:
        """Whether the cursor may rest on row ``index`` (headings may not)."""
        return True

    # -- model changes ------------------------------------------------------------
    def rows_changed(self, keep_cursor: bool = True) -> None:
        """Tell the list its rows changed: resize the scroll area and redraw."""
        count = self.row_count
        # Width 0: rows are cut to the widget, so there is nothing to scroll sideways,
        # and a resize does not change the virtual size (which would lay out again).
        self.virtual_size = Size(0, count)
        cursor = min(self.cursor, count - 1) if keep_cursor else 0
        self.set_reactive(RowList.cursor, max(0, self._nearest_choosable(max(cursor, 0), 1)))
        self.refresh()

    # -- drawing ------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the rows in ``crop``, working out the base style once for them all (``rich_style``
        walks every ancestor's styles: per row, it was most of a list's drawing time)."""
        self._base_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        """Draw the row shown at screen line ``y``."""
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self._base_style or self.rich_style
        if index >= self.row_count or width <= 0:
            return Strip.blank(max(width, 0), base)
        if index == self.cursor and self.can_choose(index):
            name = "row-list--cursor" if self.has_focus else "row-list--cursor-blurred"
            base = base + self.get_component_rich_style(name)
        # A segment without a style (Text.render gives one for a text without spans) would
        # break Textual's NO_COLOR filter, which reads every segment's colours: it gets the base.
        segments = [segment if segment.style is not None else Segment(segment.text, base)
                    for segment in self.render_row(index, width, base)]
        return Strip(segments).adjust_cell_length(width, base)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self.scroll_to_row(new)

    def refresh_row(self, index: int) -> None:
        """Redraw one row if it is on screen."""
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh_lines(y)

    def scroll_to_row(self, index: int) -> None:
        """Scroll so that row ``index`` is visible, keeping a little context."""
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)

    def on_focus(self) -> None:
        self.refresh_row(self.cursor)

    def on_blur(self) -> None:
        self.refresh_row(self.cursor)

    # -- movement -----------------------------------------------------------------
    def _nearest_choosable(self, index: int, step: int) -> int:
        count = self.row_count
        probe = index
        while 0 <= probe < count:
            if self.can_choose(probe):
                return probe
            probe += step
        probe = index - step
        while 0 <= probe < count:
            if self.can_choose(probe):
                return probe
            probe -= step
        return min(index, max(count - 1, 0))

    def move_to(self, index: int, step: int = 1) -> None:
        """Put the cursor on ``index`` (or the nearest row it may rest on)."""
        if self.row_count:
            self.cursor = self._nearest_choosable(max(0, min(index, self.row_count - 1)), step)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1, -1)

    def action_first(self) -> None:
        self.move_to(0, 1)

    def action_last(self) -> None:
        self.move_to(self.row_count - 1, -1)

    def action_page_down_rows(self) -> None:
        self.move_to(self.cursor + max(1, self.scrollable_content_region.height - 1), 1)

    def action_page_up_rows(self) -> None:
        self.move_to(self.cursor - max(1, self.scrollable_content_region.height - 1), -1)

    def action_choose(self) -> None:
        if 0 <= self.cursor < self.row_count and self.can_choose(self.cursor):
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        """Choose the row under the mouse (measured inside the list's border and padding)."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + self.scroll_offset.y
        if 0 <= index < self.row_count and self.can_choose(index):
            self.cursor = index
            self.post_message(self.Chosen(self, index))
