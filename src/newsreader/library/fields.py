"""Article fields from key/value records (JSON, CSV rows, front matter).

Exports name things differently (news-please ``maintext``/``date_publish``,
newspaper ``text``/``publish_date``, read-later ``content``/``site_name``), and
their values do not always have the type the key promises. Everything here
coerces or drops; nothing raises but ParseError("no text").

Values are raw text from a web page's export, so HTML entities are decoded here,
once per value and before any value is split (an author list split on "&" or ";"
would cut "Ren&eacute;e" in two); :func:`finish` then cleans what comes out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from .assemble import finish
from .byline import parse_byline, split_names
from .dates import normalize_date
from .model import ParsedArticle
from .parse_text import split_paragraphs
from .sanitize import decode_entities

_T = TypeVar("_T")

# Keys in order of preference; compared in lower case.
TITLE_KEYS = ("title", "headline")
AUTHOR_KEYS = ("authors", "author", "byline", "creator", "creators", "writer", "by")
BODY_KEYS = (
    "maintext", "text", "content", "body", "article", "article_text", "articlebody",
    "full_text", "fulltext", "description", "summary", "excerpt",
)  # fmt: skip
DATE_KEYS = (
    "date_publish", "published", "date", "publish_date", "published_at", "pubdate",
    "date_published", "datepublished", "publishedat", "published_date", "created_at",
)  # fmt: skip
OUTLET_KEYS = (
    "outlet", "publication", "site_name", "source_domain", "source", "publisher",
    "site", "domain", "media", "newspaper",
)  # fmt: skip
URL_KEYS = ("url", "link", "canonical_url", "permalink", "href")
KNOWN_KEYS = frozenset(TITLE_KEYS + AUTHOR_KEYS + BODY_KEYS + DATE_KEYS + OUTLET_KEYS + URL_KEYS)

# Names a nested object (NewsAPI's "source": {"id": ..., "name": ...}) keeps its text under.
_NAME_KEYS = ("name", "title", "text", "value", "display_name")
_HTML = re.compile(r"(?i)<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|article|section|span|a|em|strong|figure|img)\b[^>]*>")
_HTML_BREAK = re.compile(r"(?i)<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote|article|section|figure)\s*>")
_HTML_DROP = re.compile(r"(?is)<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->")
_HTML_TAG = re.compile(r"<[^>]*>")


def article_from_mapping(
    record: Mapping[Any, object],
    *,
    entry: int = 0,
    paragraphs: Iterable[str] | None = None,
) -> ParsedArticle:
    """Build an article from ``record``; ``paragraphs`` overrides its body keys.

    Every string in ``record`` and ``paragraphs`` is raw: its entities get decoded.
    """
    fields = {key.lower(): value for key, value in record.items() if isinstance(key, str)}
    if paragraphs is None:
        paragraphs = _first(fields, BODY_KEYS, _body) or ()
    else:
        paragraphs = [part for raw in paragraphs for part in _decoded_lines(raw)]
    return finish(
        paragraphs,
        title=_first(fields, TITLE_KEYS, _text),
        authors=_first(fields, AUTHOR_KEYS, _authors) or (),
        outlet=_first(fields, OUTLET_KEYS, _text),
        date=_first(fields, DATE_KEYS, normalize_date),
        url=_first(fields, URL_KEYS, _text),
        entry=entry,
    )


def _first(fields: dict[str, object], keys: tuple[str, ...], coerce: Callable[[object], _T]) -> _T | None:
    """The first of ``keys`` whose value coerces to something non-empty."""
    for key in keys:
        if key in fields:
            value = coerce(fields[key])
            if value:
                return value
    return None


def _text(value: object, depth: int = 0) -> str | None:
    """A string from a string, a number, a named object or a list of strings."""
    if isinstance(value, str):
        return decode_entities(value).strip() or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if depth > 2:
        return None
    if isinstance(value, Mapping):
        for key in _NAME_KEYS:
            text = _text(value.get(key), depth + 1)
            if text:
                return text
        return None
    if isinstance(value, (list, tuple)):
        parts = [t for t in (_text(v, depth + 1) for v in value[:20]) if t]
        return " ".join(parts) or None
    return None


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = decode_entities(value)
        byline = parse_byline(value)
        return byline.authors if byline else split_names(value)
    if isinstance(value, (list, tuple)):
        names: list[str] = []
        for item in value[:50]:
            if isinstance(item, str):
                name: str | None = decode_entities(item)
            else:
                name = _text(item) if isinstance(item, Mapping) else None
            if name and name.strip():
                names.append(name.strip())
        return tuple(names)
    if isinstance(value, Mapping):
        name = _text(value)
        return (name,) if name else ()
    return ()


def _body(value: object) -> list[str]:
    if isinstance(value, str):
        # Tags go before entities are decoded: "&lt;b&gt;" is text, not a tag.
        return split_paragraphs(decode_entities(html_to_text(value))) if value.strip() else []
    if isinstance(value, (list, tuple)):
        return [p for item in value if isinstance(item, str) for p in _body(item)]
    return []


def html_to_text(text: str) -> str:
    """Text from an HTML body (read-later exports) without its tags; other text unchanged.

    Entities are left for the caller to decode (:func:`decode_entities`), once.
    """
    if "<" not in text or not _HTML.search(text):
        return text
    text = _HTML_DROP.sub("", text)
    text = _HTML_BREAK.sub("\n\n", text)
    return _HTML_TAG.sub("", text)


def _decoded_lines(paragraph: str) -> list[str]:
    # A decoded "&#10;" is a line break: split there, as a body read whole would be.
    return decode_entities(paragraph).split("\n")
