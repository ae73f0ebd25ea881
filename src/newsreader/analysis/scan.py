"""Whole-text regex scans that start only where a match can start.

Python's ``re`` skips ahead quickly only when a pattern opens with a literal or a character class;
a pattern that opens with ``\\b``, a look-behind or an alternation of words is tried at every
position of the text. For such a pattern over a whole article it is much cheaper to find the few
places where a match could begin (``str.find`` of the literals every match holds, or a class
scan) and to try the pattern there only. :func:`matches_at` gives exactly what ``finditer`` gives,
provided the starts it is handed include every position where the pattern can match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def literal_starts(text: str, literals: Iterable[tuple[str, int]]) -> list[int]:
    """Sorted distinct positions ``i - back`` for every occurrence ``i`` of each ``(literal, back)``.

    ``back`` is how far before the literal a match begins (1 for the ``[Aa]`` of ``[Aa]ccording to``
    found by its literal ``ccording to``). Positions before the text's start are dropped: no match can
    begin there. Never raises for non-empty literals.
    """
    found: set[int] = set()
    for literal, back in literals:
        i = text.find(literal)
        while i >= 0:
            if i >= back:
                found.add(i - back)
            i = text.find(literal, i + 1)
    return sorted(found)


def class_starts(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Start offsets of ``pattern`` (a single character class such as ``[A-Z]``, which ``re`` scans at C
    speed) in ``text``."""
    return [m.start() for m in pattern.finditer(text)]


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` yields, tried only at ``starts`` (sorted ascending).

    Exact when ``starts`` holds every offset at which ``pattern.match(text, offset)`` succeeds and the
    pattern never matches the empty string: ``finditer`` returns the leftmost match, then the leftmost
    one at or after its end, and so does this. ``pattern.match`` with an offset still sees the text
    before it, so look-behinds and ``\\b`` behave as in the full scan.
    """
    out: list[re.Match[str]] = []
    end = 0
    match = pattern.match
    for start in starts:
        if start < end:
            continue  # inside the previous match: finditer never starts there
        m = match(text, start)
        if m is not None:
            out.append(m)
            end = max(m.end(), start + 1)
    return out


def word_starts(words: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """``(literal, 0)`` pairs for :func:`literal_starts` that find every word of ``words``: the words
    that no shorter one of them begins ("say" finds "says" and "saying" too), sorted."""
    ordered = sorted(set(words))
    kept: list[str] = []
    for word in ordered:
        # in sorted order every word between a word and its extensions extends it too, so the last word
        # kept is the only one that can begin this one
        if not (kept and word.startswith(kept[-1])):
            kept.append(word)
    return tuple((word, 0) for word in kept)


def last_word(text: str, lo: int, hi: int, run: re.Pattern[str], blanks: str | None = None) -> tuple[int, str] | None:
    r"""(start, word) of group 1 of the search of ``(RUN)\s*$`` (``blanks`` None) or ``(RUN)[ \t]*$``
    (``blanks`` " \t") in text[lo:hi], where ``run`` is RUN, one or more characters of one class
    (``[A-Za-z]+``, ``[\w.'’-]+``); None where that search finds nothing. Such a search tries every start
    in the window and backtracks through every word before it fails or finds the last one; this reads the
    window from its end. Same answer: the leftmost match starts where the run of class characters that
    ends the window (before its blanks) begins; ``str.rstrip()`` strips exactly what ``\s`` matches, and
    ``$`` also matches before a newline that ends the window.
    """
    if blanks is None:
        seg = text[lo:hi].rstrip()
    else:
        if hi > lo and text[hi - 1] == "\n":
            hi -= 1
        seg = text[lo:hi].rstrip(blanks)
    m = run.match(seg[::-1])  # a character class reads the same reversed
    if m is None:
        return None
    size = len(seg)
    return lo + size - m.end(), seg[size - m.end():]


def initial_alternation(words: Iterable[str]) -> str:
    """A regex (no capturing groups) matching exactly ``words``, as one branch per first character.

    ``re`` skips ahead at C speed over characters that cannot start a match only when every branch of a
    pattern opens with a literal; ``\\b(?:May|March|...)`` opens with ``\\b`` and is tried at every
    position. Callers check the word boundary before a match themselves.
    """
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        body = "|".join(re.escape(rest) for rest in sorted(rests - {""}, key=lambda r: (-len(r), r)))
        if not body:
            branches.append(re.escape(first))
        else:
            branches.append(f"{re.escape(first)}(?:{body}){'?' if '' in rests else ''}")
    return "(?:" + "|".join(branches) + ")"
