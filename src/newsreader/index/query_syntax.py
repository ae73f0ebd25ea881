"""The search language's syntax: user input split into terms, and terms into OR-groups.

This module reads the text only; :mod:`newsreader.index.query` (which documents
the language) turns the groups into an FTS5 MATCH expression and SQL filters.
A term is a word, a quoted phrase (``"..."``, or typographic quotes; an
unclosed quote runs to the end), or ``field:value`` for a field in
:data:`FIELDS`, each possibly negated (``-x``, ``NOT x``) or a prefix (``x*``).
``OR`` joins its neighbours into one group; a negated term always stands alone.
Bad input raises :class:`QueryError`, never anything else.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newsreader.labels import SEARCH_FIELDS

#: Opening quote -> the quote that closes it.
QUOTES = {'"': '"', "“": "”", "”": "”", "„": "“"}
#: Fields searched by FTS5 in one column of the full-text index -> that column.
COLUMN_FIELDS = {"title": "title", "author": "authors"}
ENTITY_FIELDS = SEARCH_FIELDS  # person: org: place: -> labels, from the one table of entity kinds
#: Fields tested by SQL on the article's row or its analysis tables.
OTHER_FIELDS = ("quoted", "cites", "after", "before", "outlet")
FIELDS = {*COLUMN_FIELDS, *ENTITY_FIELDS, *OTHER_FIELDS}
_FIELD_RE = re.compile(r"([A-Za-z]+):(.*)\Z", re.S)


class QueryError(ValueError):
    """A query that cannot be run, with a short message for the user."""


@dataclass(frozen=True, slots=True)
class Term:
    """One term of a query: ``value`` as written (quotes and a trailing ``*`` taken off)."""

    field: str | None  # None for plain text
    value: str
    prefix: bool = False
    negated: bool = False
    exact: bool = False  # quoted: searched as written, never widened to other word forms


def term_groups(text: str) -> list[list[Term]]:
    """``text`` as OR-groups of terms, in order (a group of one for a term without ``OR``).

    Control characters, lone surrogates and unassigned code points count as spaces;
    a term without letters or digits (outside a field that SQL tests) is dropped, as
    it would match nothing. Raises QueryError for a field without a value.
    """
    return _group(_terms(_clean(text)))


def _clean(text: str) -> str:
    """Control characters, lone surrogates and unassigned code points become spaces."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cs", "Cn", "Zl", "Zp") else ch for ch in text)


def _terms(text: str) -> list[Term | str]:
    """Split input into terms and "OR" markers."""
    out: list[Term | str] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        elif text.startswith("NOT", i) and i + 3 < n and text[i + 3].isspace() and text[i + 4:].strip():
            # "NOT ferry", as FTS5 and web search engines write it, is "-ferry".
            i += 3
            while text[i].isspace():
                i += 1
            negated = not (text[i] == "-" and i + 1 < n and not text[i + 1].isspace())
            if not negated:
                i += 1  # "NOT -x": two negations; x is searched for
        if text[i] in QUOTES:
            value, i = _quoted(text, i)
            prefix = i < n and text[i] == "*"
            i += prefix
            _add(out, Term(None, value, prefix, negated, exact=True))
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] not in QUOTES:
            i += 1
        word = text[start:i]
        found = _FIELD_RE.match(word)
        name = found.group(1).lower() if found else None
        if found and name in FIELDS:
            value = found.group(2)
            prefix = False
            exact = False
            if not value and i < n and text[i] in QUOTES:
                value, i = _quoted(text, i)
                prefix = i < n and text[i] == "*"
                i += prefix
                exact = True
            elif value.endswith("*"):
                value, prefix = value.rstrip("*"), True
            if not value.strip():
                raise QueryError(f"{name}: needs a value" if name not in ("after", "before")
                                 else f"{name}: needs a date like 2024-03-01")
            _add(out, Term(name, value, prefix, negated, exact))
            continue
        if word == "OR" and not negated:
            out.append("OR")
            continue
        prefix = word.endswith("*")
        _add(out, Term(None, word.rstrip("*").replace("*", " "), prefix, negated))
    return out


def _quoted(text: str, i: int) -> tuple[str, int]:
    """The quoted string opening at ``text[i]`` and the index after it (unclosed runs to the end)."""
    close = QUOTES[text[i]]
    end = text.find(close, i + 1)
    if end < 0 and close != '"':
        end = text.find('"', i + 1)
    if end < 0:
        return text[i + 1:], len(text)
    return text[i + 1:end], end + 1


def _add(out: list[Term | str], term: Term) -> None:
    # Text without letters or digits tokenizes to nothing, which would match nothing.
    if term.field in FIELDS - set(COLUMN_FIELDS) or any(ch.isalnum() for ch in term.value):
        out.append(term)


def _group(items: list[Term | str]) -> list[list[Term]]:
    """OR-groups of terms (negated terms always stand alone)."""
    groups: list[list[Term]] = []
    joining = False
    for item in items:
        if item == "OR":
            joining = bool(groups) and not groups[-1][-1].negated
            continue
        assert isinstance(item, Term)
        if joining and not item.negated:
            groups[-1].append(item)
        else:
            groups.append([item])
        joining = False
    return groups
