"""Person or organisation: the evidence the text gives for a name with no legal suffix.

"Brightwell said it would cut jobs", "Tallow's chief executive", "at Kestrel", "Halloran, a seafood
company," and "the" before a name ("of the Harbour Trust") make a body; a title, an honorific, an age
("Vance, 45,") or "X said he" make a person; so does a known given name. A name with no given name and no evidence either way keeps the shape rule's
label. Runs before ``coref.settle`` so that people are clustered from people only.
"""

from __future__ import annotations

import re

from newsreader.analysis import words
from newsreader.analysis.entities import Mention
from newsreader.analysis.people import is_given_name

_ORG_AFTER_RE = re.compile(
    r"(?:['’]s? (?:chief executive|ceo|board of directors|shares|stock|headquarters|employees|workforce|workers|"
    r"customers|clients|plant|factory|stores|shops|branches|parent company|annual report|subsidiary)\b"
    r"|, (?:an?|the) [\w -]{0,40}?\b(?:company|firm|group|maker|chain|retailer|developer|operator|charity|"
    r"organi[sz]ation|association|non-?profit|campaign|network|collective|union|club|cooperative|co-op|society|"
    r"coalition|alliance|agency|newspaper|outlet|site|platform|start-?up|business|restaurant|shop|store|cafe|"
    r"bakery|brand|bank|insurer|lender|carrier|airline|manufacturer|producer|processor|supplier|contractor|"
    r"consultancy|publisher|broadcaster|magazine|party|movement|institute|foundation|fund|trust)\b"
    r"|,? (?:said|says|say|added|confirmed|announced|stated|argued|warned|told [\w ]{1,30}?) (?:that )?"
    r"(?:its\b|it (?:would|will|plans|planned|expects|expected|intends|intended|had agreed|has agreed)\b)"
    r"| (?:has|have|had) (?:said|announced|confirmed)? ?(?:it|its)\b)")
_ORG_BEFORE_RE = re.compile(r"\b(?:(?:at|joined|acquired|bought|sued|employees of|staff at|workers at|owner of|"
                            r"founder of|shares in|shares of|customers of)[ \t]+(?:the[ \t]+)?|the[ \t]+|(?:company|firm|"
                            r"developer|operator|maker|group|charity|union|club|insurer|lender|retailer|carrier|"
                            r"publisher|owner|buyer|bidder|contractor|supplier),[ \t]+)$")
_PERSON_AFTER_RE = re.compile(r"(?:, \d{1,3},|,? (?:said|says|told|added) (?:that )?(?:he|she)\b|['’]s (?:wife|husband|"
                              r"son|daughter|father|mother|family|lawyer|attorney))")
_PERSON_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Prof)\.?[ \t]+$")
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|from|near|outside|across|into)[ \t]+$")
_SENTENCE_IT_RE = re.compile(r"[^.!?\n]{0,160}[.!?][\"”’]?[ \t]+(?:It|Its)\b")
_DECIDABLE = frozenset(("shape", "single", "first"))
_CALENDAR = frozenset(words.MONTHS + words.WEEKDAYS) | words.HOLIDAYS


def _evidence(text: str, m: Mention) -> int:
    """> 0 for a body, < 0 for a person, 0 when the words around this mention say nothing."""
    score = 0
    if _ORG_AFTER_RE.match(text, m.end) or _ORG_BEFORE_RE.search(text, max(0, m.start - 24), m.start):
        score += 1
    elif _SENTENCE_IT_RE.match(text, m.end) and text[m.end:m.end + 6].startswith((" said", " says", " has", " is")):
        score += 1  # "Brightwell said on Monday that ... . It will ..."
    if _PERSON_AFTER_RE.match(text, m.end) or _PERSON_BEFORE_RE.search(text, max(0, m.start - 8), m.start):
        score -= 1
    return score


def decide_kinds(text: str, mentions: list[Mention]) -> None:
    """Relabel, in place, the shape-labelled names the text shows to be organisations (or people).

    Mentions are grouped by their first capitalised word, so "Halloran Seafoods" and a later "Halloran"
    share the evidence; a group whose first word is a given name ("Priya Vance") is left alone unless the
    text says "it" of it.
    """
    # surnames of names that are surely people (a given name or a title before them)
    surnames = {m.words[-1].lower() for m in mentions if m.label == "PERSON" and len(m.words) > 1
                and (m.how in ("first", "title") or is_given_name(m.words[0]))}
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.how in _DECIDABLE and m.label in (None, "PERSON") and m.words:
            groups.setdefault(m.words[0].lower(), []).append(m)
    for first, group in groups.items():
        if first.rstrip("s") in _CALENDAR or first in _CALENDAR:
            continue  # "the Easter weekend", "in June": a date, never a body or a place
        if first in surnames or any(m.words[-1].lower() in surnames for m in group):
            continue  # "Zelensky's office", "Van der Berg said it" after the full name: the person's
        score = sum(_evidence(text, m) for m in group)
        if score <= 0 and not is_given_name(first) and any(
                _PLACE_BEFORE_RE.search(text, max(0, m.start - 12), m.start) for m in group) and not any(
                _PERSON_AFTER_RE.match(text, m.end) or _PERSON_BEFORE_RE.search(text, max(0, m.start - 8), m.start)
                for m in group):
            for m in group:  # "reported from Midway Atoll", "in Kestrel Bay": a place the gazetteer lacks
                m.label, m.how = "LOC", "suffix"
            continue
        given = is_given_name(first)
        if score > 0 and (not given or score > 1):
            for m in group:
                m.label = "ORG"
                m.how = "suffix"  # settled: no later rule turns it back into a person
        elif score < 0 and not given:
            for m in group:
                if m.label is None:
                    m.label = "PERSON"
