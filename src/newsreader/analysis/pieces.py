"""A capitalised run cut into pieces: gazetteer names, title phrases, unknown words and connectors.

"Deputy Foreign Minister Sergei Ryabkov" is cut into a title phrase and two unknown words, "Bank of
England and Hamas" into a gazetteer name, a connector and an unknown word; :mod:`.mentions` then
merges adjacent pieces into mentions. Everything here is a pure function of the run's words, which is
what lets :func:`entities.find_names` reuse the result for every run of the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.analysis import gazetteer, words
from newsreader.analysis.people import is_given_name
from newsreader.analysis.tokens import TOKEN_RE

_CONNECT = frozenset(("of", "the", "and", "&", "for", "on")) | words.NAME_CONNECTORS
#: The token standing for a split point inside a hyphenated compound ("Oslo-based" -> "Oslo", BREAK).
BREAK = "-"
_PHRASE_OPENERS = frozenset(phrase[0] for phrase in words.TITLE_PHRASES)
_CALENDAR = frozenset(words.MONTHS + words.WEEKDAYS)
_NAMELIKE_MONTHS = frozenset(("may", "june", "august", "april"))  # "Theresa May"
# A lowercase part after a hyphen makes an English compound ("Oslo-based", "Trump-era"); any other lowercase
# part belongs to a name ("Ban Ki-moon", "Park Geun-hye", "Min-jun").
_COMPOUND_TAIL = re.compile(
    r"(?:ed|ing|ly|ist|ists|ism|ian|ese|based|led|run|born|style|era|like|wide|free|made|owned|friendly|speaking|"
    r"year|old|class|level|type|term|time|sized|scale|wing|bound|centric|specific|only|first|proof|esque|"
    r"American|backed|linked|held|funded)$")


@dataclass(slots=True)
class Piece:
    """One piece of a run: ``kind`` is gaz, title, unk, conn or break; ``words`` its tokens; ``entry`` the
    gazetteer entry of a gaz piece."""

    kind: str
    start: int
    end: int
    words: list[str]
    entry: gazetteer.Entry | None = None


def _title_end(lower: list[str], i: int, n: int) -> int:
    """End of a title phrase starting at i ("Deputy Foreign Minister"), or i if none."""
    if lower[i] in _PHRASE_OPENERS:
        for phrase in words.TITLE_PHRASES:
            if tuple(lower[i:i + len(phrase)]) == phrase:
                return i + len(phrase)
    j, end = i, i
    while j < n and (lower[j] in words.TITLE_MODIFIERS or lower[j] in words.TITLE_HEADS):
        j += 1
        if lower[j - 1] in words.TITLE_HEADS:
            end = j
    return end


def split_run(run: str, base: int) -> list[tuple[int, int, str]]:
    """Tokens of one run as (start, end, word), offsets from ``base``; hyphenated compounds split where a
    part is a known name ("Israel-Hamas") or an English tail follows ("Oslo-based"), with an empty
    :data:`BREAK` token at each split. Never raises."""
    out: list[tuple[int, int, str]] = []
    for m in TOKEN_RE.finditer(run):
        s, w = m.start() + base, m.group()
        if "-" in w and w[0].isupper() and gazetteer.get(w) is None:
            parts = w.split("-")
            if not parts[1][:1].isupper() and _COMPOUND_TAIL.search(parts[-1]):
                first = parts[0]
                out += [(s, s + len(first), first), (s + len(first), s + len(first), BREAK)]
                continue
            if any((e := gazetteer.get(p)) is not None and e.cls not in gazetteer.WEAK for p in parts):
                for p in parts:
                    out += [(s, s + len(p), p), (s + len(p), s + len(p), BREAK)]
                    s += len(p) + 1
                continue
        out.append((s, s + len(w), w))
    return out


def cut_run(toks: list[tuple[int, int, str]], caps: bool, initial: bool) -> list[Piece]:
    """The pieces of a run's tokens (from :func:`split_run`), in order: the longest gazetteer name at each
    token (case-folded in an ALL-CAPS line, ``caps``), else a title phrase, else one unknown word;
    connectors and calendar words stand alone. ``initial``: the run opens a sentence, where a common
    capitalised word ("New") is no name. Never raises for non-empty tokens."""
    ws = [t[2] for t in toks]
    lower = [w.lower() for w in ws]
    n, i, out = len(toks), 0, []
    while i < n:
        w = ws[i]
        if w == BREAK or (w[0].islower() and lower[i] in _CONNECT) or (
                lower[i] in _CALENDAR and not (i and lower[i] in _NAMELIKE_MONTHS)):
            out.append(Piece("conn" if lower[i] in _CONNECT else "break", toks[i][0], toks[i][1], [w]))
            i += 1
            continue
        hit = gazetteer.lookup(ws, i, n, caps)
        if hit is not None and hit[0] == i + 1 and lower[i] in words.NAME_CONNECTORS and i + 1 < n \
                and (ws[i + 1][0].isupper() or lower[i + 1] in words.NAME_CONNECTORS):
            hit = None  # "Van der Berg", "De Souza": a particle opening a surname, not the town of Van
        if hit is not None and not (initial and i == 0 and hit[0] == 1 and lower[0] in words.COMMON_CAPS):
            j, entry = hit
            out.append(Piece("gaz", toks[i][0], toks[j - 1][1], ws[i:j], entry))
            i = j
            continue
        j = _title_end(lower, i, n)
        if j == i + 1 and out and out[-1].kind == "unk" and is_given_name(out[-1].words[-1]) \
                and (j == n or not ws[j][0].isupper()):
            j = i  # "Charlie King", "Ann Bishop": a surname that is also a title
        if j > i:
            out.append(Piece("title", toks[i][0], toks[j - 1][1], ws[i:j]))
            i = j
            continue
        out.append(Piece("unk", toks[i][0], toks[i][1], [w]))
        i += 1
    return out
