"""The people an article names, told apart: one cluster per person, keyed by the fullest name.

Full names written in the article ("Ghazala Khan", "Donald J. Trump") are grouped by surname and given
name, so "Donald Trump" and "Donald J. Trump" are one person while "Khizr Khan" and "Ghazala Khan" are two.
A short mention ("Khan", "Mr. Khan", "Chuck") is then matched to a cluster by surname or given name;
when several people share the surname, an honorific's gender or the nearest full mention decides, and
when nothing decides the mention keeps the name as written (never a guessed person).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from newsreader.analysis import words
from newsreader.analysis.people import FEMALE_TITLES, MALE_TITLES, is_given_name, name_gender
from newsreader.analysis.scan import literal_starts, matches_at, word_starts

_LETTERS_RE = re.compile(r"[A-Za-z]+")
_PARA_RE = re.compile(r"\n")
_KIN_WORDS = ("wife", "husband", "father", "mother", "son", "daughter", "brother", "sister", "widow", "widower", "uncle",
              "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter", "grandfather", "grandmother")
_KIN_BEFORE_RE = re.compile(r"\b(" + "|".join(_KIN_WORDS) + r")['’]?s?,?[ \t]+$")
_KIN_NAME_RE = re.compile(_KIN_BEFORE_RE.pattern[:-1] + r"([A-Z][\w'’-]*)")
_HONORIFIC_NAME_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?[ \t]+([A-Z][\w'’-]*)")
# Where matches of the two whole-text scans can start (see scan.matches_at): at a kin word, at an honorific.
_KIN_LITERALS = word_starts(_KIN_WORDS)
_HONORIFIC_LITERALS = (("Mr", 0), ("Ms", 0), ("Miss", 0))
# Short forms of given names: "Joe Biden" and "Joseph R. Biden" are one person.
_NICKNAMES = {short: full for full, shorts in (
    ("joseph", "joe"), ("william", "bill billy will"), ("robert", "bob bobby rob"), ("james", "jim jimmy"),
    ("michael", "mike"), ("thomas", "tom tommy"), ("richard", "dick rick"), ("edward", "ed ted eddie"),
    ("charles", "chuck charlie"), ("elizabeth", "liz beth betsy"), ("katherine", "kate kathy katie"),
    ("christopher", "chris"), ("daniel", "dan danny"), ("david", "dave"), ("anthony", "tony"),
    ("stephen", "steve"), ("steven", "steve"), ("andrew", "andy"), ("benjamin", "ben benny"),
    ("nicholas", "nick"), ("samuel", "sam"), ("jeffrey", "jeff"), ("gerald", "jerry"), ("lawrence", "larry"),
    ("patrick", "pat"), ("matthew", "matt"), ("alexander", "alex"), ("timothy", "tim"), ("ronald", "ron"),
    ("donald", "don"), ("jonathan", "jon"), ("peter", "pete"), ("gregory", "greg"), ("kenneth", "ken"),
    ("frederick", "fred"), ("jennifer", "jen jenny"), ("susan", "sue"), ("margaret", "meg peggy maggie"),
    ("rebecca", "becky"), ("catherine", "cathy"), ("victoria", "vicky"), ("douglas", "doug"),
    ("mitchell", "mitch"), ("bernard", "bernie")) for short in shorts.split()}
_NICKNAMES.update({full: full for full in set(_NICKNAMES.values())})
_CHILDREN = frozenset(("son", "daughter", "grandson", "granddaughter", "nephew", "niece"))
_PARENTS = frozenset(("father", "mother", "grandfather", "grandmother", "uncle", "aunt"))
_AGE_BEFORE_RE = re.compile(r"\b(younger|elder|older|junior|senior)[ \t]+(?:Mr\.?[ \t]+|Ms\.?[ \t]+|Mrs\.?[ \t]+)?$",
                            re.IGNORECASE)
_LOCAL_PRONOUN_RE = re.compile(r"[^.!?\n“”\"]{0,160}?\b(he|his|him|she|her)\b", re.IGNORECASE)


def local_gender(text: str, start: int) -> str | None:
    """Gender of the first he/she/his/her later in the sentence of the mention at ``start``, outside any
    quotation ("Aalders, who kept the accounts, said she ..."), or None."""
    m = _LOCAL_PRONOUN_RE.match(text, start)
    if m is None:
        return None
    return "m" if m.group(1).lower() in ("he", "his", "him") else "f"


def _core_words(names: tuple[str, ...]) -> list[str]:
    """Lowercased name words without particles ("Van der Berg" -> ["berg"]); the last word always stays."""
    low = [w.lower().rstrip(".") for w in names]
    return [w for w in low[:-1] if w not in words.NAME_CONNECTORS and w[:1].isalpha()] + low[-1:]


def _initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


# The same full names recur within an article and across articles: their parts are worked out once.
_NAME_PARTS: dict[tuple[str, ...], tuple[str, str, frozenset[str]]] = {}


def _name_parts(names: tuple[str, ...]) -> tuple[str, str, frozenset[str]]:
    """(given name, surname, core words without initials) of a full name, lowercased (see _core_words)."""
    parts = _NAME_PARTS.get(names)
    if parts is None:
        low = _core_words(names)
        if len(_NAME_PARTS) >= 20_000:
            _NAME_PARTS.clear()
        parts = _NAME_PARTS[names] = (low[0], low[-1], frozenset(w for w in low if not _initial(w)))
    return parts


@dataclass(slots=True)
class Person:
    """One person named in full somewhere in the article.

    ``key`` is the fullest name written; ``first``/``last`` are the lowercased given name and surname;
    ``starts`` are the offsets where a full name of this person is written; ``gender`` is "m", "f" or None.
    """

    key: str
    first: str
    last: str
    words: set[str]
    starts: list[int] = field(default_factory=list)
    gender: str | None = None
    relative: bool = False  # introduced as someone's kin ("his wife, Heidi Cruz"): not who a bare surname means
    kin: str = ""  # the kin word that introduced them ("son", "father"), if any


def _title_before(text: str, start: int) -> str | None:
    r"""Group 1 of ``re.compile(r"\b([A-Za-z]+\.?)[ \t]+$").search(text, max(0, start - 24), start)``: the
    word (and its full stop) right before the blanks before ``start``, or None.

    Read from the window's end rather than searched from its start: this runs for every mention of a
    person. The regex's ``$`` also matches before a newline ending the window; its ``\b`` before the
    word looks at the character before it even outside the window.
    """
    lo = max(0, start - 24)
    hi = start - 1 if start > lo and text[start - 1] == "\n" else start
    seg = text[lo:hi]
    word = seg.rstrip(" \t")
    if len(word) == len(seg):
        return None  # no blank before start
    core = word[:-1] if word.endswith(".") else word
    m = _LETTERS_RE.match(core[::-1])
    if m is None:
        return None
    first = lo + len(core) - m.end()
    if first > 0 and (text[first - 1].isalnum() or text[first - 1] == "_"):
        return None  # no word boundary where the letters start
    return text[first:lo + len(word)]


def title_gender(text: str, start: int) -> str | None:
    """Gender fixed by the honorific or role word right before ``start`` ("Mrs. Khan", "spokesman Ali")."""
    found = _title_before(text, start)
    if found is None:
        return None
    word = found.lower()
    if word in MALE_TITLES:
        return "m"
    if word in FEMALE_TITLES:
        return "f"
    return None


class PersonIndex:
    """People of one article; built from the full-name PERSON mentions, in text order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.people: list[Person] = []
        self._by_last: dict[str, list[Person]] = {}
        self._by_first: dict[str, list[Person]] = {}
        self._breaks = [m.start() for m in _PARA_RE.finditer(text)]
        self._honorifics: dict[str, set[str]] | None = None
        self._kin: dict[str, str] | None = None
        self._kin_starts: list[int] | None = None

    def add(self, names: tuple[str, ...], start: int) -> Person:
        """Record a full name (its words, in order) written at ``start``; returns its cluster."""
        first, last, core = _name_parts(names)
        for person in self._by_last.get(last, ()):
            same_first = person.first == first or (_initial(first) or _initial(person.first)) \
                and person.first[0] == first[0] or _NICKNAMES.get(first, first) == _NICKNAMES.get(person.first, "")
            rest, other = core - {first}, person.words - {person.first}
            if same_first and (rest <= other or other <= rest):
                break
            if core < person.words and not is_given_name(first) or \
                    person.words < core and not is_given_name(person.first):
                break  # "Guajardo Villarreal", "Suu Kyi": the compound surname of a name written in full
        else:
            person = Person(" ".join(names), first, last, set())
            self.people.append(person)
            self._by_last.setdefault(last, []).append(person)
            self._by_first.setdefault(first, []).append(person)
        if len(" ".join(names)) > len(person.key):
            person.key = " ".join(names)
        person.words |= core
        person.starts.append(start)
        gender = title_gender(self.text, start)
        if gender is not None and person.gender is None:
            person.gender = gender
        lo = max(0, start - 24)
        kin_starts = self._kin_words()
        # a kin word must start inside the window for the search to match there: most windows hold none
        k = bisect_left(kin_starts, lo)
        kin = _KIN_BEFORE_RE.search(self.text, lo, start) if k < len(kin_starts) and kin_starts[k] < start else None
        if kin is not None:
            person.relative, person.kin = True, kin.group(1).lower()
        return person

    def finish(self) -> None:
        """Fill in genders from given names, and kinship from "his wife, Heidi", once every full name is known."""
        for person in self.people:
            if person.gender is None:
                person.gender = name_gender(person.first)
            if not person.relative and len(person.first) > 1:
                kin = self._kin_names().get(person.key.split(" ", 1)[0])
                if kin is not None:
                    person.relative, person.kin = True, kin

    def by_key(self, key: str) -> Person | None:
        """The cluster whose key is ``key``, or None."""
        for person in self.people:
            if person.key == key:
                return person
        return None

    def match_full(self, norm: tuple[str, ...]) -> Person | None:
        """The one person whose name holds every word of ``norm`` (lowercased) and ends like it."""
        low = _core_words(norm)
        core = {w for w in low if not _initial(w)}
        found = [p for p in self._by_last.get(low[-1], ()) if core <= p.words] if low else []
        return found[0] if len(found) == 1 else None

    def _paragraph(self, pos: int) -> int:
        return bisect_right(self._breaks, pos)

    def resolve(self, word: str, start: int) -> Person | None:
        """The person a one-word mention ("Khan", "Chuck") at ``start`` means, or None when unknown or
        ambiguous."""
        low = word.lower().rstrip(".")
        cands = self._by_last.get(low) or [p for p in self._by_first.get(low, ()) if low not in self._by_last]
        if not cands:
            return None
        gender = title_gender(self.text, start)
        if gender is not None:
            # "Mr. Obama" where only Michelle Obama is named in full: someone else, not her
            cands = [p for p in cands if p.gender in (gender, None)]
        elif low in self._by_last and self._other_gender(low, cands):
            return None  # the surname alone may mean the person never named in full
        if len(cands) <= 1:
            return cands[0] if cands else None
        age = _AGE_BEFORE_RE.search(self.text, max(0, start - 16), start)
        if age is not None:  # "the younger Rutledge": the one introduced as someone's son or daughter
            if age.group(1).lower() in ("younger", "junior"):
                picked = [p for p in cands if p.kin in _CHILDREN]
            else:
                picked = [p for p in cands if p.kin in _PARENTS] or [p for p in cands if p.kin in _CHILDREN] and [
                    p for p in cands if p.kin not in _CHILDREN]
            if len(picked) == 1:
                return picked[0]
        local = local_gender(self.text, start)
        if gender is None and local is not None:  # "Aalders, who ..., said ... of his life"
            exact = [p for p in cands if p.gender == local]
            if len(exact) == 1:
                return exact[0]
        kin = [p for p in cands if not p.relative]
        return self._nearest(kin if kin and gender is None else cands, start)

    def _other_gender(self, last: str, cands: list[Person]) -> bool:
        """True when an honorific gives the bare surname a gender that none of ``cands`` has."""
        if self._honorifics is None:  # one scan of the text for every "Mr. X", "Mrs. X"
            self._honorifics = {}
            for m in matches_at(_HONORIFIC_NAME_RE, self.text, literal_starts(self.text, _HONORIFIC_LITERALS)):
                gender = title_gender(self.text, m.start(2))
                if gender:
                    self._honorifics.setdefault(m.group(2).lower(), set()).add(gender)
        genders = self._honorifics.get(last, set())
        return any(all(p.gender not in (g, None) for p in cands) for g in genders)

    def _kin_words(self) -> list[int]:
        """Sorted offsets where a kin word ("wife", "son") may start: every match of the kin patterns does."""
        if self._kin_starts is None:
            self._kin_starts = literal_starts(self.text, _KIN_LITERALS)
        return self._kin_starts

    def _kin_names(self) -> dict[str, str]:
        """Given names introduced as kin anywhere in the text ("his wife, Heidi") -> the kin word."""
        if self._kin is None:
            self._kin = {m.group(2): m.group(1).lower() for m in matches_at(_KIN_NAME_RE, self.text, self._kin_words())}
        return self._kin

    def _nearest(self, cands: list[Person], start: int) -> Person | None:
        """The candidate written in full nearest before ``start``, unless another one is written in full
        in the same or the previous paragraph too (then the text does not say which)."""
        para = self._paragraph(start)
        best, best_pos = None, -1
        close = 0
        for person in cands:
            k = bisect_right(person.starts, start) - 1
            if k < 0:
                continue
            pos = person.starts[k]
            close += self._paragraph(pos) >= para - 1
            if pos > best_pos:
                best, best_pos = person, pos
        if best is None:
            # named in full only later: the first full mention after decides
            after = [p for p in cands if p.starts and p.starts[0] > start]
            return after[0] if len(after) == 1 else None
        return best if close <= 1 else None
