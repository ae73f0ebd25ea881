"""Antecedents: the person a pronoun or a description means, and the entity heading a phrase.

A pronoun takes the most salient earlier person of its gender: the leftmost (subject-most) person of the
nearest sentence that has one, outside quotations, within a few sentences and never across a story break
("___"). A description ("the mayor", "the company") takes the entity the article gave that role or kind.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newsreader.analysis import gazetteer
from newsreader.analysis.discourse import Discourse
from newsreader.analysis.model import Entity
from newsreader.analysis.people import FEMALE_TITLES, MALE_TITLES
from newsreader.analysis.roles import ORG_KINDS, PERSON_ROLES, org_matches
from newsreader.analysis.tokens import in_spans

POSSESSIVE_RE = re.compile(r"['’]s ([a-z][\w-]*)$")
_PUBLISHED_WORDS = frozenset("article piece story editorial column feature investigation".split())
_RULING_WORDS = frozenset("ruling decision opinion judgment judgement order".split())
_OF_PLACE_RE = re.compile(r"\b[a-z]+ (?:of|in|from|for) (?:the )?$")
_PLACE_TAIL_RE = re.compile(r",? (?:of|from|in) (?:the )?|, |,? \((?=[A-Z])")
_ISSUED_RE = re.compile(r"\b(?:[Aa]n?|[Tt]he) ((?:[A-Z][\w.'’-]*[ \t])+)(readout|statement|communiqu[eé])\b")
# A sentence opening with a description ("Russia's deputy foreign minister provided ..., and he accused")
DESCRIBED_SUBJECT_RE = re.compile(r"[ \t\"“]*(?:[A-Z][\w.'’-]*['’]s |[Tt]he |[Hh]is |[Hh]er )((?:[a-z][\w-]*(?: |$)){1,4})")
# "the chief executive is / was / has been <name>": the sentence names who holds the role
_COPULAS = (["is"], ["was"], ["has", "been"], ["remains"], ["became"])
# "the Clinton campaign", "a Donald Trump tweet": a name used as a modifier refers to no one here
_MODIFIER_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)[ \t]+$")


class Antecedents(Discourse):
    """What pronouns, descriptions and phrases of one text refer to (see :class:`Discourse` for the
    arguments); every method answers None rather than guess."""

    def _head_entity(self, start: int, end: int) -> Entity | None:
        """The named entity heading the phrase: the last person or body, ending the phrase (titles and
        modifiers before it; a place tail such as "of New York" or ", of Springfield, Va." after it), or
        followed only by a possessive noun. A name used as a modifier ("the Indiana governor",
        "Democratic nominee") is not the head."""
        inside = [e for e in self.named[bisect_left(self.named_starts, start):bisect_right(self.named_starts, end)]
                  if e.end <= end]
        popped = False
        while len(inside) > 1 and (inside[-1].label in ("GPE", "LOC") or inside[-1].label == "ORG" and any(
                e.label == "PERSON" for e in inside[:-1])) and _PLACE_TAIL_RE.match(
                self.text, inside[-2].end, inside[-1].start):  # "Peter Morgan of the Sierra Club"
            inside.pop()
            popped = True
        if not inside:
            return None
        e = inside[-1]
        if e.label in ("GPE", "LOC") and _OF_PLACE_RE.search(self.text, start, e.start):
            return None  # "the mayor of Vila Serrana": a description of someone, not the town
        tail = "" if popped else self.text[e.end:end]  # "Charles B. Rangel| of New York"
        if tail.strip(" .,") and not POSSESSIVE_RE.match(tail):
            return None
        if e.label == "NORP" and (e.start != start or tail):
            return None
        return e

    def antecedent(self, pos: int, gender: str | None, same_or_previous: bool = False,
                   depth: int = 0) -> str | None:
        """Key of the leftmost person of the nearest sentence (before ``pos``) with one of ``gender``.

        A subject pronoun of that gender standing first ("She says ...") continues whoever it means, so
        the search goes on from there (at most three links).
        """
        si, floor = self._window(pos)
        if same_or_previous:
            floor = max(floor, si - 1)
        for s in range(si, floor - 1, -1):
            lo, hi = self.sentences[s]
            hi = min(hi, pos)
            k = bisect_left(self.people_starts, lo)
            person = None
            while k < len(self.people) and self.people[k].start < hi:
                e = self.people[k]
                g = self.gender.get(e.key)
                if (gender is None or g is None or g == gender) and not _MODIFIER_BEFORE_RE.search(
                        self.text, max(0, e.start - 6), e.start):
                    if person is None:
                        person = e
                    if e.key in self.introduced and e.start in self.introduced[e.key]:
                        person = e  # "..., which concerns Henry Crespo, president of the caucus." introduces him
                        break
                k += 1
            described = DESCRIBED_SUBJECT_RE.match(self.text, lo, hi)
            roles = [w for w in described.group(1).split() if w in PERSON_ROLES] if described else []
            if roles and described is not None and (person is None or described.end() <= person.start):
                # the subject is a description: the pronoun means it, and its name if the article gives one
                mods = described.group(1).split()
                last = len(mods) - 1 - mods[::-1].index(roles[-1])
                if person is not None and person.start == described.end() and mods[last + 1:] in _COPULAS:
                    return person.key  # "Skarvik's chief executive is Sigrid Aasen. She said ...": the name is given
                return self.roles.holder(roles[-1], mods[:mods.index(roles[-1])], len(self.text), unique=True)
            p = bisect_left(self.pronoun_starts, lo)
            if gender is not None and depth < 3 and p < len(self.pronoun_starts) and self.pronoun_starts[p] < hi \
                    and (person is None or self.pronoun_starts[p] < person.start) and self.pronouns[p][1] == gender:
                return self.antecedent(self.pronoun_starts[p], gender, depth=depth + 1)
            if person is not None:
                return person.key
        return None

    def body_antecedent(self, pos: int) -> str | None:
        """Key of the organisation "it" or "they" means at ``pos``: the first name of the same or the
        previous sentence (outside quotations), when that name is an organisation; else None."""
        si, floor = self._window(pos)
        for s in range(si, max(floor, si - 1) - 1, -1):
            lo, hi = self.sentences[s]
            hi = min(hi, pos)
            k = bisect_left(self.named_starts, lo)
            while k < len(self.named) and self.named[k].start < hi and in_spans(self.quoted, self.named[k].start):
                k += 1
            if k < len(self.named) and self.named[k].start < hi:
                first = self.named[k]
                return first.key if first.label == "ORG" else None
        return None

    def description(self, head: str, modifiers: list[str], pos: int) -> str | None:
        """Key of the entity that "the <modifiers> <head>" means at ``pos``, or None."""
        if head in PERSON_ROLES:
            hit = self.roles.holder(head, modifiers, pos)
            if hit is not None:
                return hit
            gender = "f" if head in FEMALE_TITLES else "m" if head in MALE_TITLES else None
            return None if self.roles.held(head) else self.antecedent(pos, gender, same_or_previous=True)
        if head in ("readout", "statement", "communique", "communiqué"):
            # "the readout said" after "according to a Kremlin readout": the body that issued it
            found = None
            for m in _ISSUED_RE.finditer(self.text, max(0, pos - 3000), pos):
                if m.group(2).lower() == head:
                    found = self._head_entity(m.start(1), m.end(1))
            return found.key if found is not None and found.label in ("ORG", "GPE") else None
        if head in ORG_KINDS:
            k = bisect_left(self.orgs_starts, pos) - 1
            while k >= 0:
                e = self.orgs[k]
                entry = gazetteer.get(e.key)
                if org_matches(head, e.key, entry.cls if entry else ""):
                    return e.key
                k -= 1
        if head in _PUBLISHED_WORDS or head in _RULING_WORDS:
            # "The Washington Post ran a feature ... The piece said": the outlet named just before; "the
            # ruling" the court named just before (never further back than the previous sentence)
            si, floor = self._window(pos)
            lo = self.sentences[max(floor, si - 2)][0]
            for e in reversed(self.orgs[bisect_left(self.orgs_starts, lo):bisect_left(self.orgs_starts, pos)]):
                entry = gazetteer.get(e.key)
                if org_matches("newspaper", e.key, entry.cls if entry else "") if head in _PUBLISHED_WORDS \
                        else "court" in e.key.lower().split():
                    return e.key
        return None
