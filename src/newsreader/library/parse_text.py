"""Plain-text articles: our users' byline format and ordinary text files."""

from __future__ import annotations

import re

from .assemble import finish
from .byline import Byline, parse_byline
from .errors import ParseError
from .furniture import drop_furniture
from .model import ParsedArticle
from .sanitize import ingest_text

TITLE_LINE_MAX = 120
_WRAPPED_LINE_MAX = 100  # lines this short inside a block are hard-wrapped prose

_BLANK_LINE = re.compile(r"\n\s*\n")

def parse_txt(text: str) -> ParsedArticle:
    """Parse a ``.txt`` article (already decoded from bytes; HTML entities are decoded here).

    A first line "By <authors>, <role>. Media: <outlet>" is a byline and each
    following line a paragraph. Otherwise a short first line without a final
    full stop is the title (optionally followed by a byline line), and paragraphs
    are separated by blank lines or are one per line. Platform
    furniture (subscribe boxes, counters, footer cards, comments: see
    :mod:`newsreader.library.furniture`) is dropped. Raises ParseError for empty files or no text.
    """
    text = ingest_text(text).strip()  # decodes entities: finish(cleaned=True) must not
    if not text:
        raise ParseError("empty file")
    first, _, rest = text.partition("\n")
    first = first.strip()
    title: str | None = None
    byline = parse_byline(first)
    if byline is None and rest.strip() and _is_title_line(first):
        title = first
        byline, rest = _take_byline(rest)
    elif byline is None:
        rest = text
    body = drop_furniture(rest)
    return finish(
        split_paragraphs(body),
        title=title,
        authors=byline.authors if byline else (),
        role=byline.role if byline else None,
        outlet=byline.outlet if byline else None,
        cleaned=True,
    )


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text``: blocks between blank lines, or one per line.

    Inside a block, short lines are hard-wrapped prose and are joined; a block of
    long lines is one paragraph per line. Blank entries may remain (callers strip).
    """
    if not _BLANK_LINE.search(text):
        return text.split("\n")
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(text):
        lines = block.split("\n")
        if len(lines) > 1 and max(map(len, lines[:-1])) <= _WRAPPED_LINE_MAX:
            paragraphs.append(" ".join(line.strip() for line in lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_title_line(line: str) -> bool:
    return len(line) < TITLE_LINE_MAX and not line.endswith(".")


def _take_byline(rest: str) -> tuple[Byline | None, str]:
    """A byline on the first non-blank line after a title, and what follows it."""
    stripped = rest.lstrip()
    line, _, after = stripped.partition("\n")
    byline = parse_byline(line.strip())
    if byline is None:
        return None, rest
    return byline, after
