"""The pieces an article's page is made of, besides its paragraphs: wrapping, the header, the
links after the text, and who spoke a paragraph's quotations.

Pure Rich, like :mod:`newsreader.ui.reading_layout`, which puts them together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from rich.cells import cell_len
from rich.style import Style
from rich.text import Span, Text

from newsreader.analysis.model import Quote
from newsreader.library.dates import short_date
from newsreader.library.model import ArticleText
from newsreader.library.outlets import display_outlet
from newsreader.library.sanitize import clean_line


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: ``(start, end)`` of each line; long words are folded."""
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start < length:
        end, cells, last_space = start, 0, -1
        while end < length:
            char_cells = cell_len(text[end])
            if cells + char_cells > width:
                break
            if text[end] == " ":
                last_space = end
            cells += char_cells
            end += 1
        if end < length:
            if last_space > start and text[end] != " ":
                end = last_space + 1
            elif end == start:
                end = start + 1  # a character wider than the line: show it anyway
        lines.append((start, end))
        start = end
        while start < length and text[start] == " " and lines:
            start += 1
    return lines or [(0, 0)]


def header_lines(doc: ArticleText, styles: Mapping[str, Style]) -> Iterable[Text]:
    """The article's title, byline, facts, URL and file, one text each (to be wrapped)."""
    article = doc.article
    yield Text(article.title, style=styles["title"])
    byline = ", ".join(part for part in (" and ".join(article.authors), article.role or "") if part)
    if byline:
        yield Text(f"By {byline}", style=styles["byline"])
    facts = [display_outlet(article.outlet) if article.outlet else "", short_date(article.date)]
    facts.append(f"{article.word_count:,} words")
    yield Text(" · ".join(fact for fact in facts if fact), style=styles["meta"])
    if article.url:  # untrusted text: shown cleaned, never made clickable
        yield Text(clean_line(article.url), style=styles["path"])
    entry = f"  #{article.entry + 1}" if article.format in ("jsonl", "csv") else ""
    yield Text(article.path + entry, style=styles["path"])


def link_lines(doc: ArticleText, measure: int, emit: Callable[[Text], None], styles: Mapping[str, Style]) -> None:
    """The article's links, after its text: each link's words and the URL they
    pointed to (the text shows only the words). The URL is untrusted text: shown
    cleaned, never made clickable."""
    links = [(doc.body[s.start:s.end], s.href) for s in doc.styles if s.kind == "link" and s.href]
    if not links:
        return
    plain = Style()
    emit(Text("Links", style=styles.get("subheading", plain)))
    for words, href in links:
        line = Text(clean_line(words), style=styles.get("markup-link", plain))
        line.append(" — " + clean_line(href or ""), style=styles.get("meta", plain))
        for part in text_lines(line, wrap_offsets(line.plain, measure)):
            part.rstrip()
            emit(part)


def text_lines(text: Text, offsets: list[tuple[int, int]]) -> Iterator[Text]:
    """``text[start:end]`` for each of ``offsets`` (in order), in time linear in the text.

    Rich's ``Text.__getitem__`` divides the whole text (and re-cleans the rest of it)
    for every slice: quadratic, a minute for one 2 MB paragraph.
    """
    plain, style = text.plain, text.style
    spans = sorted(text.spans, key=lambda span: span.start)
    active: list[Span] = []
    upcoming = 0
    for start, end in offsets:
        while upcoming < len(spans) and spans[upcoming].start < end:
            active.append(spans[upcoming])
            upcoming += 1
        active = [span for span in active if span.end > start]
        line = Text(plain[start:end], style=style, end="")
        line.spans = [Span(max(span.start, start) - start, min(span.end, end) - start, span.style)
                      for span in active if span.start < end and span.end > span.start]
        yield line


def attribution(
    quotes: list[Quote], measure: int, emit: Callable[[Text], None], styles: Mapping[str, Style]
) -> None:
    """Who spoke the quotations that end in a paragraph, right-aligned under it."""
    names: list[str] = []
    for quote in quotes:
        # A pronoun no one was found for is shown as such, never as if it were a name.
        name = quote.name_shown or (f"{quote.speaker} (not resolved)" if quote.speaker else "unattributed")
        if name not in names:
            names.append(name)
    if names:
        label = "— " + ", ".join(names)
        pad = max(0, measure - cell_len(label))
        emit(Text(" " * pad + label, style=styles["speaker"]))
