"""Markdown bodies to plain paragraphs and the styled runs inside them.

`markdown-it-py` (CommonMark, with tables and strikethrough; it comes with
Textual) parses the body, so emphasis markers, link syntax and heading marks
never reach the reader as raw characters. What the syntax meant is kept beside
the text as :class:`Run` records: emphasis, strong, code, links (the text shown,
the URL kept) and headings, in reading order, for the reading pane to style.

Bodies without any Markdown syntax take a fast path that gives the same
paragraphs: most articles in a folder of notes are plain prose, and the parser
costs about a millisecond per article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from .model import TextStyle

if TYPE_CHECKING:
    from markdown_it.token import Token

from .parse_text import split_paragraphs

# A character or line start that can begin Markdown syntax; without one, the
# CommonMark reading of a body is its paragraphs with soft breaks as spaces.
_SYNTAX = re.compile(r"[*_`\[\]<>#|~\\!&]|^\s{0,3}(?:[-+=]|\d{1,9}[.)])(?:\s|$)|^ {4}|^\s{0,3}(?:-{2,}|={2,})", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BLOCK_START = re.compile(r"\s{0,3}(?:[-+*>|#]|\d{1,9}[.)]|```|~~~)")
_WRAPPED_LINE_MAX = 100  # as in parse_text: shorter lines inside a block are wrapped prose
_TAG = re.compile(r"<[^>\n]*>")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


class Run(NamedTuple):
    """A styled stretch of the body: ``text`` as shown, ``kind`` one of
    "emphasis", "strong", "strike", "code", "link" or "heading", and for links
    the URL (``href``) the text pointed to; ``paragraph`` is the index of its
    paragraph and ``start`` where it starts in the paragraph's raw text (an
    upper bound once whitespace is collapsed and entities decoded)."""

    text: str
    kind: str
    href: str | None = None
    paragraph: int = 0
    start: int = 0


class MarkdownBody(NamedTuple):
    """A parsed body: ``paragraphs`` (plain text, one per block), ``runs`` (in
    reading order) and ``title`` (the first level-one heading's text, or None)."""

    paragraphs: list[str]
    runs: list[Run]
    title: str | None


def parse_markdown_body(body: str) -> MarkdownBody:
    """Parse ``body`` (Markdown without front matter). Never raises.

    Headings, list items (with "• " or their number), table rows (cells joined
    by " · "), quotations and code blocks each become paragraphs; images, HTML
    comments and rules are dropped; HTML blocks keep their text.
    """
    if not _SYNTAX.search(body):
        return MarkdownBody([p for p in split_paragraphs(body) if p.strip()], [], None)
    from markdown_it import MarkdownIt  # only bodies with syntax pay for the import

    body = _separate_long_lines(body)

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # Entities stay as written: the record builder decodes every string once.
    parser.disable("entity")
    paragraphs: list[str] = []
    placed: list[Run] = []
    title: str | None = None
    prefix = ""
    numbers: list[int] = []
    row: list[str] = []
    tokens = parser.parse(body)
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "ordered_list_open":
            numbers.append(int(token.attrGet("start") or 1))
        elif kind == "ordered_list_close" and numbers:
            numbers.pop()
        elif kind == "list_item_open":
            if token.markup in ("-", "+", "*"):
                prefix = "• "
            elif numbers:
                prefix = f"{numbers[-1]}. "
                numbers[-1] += 1
        elif kind == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            cell, found = _inline_text(token.children or [])
            at = len(" · ".join(c for c in row if c)) + (3 if any(row) else 0)
            placed.extend(run._replace(paragraph=len(paragraphs), start=run.start + at) for run in found)
            row.append(cell)
        elif kind == "tr_close":
            paragraphs.append(" · ".join(cell for cell in row if cell))
            row = []
        elif kind == "inline":
            text, found = _inline_text(token.children or [])
            placed.extend(run._replace(paragraph=len(paragraphs), start=run.start + len(prefix)) for run in found)
            opener = tokens[index - 1]
            if opener.type == "heading_open" and text:
                placed.append(Run(text, "heading", None, len(paragraphs), 0))
                if opener.tag == "h1" and title is None:
                    title = text
            paragraphs.append(prefix + text)
            prefix = ""
        elif kind in ("fence", "code_block"):
            paragraphs.extend(line for line in token.content.split("\n") if line.strip())
        elif kind == "html_block":
            text = _TAG.sub("", _COMMENT.sub("", token.content)).strip()
            paragraphs.extend(line for line in text.split("\n") if line.strip())
    # Blank paragraphs are dropped below: renumber the runs to match.
    kept = [i for i, p in enumerate(paragraphs) if p.strip()]
    number = {old: new for new, old in enumerate(kept)}
    runs = sorted((r._replace(paragraph=number[r.paragraph]) for r in placed if r.paragraph in number),
                  key=lambda r: (r.paragraph, r.start))
    return MarkdownBody([paragraphs[i] for i in kept], runs, title)


def place_runs(paragraphs: Sequence[str], runs: Sequence[Run]) -> tuple[TextStyle, ...]:
    """The runs as offsets into the body ``"\\n".join(paragraphs)``, the final
    (cleaned) paragraphs the runs were found in. A run whose text is no longer
    in its paragraph (cleaning changed it) is left out. Never raises."""
    starts: list[int] = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 1
    styles: list[TextStyle] = []
    for run in runs:
        if run.paragraph >= len(paragraphs):
            continue
        text = paragraphs[run.paragraph]
        # Collapsing spaces and decoding entities only shorten the text, so the
        # run starts at or before its raw start: the last match up to there.
        at = text.rfind(run.text, 0, run.start + len(run.text))
        if at < 0:
            at = text.find(run.text)
        if at >= 0:
            begin = starts[run.paragraph] + at
            styles.append(TextStyle(begin, begin + len(run.text), run.kind, run.href))
    return tuple(styles)


def _separate_long_lines(body: str) -> str:
    """Blank lines between the long lines of a block: files written one paragraph
    per line (as the text format is) mean one paragraph per line, where
    CommonMark would join them into one."""
    blocks = _BLANK_LINE.split(body)
    for number, block in enumerate(blocks):
        lines = block.split("\n")
        if (len(lines) > 1 and max(map(len, lines[:-1])) > _WRAPPED_LINE_MAX
                and not any(_BLOCK_START.match(line) for line in lines)):
            blocks[number] = "\n\n".join(lines)
    return "\n\n".join(blocks)


_STYLE_OF = {"em_open": "emphasis", "strong_open": "strong", "s_open": "strike"}
_CLOSERS = {"em_close", "strong_close", "s_close", "link_close"}


def _inline_text(children: list[Token]) -> tuple[str, list[Run]]:
    """The text an inline token shows, and its styled stretches with where they start."""
    out: list[str] = []
    size = 0
    found: list[Run] = []
    open_runs: list[tuple[int, str, str | None]] = []
    for child in children:
        kind = child.type
        if kind in _STYLE_OF or kind == "link_open":
            href = child.attrGet("href") if kind == "link_open" else None
            open_runs.append((size, _STYLE_OF.get(kind, "link"), str(href) if href else None))
            continue
        if kind in _CLOSERS:
            if open_runs:
                start, style, href = open_runs.pop()
                text = " ".join("".join(out)[start:].split())
                if text:
                    found.append(Run(text, style, href, 0, start))
            continue
        piece = ""
        if kind in ("softbreak", "hardbreak"):
            piece = " "
        elif kind == "code_inline":
            piece = child.content
            if piece.strip():
                found.append(Run(" ".join(piece.split()), "code", None, 0, size))
        elif kind == "text":
            piece = child.content
        # images and inline HTML show nothing
        out.append(piece)
        size += len(piece)
    return " ".join("".join(out).split()), found
