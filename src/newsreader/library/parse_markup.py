"""Markdown articles, with optional YAML (``---``) or TOML (``+++``) front matter."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from .byline import parse_byline
from .errors import ParseError
from .fields import article_from_mapping
from .markdown_text import Run, parse_markdown_body, place_runs
from .model import ParsedArticle
from .sanitize import clean_line, ingest_line

_FRONT_MATTER_MAX = 64 * 1024  # metadata, not a document: a bigger block is ignored
_FRONT = re.compile(r"(?P<fence>---|\+\+\+)[ \t]*\n(?P<meta>.*?\n)??(?P=fence)[ \t]*(?:\n|$)", re.DOTALL)
_EMPHASIS_EDGES = "*_ "


def parse_md(text: str) -> ParsedArticle:
    """Parse a Markdown article (already decoded).

    Front matter gives title, author(s), outlet, date and url; without a title
    the first ``# Heading`` is used, else the lede's first sentence. The body is
    read by :mod:`newsreader.library.markdown_text` (CommonMark): the text is
    shown without its syntax, and emphasis, links (with their URL) and headings
    are kept as ``styles``. Bad front matter is ignored.
    """
    meta, body = _split_front_matter(text)
    if not body.strip() and not meta:
        raise ParseError("empty file")
    parsed = parse_markdown_body(body)
    paragraphs, heading = list(parsed.paragraphs), parsed.title
    runs = parsed.runs
    record = dict(meta)
    if not _has(record, "title") and heading is not None:
        record["title"] = heading
    title = record.get("title")
    # Compared decoded ("AT&amp;T" heading, "AT&T" title); both stay raw, as
    # article_from_mapping decodes every value once.
    if paragraphs and isinstance(title, str) and ingest_line(paragraphs[0]) == ingest_line(title):
        paragraphs.pop(0)  # the title repeated as the first heading
        runs = _shift(runs)
    if paragraphs and not any(_has(record, k) for k in ("author", "authors", "byline")):
        line = clean_line(paragraphs[0]).strip(_EMPHASIS_EDGES)
        # Read decoded ("Ren&eacute;e" holds the "&" and ";" that separate names),
        # but hand on the raw line, which article_from_mapping parses the same way.
        if parse_byline(ingest_line(line)) is not None:
            paragraphs.pop(0)
            runs = _shift(runs)
            record["authors"] = line
            raw = parse_byline(line)
            if raw is not None and raw.outlet and not _has(record, "outlet"):
                record["outlet"] = raw.outlet
    article = article_from_mapping(record, paragraphs=paragraphs)
    if not runs:
        return article
    if len(article.paragraphs) != len(paragraphs):  # a paragraph was split or dropped: runs would misplace
        return article
    return replace(article, styles=place_runs(article.paragraphs, runs))


def _shift(runs: list[Run]) -> list[Run]:
    """The runs once the first paragraph is gone."""
    return [run._replace(paragraph=run.paragraph - 1) for run in runs if run.paragraph > 0]


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
