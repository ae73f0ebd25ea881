"""Datelines and desk prefixes at the start of a lede.

Wire copy and many sites open the first paragraph with where and when the story
was filed ("PARIS, Aug 31 (Reuters) - France's ..."), and updated stories with a
desk prefix ("UPDATE 2-", "UPDATE: 5/12 —"). Neither belongs in a title made
from the lede, and the dateline's date is often the only date a file has.

The shapes, in order, all optional but the last:

* a desk prefix: ``UPDATE``/``UPDATED``/``BREAKING``/``EXCLUSIVE``/``CORRECTED``/...
  with an optional number, then ``:`` or a dash, and an optional numeric date;
* a place in capitals ("WASHINGTON", "ST. LOUIS", "RIO DE JANEIRO"), optionally
  followed by a region in ordinary case (", Mo.", ", Ukraine");
* a date (", Aug. 31", ", Aug 31, 2016", ", 31 August 2016");
* an agency in brackets or slashes ("(AP)", "(Reuters)", "/PRNewswire/");
* a dash (``—``, ``–``, ``-`` or ``--``) that ends the dateline.

A place alone needs the dash right after it, so a lede that merely starts with an
acronym ("NASA said ...") is left whole.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .dates import normalize_date

_PREFIX = (
    r"(?:(?:UPDATE[SD]?|BREAKING(?:\s+NEWS)?|EXCLUSIVE|CORRECTED|CORRECTION|REFILE|RPT"
    r"|WATCH|LIVE|DEVELOPING|URGENT|FLASH)(?:\s*\d{1,2})?\s*(?::|\s[-–—]|-(?=\S))\s*"
    r"(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s*(?:[-–—:]\s*)?)?)"
)
# Capital words with the punctuation place names carry ("ST. LOUIS", "N'DJAMENA").
_PLACE = r"(?P<place>[A-Z][A-Z'’.&-]*(?:\s+(?:[A-Z][A-Z'’.&-]*|de|da|do|del|la|el|al))*)"
_REGION = r"(?:,\s+(?P<region>[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*)?))?"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    r"(?:,?\s+(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?"
    r"|\d{1,2}\s+" + _MONTH + r"(?:,?\s+\d{4})?))?"
)
_AGENCY = r"(?:\s*(?:\((?P<agency>[A-Za-z][\w .&'’-]{0,30})\)|/(?P<wire>[A-Za-z][\w .&-]{0,30})/))?"
_DASH = r"\s*(?:—|–|--|-)\s+"
_DATELINE = re.compile(
    r"(?P<prefix>" + _PREFIX + r")?"
    r"(?:" + _PLACE + _REGION + _DATE + _AGENCY + _DASH + r")?"
)
_PREFIX_ONLY = re.compile(_PREFIX)
_MAX_DATELINE = 120  # a "dateline" longer than this is a sentence in capitals


class Dateline(NamedTuple):
    """A lede's dateline: ``place`` ("PARIS"), ``date`` (ISO, only when it has a
    year), and ``rest``, the lede without the dateline and any desk prefix."""

    place: str | None
    date: str | None
    rest: str


def split_dateline(lede: str) -> Dateline:
    """Take the desk prefix and dateline off the start of ``lede`` (one clean line).

    Returns ``Dateline(None, None, lede)`` when the lede has neither. Never raises.
    """
    match = _DATELINE.match(lede)
    if match is None or not match.group(0) or match.end() > _MAX_DATELINE:
        match = _PREFIX_ONLY.match(lede)
        if match is None:
            return Dateline(None, None, lede)
        return Dateline(None, None, lede[match.end() :] or lede)
    place = match["place"]
    if place is not None and not _is_place(place):
        prefix = match["prefix"] or ""
        return Dateline(None, None, lede[len(prefix) :])
    rest = lede[match.end() :]
    if not rest or (place is not None and not _opens_sentence(rest)):
        prefix = match["prefix"] or ""
        return Dateline(None, None, lede[len(prefix) :] or lede)
    date = normalize_date(match["date"]) if match["date"] and re.search(r"\d{4}", match["date"]) else None
    shown = place.strip() if place else None
    if shown and match["region"]:
        shown = f"{shown}, {match['region']}"
    return Dateline(shown, date, rest)


def _opens_sentence(rest: str) -> bool:
    # A dateline is followed by a sentence: "NASA — the agency said" is an aside.
    first = rest[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘«("


def _is_place(place: str) -> bool:
    # "I" and "A" open ordinary sentences; a place has at least two capitals in a row.
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2
