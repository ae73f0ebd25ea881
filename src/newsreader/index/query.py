"""The search language, parsed into a safe FTS5 MATCH expression plus SQL filters.

Syntax: ``words``, ``"exact phrases"``, ``prefix*``, ``a OR b``, ``-exclude``,
and fields: ``title:`` ``author:`` (searched in those columns), ``outlet:``
(the words of the outlet's shown name, or its name as written: ``outlet:bulletin``
and ``outlet:coastalbulletin`` both find the Coastal Bulletin),
``person:`` ``org:`` ``place:`` (named entities), ``quoted:`` (a quote's
speaker), ``cites:`` (a cited source), ``after:2023-10-01`` (on or after) and
``before:`` (strictly before). Field values may be quoted
(``person:"Jonas Berg"``); name fields match whole trailing words of a name,
case-insensitively (``person:berg`` finds "Jonas Berg"), or a prefix with ``*``.

Terms are ANDed; ``OR`` joins its neighbours; ``NOT x`` is ``-x``. A plain word
also finds its regular English forms ("flood": "floods", "flooded", "flooding";
:mod:`newsreader.index.inflect`); a quoted word or phrase is matched as written. Every user term reaches FTS5 as a
quoted string (inner quotes doubled) and every SQL value as a bound parameter,
so no input can cause a syntax error: bad input raises :class:`QueryError`.

:mod:`newsreader.index.query_syntax` splits the input into terms; this module
turns them into the MATCH expression and the SQL of each field.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from newsreader.index.inflect import word_forms
from newsreader.index.query_syntax import COLUMN_FIELDS, ENTITY_FIELDS, Term, term_groups
from newsreader.index.query_syntax import QueryError as QueryError  # the language's one error, raised by both
from newsreader.index.writer import norm_key
from newsreader.library.outlets import display_outlet

MAX_TERMS = 40
MAX_CHARS = 1000
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
_NAME_TOP = "\U0010ffff"


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: ``match`` for FTS5 (None when only filters were given),
    ``where`` SQL conditions with ``params``. Conditions name the article's rowid
    ``{doc}``, to be formatted in by the caller, and only that: each tests it
    against an indexed subquery, so no join is needed."""

    match: str | None
    where: tuple[str, ...] = ()
    params: tuple[object, ...] = ()
    words: tuple[str, ...] = field(default=())


def quote_fts(value: str) -> str:
    """``value`` as an FTS5 string literal (inner double quotes doubled)."""
    return '"' + value.replace('"', '""') + '"'


def parse_query(text: str) -> Query:
    """Parse user input; raises QueryError (never anything else) on bad input."""
    if not isinstance(text, str):
        raise QueryError("nothing to search for")
    if len(text) > MAX_CHARS:
        raise QueryError(f"query too long (at most {MAX_CHARS} characters)")
    groups = term_groups(text)
    if sum(len(group) for group in groups) > MAX_TERMS:
        raise QueryError(f"too many terms (at most {MAX_TERMS})")
    match_parts: list[str] = []
    excluded: list[str] = []
    where: list[str] = []
    params: list[object] = []
    words: list[str] = []
    for group in groups:
        if len(group) == 1 and group[0].negated:
            term = group[0]
            if term.field is None or term.field in COLUMN_FIELDS:
                excluded.append(_fts_atom(term))
            else:
                sql, values = _condition(term)
                where.append(f"NOT ({sql})")
                params.extend(values)
            continue
        if all(t.field is None or t.field in COLUMN_FIELDS for t in group):
            match_parts.append(" OR ".join(_fts_atom(t) for t in group))
            words.extend(t.value for t in group)
            continue
        alternatives = []
        for term in group:
            if term.field is None or term.field in COLUMN_FIELDS:
                alternatives.append("{doc} IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
                params.append(_fts_atom(term))
                words.append(term.value)
            else:
                sql, values = _condition(term)
                alternatives.append(sql)
                params.extend(values)
        where.append("(" + " OR ".join(alternatives) + ")")
    if not match_parts and not where and not excluded:
        raise QueryError("nothing to search for")
    match = " AND ".join(f"({part})" for part in match_parts) or None
    if excluded:
        # Only exclusions ("NOT ferries") list every article without those words.
        exclusion = " OR ".join(excluded)
        if match:
            match = f"({match}) NOT ({exclusion})"
        else:
            where.append("{doc} NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
            params.append(exclusion)
    return Query(match, tuple(where), tuple(params), tuple(words))


def sole_field(text: str) -> tuple[str, str] | None:
    """(field, value) when ``text`` is one positive field term alone (``quoted:"Siri Holm"``),
    else None; raises nothing (bad input is None)."""
    try:
        groups = term_groups(text)
    except QueryError:
        return None
    term = groups[0][0] if len(groups) == 1 and len(groups[0]) == 1 else None
    return (term.field, term.value) if term is not None and term.field and not term.negated else None


def _fts_atom(term: Term) -> str:
    forms = (term.value,) if term.exact or term.prefix else word_forms(term.value)
    if len(forms) > 1:
        # "flood" finds "floods", "flooded" and "flooding" (see index/inflect.py).
        atom = "(" + " OR ".join(quote_fts(form) for form in forms) + ")"
    else:
        atom = quote_fts(term.value) + (" *" if term.prefix else "")
    if term.field in COLUMN_FIELDS:
        return f"{COLUMN_FIELDS[term.field]} : {atom}"
    return atom


def _condition(term: Term) -> tuple[str, list[object]]:
    """SQL (over ``a``) and parameters for a field term that FTS5 does not handle."""
    if term.field == "outlet":
        # The outlets table is small (one row per outlet): the matcher runs once per
        # outlet and query, then each hit is a lookup of its outlet id.
        return ("EXISTS (SELECT 1 FROM articles WHERE doc = {doc} AND outlet IN "
                "(SELECT id FROM outlets WHERE outlet_matches(name, ?, ?)))", [term.value, int(term.prefix)])
    if term.field in ("after", "before"):
        day = _date(term.field, term.value)
        test = ">=" if term.field == "after" else "<"
        # A lookup of the row's date: an IN list would hold every article of the range
        # (half a million at 1,000,000, rebuilt for each search: ~0.5 s).
        return f"EXISTS (SELECT 1 FROM articles WHERE doc = {{doc}} AND date {test} ?)", [day]
    norm = norm_key(term.value)
    values: list[object]
    if term.prefix:
        forms, values = "SELECT norm FROM forms WHERE form >= ? AND form < ?", [norm, norm + _NAME_TOP]
    else:
        forms, values = "SELECT norm FROM forms WHERE form = ?", [norm]
    names = f"SELECT id FROM names WHERE norm IN ({forms})"
    labels = ENTITY_FIELDS.get(term.field or "")
    if labels is not None:
        marks = ", ".join("?" * len(labels))
        sql = f"{{doc}} IN (SELECT doc FROM entities WHERE name IN ({names}) AND label IN ({marks}))"
        return sql, [*values, *labels]
    if term.field == "quoted":
        return f"{{doc}} IN (SELECT doc FROM quotes WHERE speaker IN ({names}))", values
    return f"{{doc}} IN (SELECT doc FROM citations WHERE name IN ({names}))", values


_WORD = re.compile(r"\w+")


def outlet_matches(name: str | None, value: str, prefix: int) -> int:
    """SQL function: 1 when the ``outlet:`` value ``value`` names the outlet
    ``name`` (as written): every word of ``value`` is a word of the shown name
    (with ``prefix``, the last may start one), or ``value`` squashed to letters and
    digits is the shown name's or the written name's squashed form. Never raises."""
    if not name:
        return 0
    shown = display_outlet(name).casefold()
    wanted = _WORD.findall(value.casefold())
    if not wanted:
        return 0
    squashed = "".join(wanted)
    if squashed in ("".join(_WORD.findall(shown)), "".join(_WORD.findall(name.casefold()))):
        return 1
    words = _WORD.findall(shown)
    *whole, last = wanted
    if not all(word in words for word in whole):
        return 0
    return int(any(word.startswith(last) for word in words) if prefix else last in words)


def _date(name: str, value: str) -> str:
    found = _DATE_RE.match(value.strip())
    if found:
        year, month, day = found.groups()
        try:
            datetime.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            pass
        else:
            return found.group(0)
    raise QueryError(f"{name}: needs a date like 2024-03-01")
