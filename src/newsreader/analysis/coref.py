"""Document-level settling of entity labels and canonical keys.

Short mentions take the key of a fuller one ("Putin" -> "Vladimir Putin"); labels left open by the
run rules are decided from other mentions and from the words around them.
"""

from __future__ import annotations

import re

from newsreader.analysis import words
from newsreader.analysis.entities import Mention

_NEXT_WORD_RE = re.compile(r"[\s,]*([A-Za-z]+)")
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)[\s]*$")
_PLACE_PREPS = frozenset(("in", "at", "near", "from", "to", "across", "outside", "inside", "into"))
_PERSON_PREV = frozenset(("said", "says", "by", "told", "according", "mr", "mrs", "ms", "dr"))


def _norm(ws: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in ws if w[:1].isupper() or w[:1].isdigit())


def _context_label(text: str, m: Mention) -> str | None:
    """Label a lone unknown word from its neighbours ("X said" -> PERSON, "in X" -> GPE)."""
    nxt = _NEXT_WORD_RE.match(text, m.end)
    if nxt and nxt.group(1) in words.REPORT_VERBS:
        return "PERSON"
    prev = _PREV_WORD_RE.search(text, max(0, m.start - 30), m.start)
    if prev:
        p = prev.group(1).lower()
        if p in _PLACE_PREPS:
            return "GPE"
        if p in _PERSON_PREV:
            return "PERSON"
    if text.startswith((" and ", ", "), m.end) or text[m.end:m.end + 1] in "'’":
        return None
    return None


def settle(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give every mention a label and a key shared across the document; drop undecidable ones."""
    persons: dict[str, str] = {}  # surname or given name (lower) -> full-name key
    known: dict[tuple[str, ...], tuple[str, str]] = {}  # normalised words -> (label, key)
    for m in mentions:
        if m.label is None:
            continue
        norm = _norm(m.words)
        if m.label == "PERSON" and len(norm) > 1:
            full = " ".join(m.words)
            for part in (norm[-1], norm[0]):
                old = persons.get(part)
                if old is None or len(full) > len(old):
                    persons[part] = full
        if norm and (m.how in ("gaz", "suffix", "first", "title", "acronym") or norm not in known):
            known.setdefault(norm, (m.label, m.key))
    out: list[Mention] = []
    for m in mentions:
        norm = _norm(m.words)
        if not norm:
            continue
        if m.label == "PERSON" or m.label is None:
            full = persons.get(norm[-1]) if len(norm) == 1 or m.how in ("title", "caps") else None
            if full is None and len(norm) > 1:
                full = _longer_name(persons, norm)
            if full is not None:
                m.label, m.key = "PERSON", full
        if m.label is None:
            hit = known.get(norm)
            if hit is not None:
                m.label, m.key = hit
            elif m.how != "caps":
                m.label = _context_label(text, m)
        if m.label is not None:
            out.append(m)
    return out


def _longer_name(persons: dict[str, str], norm: tuple[str, ...]) -> str | None:
    """A fuller known name that ends with the same surname and contains this mention's words."""
    full = persons.get(norm[-1])
    if full and all(w in full.lower().split() for w in norm):
        return full
    return None
