"""Who a speaker phrase means: a name, a pronoun or a description, resolved to an entity key.

Precision comes first. A pronoun takes the most salient earlier person of its gender: the leftmost
(subject-most) person of the nearest sentence that has one, outside quotations, within a few sentences
and never across a story break ("___"). A description ("the mayor", "the company") takes the entity the
article gave that role or kind. When the evidence is weak the phrase is shown as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newsreader.analysis import gazetteer
from newsreader.analysis.model import Entity
from newsreader.analysis.people import FEMALE_TITLES, MALE_TITLES, is_given_name, name_gender
from newsreader.analysis.persons import title_gender
from newsreader.analysis.roles import ORG_KINDS, PERSON_ROLES, RoleBook, org_matches
from newsreader.analysis.tokens import in_spans, sentence_spans

_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it", "you"))
_MAX_SENTENCES = 8
_BREAK_RE = re.compile(r"\n[ \t]*[_*=#~-]{3,}[ \t.]*(?=\n|$)")
_DESCRIPTION_RE = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat) ((?:[\w.’'-]+ ){0,4})([a-z][\w-]*)$")
_POSSESSIVE_RE = re.compile(r"['’]s ([a-z][\w-]*)$")


class Resolver:
    """Resolves speaker spans of one text to the keys of the entities they mean.

    ``entities`` are the text's entities (sorted by start); ``quoted`` the sorted, disjoint spans of its
    quotations, whose words never serve as antecedents.
    """

    def __init__(self, text: str, entities: list[Entity], quoted: list[tuple[int, int]]) -> None:
        self.text = text
        self.named = [e for e in entities if e.label in ("PERSON", "ORG", "GPE", "NORP", "LOC")]
        self.named_starts = [e.start for e in self.named]
        self.people = [e for e in entities if e.label == "PERSON" and not in_spans(quoted, e.start)]
        self.people_starts = [e.start for e in self.people]
        self.orgs = [e for e in entities if e.label == "ORG"]
        self.orgs_starts = [e.start for e in self.orgs]
        self.sentences = sentence_spans(text)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.breaks = [m.start() for m in _BREAK_RE.finditer(text)]
        self.gender = self._genders()
        self.roles = RoleBook(text, self.people)

    def _genders(self) -> dict[str, str | None]:
        """Gender per person key: an honorific or gendered role at any mention, else the given name."""
        found: dict[str, set[str]] = {}
        for e in self.people:
            g = title_gender(self.text, e.start)
            found.setdefault(e.key, set()).update((g,) if g else ())
        surnames = {key.rsplit(" ", 1)[-1] for key in found if " " in key}
        out: dict[str, str | None] = {}
        for key, seen in found.items():
            if len(seen) == 1:
                out[key] = next(iter(seen))
            elif not seen and (" " in key or key not in surnames and is_given_name(key)):
                out[key] = name_gender(key.split(" ", 1)[0])
            else:
                out[key] = None
        return out

    def key(self, start: int, end: int) -> str | None:
        """The key shown for the speaker phrase text[start:end]: an entity key, the phrase as written,
        or None for a pronoun nobody can be found for."""
        speaker = self.text[start:end]
        low = speaker.lower()
        if low in _PRONOUNS:
            gender = _PRONOUN_GENDER.get(low)
            return self.antecedent(start, gender) if gender else None
        head = self._head_entity(start, end)
        if head is not None:
            tail = self.text[head.end:end]
            noun = _POSSESSIVE_RE.match(tail)
            if noun is not None and head.label in ("PERSON", "ORG"):
                return f"{head.key}’s {noun.group(1)}"  # "Clinton's campaign": the campaign, not Clinton
            return head.key
        desc = _DESCRIPTION_RE.fullmatch(speaker)
        if desc is not None:
            found = self.description(desc.group(2).lower(), desc.group(1).split(), start)
            if found is not None:
                return found
        return speaker

    def _head_entity(self, start: int, end: int) -> Entity | None:
        """The named entity heading the phrase: the last one, ending the phrase (titles and modifiers
        before it), or followed only by a possessive noun; a name used as a modifier ("the Indiana
        governor", "Democratic nominee") is not the head."""
        k = bisect_right(self.named_starts, end) - 1
        while k >= 0 and self.named[k].start >= start:
            e = self.named[k]
            if e.end <= end:
                tail = self.text[e.end:end]
                if not tail.strip(" .,") or _POSSESSIVE_RE.match(tail):
                    return e if e.label != "NORP" or e.start == start and not tail else None
                return None
            k -= 1
        return None

    def _window(self, pos: int) -> tuple[int, int]:
        """Index of the sentence holding ``pos`` and the lowest sentence index an antecedent may sit in."""
        si = max(bisect_right(self.sentence_starts, pos) - 1, 0)
        floor = max(si - _MAX_SENTENCES, 0)
        b = bisect_left(self.breaks, pos) - 1
        if b >= 0:
            floor = max(floor, bisect_right(self.sentence_starts, self.breaks[b]) - 1)
        return si, floor

    def antecedent(self, pos: int, gender: str | None, same_or_previous: bool = False) -> str | None:
        """Key of the leftmost person of the nearest sentence (before ``pos``) with one of ``gender``."""
        si, floor = self._window(pos)
        if same_or_previous:
            floor = max(floor, si - 1)
        for s in range(si, floor - 1, -1):
            lo, hi = self.sentences[s]
            hi = min(hi, pos)
            k = bisect_left(self.people_starts, lo)
            while k < len(self.people) and self.people[k].start < hi:
                e = self.people[k]
                g = self.gender.get(e.key)
                if gender is None or g is None or g == gender:
                    return e.key
                k += 1
        return None

    def description(self, head: str, modifiers: list[str], pos: int) -> str | None:
        """Key of the entity that "the <modifiers> <head>" means at ``pos``, or None."""
        if head in PERSON_ROLES:
            hit = self.roles.holder(head, modifiers, pos)
            if hit is not None:
                return hit
            gender = "f" if head in FEMALE_TITLES else "m" if head in MALE_TITLES else None
            return None if self.roles.held(head) else self.antecedent(pos, gender, same_or_previous=True)
        if head in ORG_KINDS:
            k = bisect_left(self.orgs_starts, pos) - 1
            while k >= 0:
                e = self.orgs[k]
                entry = gazetteer.get(e.key)
                if org_matches(head, e.key, entry.cls if entry else ""):
                    return e.key
                k -= 1
        return None
