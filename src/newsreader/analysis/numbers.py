"""Numeric and temporal entities (DATE, MONEY, PERCENT, QUANTITY, CARDINAL) by regular expression.

One combined pattern is scanned once; the named group that matched gives the label.
"""

from __future__ import annotations

import re

from newsreader.analysis.model import Entity
from newsreader.analysis.scan import initial_alternation

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
            r"a|one|several|a few)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?")
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_AMOUNT = rf"(?:{_NUM})(?:[ -]{_SCALE})?|{_WORDNUM}[ -]{_SCALE}"
_APPROX = r"(?:(?:about|around|roughly|nearly|almost|approximately|some|more than|less than|fewer than|over|under|at least|up to|an estimated) )?"
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
          r"Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_CURRENCY = (r"dollars?|euros?|pounds?(?! of)|yen|yuan|renminbi|rubles?|roubles?|shekels?|rupees?|pesos?|"
             r"francs?|marks?|lira|riyals?|dirhams?|won|rand|hryvnias?|crowns?")
_UNIT = (r"(?:people|persons|deaths|dead|casualties|civilians|children|soldiers|troops|fighters|refugees|residents|"
         r"families|homes|houses|buildings|patients|victims|hostages|prisoners|migrants|workers|votes|voters|"
         r"(?:square )?(?:kilomet(?:er|re)s?|km|miles?|meters?|metres?|feet|foot|inches|acres|hectares)|"
         r"tons?|tonnes?|kilograms?|kg|pounds of|barrels|gallons|liters|litres|degrees|mph|km/h)\b")

# A bare year needs a preposition before it; look-behinds must be fixed-width, hence one per word.
_YEAR_CONTEXT = "|".join(rf"(?<=\b{w} )" for w in ("in", "of", "since", "until", "by", "from", "to", "and", "early",
                                                    "late", "mid", "year", "between"))

_PATTERN = re.compile(
    rf"(?<![\w.,])(?P<MONEY>(?:US|A|C|NZ|HK)?[$€£¥](?: ?(?:{_NUM}))(?:[ -]?(?:{_SCALE}|bn|m|k)\b)?"
    rf"|(?:{_AMOUNT}) (?:{_CURRENCY})\b)"
    rf"|(?P<PERCENT>(?:{_NUM})(?: ?%| percent\b| per cent\b| percentage points?\b))"
    rf"|(?P<DATE>(?:{_DAY},? )?{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?\b"
    rf"|\b\d{{1,2}} {_MONTH}(?: \d{{4}})?\b|\b{_MONTH},? \d{{4}}\b|\b{_DAY}s?\b"
    rf"|\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    rf"|\b(?:19|20)\d\d-\d\d-\d\d\b|\b(?:the )?(?:19|20)\d0s\b"
    rf"|\b(?:last|next|this|earlier this|later this|the past|the previous|the following) "
    rf"(?:week|month|year|decade|weekend|spring|summer|autumn|fall|winter)\b"
    rf"|\b(?:yesterday|today|tomorrow)\b|\b(?:{_WORDNUM}|\d+) (?:days?|weeks?|months?|years?|decades?) (?:ago|earlier|later)\b"
    rf"|(?:{_YEAR_CONTEXT})(?:19|20)\d\d\b(?![,.]?\d))"
    rf"|(?P<QUANTITY>{_APPROX}(?:{_AMOUNT}) {_UNIT}|{_APPROX}(?:{_NUM})[ -]{_SCALE}\b|(?:{_NUM}) ?(?:km|kg|mm|cm)\b)"
    rf"|(?P<CARDINAL>\b(?:{_NUM})\b(?![.,]\d)|\b(?:hundreds|thousands|millions|dozens)\b)",
    re.IGNORECASE,
)


# Every match contains one of these triggers: a digit or currency sign, or one of the words below standing as a
# word; the full pattern is tried only at the few word starts just before a trigger, which keeps the scan fast
# on long texts. The two kinds are found by two scans that ``re`` runs at C speed (see _triggers).
_TRIGGER_CHAR_RE = re.compile(r"[\d$€£¥]")
_TRIGGER_WORDS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "Yesterday yesterday Today today Tomorrow tomorrow week weeks month months year years decade decades weekend "
    "spring summer autumn fall winter Hundred Hundreds hundred hundreds Thousand Thousands thousand thousands "
    "Million Millions million millions Dozens dozens billion trillion").split()
_TRIGGER_WORD_RE = re.compile(initial_alternation(_TRIGGER_WORDS) + r"\b")
_WORD_START = re.compile(r"(?<!\S)\S")
# The words a match of _PATTERN can begin with (besides the trigger itself): currency, digits, months and
# days, approximators, number words, relative-date openers.
_STARTER = re.compile(
    r"[\d$€£¥]|(?:US|A|C|NZ|HK)[$€£¥]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|"
    r"sun|the\b|last|next|this|earlier|later|yesterday|today|tomorrow|about|around|roughly|nearly|almost|"
    r"approximately|some\b|more|less|fewer|over|under|at\b|up\b|an?\b|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|several|hundreds|thousands|millions|dozens|early|late|mid)")


def _triggers(text: str) -> list[int]:
    """Sorted start offsets of the triggers in ``text``: each digit or currency sign, and each trigger word
    with a word boundary before it (a scan for the words alone also stops inside words: "xmonths")."""
    starts = [m.start() for m in _TRIGGER_CHAR_RE.finditer(text)]
    found = [s for s in (m.start() for m in _TRIGGER_WORD_RE.finditer(text))
             if s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_")]
    # A word found inside a longer word ends where that word ends, so it never hides a trigger after it.
    return sorted(starts + found) if found else starts


def _matches(text: str) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    covered = 0
    for ts in _triggers(text):
        if ts < covered:
            continue
        starts = [w.start() for w in _WORD_START.finditer(text, max(covered, ts - 40), ts)] + [ts]
        for s in starts:
            if s != ts and _STARTER.match(text, s) is None:
                continue  # no match of the pattern can begin with this word: skip the costly attempt
            m = _PATTERN.match(text, s)
            if m is not None and m.end() > ts:
                out.append(m)
                covered = m.end()
                break
    return out


def find_numbers(text: str) -> list[Entity]:
    """Numeric/temporal entities in ``text``, sorted and non-overlapping."""
    out: list[Entity] = []
    for m in _matches(text):
        label = m.lastgroup or "CARDINAL"
        start, end = m.span()
        surface = text[start:end]
        if label == "DATE" and surface[0].islower() and surface.lower() in ("may", "march"):
            continue
        if label == "CARDINAL" and start and text[start - 1] in "-/:" and surface.isdigit():
            continue
        out.append(Entity(start, end, label, surface, surface))
    return out
