"""Document-level settling of entity labels and canonical keys.

Short mentions take the key of the person they mean ("Khan" -> "Khizr Khan" or "Ghazala Khan", see
``persons.py``); labels left open by the run rules are decided from other mentions and from the words
around them; names inside headlines are recovered from the names the body uses.
"""

from __future__ import annotations

import re

from newsreader.analysis import gazetteer, words
from newsreader.analysis.entities import Mention
from newsreader.analysis.people import is_given_name
from newsreader.analysis.persons import Person, PersonIndex
from newsreader.analysis.scan import last_word
from newsreader.analysis.tokens import LOWER_WORD_RE, TOKEN_RE, is_sentence_initial

# no comma: in "Rennie, who runs a guest house in Inverallt, said" the comma ends the appositive, and
# Inverallt does not speak
_NEXT_WORD_RE = re.compile(r"[ \t]*([A-Za-z]+)")
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_PLACE_PREPS = frozenset(("in", "at", "near", "from", "to", "across", "outside", "inside", "into"))
_PERSON_PREV = frozenset(("said", "says", "by", "told", "according", "mr", "mrs", "ms", "dr"))
_PLACE_LABELS = frozenset(("GPE", "LOC"))
_NEVER_NAMES = frozenset(words.MONTHS + words.WEEKDAYS) | words.HOLIDAYS
_PLACE_OF_RE = re.compile(r"\b(?:village|town|city|hamlet|county|district|region|province|state|island|port|parish|"
                          r"municipality|suburb)[ \t]+of[ \t]+$")
_PLACE_APPOSITIVE_RE = re.compile(r",? (?:an?|the) (?:[\w-]+ )?(?:town|city|village|suburb|county|district|port|"
                                  r"region|state|province|borough|municipality)\b")


def _prev_word(text: str, lo: int, hi: int) -> str | None:
    r"""Group 1 of ``re.compile(r"([A-Za-z]+)[\s]*$").search(text, lo, hi)``: the letters ending the window
    before any white space, or None (read from the window's end by :func:`scan.last_word`)."""
    found = last_word(text, lo, hi, _LETTERS_RE)
    return None if found is None else found[1]


# A mention's words recur within an article and across articles (the run cache hands out the same tuples).
_NORMS: dict[tuple[str, ...], tuple[str, ...]] = {}


def _norm(ws: tuple[str, ...]) -> tuple[str, ...]:
    """The capitalised (or numeric) words of a name, lowercased: the form names are compared in."""
    norm = _NORMS.get(ws)
    if norm is None:
        if len(_NORMS) >= 20_000:
            _NORMS.clear()
        norm = _NORMS[ws] = tuple(w.lower() for w in ws if w[:1].isupper() or w[:1].isdigit())
    return norm


def _context_label(text: str, m: Mention) -> str | None:
    """Label a lone unknown word from its neighbours ("X said" -> PERSON, "in X" -> GPE); a month, a weekday,
    a holiday or "I've" is never labelled ("in June", "on Fridays", "the Easter weekend")."""
    word = m.words[0].lower().rstrip("s") if m.words else ""
    if word in _NEVER_NAMES or m.words and m.words[0].lower() in _NEVER_NAMES or word.startswith(("i'", "i’")):
        return None
    nxt = _NEXT_WORD_RE.match(text, m.end)
    if nxt and nxt.group(1) in words.REPORT_VERBS:
        return "PERSON"
    prev = _prev_word(text, max(0, m.start - 30), m.start)
    if _PLACE_OF_RE.search(text, max(0, m.start - 30), m.start):
        return "GPE"  # "the village of Inverallt"
    if prev:
        p = prev.lower()
        if p in _PLACE_PREPS:
            return "GPE"
        if p in _PERSON_PREV:
            return "PERSON"
    return None


def _split_couples(text: str, mentions: list[Mention]) -> None:
    """"Khizr and Ghazala Khan": the first given name takes the shared surname, so two people are found."""
    for a, b in zip(mentions, mentions[1:]):
        if len(a.words) == 1 and b.label == "PERSON" and len(b.words) >= 2 and a.label in (None, "PERSON") \
                and text[a.end:b.start] == " and " and (is_given_name(a.words[0]) or not is_given_name(b.words[0])
                                                        and gazetteer.get(a.words[0]) is None):
            a.label, a.how = "PERSON", "first"
            a.words = (a.words[0], *b.words[1:])
            a.key = " ".join(a.words)


def _person_context(text: str, m: Mention) -> bool:
    nxt = _NEXT_WORD_RE.match(text, m.end)
    prev = _prev_word(text, max(0, m.start - 12), m.start)
    return bool(nxt and nxt.group(1) in words.REPORT_VERBS) or bool(
        prev and prev.lower() in ("mr", "mrs", "ms", "dr", "sen", "rep", "gov"))


def _place_context(text: str, m: Mention) -> bool:
    """"in Warren", "Warren, a town outside Detroit": the place, whoever else bears the name."""
    prev = _prev_word(text, max(0, m.start - 12), m.start)
    return bool(prev and prev.lower() in _PLACE_PREPS) or _PLACE_APPOSITIVE_RE.match(text, m.end) is not None


def _split_caps(text: str, m: Mention, known: dict[tuple[str, ...], tuple[str, str]],
                people: PersonIndex) -> list[Mention]:
    """The names the body uses, found inside a headline run ("Warren Grills Wells Fargo Chief")."""
    toks = [(t.start(), t.end(), t.group()) for t in TOKEN_RE.finditer(text, m.start, m.end)
            if t.group()[:1].isupper()]
    low = [t[2].lower() for t in toks]
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        for j in range(min(len(toks), i + 6), i, -1):
            norm = tuple(low[i:j])
            hit = known.get(norm)
            person = people.resolve(toks[i][2], toks[i][0]) if j == i + 1 and hit is None else None
            if hit is None and person is None and j > i + 1:
                person = people.match_full(norm)
            if hit is not None or person is not None:
                ws = tuple(t[2] for t in toks[i:j])
                label, key = hit if hit is not None else ("PERSON", person.key)  # type: ignore[union-attr]
                out.append(Mention(toks[i][0], toks[j - 1][1], label, key, "caps", ws))
                i = j
                break
        else:
            i += 1
    return out


def _trim_openers(text: str, mentions: list[Mention]) -> None:
    """"Notice Trump", "Whether Clinton", "Hold Melania Trump": a capitalised word opening a sentence before
    a name the article knows is no part of the name (the run rules cannot tell "Notice" from "Nancy")."""
    surnames = {m.words[-1].lower() for m in mentions if m.label == "PERSON" and len(m.words) > 1
                and (m.how in ("first", "title") or is_given_name(m.words[0]))}
    vocab: set[str] | None = None
    for m in mentions:
        if m.label == "PERSON" and len(m.words) > 1 and m.how == "shape" and m.words[-1].lower() in surnames \
                and m.words[1][:1].isupper() and not is_given_name(m.words[0]) and is_sentence_initial(text, m.start):
            if vocab is None:
                vocab = set(LOWER_WORD_RE.findall(text))
            if m.words[0].lower() not in vocab and m.words[0].lower() not in words.COMMON_CAPS:
                continue  # "Rakeyia Scott": a given name the lexicon lacks, not an English word
            cut = text.find(m.words[1], m.start + len(m.words[0]))
            if 0 < cut < m.end:
                m.start, m.words = cut, m.words[1:]
                m.key = " ".join(m.words)
                m.how = "first" if len(m.words) > 1 and is_given_name(m.words[0]) else "single"


def settle(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give every mention a label and a key shared across the document; drop undecidable ones."""
    _trim_openers(text, mentions)
    _split_couples(text, mentions)
    people = PersonIndex(text)
    known: dict[tuple[str, ...], tuple[str, str]] = {}  # normalised words -> (label, key)
    owner: dict[int, Person] = {}
    for m in mentions:
        if m.label is None:
            continue
        norm = _norm(m.words)
        if m.label == "PERSON" and len(norm) > 1:
            owner[id(m)] = people.add(m.words, m.start)
        elif norm and (m.how in ("gaz", "suffix", "first", "title", "acronym") or norm not in known):
            known.setdefault(norm, (m.label, m.key))
    people.finish()
    for cluster in people.people:
        known[tuple(cluster.key.lower().split())] = ("PERSON", cluster.key)
    org_first: dict[str, set[str]] = {}  # "crestline" -> {"Crestline Property Group"}
    for norm, (label, key) in known.items():
        if label == "ORG" and len(norm) > 1 and key[:1].isupper():
            org_first.setdefault(norm[0], set()).add(key)
    out: list[Mention] = []
    for m in mentions:
        if m.how == "caps" and m.label is None:
            out += _split_caps(text, m, known, people)
            continue
        norm = _norm(m.words)
        if not norm:
            continue
        person = owner.get(id(m))
        if person is None and (m.label in (None, "PERSON") or m.label in _PLACE_LABELS and len(norm) == 1
                               and m.how == "gaz" and (m.cls in gazetteer.WEAK or _person_context(text, m))
                               and not _place_context(text, m)):
            person = people.resolve(norm[0], m.start) if len(norm) == 1 else people.match_full(norm)
        if m.label == "ORG" and len(norm) > 1:  # "Harbor Workers" before "Harbor Workers Credit Union"
            longer = [key for key in org_first.get(norm[0], ()) if key != m.key and tuple(
                key.lower().split()[:len(norm)]) == norm]
            if len(longer) == 1:
                m.key = longer[0]
        short = org_first.get(norm[0]) if len(norm) == 1 and m.label in (None, "PERSON", "ORG") else None
        if person is None and short is not None and len(short) == 1 and (m.how != "gaz" or m.cls in gazetteer.WEAK):
            m.label, m.key = "ORG", next(iter(short))  # "Crestline" after "Crestline Property Group"
        elif person is not None:
            m.label, m.key = "PERSON", person.key
        elif m.label is None:
            hit = known.get(norm)
            if hit is not None:
                m.label, m.key = hit
            else:
                m.label = _context_label(text, m)
        if m.label is not None:
            out.append(m)
    return out
