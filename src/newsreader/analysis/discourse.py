"""What resolving a speaker phrase reads of an article: its people, bodies and places in order,
sentences, story breaks, subject pronouns, genders, roles and introductions.

Each structure costs a pass over the text and is built on first use only, so an article whose speakers
are all named in full never pays for it. :class:`~.referents.Resolver` builds on this.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from newsreader.analysis.model import Entity
from newsreader.analysis.people import is_given_name, name_gender
from newsreader.analysis.persons import title_gender
from newsreader.analysis.roles import RoleBook
from newsreader.analysis.tokens import LOWER_WORD_RE, in_spans, sentence_spans

PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_MAX_SENTENCES = 5
_BREAK_RE = re.compile(r"\n[ \t]*[_*=#~-]{3,}[ \t.]*(?=\n|$)")
_SUBJECT_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_INTRO_APPOSITIVE_RE = re.compile(r",[ \t]+(?:the |an? )?(?:[\w.’'-]+[ \t]+){0,3}?(?:president|director|chair\w*|"
                                  r"founder|head|leader|spokes\w+|member|executive|professor|owner|manager|"
                                  r"organi[sz]er|coordinator|activist|pastor|analyst|economist|official)\b")


class Discourse:
    """The structure of one text that speaker resolution reads.

    ``entities`` are the text's entities (sorted by start); ``quoted`` the sorted, disjoint spans of its
    quotations, whose words never serve as antecedents. Never raises for such arguments.
    """

    def __init__(self, text: str, entities: list[Entity], quoted: list[tuple[int, int]]) -> None:
        self.text = text
        self.named = [e for e in entities if e.label in ("PERSON", "ORG", "GPE", "NORP", "LOC")]
        self.named_starts = [e.start for e in self.named]
        self.people = [e for e in entities if e.label == "PERSON" and not in_spans(quoted, e.start)]
        self.people_starts = [e.start for e in self.people]
        self.quoted = quoted
        self.orgs = [e for e in entities if e.label == "ORG"]
        self.orgs_starts = [e.start for e in self.orgs]

    # The discourse structure below costs a pass over the text each; it is built on first use only, so
    # an article without pronouns or descriptions (most short texts) never pays for it.
    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence."""
        return sentence_spans(self.text)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offsets of :attr:`sentences`."""
        return [s for s, _ in self.sentences]

    @cached_property
    def breaks(self) -> list[int]:
        """Offsets of story breaks ("___" lines) that no antecedent crosses."""
        return [m.start() for m in _BREAK_RE.finditer(self.text)]

    @cached_property
    def gender(self) -> dict[str, str | None]:
        """Gender ("m", "f" or None) per person key."""
        return self._genders()

    @cached_property
    def vocab(self) -> frozenset[str]:
        """Lowercase words of the text: a capitalised word found here in lower case is no name."""
        return frozenset(LOWER_WORD_RE.findall(self.text))

    @cached_property
    def pronouns(self) -> list[tuple[int, str]]:
        """(offset, gender) of each subject pronoun outside quotations."""
        return [(m.start(), PRONOUN_GENDER[m.group().lower()]) for m in _SUBJECT_PRONOUN_RE.finditer(self.text)
                if not in_spans(self.quoted, m.start())]

    @cached_property
    def pronoun_starts(self) -> list[int]:
        """Offsets of :attr:`pronouns`."""
        return [p for p, _ in self.pronouns]

    @cached_property
    def roles(self) -> RoleBook:
        """Roles the article gives its people."""
        return RoleBook(self.text, self.people)

    @cached_property
    def introduced(self) -> dict[str, set[int]]:
        """Where a person is first named with an appositive role ("Henry Crespo, president of ..."): a
        newcomer introduced so is who the next "he said" most likely means."""
        out: dict[str, set[int]] = {}
        for e in self.people:
            if e.key not in out:
                out[e.key] = {e.start} if _INTRO_APPOSITIVE_RE.match(self.text, e.end) else set()
        return out

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

    def _window(self, pos: int) -> tuple[int, int]:
        """Index of the sentence holding ``pos`` and the lowest sentence index an antecedent may sit in."""
        si = max(bisect_right(self.sentence_starts, pos) - 1, 0)
        floor = max(si - _MAX_SENTENCES, 0)
        b = bisect_left(self.breaks, pos) - 1
        if b >= 0:
            floor = max(floor, bisect_right(self.sentence_starts, self.breaks[b]) - 1)
        return si, floor
