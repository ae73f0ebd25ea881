"""Markdown articles, with optional YAML (``---``) or TOML (``+++``) front matter."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .byline import parse_byline
from .errors import ParseError
from .fields import article_from_mapping
from .model import ParsedArticle
from .parse_text import split_paragraphs
from .sanitize import clean_line, ingest_line

_FRONT_MATTER_MAX = 64 * 1024  # metadata, not a document: a bigger block is ignored
_FRONT = re.compile(r"(?P<fence>---|\+\+\+)[ \t]*\n(?P<meta>.*?\n)??(?P=fence)[ \t]*(?:\n|$)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_IMAGE_LINE = re.compile(r"\s*\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?\s*")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_HEADING = re.compile(r"\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*")
_SETEXT = re.compile(r"\s{0,3}(=+|-+)\s*")
_RULE = re.compile(r"\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})")
_FENCE = re.compile(r"\s{0,3}(?:```|~~~)")
_QUOTE = re.compile(r"\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"\s*[-*+]\s+")
_NUMBERED = re.compile(r"\s*\d{1,3}[.)]\s+")
_EMPHASIS_EDGES = "*_ "


def parse_md(text: str) -> ParsedArticle:
    """Parse a Markdown article (already decoded).

    Front matter gives title, author(s), outlet, date and url; without a title
    the first ``# Heading`` is used, else the lede's first sentence. Images,
    HTML comments, fences and rules are dropped; heading and list markers are
    stripped; ``[text](url)`` keeps its text. Bad front matter is ignored.
    """
    meta, body = _split_front_matter(text)
    if not body.strip() and not meta:
        raise ParseError("empty file")
    if "<!--" in body:
        body = _COMMENT.sub("", body)
    if "](" in body:
        body = _LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), body)
    lines, heading = _blocks(body)
    paragraphs = [p for p in split_paragraphs("\n".join(lines)) if p.strip()]
    record = dict(meta)
    if not _has(record, "title") and heading is not None:
        record["title"] = heading
    title = record.get("title")
    # Compared decoded ("AT&amp;T" heading, "AT&T" title); both stay raw, as
    # article_from_mapping decodes every value once.
    if paragraphs and isinstance(title, str) and ingest_line(paragraphs[0]) == ingest_line(title):
        paragraphs.pop(0)  # the title repeated as the first heading
    if paragraphs and not any(_has(record, k) for k in ("author", "authors", "byline")):
        line = clean_line(paragraphs[0]).strip(_EMPHASIS_EDGES)
        # Read decoded ("Ren&eacute;e" holds the "&" and ";" that separate names),
        # but hand on the raw line, which article_from_mapping parses the same way.
        if parse_byline(ingest_line(line)) is not None:
            paragraphs.pop(0)
            record["authors"] = line
            raw = parse_byline(line)
            if raw is not None and raw.outlet and not _has(record, "outlet"):
                record["outlet"] = raw.outlet
    return article_from_mapping(record, paragraphs=paragraphs)


def _has(record: Mapping[str, object], key: str) -> bool:
    return bool(record.get(key))


def _split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """(metadata, body); metadata is {} when absent or unreadable."""
    if not text.startswith(("---", "+++")):
        return {}, text
    match = _FRONT.match(text)
    if match is None or len(match.group(0)) > _FRONT_MATTER_MAX:
        return {}, text
    body = text[match.end() :]
    source = match["meta"] or ""
    try:
        if match["fence"] == "+++":
            import tomllib

            meta: object = tomllib.loads(source)
        else:
            import yaml  # only files with front matter pay for the import

            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            meta = yaml.load(source, Loader=loader)  # noqa: S506 - a safe loader
    except Exception:  # noqa: BLE001 - YAML/TOML libraries raise many types on bad input
        return {}, body
    if not isinstance(meta, dict):
        return {}, text  # a rule, prose, a rule: not front matter at all
    return {k.lower(): v for k, v in meta.items() if isinstance(k, str)}, body


def _blocks(body: str) -> tuple[list[str], str | None]:
    """Lines with markdown syntax stripped, blank lines around block elements,
    and the first level-one heading's text."""
    out: list[str] = []
    heading: str | None = None
    previous = ""
    for line in body.split("\n"):
        if _FENCE.match(line) or _IMAGE_LINE.fullmatch(line):
            out.append("")
            previous = ""
            continue
        setext = _SETEXT.fullmatch(line)
        if setext and previous.strip():
            # "Title\n=====": the line above was a heading, already emitted as text.
            if setext.group(1)[0] == "=" and heading is None:
                heading = clean_line(previous)
            out[-1:] = ["", previous.strip(), ""]
            previous = ""
            continue
        if _RULE.fullmatch(line):
            out.append("")
            previous = ""
            continue
        atx = _HEADING.fullmatch(line)
        if atx:
            text = atx.group(2).strip()
            if len(atx.group(1)) == 1 and heading is None:
                heading = clean_line(text)
            out.extend(("", text, ""))
            previous = ""
            continue
        quote = _QUOTE.match(line)
        if quote:
            line = line[quote.end() :]
        bullet = _BULLET.match(line)
        if bullet:
            out.extend(("", "• " + line[bullet.end() :]))
        elif _NUMBERED.match(line):
            out.extend(("", line.strip()))
        else:
            out.append(line)
        previous = line
    return out, heading
