"""Who a speaker phrase means: a name, a pronoun or a description, resolved to an entity key.

Precision comes first. A pronoun takes the most salient earlier person of its gender: the leftmost
(subject-most) person of the nearest sentence that has one, outside quotations, within a few sentences
and never across a story break ("___"). A description ("the mayor", "the company") takes the entity the
article gave that role or kind. When the evidence is weak the phrase is shown as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from newsreader.analysis import gazetteer, words
from newsreader.analysis.model import Entity
from newsreader.analysis.people import FEMALE_TITLES, MALE_TITLES, is_given_name, name_gender
from newsreader.analysis.persons import title_gender
from newsreader.analysis.roles import ORG_KINDS, PERSON_ROLES, RoleBook, org_matches
from newsreader.analysis.tokens import LOWER_WORD_RE, in_spans, sentence_spans

_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it", "you"))
_MAX_SENTENCES = 5
_BREAK_RE = re.compile(r"\n[ \t]*[_*=#~-]{3,}[ \t.]*(?=\n|$)")
_DESCRIPTION_RE = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat) ((?:[\w.’'-]+ ){0,4})([a-z][\w-]*)$")
_POSSESSIVE_RE = re.compile(r"['’]s ([a-z][\w-]*)$")
_ROLE_TAIL_RE = re.compile(r" ([a-z][\w-]*)")
_OUTLET_WORK_RE = re.compile(r"(?:[Aa]n?|[Tt]he) [A-Z][\w.'’ -]*?(?:['’]s)? (?:article|story|report|piece|editorial|"
                             r"column|analysis|investigation|review|op-ed)")
_PUBLISHED_WORDS = frozenset("article piece story editorial column feature investigation".split())
_RULING_WORDS = frozenset("ruling decision opinion judgment judgement order".split())
_OF_PLACE_RE = re.compile(r"\b[a-z]+ (?:of|in|from|for) (?:the )?$")
# "Ivana Trump's brief said": a document or utterance speaks for its owner
_OWN_WORDS = frozenset("brief statement letter report filing tweet tweets post remarks comments memo lawsuit "
                       "complaint motion book speech website ad op-ed column account message email interview "
                       "testimony response reply note notes".split())
_APPOSITIVE_PERSON_RE = re.compile(r",[ \t]+")
_DESCRIPTION_OF_RE = re.compile(r"(?:[Tt]he) ((?:[\w.’'-]+ ){0,3})([a-z][\w-]*) (?:of|for|at|in) (?:the )?([\w .’'-]{2,60})")
_ROLE_WORDS_RE = re.compile(r"(?: [a-z][\w-]*){1,3} (?=[A-Z])")
_PLACE_TAIL_RE = re.compile(r",? (?:of|from|in) (?:the )?|, |,? \((?=[A-Z])")
_SUBJECT_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_ISSUED_RE = re.compile(r"\b(?:[Aa]n?|[Tt]he) ((?:[A-Z][\w.'’-]*[ \t])+)(readout|statement|communiqu[eé])\b")
# A sentence opening with a description ("Russia's deputy foreign minister provided ..., and he accused")
_DESCRIBED_SUBJECT_RE = re.compile(r"[ \t\"“]*(?:[A-Z][\w.'’-]*['’]s |[Tt]he |[Hh]is |[Hh]er )((?:[a-z][\w-]*(?: |$)){1,4})")
# "the Clinton campaign", "a Donald Trump tweet": a name used as a modifier refers to no one here
_MODIFIER_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)[ \t]+$")
_INTRO_APPOSITIVE_RE = re.compile(r",[ \t]+(?:the |an? )?(?:[\w.’'-]+[ \t]+){0,3}?(?:president|director|chair\w*|"
                                  r"founder|head|leader|spokes\w+|member|executive|professor|owner|manager|"
                                  r"organi[sz]er|coordinator|activist|pastor|analyst|economist|official)\b")


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
        return [(m.start(), _PRONOUN_GENDER[m.group().lower()]) for m in _SUBJECT_PRONOUN_RE.finditer(self.text)
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

    def key(self, start: int, end: int, prev: tuple[str, int] | None = None) -> str | None:
        """The key shown for the speaker phrase text[start:end]: an entity key, a description as written,
        or None when the phrase names nobody that can be shown (an unresolved pronoun, a fragment).

        ``prev`` is the previous quotation's (speaker key, end offset): "he added" continues that
        speaker when the text names no other person of that gender in between.
        """
        speaker = self.text[start:end]
        low = speaker.lower()
        if low in _PRONOUNS:
            gender = _PRONOUN_GENDER.get(low)
            if low in ("it", "they"):
                return self.body_antecedent(start)
            if gender is None:
                return None
            if prev is not None and self._continues(prev, start, gender):
                return prev[0]
            return self.antecedent(start, gender)
        head = self._name_after(end) or self._head_entity(start, end)
        if head is not None and head.label == "NORP":
            return None  # "Republicans", "Democrats": a group, never the one voice of a quotation
        if _OUTLET_WORK_RE.fullmatch(speaker):  # "a Times article", "the Post's report": its publisher
            orgs = [e for e in self.named[bisect_left(self.named_starts, start):bisect_right(self.named_starts, end)]
                    if e.label == "ORG" and e.end <= end]
            if orgs:
                return orgs[0].key
            names = {w.strip("’'s").lower() for w in speaker.split()[1:] if w[:1].isupper()}
            for e in reversed(self.orgs[:bisect_left(self.orgs_starts, start)]):
                if e.key.rsplit(" ", 1)[-1].lower() in names:
                    return e.key  # "a Courier article" after "the Tessby Courier"
        if head is not None:
            noun = _POSSESSIVE_RE.match(self.text, head.end, end)
            if noun is not None and head.label in ("PERSON", "ORG") and noun.group(1) not in _OWN_WORDS:
                return f"{head.key}’s {noun.group(1)}"  # "Clinton's campaign": the campaign, not Clinton
            return head.key
        named = _APPOSITIVE_PERSON_RE.match(self.text, end)
        head_word = speaker.rsplit(" ", 1)[-1].lower()
        if named is not None and (head_word in PERSON_ROLES or head_word in ORG_KINDS):
            # "its spokesperson, Inês Falcão, said", "The developer, Ardcraig Renewables, says": the name the
            # description is given, a person for a person's role and a body for a body's
            k = bisect_left(self.named_starts, named.end())
            want = "PERSON" if head_word in PERSON_ROLES else "ORG"
            if k < len(self.named) and self.named[k].start == named.end() and self.named[k].label == want \
                    and self.text.startswith(",", self.named[k].end):
                return self.named[k].key
        of = _DESCRIPTION_OF_RE.fullmatch(speaker)
        desc = _DESCRIPTION_RE.fullmatch(speaker) or _DESCRIPTION_RE.fullmatch(
            self.text, start, self._role_end(start, end))
        if of is not None:
            found = self.description(of.group(2).lower(), [*of.group(1).split(), *of.group(3).split()], start)
            if found is not None:
                return found
        elif desc is not None:
            found = self.description(desc.group(2).lower(), desc.group(1).split(), start)
            if found is not None:
                return found
            if not any(w[:1].isupper() for w in desc.group(1).split()):
                return speaker  # "the mayor": an honest description, not a name
            return None
        if speaker[:1].islower():
            return speaker
        return speaker if self._looks_like_name(start, end) else None

    def _name_after(self, end: int) -> Entity | None:
        """The person right after a phrase cut short at a lowercase role ("MSNBC| host Chris Matthews",
        "Democratic| presidential nominee Hillary Clinton")."""
        m = _ROLE_WORDS_RE.match(self.text, end)
        if m is None or not any(w in PERSON_ROLES for w in m.group().split()):
            return None
        k = bisect_left(self.named_starts, m.end())
        if k < len(self.named) and self.named[k].start == m.end() and self.named[k].label == "PERSON":
            return self.named[k]
        return None

    def _role_end(self, start: int, end: int) -> int:
        """End of "The Republican" extended over the role noun after it ("The Republican nominee")."""
        if self.text[start:start + 4].lower() != "the ":
            return end
        for m in _ROLE_TAIL_RE.finditer(self.text, end, min(len(self.text), end + 40)):
            if m.start() != end:
                break
            if m.group(1) in PERSON_ROLES or m.group(1) in ORG_KINDS:
                return m.end()
            end = m.end()
        return end

    def _looks_like_name(self, start: int, end: int) -> bool:
        """True for a name the entity rules missed ("Hester"), False for fragments such as "All", "A few",
        "Conversely" or a phrase that holds a name it does not end with ("Trump's flurry of late-night")."""
        if bisect_right(self.named_starts, end - 1) > bisect_left(self.named_starts, start):
            return False
        ws = self.text[start:end].split()
        if len(ws) > 4 or not all(w[:1].isupper() or w in words.NAME_CONNECTORS for w in ws):
            return False
        if sum(w.isupper() and len(w) > 1 for w in ws) > 1 or "-" in ws[0] and ws[0].split("-")[1][:1].islower():
            return False  # a headline fragment ("BORROWING Back") or a number word ("Twenty-two")
        first = ws[0].lower().strip(".,’'")
        return first not in words.COMMON_CAPS and first not in self.vocab and not first.endswith("ly")

    def _continues(self, prev: tuple[str, int], pos: int, gender: str) -> bool:
        """True when the previous quotation's speaker, of ``gender``, ended within the paragraph before
        and no other person of that gender is named outside quotations since."""
        key, prev_end = prev
        between = self.text[prev_end:pos].split("\n")[1:-1]
        if self.gender.get(key, "x") not in (gender, None) or any(line.strip() for line in between):
            return False  # another paragraph stands between: the text no longer supports the same speaker
        si = bisect_left(self.sentence_starts, prev_end)
        while si < len(self.sentences) and self.sentences[si][0] < pos:
            described = _DESCRIBED_SUBJECT_RE.match(self.text, *self.sentences[si])
            if described is not None and any(w in PERSON_ROLES for w in described.group(1).split()):
                return False  # "Russia's deputy foreign minister ..., and he": someone else now
            si += 1
        k = bisect_left(self.people_starts, prev_end)
        while k < len(self.people) and self.people[k].start < pos:
            e = self.people[k]
            if e.key != key and self.gender.get(e.key) in (gender, None):
                return False
            k += 1
        return True

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
        if tail.strip(" .,") and not _POSSESSIVE_RE.match(tail):
            return None
        if e.label == "NORP" and (e.start != start or tail):
            return None
        return e

    def _window(self, pos: int) -> tuple[int, int]:
        """Index of the sentence holding ``pos`` and the lowest sentence index an antecedent may sit in."""
        si = max(bisect_right(self.sentence_starts, pos) - 1, 0)
        floor = max(si - _MAX_SENTENCES, 0)
        b = bisect_left(self.breaks, pos) - 1
        if b >= 0:
            floor = max(floor, bisect_right(self.sentence_starts, self.breaks[b]) - 1)
        return si, floor

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
            described = _DESCRIBED_SUBJECT_RE.match(self.text, lo, hi)
            roles = [w for w in described.group(1).split() if w in PERSON_ROLES] if described else []
            if roles and described is not None and (person is None or described.end() <= person.start):
                # the subject is a description: the pronoun means it, and its name if the article gives one
                mods = described.group(1).split()
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
