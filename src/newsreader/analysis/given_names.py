"""First names with their usual gender, so pronouns can agree with the person they stand for.

Data: ``data/given_names.tsv``, built by ``build_given_names.py`` from the 1990 US Census first-name
and surname tables (public domain, a work of the US government), taken from the MIT-licensed ``names``
package, plus a hand table of international given names written for newsreader (MIT). About 3,800
names: those borne by at least 1 in 33,000 American men or women in 1990, and the hand table.

API (all case-insensitive; accents are folded, so "José" and "Søren" find "jose" and "soren"):

- ``gender(first) -> "m" | "f" | None``: None for an unknown or unisex name ("Taylor", "Andrea").
- ``is_given_name(word) -> bool``: a known given name that is not mainly an English word.
- ``lookup(word) -> GivenName | None``: the full row, including how often the Census saw the word as a
  surname, so a caller can tell that a lone "Johnson" or "Nelson" is far more likely a surname.

A hyphenated name takes the gender of its first part ("Anne-Marie" is f), except that a few names
change gender there: "Jean" alone is unisex, but "Jean-Marc" is m.

The table is read on the first call (a few milliseconds) and kept. A missing table raises
FileNotFoundError and a malformed line ValueError, both from that first call; after that, no function
here raises for any ``str`` argument.
"""

from __future__ import annotations

import os
import unicodedata
from collections import namedtuple
from functools import lru_cache

# os.path rather than pathlib, and namedtuple rather than typing.NamedTuple: those two imports would
# cost more than reading the table.
TABLE = os.path.join(os.path.dirname(__file__), "data", "given_names.tsv")
_GENDERS = frozenset(("m", "f", "u"))

# Census names that, capitalised at the start of a sentence or in a headline, are far more often an
# ordinary word than a name: English words ("Will", "May", "Bill"), titles ("King", "Earl"), adjectives
# ("Christian", "German") and name particles ("Al Jazeera", "van der Berg", "Les Echos"). gender()
# still answers for them, since a caller that already knows "Will Hurd" is a person wants "he".
# Real names that are rarely words there (Frank, Jack, Guy, Hunter, Drew) stay names: the caller also
# weighs context. Places ("Paris", "Jordan", "Austin") are not listed: the gazetteer knows them, and the
# caller decides between place and person.
NOT_NAMES_WHEN_CAPITALISED = frozenset("""
will may mark rose hope grant young long joy faith grace art bill buck chance chase major miles page rich
ward august april june dawn destiny crystal precious princess prince queen king earl marquis sterling star
starr summer autumn sunny sunshine windy ivory jewel pearl coral amber olive cherry candy merry mercy charity
chastity prudence glory melody noble royal earnest gay lane forest dean tory christian german roman booker
santa mercedes al les del van von
""".split())

# Letters that NFKD does not split into a base letter plus accent.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                       "ı": "i"})
# News text writes the hyphen in "Jean-Marc" with any of these; a soft hyphen only marks where a line
# may break, so it goes.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u00ad": ""})


class GivenName(namedtuple("GivenName", "name gender given surname")):
    """One row of the table: ``name`` (str, lowercase), ``gender`` ("m", "f" or "u" for unisex), and
    ``given`` and ``surname`` (int | None), the Census shares per million people of that word as a
    first name and as a surname (None for a hand-table name the Census lacks)."""

    __slots__ = ()


@lru_cache(maxsize=1)
def _table() -> dict[str, list[str]]:
    """Lowercase name -> its row's fields, as strings: converting only the rows asked for keeps the
    first call cheap."""
    with open(TABLE, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    rows = [line.split("\t") for line in lines if line and line[0] != "#"]
    for row in rows:
        if len(row) != 4 or row[1] not in _GENDERS:
            raise ValueError(f"{TABLE}: expected name, m/f/u, given, surname; got {row!r}")
    return {row[0]: row for row in rows}


def _key(word: str) -> str:
    """Lowercase ASCII form of a word, as the table spells names."""
    key = word.strip().lower().translate(_HYPHENS)
    if not key.isascii():
        key = unicodedata.normalize("NFKD", key.translate(_FOLD)).encode("ascii", "ignore").decode("ascii")
    return key


def _find(word: str) -> list[str] | None:
    """The row for a word, or for the first part of a hyphenated one."""
    table = _table()
    key = _key(word)
    row = table.get(key)
    if row is None and "-" in key:
        head = key.split("-", 1)[0]
        # "jean-" rows hold the gender a name takes at the front of a hyphenated name.
        row = (table.get(head + "-") or table.get(head)) if head else None
    return row


def gender(first: str) -> str | None:
    """Return "m" or "f" for a given name whose bearers are mostly of one sex, else None.

    None covers unknown words, unisex names and non-names; "Jean-Marc" is m and "Anne-Marie" is f.
    """
    row = _find(first)
    if row is None or row[1] == "u":
        return None
    return row[1]


def is_given_name(word: str) -> bool:
    """True if the word is a known given name (of either gender or unisex) and not mostly an English
    word when capitalised (see NOT_NAMES_WHEN_CAPITALISED)."""
    row = _find(word)
    return row is not None and row[0].rstrip("-") not in NOT_NAMES_WHEN_CAPITALISED


def lookup(word: str) -> GivenName | None:
    """The table row for a word (or for the first part of a hyphenated one), or None if unknown."""
    row = _find(word)
    if row is None:
        return None
    name, sex, given, surname = row
    return GivenName(name, sex, None if given == "-" else int(given), None if surname == "-" else int(surname))
