"""Mentions from the pieces of one capitalised run: which pieces make one name, and its label.

Adjacent pieces are merged by rules ("Chicago" + "Tribune" -> ORG, a given name + unknown words ->
PERSON, a title before a name -> PERSON); labels left open here ("Ryabkov" alone) are settled
document-wide in ``coref.py``. Like :mod:`.pieces`, a pure function of the run's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.analysis import gazetteer, words
from newsreader.analysis.people import is_given_name
from newsreader.analysis.pieces import Piece

_SELF_STANDING_ORGS = frozenset(("parliament", "army", "navy", "cabinet", "congress", "senate", "police"))
# Words that make a name an organisation wherever they stand inside it.
_INNER_ORG_HEADS = frozenset("department ministry agency authority commission committee council bureau office "
                             "institute university college association federation union foundation".split())
_EPITHET_RE = re.compile(r"(?:ed|ing|y|in['’])$")
# Place classes that double as surnames after a given name ("Chuck Jordan", "Kerry Washington").
_SURNAME_PLACES = frozenset(("country", "state", "city"))


@dataclass(slots=True)
class Mention:
    """A candidate entity; ``label`` is None until context decides."""

    start: int
    end: int
    label: str | None
    key: str
    how: str  # gaz, suffix, title, first, acronym, shape, single
    words: tuple[str, ...]
    cls: str = ""


def _chunk_end(ps: list[Piece], k: int, m: int) -> int:
    """End of the unknown chunk starting at piece k: further unknown words, a town name inside a personal
    name ("Mia Lund", "Chuck Jordan" after a given name), and particles ("Pieter van der Berg")."""
    j = k + 1
    while j < m:
        pc = ps[j]
        if pc.kind == "unk":
            j += 1
        elif pc.kind == "gaz" and pc.entry is not None and len(pc.words) == 1 and (
                pc.entry.cls in gazetteer.WEAK
                or pc.entry.cls in _SURNAME_PLACES and j == k + 1 and is_given_name(ps[k].words[0])):
            j += 1
        elif pc.kind == "conn" and pc.words[0] in words.NAME_CONNECTORS and pc.words[0] != "y":
            nx = j + 1
            while nx < m and ps[nx].kind == "conn" and ps[nx].words[0] in words.NAME_CONNECTORS:
                nx += 1
            if nx < m and ps[nx].kind == "unk":
                j = nx
            else:
                break
        else:
            break
    return j


def classify(ws: list[str], titled: bool) -> tuple[str | None, str]:
    """(label or None, how) for an unknown chunk of capitalised words (non-empty ``ws``) from its shape:
    suffixes and heads ("... Council" ORG), ``titled`` (a title before it: PERSON), a given name first,
    an acronym; None where the shape decides nothing. Never raises for non-empty words."""
    last, first = ws[-1].lower(), ws[0].lower()
    if len(ws) > 1 or last in _SELF_STANDING_ORGS:
        if last in words.ORG_SUFFIXES or "of" in ws and first in words.ORG_HEADS \
                or any(w.lower() in _INNER_ORG_HEADS for w in ws[1:-1]):
            return "ORG", "suffix"  # "Riverton Department of Transportation"
        if last in words.GPE_SUFFIXES or "of" in ws and first in words.LOC_HEADS:
            return "GPE", "suffix"
        if last in words.LOC_SUFFIXES or (len(ws) > 1 and first in words.LOC_PREFIXES):
            return "LOC", "suffix"
    if titled:
        return "PERSON", "title"
    if len(ws) > 1 and is_given_name(ws[0].rstrip(".")):
        return "PERSON", "first"
    if len(ws) == 1:
        w = ws[0]
        if w.isupper() and 2 <= len(w) <= 6 and w.isalpha():
            return "ORG", "acronym"
        if w.endswith("shire") and len(w) > 7:
            return "GPE", "suffix"  # an English county
        return None, "single"
    named = [w for w in ws if w not in words.NAME_CONNECTORS]
    if any(w.lower() in words.EVENT_WORDS for w in named):
        return None, "shape"  # "World Cup", "Greater Milwaukee Open": an event, not a person
    if len(named) <= 4 and all(w[0].isupper() and w.replace(".", "").replace("'", "").replace("’", "")
                               .replace("-", "").isalpha() for w in named):
        return "PERSON", "shape"
    return None, "shape"


def _mention(pieces: list[Piece], label: str | None, how: str, key: str | None = None, cls: str = "") -> Mention:
    ws = tuple(w for p in pieces for w in p.words)
    return Mention(pieces[0].start, pieces[-1].end, label, key or " ".join(ws), how, ws, cls)


def merge_pieces(ps: list[Piece]) -> list[Mention]:
    """The mentions of one run's pieces (from :func:`pieces.cut_run`), in order, offsets as the pieces'.

    Connectors and breaks only join or separate; a title makes the name after it a person's. Never
    raises for pieces with words."""
    out: list[Mention] = []
    m, k, titled = len(ps), 0, False
    while k < m:
        pc = ps[k]
        if pc.kind in ("conn", "break"):
            titled = titled and pc.kind == "conn" and pc.words[0] in words.NAME_CONNECTORS
            k += 1
            continue
        nxt = ps[k + 1] if k + 1 < m else None
        if pc.kind == "gaz":
            e = pc.entry
            assert e is not None
            namelike = len(pc.words) == 1 and (e.cls in gazetteer.WEAK or is_given_name(pc.words[0]))
            if nxt is not None and (namelike or titled) and (nxt.kind == "unk" or nxt.kind == "gaz" and len(
                    nxt.words) == 1 and nxt.entry is not None and nxt.entry.cls in gazetteer.WEAK):
                pc = Piece("unk", pc.start, pc.end, pc.words)  # "Jordan Henderson", "Florence Pugh"
            elif e.label in ("GPE", "NORP", "LOC") and nxt is not None and nxt.kind in ("unk", "gaz"):
                j = k + 1
                while j < m and ps[j].kind == "unk":
                    j += 1
                tail = ps[k + 1:j] or [nxt]
                tail_words = [w for p in tail for w in p.words]
                lab, how = classify(tail_words, False) if tail[0].kind == "unk" else ("", "")
                if tail[0].kind == "gaz" and tail[0].entry is not None and tail[0].entry.cls == "gov" \
                        and len(tail[0].words) > 1:
                    lab, how = "ORG", "suffix"
                if how == "suffix" and lab in ("ORG", "LOC"):
                    out.append(_mention([pc, *tail], lab, "suffix"))
                    k += 1 + len(tail)
                    titled = False
                    continue
            if pc.kind == "gaz":
                out.append(_mention([pc], "PERSON" if titled and e.cls in gazetteer.WEAK else e.label, "gaz",
                                    e.key, e.cls))
                k += 1
                titled = False
                continue
        if pc.kind == "title":
            j = k + 1
            while j < m and ps[j].kind == "unk":
                j += 1
            if j > k + 1 and classify([w for p in ps[k:j] for w in p.words], False)[0] == "ORG":
                out.append(_mention(ps[k:j], "ORG", "suffix"))  # "General Motors"
                k = j
            else:
                titled = True
                k += 1
            continue
        # an unknown chunk, possibly extended through "of"/"for" when it heads an organisation or place
        j = _chunk_end(ps, k, m)
        chunk = [pc, *ps[k + 1:j]]
        while chunk[0].words[0] in ("The", "THE") and len(chunk) > 1:
            chunk = chunk[1:]
        head = chunk[-1].words[-1].lower()
        if head in words.ORG_HEADS or head in words.LOC_HEADS or head in words.ORG_SUFFIXES:
            e2, allowed = j, ("of", "for", "on")  # type: tuple[int, tuple[str, ...]]
            while e2 + 1 < m and ps[e2].kind == "conn" and ps[e2].words[0] in allowed:
                nx = e2 + 1
                while nx < m and ps[nx].kind == "conn" and ps[nx].words[0] == "the":
                    nx += 1
                if nx >= m or ps[nx].kind not in ("unk", "gaz"):
                    break
                e2, allowed = nx + 1, ("of", "for", "on", "and", "&")
                while e2 < m and ps[e2].kind in ("unk", "gaz"):
                    e2 += 1
            if e2 > j:
                chunk, j = chunk + ps[j:e2], e2
        if len(chunk) > 1 and chunk[0].kind == "unk" and _EPITHET_RE.search(chunk[0].words[0]) \
                and not is_given_name(chunk[0].words[0]) and is_given_name(chunk[1].words[0]):
            chunk = chunk[1:]  # "Crooked Tom Barlow", "Sleepy Ann Voss": an epithet, not part of the name
        ws = [w for p in chunk for w in p.words]
        label, how = classify(ws, titled)
        out.append(_mention(chunk, label, how))
        titled = False
        k = j
    return out
