"""Named entities from capitalised runs: gazetteer hits, titles, suffix and shape rules.

A run ("Deputy Foreign Minister Sergei Ryabkov", "Bank of England and Hamas") is cut into pieces
(gazetteer names, title phrases, unknown capitalised words, connectors), then adjacent pieces are
merged by rules ("Chicago" + "Tribune" -> ORG). Labels left open here ("Ryabkov" alone) are settled
document-wide in ``coref.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.analysis import gazetteer, words
from newsreader.analysis.people import is_given_name
from newsreader.analysis.tokens import TOKEN_RE, in_spans, is_sentence_initial, runs

_CONNECT = frozenset(("of", "the", "and", "&", "for", "on")) | words.NAME_CONNECTORS
_SELF_STANDING_ORGS = frozenset(("parliament", "army", "navy", "cabinet", "congress", "senate", "police"))
_BREAK = "-"
# Words that make a name an organisation wherever they stand inside it.
_INNER_ORG_HEADS = frozenset("department ministry agency authority commission committee council bureau office "
                             "institute university college association federation union foundation".split())
_EPITHET_RE = re.compile(r"(?:ed|ing|y|in['’])$")
_PHRASE_OPENERS = frozenset(phrase[0] for phrase in words.TITLE_PHRASES)
# Place classes that double as surnames after a given name ("Chuck Jordan", "Kerry Washington").
_SURNAME_PLACES = frozenset(("country", "state", "city"))
_CALENDAR = frozenset(words.MONTHS + words.WEEKDAYS)
_NAMELIKE_MONTHS = frozenset(("may", "june", "august", "april"))  # "Theresa May"
# A lowercase part after a hyphen makes an English compound ("Oslo-based", "Trump-era"); any other lowercase
# part belongs to a name ("Ban Ki-moon", "Park Geun-hye", "Min-jun").
_COMPOUND_TAIL = re.compile(
    r"(?:ed|ing|ly|ist|ists|ism|ian|ese|based|led|run|born|style|era|like|wide|free|made|owned|friendly|speaking|"
    r"year|old|class|level|type|term|time|sized|scale|wing|bound|centric|specific|only|first|proof|esque|"
    r"American|backed|linked|held|funded)$")


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


@dataclass(slots=True)
class _Piece:
    kind: str  # gaz, title, unk, conn, break
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


def _tokens(run: str, base: int) -> list[tuple[int, int, str]]:
    """Tokens of one run, hyphenated compounds split where a part is a known name."""
    out: list[tuple[int, int, str]] = []
    for m in TOKEN_RE.finditer(run):
        s, w = m.start() + base, m.group()
        if "-" in w and w[0].isupper() and gazetteer.get(w) is None:
            parts = w.split("-")
            if not parts[1][:1].isupper() and _COMPOUND_TAIL.search(parts[-1]):
                first = parts[0]
                out += [(s, s + len(first), first), (s + len(first), s + len(first), _BREAK)]
                continue
            if any((e := gazetteer.get(p)) is not None and e.cls not in gazetteer.WEAK for p in parts):
                for p in parts:
                    out += [(s, s + len(p), p), (s + len(p), s + len(p), _BREAK)]
                    s += len(p) + 1
                continue
        out.append((s, s + len(w), w))
    return out


def _pieces(toks: list[tuple[int, int, str]], caps: bool, initial: bool) -> list[_Piece]:
    ws = [t[2] for t in toks]
    lower = [w.lower() for w in ws]
    n, i, out = len(toks), 0, []
    while i < n:
        w = ws[i]
        if w == _BREAK or (w[0].islower() and lower[i] in _CONNECT) or (
                lower[i] in _CALENDAR and not (i and lower[i] in _NAMELIKE_MONTHS)):
            out.append(_Piece("conn" if lower[i] in _CONNECT else "break", toks[i][0], toks[i][1], [w]))
            i += 1
            continue
        hit = gazetteer.lookup(ws, i, n, caps)
        if hit is not None and hit[0] == i + 1 and lower[i] in words.NAME_CONNECTORS and i + 1 < n \
                and (ws[i + 1][0].isupper() or lower[i + 1] in words.NAME_CONNECTORS):
            hit = None  # "Van der Berg", "De Souza": a particle opening a surname, not the town of Van
        if hit is not None and not (initial and i == 0 and hit[0] == 1 and lower[0] in words.COMMON_CAPS):
            j, entry = hit
            out.append(_Piece("gaz", toks[i][0], toks[j - 1][1], ws[i:j], entry))
            i = j
            continue
        j = _title_end(lower, i, n)
        if j == i + 1 and out and out[-1].kind == "unk" and is_given_name(out[-1].words[-1]) \
                and (j == n or not ws[j][0].isupper()):
            j = i  # "Charlie King", "Ann Bishop": a surname that is also a title
        if j > i:
            out.append(_Piece("title", toks[i][0], toks[j - 1][1], ws[i:j]))
            i = j
            continue
        out.append(_Piece("unk", toks[i][0], toks[i][1], [w]))
        i += 1
    return out


def _chunk_end(ps: list[_Piece], k: int, m: int) -> int:
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


def _classify(ws: list[str], titled: bool) -> tuple[str | None, str]:
    """Label an unknown chunk of capitalised words from its shape."""
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


def _mention(pieces: list[_Piece], label: str | None, how: str, key: str | None = None, cls: str = "") -> Mention:
    ws = tuple(w for p in pieces for w in p.words)
    return Mention(pieces[0].start, pieces[-1].end, label, key or " ".join(ws), how, ws, cls)


def _merge(ps: list[_Piece]) -> list[Mention]:
    """Turn the pieces of one run into mentions."""
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
                pc = _Piece("unk", pc.start, pc.end, pc.words)  # "Jordan Henderson", "Florence Pugh"
            elif e.label in ("GPE", "NORP", "LOC") and nxt is not None and nxt.kind in ("unk", "gaz"):
                j = k + 1
                while j < m and ps[j].kind == "unk":
                    j += 1
                tail = ps[k + 1:j] or [nxt]
                tail_words = [w for p in tail for w in p.words]
                lab, how = _classify(tail_words, False) if tail[0].kind == "unk" else ("", "")
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
            if j > k + 1 and _classify([w for p in ps[k:j] for w in p.words], False)[0] == "ORG":
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
        label, how = _classify(ws, titled)
        out.append(_mention(chunk, label, how))
        titled = False
        k = j
    return out


_DATELINE_TAIL_RE = re.compile(r"[ \t]*(?:[-—–]|,|\()")


def _is_dateline(text: str, m: re.Match[str]) -> bool:
    """"MIDWAY ATOLL - Seventy-four years ago": capitals opening a paragraph before a dash are a dateline."""
    start = m.start()
    return (start == 0 or text[start - 1] == "\n") and m.group().isupper() and len(m.group()) > 3 \
        and _DATELINE_TAIL_RE.match(text, m.end()) is not None


# Caches shared by every text analysed in this process. A capitalised run ("Harbour Authority", "Trump",
# a sentence's first word) recurs across articles as well as within one, and what the rules make of it
# depends on the run alone (its words and where its tokens stand), never on the text around it, so it is
# worked out once per process. Cleared when full so that a long index build cannot grow them without end.
_CACHE_LIMIT = 50_000
_RUN_TOKENS: dict[str, tuple[tuple[int, int, str], ...]] = {}
_RUN_MENTIONS: dict[tuple[str, int, bool, bool], tuple[int, list[tuple[int, int, str | None, str, str,
                                                                      tuple[str, ...], str]]]] = {}


def _run_tokens(run: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`_tokens` of a run, offsets relative to the run's start, from the process-wide cache."""
    toks = _RUN_TOKENS.get(run)
    if toks is None:
        if len(_RUN_TOKENS) >= _CACHE_LIMIT:
            _RUN_TOKENS.clear()
        toks = _RUN_TOKENS[run] = tuple(_tokens(run, 0))
    return toks


def find_names(text: str, vocab: set[str], caps: list[tuple[int, int]],
               titles: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Name mentions (PERSON/ORG/GPE/LOC/NORP candidates) in ``text``, in order.

    ``caps`` and ``titles`` are the ALL-CAPS and Title Case lines (headlines): there a run's extent says
    nothing, so only gazetteer names keep a label and the rest wait for ``coref.settle`` to find the
    names the body uses inside them ("Warren Grills Bank Chief" holds "Warren").
    """
    out: list[Mention] = []
    for m in runs(text):
        start = m.start()
        run = m.group()
        in_caps = bool(caps) and in_spans(caps, start)
        if " " not in run and run.lower() in words.COMMON_CAPS and not in_caps and is_sentence_initial(text, start):
            continue  # "The", "But", "In" opening a sentence: most runs are this, and name nothing
        in_title = bool(titles) and in_spans(titles or [], start) or _is_dateline(text, m)
        toks = _run_tokens(run)
        skip = 0  # tokens dropped from the front: a sentence's first word that is an ordinary word
        initial = is_sentence_initial(text, start)
        if initial and not in_caps and toks:
            w = toks[0][2]
            lw = w.lower()
            heads_org = lw in words.ORG_HEADS and len(toks) > 2 and toks[1][2] == "of"  # "Friends of X"
            if lw in words.COMMON_CAPS or not heads_org and (
                    (lw in vocab or lw.endswith(("ing", "ly"))) and gazetteer.get(w) is None
                    and not (is_given_name(w) and len(toks) > 1)):
                skip = 1
                while skip < len(toks) and (toks[skip][2] == _BREAK or toks[skip][2][0].islower()):
                    skip += 1
                initial = False
        if skip >= len(toks):
            continue
        # A name recurs ("Trump" forty times in one article, a city in thousands): its mentions are worked
        # out once per run, the tokens kept and where the run stands, and copied to each place it stands.
        key = (run, skip, in_caps, initial)
        known = _RUN_MENTIONS.get(key)
        if known is None:
            first_rel = toks[skip][0]
            kept = [(s - first_rel, e - first_rel, w) for s, e, w in toks[skip:]]
            if len(_RUN_MENTIONS) >= _CACHE_LIMIT:
                _RUN_MENTIONS.clear()
            known = _RUN_MENTIONS[key] = (first_rel, [
                (mt.start, mt.end, mt.label, mt.key, mt.how, mt.words, mt.cls)
                for mt in _merge(_pieces(kept, in_caps, initial))])
        first = start + known[0]
        mentions = [Mention(first + a, first + b, label, key_, how, ws, cls)
                    for a, b, label, key_, how, ws, cls in known[1]]
        if in_caps or in_title:
            mentions = [mt for mt in mentions if mt.how == "gaz" or mt.how == "single" or len(mt.words) > 1]
            for mt in mentions:
                if mt.how != "gaz":
                    mt.label, mt.how = None, "caps"
        out += mentions
    return out
