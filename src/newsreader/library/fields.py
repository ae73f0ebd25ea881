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

# THE key mapping: each field, and the keys that fill it in order of preference
# (compared in lower case), with the tools that write them. The README's table
# of export keys is this one; tests/test_library_fields.py holds a case per tool.
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    # news-please falls back to title_rss / title_page when "title" is null.
    "title": ("title", "headline", "title_rss", "title_page"),
    # wallabag: published_by; "A | B" and "A; B" become several authors.
    "authors": ("authors", "author", "byline", "creator", "creators", "writer", "by", "published_by", "author_name"),
    # news-please: maintext; trafilatura: text, raw_text; Readwise: html; WordPress: content.rendered.
    "body": ("maintext", "text", "content", "body", "article", "article_text", "articlebody", "full_text",
             "fulltext", "raw_text", "html", "content_html", "description", "summary", "excerpt"),
    # Kept as the first paragraph when the body does not already start with it.
    "lede": ("lead", "lede", "standfirst", "description"),
    "date": ("date_publish", "published", "date", "publish_date", "published_at", "pubdate", "date_published",
             "datepublished", "publishedat", "published_date", "date_gmt", "created_at", "savedat", "saved_at",
             "time_added"),
    # A value that is a web address is a URL, not an outlet (trafilatura's "source").
    "outlet": ("outlet", "publication", "site_name", "sitename", "meta_site_name", "source_domain", "domain_name",
               "source", "publisher", "site", "domain", "media", "newspaper", "hostname", "source-hostname"),
    "url": ("url", "link", "canonical_url", "canonical_link", "permalink", "href", "source_url", "original_url",
            "resolved_url", "given_url", "source"),
}
TITLE_KEYS = FIELD_KEYS["title"]
AUTHOR_KEYS = FIELD_KEYS["authors"]
BODY_KEYS = FIELD_KEYS["body"]
LEDE_KEYS = FIELD_KEYS["lede"]
DATE_KEYS = FIELD_KEYS["date"]
OUTLET_KEYS = FIELD_KEYS["outlet"]
URL_KEYS = FIELD_KEYS["url"]
KNOWN_KEYS = frozenset(key for keys in FIELD_KEYS.values() for key in keys)

# Names a nested object (NewsAPI's "source": {"id": ..., "name": ...}) keeps its text under.
_NAME_KEYS = ("name", "title", "text", "value", "display_name", "rendered")
_WEB_ADDRESS = re.compile(r"(?i)^\s*https?://\S+\s*$")
_AUTHOR_BARS = re.compile(r"\s*\|\s*")
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
        paragraphs = _with_lede(fields, _body_of(fields))
    else:
        paragraphs = [part for raw in paragraphs for part in _decoded_lines(raw)]
    return finish(
        paragraphs,
        title=_first(fields, TITLE_KEYS, _text),
        authors=_first(fields, AUTHOR_KEYS, _authors) or (),
        outlet=_first(fields, OUTLET_KEYS, _outlet),
        date=_first(fields, DATE_KEYS, normalize_date),
        url=_first(fields, URL_KEYS, _url),
        entry=entry,
    )


def _body_of(fields: dict[str, object]) -> tuple[str | None, list[str]]:
    """(the key the body came from, its paragraphs)."""
    for key in BODY_KEYS:
        if key in fields:
            paragraphs = _body(fields[key])
            if paragraphs:
                return key, paragraphs
    return None, []


def _with_lede(fields: dict[str, object], body: tuple[str | None, list[str]]) -> list[str]:
    """The body, after the lede (a dataset's ``lead``) when the body does not start with it already."""
    key, paragraphs = body
    if key is None or key in LEDE_KEYS:
        return paragraphs
    for lede_key in LEDE_KEYS:
        lede = _body(fields[lede_key]) if lede_key in fields else []
        if lede:
            opening = _folded(" ".join(paragraphs)[: 4 * len(" ".join(lede)) + 200])
            return paragraphs if opening.startswith(_folded(" ".join(lede))) else lede + paragraphs
    return paragraphs


def _folded(text: str) -> str:
    # Compared without case, spacing or a trailing ellipsis: datasets cut ledes with "..." or "…".
    return " ".join(text.casefold().split()).rstrip(".… ")


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
        if isinstance(value.get("rendered"), str):  # WordPress REST: {"rendered": "<em>HTML</em>"}
            return _text(html_to_text(value["rendered"]), depth + 1)
        for key in _NAME_KEYS:
            text = _text(value.get(key), depth + 1)
            if text:
                return text
        return None
    if isinstance(value, (list, tuple)):
        parts = [t for t in (_text(v, depth + 1) for v in value[:20]) if t]
        return " ".join(parts) or None
    return None


def _outlet(value: object) -> str | None:
    text = _text(value)
    return None if text is None or _WEB_ADDRESS.match(text) else text


def _url(value: object) -> str | None:
    # An address has no spaces and a dot or slash: NewsAPI's "source" object names an outlet, not a URL.
    text = _text(value)
    return text if text and not any(c.isspace() for c in text) and ("." in text or "/" in text) else None


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = decode_entities(value)
        if "|" in value:  # datasets join authors with bars: "A | B"
            return tuple(name for part in _AUTHOR_BARS.split(value) for name in _authors(part))
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
    if isinstance(value, Mapping) and isinstance(value.get("rendered"), str):  # WordPress REST
        return _body(value["rendered"])
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
