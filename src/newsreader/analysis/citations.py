"""Cited sources: who or what the article's statements rest on.

Patterns: "X said/told/reported ..." (reported speech, with or without a quotation), "according to X",
"citing X", "per X", "told X" (an outlet), "a X readout", "data released by X", "in a statement".
The span of a citation is the source phrase; its kind comes from the entity it names or its head noun.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsreader.analysis import gazetteer, words
from newsreader.analysis.model import Citation, Entity
from newsreader.analysis.referents import Resolver
from newsreader.analysis.roles import OUTLET_TAILS
from newsreader.analysis.scan import literal_starts, matches_at
from newsreader.analysis.speakers import sentence_cut, subject_before
from newsreader.analysis.tokens import word_alternation

_STATEMENT_VERBS = word_alternation(words.STATEMENT_VERBS | {"reported", "reports"})
_VERB_RE = re.compile(rf"\b(?:{_STATEMENT_VERBS})\b")
_NP = r"((?:the |an? )?[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|of|the|for|and))*|(?:the|an?) [a-z][\w-]*(?: [a-z][\w-]*){0,3}?(?= *[,.;]| (?:that|which|who|on|in)\b))"
_AFTER_RE = re.compile(rf"\b(?P<cue>[Aa]ccording to|[Cc]iting|per|told|[Dd]ata (?:released |published |compiled )?by|"
                       rf"[Ff]igures (?:released |published )?by|[Ss]tatistics from) {_NP}")
# Every match of _AFTER_RE starts at its cue, and each cue holds one of these literals (with the offset of
# the literal in it): the pattern is tried only there instead of at every position of the text.
_AFTER_LITERALS = (("ccording to ", 1), ("iting ", 1), ("per ", 0), ("told ", 0), ("ata ", 1), ("igures ", 1),
                   ("tatistics from ", 1))
_READOUT_RE = re.compile(r"\b(?:[Aa]n?|[Tt]he) ((?:[A-Z][\w.'’-]*\s)+)readout\b")
# "per ynetnews, an Israeli news outlet": a site named in lower case, known by its name or its appositive
_PER_SITE_RE = re.compile(r"\bper ([a-z][\w.-]*(?:news|\.com|\.org|\.net|times|post)\b|[a-z][\w.-]+(?=, (?:an?|the) "
                          r"[^,.;]{0,40}\b(?:outlet|newspaper|news site|website|broadcaster|news agency|paper)\b))")
_PER_SITE_LITERALS = (("per ", 0),)
_APPOSITIVE_NAME_RE = re.compile(r", ([A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|van|von|de|der|la|al|bin))+),[ \t]*$")
_SPOKESMAN_FOR_RE = re.compile(r"(?:[Aa]n? |[Tt]he )?(?:[a-z]+ )?(?:spokes\w+|official|representative|aide|adviser|"
                               r"advisor|lawyer|attorney) (?:for|of|at|from) ((?:the )?[\w.'’ -]{2,60})$")
_LEADING_ARTICLE_RE = re.compile(r"[Aa]n? (?=[A-Z])")  # "a Kremlin readout": the indefinite article is no part of a name
_PRONOUN_SOURCES = frozenset(("he", "she", "they", "we", "i", "it"))
_ANONYMOUS = re.compile(r"^(?:some |several |two |three |many |senior |other |the )*(?:[a-z]+ )?(?:officials?|sources|"
                        r"people|diplomats|aides|analysts|experts|observers|residents|witnesses|insiders)\b")
_PLURAL_PEOPLE_RE = re.compile(r"\b(?:agents|workers|residents|parents|teachers|drivers|farmers|fishermen|traders|"
                               r"investors|economists|analysts|experts|officials|sources|people|critics|"
                               r"supporters|opponents|members|staff|employees|doctors|nurses|scientists|"
                               r"researchers|locals|voters|protesters|activists|organizers|organisers|merchants|"
                               r"technicians|leaders|advocates|owners|tenants|politicians|lawmakers|diplomats|"
                               r"aides|executives|engineers|economists|shoppers|commuters|neighbours|neighbors)$")
_DOCUMENT_HEADS = frozenset("report study survey poll data document documents memo letter filing complaint figures "
                            "statistics analysis review records audit ruling indictment lawsuit".split())
_OFFICIAL_HEADS = frozenset("readout ministry department government office spokesman spokeswoman spokesperson "
                            "police military army agency embassy council commission administration".split())


def _kind(source: str, entity: Entity | None) -> str | None:
    low = source.lower()
    head = low.rsplit(" ", 1)[-1].strip(".,'’s")
    if low in ("this", "that", "which", "who"):
        return None
    if "statement" in low:
        return "statement"
    if _ANONYMOUS.match(low) and (not source[:1].isupper() or entity is None):
        return "anonymous"  # "officials said", and "Analysts said" opening a sentence
    if head in _DOCUMENT_HEADS:
        return "document"
    if entity is not None:
        entry = gazetteer.get(entity.text)
        if entry is not None and entry.cls == "outlet":
            return "outlet"
        if entity.label == "ORG" and entity.key.rsplit(" ", 1)[-1].lower() in OUTLET_TAILS:
            return "outlet"  # "the Coastal Bulletin", "the Tessby Courier": a newspaper by its name
        if entity.label in ("ORG", "GPE", "NORP"):
            return "official"
        if entity.label == "PERSON":
            return "person"
    if head in _OFFICIAL_HEADS:
        return "official"
    if " of " not in low and (head.endswith("s") and not source[:1].isupper() or _PLURAL_PEOPLE_RE.search(low)):
        return "anonymous"  # "Shipping agents said", "residents said": people, unnamed
    return None  # "My wife", "Combined": no name, no body, nothing a reader could check


class _Entities:
    """Finds the entity inside a span, preferring people."""

    def __init__(self, entities: list[Entity]) -> None:
        self.items = [e for e in entities if e.label in ("PERSON", "ORG", "GPE", "NORP")]
        self.starts = [e.start for e in self.items]

    def inside(self, start: int, end: int) -> Entity | None:
        k = bisect_right(self.starts, end) - 1
        best = None
        while k >= 0 and self.items[k].end > start:
            e = self.items[k]
            if e.start >= start and e.end <= end and (best is None or e.label == "PERSON"):
                best = e
            k -= 1
        return best


def find_citations(text: str, entities: list[Entity], resolver: Resolver) -> list[Citation]:
    """Cited sources, sorted, with no two of one kind overlapping; ``key`` is the name the source
    resolves to through ``resolver`` (a pronoun to its person, "Mr. Trump" to "Donald J. Trump")."""
    ents = _Entities(entities)
    by_key = {e.key: e for e in ents.items}
    found: list[Citation] = []

    def add(start: int, end: int, forced: str | None = None) -> None:
        source = text[start:end].strip(" ,.")
        source = source[:sentence_cut(source)]  # "the Coastal Bulletin. A" ends with its sentence
        det = _LEADING_ARTICLE_RE.match(source)
        if det is not None:
            start, source = start + det.end(), source[det.end():]
        if not source or len(source) > 120:
            return
        end = start + len(source)
        key = resolver.key(start, end)
        kind: str | None
        if source.lower() in _PRONOUN_SOURCES:
            if key is None:
                return  # "he said" with nobody to credit cites nothing
            kind = forced or "person"
        else:
            # "The developer" resolved to Ardcraig Renewables takes the kind of the body it names
            kind = forced or _kind(source, ents.inside(start, end) or by_key.get(key or ""))
        if kind is not None:
            found.append(Citation(start, end, source, kind, key or ""))

    for m in _VERB_RE.finditer(text):
        floor = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 200)
        span = subject_before(text, m.start(), floor)
        if span is None:
            continue
        after = text[m.end():m.end() + 22]
        add(span[0], span[1], "statement" if after.startswith(" in a statement") else None)
        named = _APPOSITIVE_NAME_RE.search(text, span[1], m.start())
        inside = ents.inside(named.start(1), named.end(1)) if named is not None else None
        if named is not None and inside is not None:  # "a spokesman for the ministry, Jonas Ekberg, said"
            add(named.start(1), named.end(1), "person" if inside.label == "PERSON" else None)
        body = _SPOKESMAN_FOR_RE.match(text, span[0], span[1])
        if body is not None:
            add(body.start(1), body.end(1), "official")
    for m in matches_at(_AFTER_RE, text, literal_starts(text, _AFTER_LITERALS)):
        cue = m.group("cue").lower()
        if cue in ("told", "per"):
            if not m.group(2)[:1].isupper():
                continue
            entity = ents.inside(m.start(2), m.end(2))
            entry = gazetteer.get(entity.text) if entity is not None else None
            named_outlet = entity is not None and entity.label == "ORG" \
                and entity.key.rsplit(" ", 1)[-1].lower() in OUTLET_TAILS  # "told the Coastal Bulletin"
            if not named_outlet and (entry is None or entry.cls != "outlet"):
                continue
        add(m.start(2), m.end(2), "document" if cue.startswith(("data", "figures", "statistics")) else None)
    for m in matches_at(_PER_SITE_RE, text, literal_starts(text, _PER_SITE_LITERALS)):
        add(m.start(1), m.end(1), "outlet")
    for m in _READOUT_RE.finditer(text) if "readout" in text else ():  # one cheap test skips the scan
        add(m.start(1), m.end(1), "official")
    found.sort(key=lambda c: (c.start, c.end))
    out: list[Citation] = []
    last_end: dict[str, int] = {}
    for c in found:
        if c.start >= last_end.get(c.kind, -1):
            out.append(c)
            last_end[c.kind] = c.end
    return out
