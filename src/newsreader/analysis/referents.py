"""Who a speaker phrase means: a name, a pronoun or a description, resolved to an entity key.

Precision comes first. A pronoun takes the most salient earlier person of its gender, a description
("the mayor", "the company") the entity the article gave that role or kind (both in ``antecedents.py``,
over the article's structure in ``discourse.py``); a name takes its entity's key. When the evidence is
weak the phrase is shown as written. This module decides which of these a phrase is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newsreader.analysis import words
from newsreader.analysis.antecedents import DESCRIBED_SUBJECT_RE, POSSESSIVE_RE, Antecedents
from newsreader.analysis.discourse import PRONOUN_GENDER
from newsreader.analysis.model import Entity
from newsreader.analysis.roles import ORG_KINDS, PERSON_ROLES

_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it", "you"))
_OUTLET_WORK_RE = re.compile(r"(?:[Aa]n?|[Tt]he) [A-Z][\w.'’ -]*?(?:['’]s)? (?:article|story|report|piece|editorial|"
                             r"column|analysis|investigation|review|op-ed)")
# "Ivana Trump's brief said": a document or utterance speaks for its owner
_OWN_WORDS = frozenset("brief statement letter report filing tweet tweets post remarks comments memo lawsuit "
                       "complaint motion book speech website ad op-ed column account message email interview "
                       "testimony response reply note notes".split())
_APPOSITIVE_PERSON_RE = re.compile(r",[ \t]+")
_DESCRIPTION_OF_RE = re.compile(r"(?:[Tt]he) ((?:[\w.’'-]+ ){0,3})([a-z][\w-]*) (?:of|for|at|in) (?:the )?([\w .’'-]{2,60})")
_ROLE_WORDS_RE = re.compile(r"(?: [a-z][\w-]*){1,3} (?=[A-Z])")
_DESCRIPTION_RE = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat) ((?:[\w.’'-]+ ){0,4})([a-z][\w-]*)$")
_ROLE_TAIL_RE = re.compile(r" ([a-z][\w-]*)")


class Resolver(Antecedents):
    """Resolves speaker spans of one text to the keys of the entities they mean.

    ``Resolver(text, entities, quoted)``: ``entities`` are the text's entities (sorted by start);
    ``quoted`` the sorted, disjoint spans of its quotations, whose words never serve as antecedents.
    """

    def key(self, start: int, end: int, prev: tuple[str, int] | None = None) -> str | None:
        """The key shown for the speaker phrase text[start:end]: an entity key, a description as written,
        or None when the phrase names nobody that can be shown (an unresolved pronoun, a fragment).

        ``prev`` is the previous quotation's (speaker key, end offset): "he added" continues that
        speaker when the text names no other person of that gender in between.
        """
        speaker = self.text[start:end]
        low = speaker.lower()
        if low in _PRONOUNS:
            gender = PRONOUN_GENDER.get(low)
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
            noun = POSSESSIVE_RE.match(self.text, head.end, end)
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
            described = DESCRIBED_SUBJECT_RE.match(self.text, *self.sentences[si])
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
