"""The reading pane: the open article, laid out once per width, drawn by line."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsreader.analysis import Analysis
from newsreader.library.model import ArticleText
from newsreader.ui.reading_layout import QUOTE_BAR, Focus, LayoutOptions, PageLayout, find_spans, layout_article
from newsreader.ui.theme_styles import theme_styles

STYLE_NAMES = ("person", "org", "place", "norp", "number", "quote", "bar", "speaker", "focus",
               "title", "byline", "meta", "path", "body", "find", "find-current")
#: The bar beside the current quotation (``]`` / ``[``), in place of the first character of QUOTE_BAR.
CURRENT_BAR = "█"
# Articles longer than this are laid out in a worker thread so typing never waits.
SYNC_LAYOUT_CHARS = 60_000


@dataclass(frozen=True, slots=True)
class Jump:
    """Where to scroll once a layout is ready."""

    to_focus: bool = False
    to_find: bool = False
    from_top: bool = False


class ReadingPane(ScrollView, can_focus=True):
    """Shows one article; the app hands it an :class:`ArticleText` and its analysis."""

    BINDINGS = [
        Binding("j,down", "scroll_lines(1)", "Scroll down", show=False),
        Binding("k,up", "scroll_lines(-1)", "Scroll up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("right_square_bracket", "quote(1)", "Next quote"),
        Binding("left_square_bracket", "quote(-1)", "Prev quote"),
        Binding("n", "screen.step_article(1)", "Next article"),
        Binding("p", "screen.step_article(-1)", "Prev article"),
    ]
    #: The widget's base style while :meth:`render_lines` draws (None otherwise).
    _base_style: Style | None = None

    class FindChanged(Message):
        """The find-in-article hits changed: ``current`` is 0-based, -1 when none."""

        def __init__(self, current: int, total: int) -> None:
            super().__init__()
            self.current = current
            self.total = total

    class QuoteChanged(Message):
        """``]`` or ``[`` made quotation ``current`` (0-based) of ``total`` the current one; -1: none is."""

        def __init__(self, current: int, total: int) -> None:
            super().__init__()
            self.current = current
            self.total = total

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: ArticleText | None = None
        self.analysis = Analysis()
        self.show_entities = True
        self.show_quotes = True
        self.focus_on: Focus | None = None
        self.find_hits: tuple[tuple[int, int], ...] = ()
        self.find_current = -1
        #: The quotation ``]`` / ``[`` last moved to (its bar is drawn solid), -1 for none.
        self.current_quote = -1
        self._page = PageLayout()
        self._laid_out_width = -1
        # A restored reading position waits for the first layout with real lines.
        self._scroll_when_laid_out = 0
        #: A body offset to show once the article is laid out (see :meth:`show`).
        self._at_offset: int | None = None

    # -- data in ------------------------------------------------------------------
    def show(self, document: ArticleText | None, analysis: Analysis | None = None, scroll: int = 0,
             at: int | None = None) -> None:
        """Display ``document``, scrolled to line ``scroll`` once it is laid out; or, with ``at`` (a
        body offset), to the quotation that starts there, made current, else to its paragraph."""
        self.document = document
        self.analysis = analysis or Analysis()
        self.focus_on = None
        self.find_hits, self.find_current = (), -1
        self.current_quote = -1
        self._at_offset = at
        self._scroll_when_laid_out = scroll
        self.scroll_to(y=0, animate=False, immediate=True)
        self.relayout()

    def set_find(self, query: str) -> None:
        """Highlight every match of ``query``; the first one at or below the top is current."""
        self.find_hits = find_spans(self.document.body, query) if self.document else ()
        self.find_current = 0 if self.find_hits else -1
        self.relayout(jump_to_find=True, from_top=True)

    def find_step(self, step: int) -> None:
        """Make the next (``1``) or previous (``-1``) match current, wrapping around."""
        if not self.find_hits:
            self.app.bell()
            return
        self.find_current = (self.find_current + step) % len(self.find_hits)
        self.relayout(jump_to_find=True)

    def set_highlights(self, *, entities: bool | None = None, quotes: bool | None = None) -> None:
        """Switch entity or quote highlighting on or off."""
        if entities is not None:
            self.show_entities = entities
        if quotes is not None:
            self.show_quotes = quotes
            self.current_quote = -1
            self.post_message(self.QuoteChanged(-1, 0))
        self.relayout()

    def set_focus_on(self, focus: Focus | None) -> None:
        """Reverse-highlight every mention of ``focus`` and jump to the first."""
        self.focus_on = focus
        self.relayout(then_jump_to_focus=True)

    # -- layout -------------------------------------------------------------------
    def _styles(self) -> dict[str, Style]:
        return theme_styles(self.app)

    def _options(self) -> LayoutOptions:
        return LayoutOptions(self.scrollable_content_region.width, self.show_entities, self.show_quotes,
                             self.focus_on, self.find_hits, self.find_current)

    def relayout(self, then_jump_to_focus: bool = False, jump_to_find: bool = False, from_top: bool = False) -> None:
        """Lay the article out again (width, theme, switches or find hits changed)."""
        width = self.scrollable_content_region.width
        self._laid_out_width = width
        if self.document is None or width <= 0:
            self._set_page(PageLayout())
            return
        jump = Jump(then_jump_to_focus, jump_to_find, from_top)
        if len(self.document.body) > SYNC_LAYOUT_CHARS:
            self._layout_in_thread(self.document, self.analysis, self._options(), self._styles(), jump)
        else:
            self._set_page(layout_article(self.document, self.analysis, self._options(), self._styles()), jump)

    @work(thread=True, exclusive=True, group="reading-layout", description="layout in thread")
    def _layout_in_thread(self, document: ArticleText, analysis: Analysis, options: LayoutOptions,
                          styles: dict[str, Style], jump: Jump) -> None:
        page = layout_article(document, analysis, options, styles)
        self.app.call_from_thread(self._set_page, page, jump, document)

    def _set_page(self, page: PageLayout, jump: Jump = Jump(), document: ArticleText | None = None) -> None:
        if document is not None and document is not self.document:
            return  # a layout for an article that is no longer shown
        self._page = page
        self.virtual_size = Size(0, len(page.lines))  # lines are laid out to the width: no sideways scroll
        self.refresh()
        if self._at_offset is not None and page.lines:
            self._scroll_when_laid_out = self._line_at(page, self._at_offset)
            self._at_offset = None
        if self._scroll_when_laid_out and page.lines:
            self.call_after_refresh(self._restore_scroll)
        if jump.to_focus and page.focus_lines:
            self.scroll_to(y=max(0, page.focus_lines[0] - 2), animate=False)
        if jump.to_find:
            self._show_find(page, jump.from_top)

    def _show_find(self, page: PageLayout, from_top: bool) -> None:
        if from_top and page.find_lines:
            # A new query: start from the first match at or below the top of the view.
            top = round(self.scroll_offset.y)
            below = [i for i, line in enumerate(page.find_lines) if line >= top]
            if below and below[0] != self.find_current:
                self.find_current = below[0]
                self.relayout(jump_to_find=True)
                return
        if 0 <= self.find_current < len(page.find_lines):
            line = page.find_lines[self.find_current]
            top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
            if not top <= line < top + height:
                self.scroll_to(y=max(0, line - height // 3), animate=False)
        self.post_message(self.FindChanged(self.find_current, len(self.find_hits)))

    def _restore_scroll(self, attempts: int = 5) -> None:
        """Scroll to the remembered line once the new size is in force (it may take a refresh)."""
        target = self._scroll_when_laid_out
        if not target:
            return
        self.scroll_to(y=target, animate=False, immediate=True)
        reached = self.max_scroll_y > 0 and round(self.scroll_offset.y) >= min(target, round(self.max_scroll_y))
        if reached or attempts <= 1:
            self._scroll_when_laid_out = 0
        else:
            self.call_after_refresh(self._restore_scroll, attempts - 1)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._laid_out_width:
            self.relayout()

    def notify_style_update(self) -> None:
        """The theme changed: colours live in the laid-out lines, so lay out again."""
        super().notify_style_update()
        if self.is_mounted and self.document is not None:
            self.call_later(self.relayout)

    # -- drawing ------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the lines in ``crop``, working out the base style once for them all."""
        self._base_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y`` of the laid-out article."""
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        base = self._base_style or self.rich_style
        if self.document is None:
            return self._placeholder(y, width, base)
        if index >= len(self._page.lines):
            return Strip.blank(width, base)
        line = self._page.lines[index]
        spans = self._page.quote_spans
        if 0 <= self.current_quote < len(spans) and spans[self.current_quote][0] <= index <= spans[self.current_quote][1]:
            # The current quotation's bar is drawn solid: a mark that needs no colour.
            line = [Segment(line[0].text.replace(QUOTE_BAR[0], CURRENT_BAR), line[0].style), *line[1:]]
        return Strip(line).adjust_cell_length(width, base).apply_style(base)

    def _placeholder(self, y: int, width: int, base: Style) -> Strip:
        if y != self.size.height // 2:
            return Strip.blank(width, base)
        style = base + Style(dim=True)
        hint = Text("Enter opens an article")
        hint.align("center", width)
        # One styled segment: Text.render would leave it unstyled, which NO_COLOR's filter cannot take.
        return Strip([Segment(hint.plain, style)]).adjust_cell_length(width, base)

    # -- movement -----------------------------------------------------------------
    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_relative(y=lines, animate=False)

    def _line_at(self, page: PageLayout, offset: int) -> int:
        """The line to show body ``offset`` from: its quotation's first line (made the current
        quotation) when one starts there, else its paragraph's; at least 1, so it is scrolled to."""
        shown = self.analysis.quotes if self.show_quotes else ()
        index = next((i for i, quote in enumerate(shown) if quote.start == offset), -1)
        if 0 <= index < len(page.quote_spans):
            self.current_quote = index
            self.post_message(self.QuoteChanged(index, len(page.quote_spans)))
            return max(1, page.quote_spans[index][0])
        return max(1, page.line_of(offset))

    def first_quote_in_view(self) -> int:
        """The first quotation whose lines reach the screen (the last one above it when none
        does); an index into the shown quotations. Raises IndexError when none is shown."""
        spans = self._page.quote_spans
        if not spans:
            raise IndexError("no quotation is shown")
        top = round(self.scroll_offset.y)
        return next((i for i, (_, last) in enumerate(spans) if last >= top), len(spans) - 1)

    def action_quote(self, step: int) -> None:
        """Make the next (``1``) or previous (``-1``) quotation current and scroll to it: from the
        current one while it is on screen, else from the top of the view."""
        starts = self._page.quote_lines
        top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
        if 0 <= self.current_quote < len(starts) and top <= starts[self.current_quote] < top + height:
            target = self.current_quote + step
        else:
            ahead = [i for i, line in enumerate(starts) if (line >= top if step > 0 else line < top)]
            target = (ahead[0] if step > 0 else ahead[-1]) if ahead else -1
        if not 0 <= target < len(starts):
            self.app.bell()
            return
        self.current_quote = target
        self.scroll_to(y=starts[target], animate=False)
        self.refresh()
        self.post_message(self.QuoteChanged(target, len(starts)))
