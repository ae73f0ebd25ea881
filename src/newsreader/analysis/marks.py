"""Quoted stretches of a text: which quotation marks pair up, as newsrooms use them.

One regex finds the candidate marks; only those marks are looked at in Python. Each mark gets its role
from its neighbours (an opening mark starts a word, a closing mark ends one) and from what is open, and
marks pair with a stack per paragraph, so a stray mark, an apostrophe or an inch sign is skipped instead
of flipping the pairing of every mark after it. Handled: curly “…”, straight "…", ``…'', German „…“,
guillemets «…» and »…«, single quotes ‘…’ and '…' (nested ones belong to the outer quote). A quotation
left open runs to the end of its paragraph; the next paragraph's part starts at its own opening mark
(the newsroom convention for quotations over several paragraphs). In an article that quotes with double
marks, single-quoted stretches outside them (headlines echoing the body) are not reported.
"""

from __future__ import annotations

import re

__all__ = ["segments"]

# One character class, so the scan runs at C speed; pairs (`` '') and apostrophes inside a word
# (don't, O’Brien, 6'5) are sorted out in the loop, which sees only these characters.
_MARK_RE = re.compile(r"[\n\"“”„«»‹›‚‘’'`=]")
# Elisions that start with an apostrophe (’em, rock ’n’ roll, ’til): never an opening quote.
_ELISION_RE = re.compile(r"n['’‘](?!\w)|(?:em|til|tis|twas|cause|cos|bout|round|nuff|Tis|Twas)\b")

_OPEN_CTX = "([{<—–-/“‘„‚«»‹›\"'`"  # what may come right before an opening mark, besides space
_CLOSE_CTX = ".,;:!?)]}>…—–-/”’“‘«»‹›\"'*"  # what may come right after a closing mark, besides space
_NO_OPEN_BEFORE = ".,;:!?)"  # an opening mark is followed by a word, never by these
_DOUBLE, _SINGLE = 0, 1
# Mark -> (family, style): a closer ends the innermost open quotation of its family; the style tells
# „…“ and »…« apart from “…” and «…», and straight marks (which cannot show nesting) from the rest.
_KIND = {'"': (_DOUBLE, "a"), "''": (_DOUBLE, "a"), "``": (_DOUBLE, "a"), "“": (_DOUBLE, "c"),
         "”": (_DOUBLE, "c"), "„": (_DOUBLE, "„"), "«": (_DOUBLE, "«"), "»": (_DOUBLE, "»"),
         "'": (_SINGLE, "a"), "‘": (_SINGLE, "c"), "’": (_SINGLE, "c"), "‚": (_SINGLE, "„"),
         "‹": (_SINGLE, "«"), "›": (_SINGLE, "»")}

_Mark = tuple[int, int, str, bool, bool, str, str]  # start, end, mark, opens-a-word, ends-a-word, prev, next
_Quoted = tuple[int, int, bool, int]  # start, end, closed, family of the opening mark
_Open = tuple[int, int, str, bool]  # start, family, style, weak (only a quote if a strong mark closes it)


def segments(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each quoted stretch: character offsets into text, marks included, end
    exclusive, sorted and non-overlapping. Paragraphs are separated by "\\n"; a quotation still open at
    the end of its paragraph runs to the paragraph's last non-space character with closed=False."""
    out: list[_Quoted] = []
    marks: list[_Mark] = []
    lo = skip_to = 0
    n = len(text)
    for m in _MARK_RE.finditer(text):
        s = m.start()
        if s < skip_to:
            continue
        mark = text[s]
        if mark == "\n":
            if marks:
                _paragraph(text, lo, s, marks, out)
                marks = []
            lo = s + 1
            continue
        e = s + 1
        prev = text[s - 1] if s > lo else " "
        nxt = text[e] if e < n and text[e] != "\n" else " "
        if mark in "'’`=":
            if mark == nxt and mark in "'`":
                mark, e = mark * 2, e + 1
                nxt = text[e] if e < n and text[e] != "\n" else " "
            elif mark == "=" and nxt == '"':
                # an attribute value of leaked markup (tweet-author="..."), not speech
                close = text.find('"', e + 1)
                skip_to = close + 1 if close >= 0 and "\n" not in text[e:close] else e + 1
                continue
            elif mark in "`=" or prev.isalnum() and nxt.isalnum():
                continue
            skip_to = e
        opens = (prev.isspace() or prev in _OPEN_CTX) and not nxt.isspace() and nxt not in _NO_OPEN_BEFORE
        ends = not prev.isspace() and prev not in "([{<" and (nxt.isspace() or nxt in _CLOSE_CTX)
        marks.append((s, e, mark, opens, ends, prev, nxt))
    if marks:
        _paragraph(text, lo, len(text), marks, out)
    doubles = sum(1 for q in out if q[3] == _DOUBLE and q[2])
    singles = sum(1 for q in out if q[3] == _SINGLE and q[2])
    if doubles >= singles:
        # double-quote house style: a single-quoted stretch outside any double one is a headline echoing
        # a quotation the body gives in full, or a misread apostrophe; neither is a quotation to show
        return [(s, e, c) for s, e, c, f in out if f == _DOUBLE]
    return [(s, e, c) for s, e, c, f in out]


def _paragraph(text: str, lo: int, hi: int, marks: list[_Mark], out: list[_Quoted]) -> None:
    """Pair the marks of text[lo:hi] and append its quoted stretches to out.

    A quotation left open that is weak (a '90s-like opener, a lone mid-paragraph single quote) is no
    quotation: the paragraph is paired again without that mark, so it cannot swallow the quotes after it.
    """
    skip: set[int] = set()
    while True:
        found: list[_Quoted] = []
        stack = _pair(text, lo, marks, skip, found)
        if not stack:
            break
        start, family, _, weak = stack[0]
        if weak:
            skip.add(start)
            continue
        end = lo + len(text[lo:hi].rstrip())
        if start < end - 1:
            found.append((start, end, False, family))
        break
    out.extend(found)


def _pair(text: str, lo: int, marks: list[_Mark], skip: set[int], found: list[_Quoted]) -> list[_Open]:
    """Pair marks with a stack; append closed outermost quotations to found; return what is left open."""
    stack: list[_Open] = []
    after_elision = -1
    for i, (s, e, mark, opens, ends, prev, nxt) in enumerate(marks):
        if s in skip or s <= after_elision:
            continue
        family, style = _KIND[mark]
        inner = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == family), -1)
        inner_style = stack[inner][2] if inner >= 0 else ""
        role = ""  # "open", "close" or "" for a mark that is no quotation mark here
        weak = False  # a closer that gives way to a later, surer closer (workers’ union, a 55" screen)
        if family == _SINGLE and opens and _ELISION_RE.match(text, e):
            after_elision = e + 2  # the second mark of ’n’ goes too
        elif prev.isdigit() and mark in ("'", "’", '"', "''"):
            # 6'5", 40° 26' 46", a 55" screen: primes, unless an open quotation ends right here
            after = text[e + 1:e + 2] if nxt == " " else nxt
            if inner >= 0 and ends and not after.isdigit():
                role, weak = "close", nxt == " " and after.isalnum() or "'" in text[s - 3:s]
                weak = weak and " " in text[stack[inner][0]:s]
        elif mark in ("„", "‚", "``") or (mark in ("«", "‹") and inner_style != "»"):
            role = "open" if opens or mark != "‚" else ""  # a lone ‚ is more often a comma
        elif mark in ("«", "‹") or (mark in ("»", "›") and inner_style == "«"):
            role = "close"
        elif mark in ("»", "›"):
            role = "open" if opens or inner < 0 and not ends else "close" if inner >= 0 else ""
        elif mark in ("“", "‘"):
            if inner_style == "„" and not (opens and not ends) or ends and not opens and inner >= 0:
                role = "close"
            elif opens or not ends:
                role = "open"
        elif mark in ("”", "’"):
            if inner >= 0 and not opens:
                role, weak = "close", mark == "’" and _elided(text, s, nxt)
        elif opens:  # straight " '' '
            role = "open"
        elif inner >= 0:
            role, weak = "close", family == _SINGLE and _elided(text, s, nxt)
        elif not ends:
            role = "open"
        if role == "open" and mark in ('"', "''", "'") and inner >= 0 and inner_style == "a" \
                and all(o[1] == family for o in stack[inner:]):
            # a straight mark cannot show nesting: the one still open was stray, start afresh
            del stack[inner:]
        if role == "open":
            stack.append((s, family, style, _weak_opener(text, lo, s, family, prev, nxt, opens)))
        elif role == "close" and inner >= 0:
            if weak and (stack[inner][3] or _surer_closer(text, marks, i, family, stack, inner)):
                continue
            start = stack[inner][0]
            del stack[inner:]
            if not stack:
                found.append((start, e, True, family))
    return stack


def _weak_opener(text: str, lo: int, s: int, family: int, prev: str, nxt: str, opens: bool) -> bool:
    """Whether an opening mark makes a quotation only when closed: before a digit ('90s), between
    spaces, or a single quote mid-paragraph before a lowercase word (the 'burbs)."""
    if nxt.isdigit() or not opens and prev.isspace():
        return True
    if family == _DOUBLE or s == lo or s - lo < 8 and text[lo:s].isspace():
        return False
    return not nxt.isupper() and text[max(lo, s - 3):s].rstrip()[-1:] not in (":", ",")


def _surer_closer(text: str, marks: list[_Mark], i: int, family: int, stack: list[_Open], inner: int) -> bool:
    """Whether a later mark in the paragraph can close the same quotation with more certainty, before an
    enclosing quotation of the other family closes."""
    outer = any(o[1] != family for o in stack[:inner])
    for s, _e, mark, opens, ends, prev, nxt in marks[i + 1:]:
        fam = _KIND[mark][0]
        if ends and not opens and mark not in ("„", "‚", "``"):
            if fam == family and not prev.isdigit() and not (fam == _SINGLE and _elided(text, s, nxt)):
                return True
            if fam != family and outer:
                return False
    return False


def _elided(text: str, s: int, nxt: str) -> bool:
    """Whether a single mark at s, before a space, may end a word rather than a quotation: a plural
    possessive (the workers’ union, Jesus' words) or a dropped g (keepin' it)."""
    return nxt == " " and (text[s - 1] in "sS" or text[s - 2:s] == "in")
