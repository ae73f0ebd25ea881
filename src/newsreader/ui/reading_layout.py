"""Lay an article out as styled terminal lines for the reading pane.

Pure Rich (no widgets), so it can run in a worker thread for huge articles.
Every line remembers which characters of the body it shows, which is what lets
the pane jump to a quote or a mention. The header, links, attributions and the
wrapping itself are in :mod:`newsreader.ui.reading_parts`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from newsreader.analysis import Analysis
from newsreader.labels import STYLE_OF_LABEL
from newsreader.library.model import ArticleText
from newsreader.ui.reading_parts import attribution, header_lines, link_lines, text_lines, wrap_offsets

MEASURE = 78  # a comfortable reading measure, in cells
QUOTE_BAR = "▌ "
LABEL_CLASS = STYLE_OF_LABEL  # analyser label -> highlight style, from the one table of entity kinds

T = TypeVar("T")

_console = Console(width=500, color_system="truecolor", force_terminal=True, legacy_windows=False)


@dataclass(frozen=True, slots=True)
class Focus:
    """What the reader chose in the sidebar: an entity key, a speaker or a cited source."""

    kind: str  # "entity", "speaker" or "source"
    key: str


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """The switches that change what is drawn."""

    width: int
    show_entities: bool = True
    show_quotes: bool = True
    focus: Focus | None = None
    find: tuple[tuple[int, int], ...] = ()
    find_current: int = -1


@dataclass(slots=True)
class PageLayout:
    """The laid-out lines and where each quotation, focus mark and find hit lies (line numbers)."""

    lines: list[list[Segment]] = field(default_factory=list)
    #: (first line, last line) of each shown quotation, in the text's order.
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    focus_lines: list[int] = field(default_factory=list)
    find_lines: list[int] = field(default_factory=list)
    #: (body offset, first line) of each paragraph, in order: where a character offset is drawn.
    paragraph_lines: list[tuple[int, int]] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        """The first line of the paragraph that holds body character ``offset`` (0 with no text)."""
        line = 0
        for start, first in self.paragraph_lines:
            if start > offset:
                break
            line = first
        return line

    @property
    def quote_lines(self) -> list[int]:
        """The first line of each shown quotation."""
        return [first for first, _ in self.quote_spans]


def styled_segments(text: Text) -> list[Segment]:
    """``text`` as segments, every one of them carrying a style.

    ``Text.render`` leaves the text's own style to its caller and, for a text
    with no spans, yields one unstyled segment: such a line lost its style (a
    title not bold, the speaker not set apart), and Textual's no-colour filter
    (``NO_COLOR``) failed on the missing style.
    """
    if text.spans:
        # The text's own style is at the bottom of every span's stack: each segment has one.
        return list(text.render(_console, end=""))
    style = text.style if isinstance(text.style, Style) else _console.get_style(text.style, default=Style.null())
    return [Segment(text.plain, style)] if text.plain else []


def _spans(analysis: Analysis, options: LayoutOptions, styles: Mapping[str, Style]) -> list[tuple[int, int, Style]]:
    spans: list[tuple[int, int, Style]] = []
    if options.show_quotes:
        spans.extend((q.start, q.end, styles["quote"]) for q in analysis.quotes)
    if options.show_entities:
        for entity in analysis.entities:
            name = LABEL_CLASS.get(entity.label)
            if name:
                spans.append((entity.start, entity.end, styles[name]))
    return spans


def find_spans(body: str, query: str) -> tuple[tuple[int, int], ...]:
    """Every case-insensitive occurrence of ``query`` in ``body``."""
    if not query.strip():
        return ()
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return tuple((m.start(), m.end()) for m in pattern.finditer(body) if m.end() > m.start())


def _focus_spans(analysis: Analysis, focus: Focus | None) -> list[tuple[int, int]]:
    if focus is None:
        return []
    if focus.kind == "source":
        return [(c.start, c.end) for c in analysis.citations if c.name == focus.key]
    spans = [(e.start, e.end) for e in analysis.entities if e.key == focus.key]
    return spans + [(q.start, q.end) for q in analysis.quotes if q.speaker_key == focus.key]


def layout_article(
    doc: ArticleText, analysis: Analysis, options: LayoutOptions, styles: Mapping[str, Style]
) -> PageLayout:
    """Lay ``doc`` out at ``options.width`` cells, highlighting what ``analysis`` found."""
    page = PageLayout()
    measure = max(1, min(options.width - 4, MEASURE))
    indent = " " * max(0, (options.width - measure - 2) // 2)
    blank: list[Segment] = []

    def emit(text: Text, bar: bool = False) -> None:
        lead = Segment(indent + (QUOTE_BAR if bar else "  "), styles["bar"] if bar else styles["body"])
        page.lines.append([lead, *styled_segments(text)])

    for header_line in header_lines(doc, styles):
        for line in text_lines(header_line, wrap_offsets(header_line.plain, measure)):
            line.rstrip()
            emit(line)
    page.lines.append(blank)

    starts = _paragraph_starts(doc.paragraphs)
    focus = _focus_spans(analysis, options.focus)
    # Find hits are applied last so they stay visible over every other highlight.
    markup = [(s.start, s.end, styles[f"markup-{s.kind}"]) for s in doc.styles if f"markup-{s.kind}" in styles]
    styled = [*markup, *_spans(analysis, options, styles), *((s, e, styles["focus"]) for s, e in focus),
              *((s, e, styles["find-current" if i == options.find_current else "find"])
                for i, (s, e) in enumerate(options.find))]
    styled_by_para = _bucket(styled, starts)
    quotes = analysis.quotes if options.show_quotes else ()
    quotes_by_para = _bucket([(q.start, q.end, q) for q in quotes], starts)
    quote_order = {id(q): i for i, q in enumerate(quotes)}
    quote_span: dict[int, list[int]] = {}
    focus_by_para = _bucket([(s, e, None) for s, e in focus], starts)
    find_by_para = _bucket([(s, e, None) for s, e in options.find], starts)
    for index, paragraph in enumerate(doc.paragraphs):
        offset = starts[index]
        page.paragraph_lines.append((offset, len(page.lines)))
        para_end = offset + len(paragraph)
        text = Text(paragraph, style=styles["body"])
        for start, end, style in styled_by_para.get(index, ()):
            text.stylize(style, max(start - offset, 0), min(end, para_end) - offset)
        para_quotes = [q for _, _, q in quotes_by_para.get(index, ())]
        offsets = wrap_offsets(paragraph, measure)
        for (start, end), line in zip(offsets, text_lines(text, offsets)):
            line_start, line_end = offset + start, offset + end
            in_quote = [q for q in para_quotes if q.start < line_end and q.end > line_start]
            here = len(page.lines)
            for q in in_quote:
                quote_span.setdefault(quote_order[id(q)], [here, here])[1] = here
            if any(line_start <= s < line_end for s, _, _ in focus_by_para.get(index, ())):
                page.focus_lines.append(here)
            page.find_lines.extend(here for s, _, _ in find_by_para.get(index, ()) if line_start <= s < line_end)
            line.rstrip()
            emit(line, bar=bool(in_quote))
        attribution([q for q in para_quotes if offset < q.end <= para_end], measure, emit, styles)
        page.lines.append(blank)
    page.quote_spans = [(first, last) for _, (first, last) in sorted(quote_span.items())]
    link_lines(doc, measure, emit, styles)
    return page


def _paragraph_starts(paragraphs: tuple[str, ...]) -> list[int]:
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 1
    return starts


def _bucket(spans: list[tuple[int, int, T]], starts: list[int]) -> dict[int, list[tuple[int, int, T]]]:
    """Group spans by the paragraphs they touch, so layout stays linear in long articles."""
    buckets: dict[int, list[tuple[int, int, T]]] = {}
    for span in spans:
        first = max(bisect_right(starts, span[0]) - 1, 0)
        last = max(bisect_right(starts, max(span[1] - 1, span[0])) - 1, first)
        for index in range(first, last + 1):
            buckets.setdefault(index, []).append(span)
    return buckets


