"""Named entities from capitalised runs: gazetteer hits, titles, suffix and shape rules.

A run ("Deputy Foreign Minister Sergei Ryabkov", "Bank of England and Hamas") is cut into pieces
(:mod:`.pieces`: gazetteer names, title phrases, unknown capitalised words, connectors), then adjacent
pieces are merged by rules (:mod:`.mentions`: "Chicago" + "Tribune" -> ORG). Labels left open here
("Ryabkov" alone) are settled document-wide in ``coref.py``. This module finds the runs, drops a
sentence's ordinary first word, and reuses the mentions of a run already seen.
"""

from __future__ import annotations

import re

from newsreader.analysis import gazetteer, words
from newsreader.analysis.mentions import Mention, merge_pieces
from newsreader.analysis.people import is_given_name
from newsreader.analysis.pieces import BREAK, cut_run, split_run
from newsreader.analysis.tokens import in_spans, is_sentence_initial, runs

__all__ = ["Mention", "find_names"]  # Mention is re-exported: coref, kinds and teams import it from here


_DATELINE_TAIL_RE = re.compile(r"[ \t]*(?:[-—–]|,|\()")


def _is_dateline(text: str, m: re.Match[str]) -> bool:
    """"MIDWAY ATOLL - Seventy-four years ago": capitals opening a paragraph before a dash are a dateline."""
    start = m.start()
    return (start == 0 or text[start - 1] == "\n") and m.group().isupper() and len(m.group()) > 3 \
        and _DATELINE_TAIL_RE.match(text, m.end()) is not None


# Caches shared by every text analysed in this process. A capitalised run ("Harbour Authority", "Trump",
# a sentence's first word) recurs across articles as well as within one, and what the rules make of it
# depends on the run alone (its words and where its tokens stand), never on the text around it, so it is
# worked out once per process. Cleared when full so that a long index build cannot grow them without end:
# an entry holds about 1 KB, so the two stay under about 25 MB per worker process.
_CACHE_LIMIT = 20_000
_RUN_TOKENS: dict[str, tuple[tuple[int, int, str], ...]] = {}
_RUN_MENTIONS: dict[tuple[str, int, bool, bool], tuple[int, list[tuple[int, int, str | None, str, str,
                                                                      tuple[str, ...], str]]]] = {}


def _run_tokens(run: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`pieces.split_run` of a run, offsets relative to the run's start, from the process-wide cache."""
    toks = _RUN_TOKENS.get(run)
    if toks is None:
        if len(_RUN_TOKENS) >= _CACHE_LIMIT:
            _RUN_TOKENS.clear()
        toks = _RUN_TOKENS[run] = tuple(split_run(run, 0))
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
                while skip < len(toks) and (toks[skip][2] == BREAK or toks[skip][2][0].islower()):
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
                for mt in merge_pieces(cut_run(kept, in_caps, initial))])
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
