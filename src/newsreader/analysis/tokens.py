"""Regular expressions and helpers for capitalised runs, sentences and headline lines.

Everything is regex-driven so the per-character work happens in C: only capitalised runs (a small
share of the words in news prose) are looked at token by token in Python.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsreader.analysis.scan import class_starts, literal_starts, matches_at

_ABBREV = r"(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Lt|Col|Capt|Sgt|Jr|Sr|Inc|Corp|Co|Ltd|Prof|Rev|Adm|Maj|Mt|Ft|No)\."
# One capitalised word: initialisms (U.S.), abbreviations (Mr.), initials (W.), prefixed names (al-Assad),
# hyphenated and apostrophe compounds (Israel-Hamas, O'Brien) but never a possessive 's.
CAP = (
    r"(?:[A-Z]\.){2,}|" + _ABBREV + r"|[A-Z]\.(?=\s[A-Z])|"
    r"(?:(?:al|el|ad|ash|as|bin|ibn|abu)-)?[A-Z][^\W_]*(?:(?:-|['’](?![sS]\b))[^\W_]+)*"
)
CONNECTOR = r"of|the|and|&|for|on|de|da|del|della|di|du|la|le|van|von|der|den|bin|ibn|al|el|y"
RUN_RE = re.compile(rf"(?<![\w'’])(?:{CAP})(?:[ \t]+(?:(?:{CONNECTOR})[ \t]+)*(?:{CAP}))*")
# Where a run can start (see scan.matches_at): a capital letter, or the particle of a prefixed name (al-Assad).
_UPPER_RE = re.compile(r"[A-Z]")
_PREFIX_LITERALS = tuple((prefix + "-", 0) for prefix in ("al", "el", "ad", "ash", "as", "bin", "ibn", "abu"))
TOKEN_RE = re.compile(rf"{CAP}|(?:{CONNECTOR})(?!\w)")
LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w-])")
# Sentence ends: terminal punctuation (optionally closed by quotes/brackets) then space and a capital or a quote.
# The leading look-ahead lets the engine skip every other character before trying the look-behinds.
SENTENCE_END_RE = re.compile(r"(?=[.!?])(?<!\b(?:Mr|Ms|Dr|St|Lt|Jr|Sr|No|Co|vs))(?<!\bMrs|\bGen|\bSen|\bRep|\bGov|\bCol|\bInc)"
                             r"(?<!\b[A-Z])[.!?]+[\"'”’)\]]*(?=\s+[\"“'‘(\[]?[A-Z0-9])|\n+")

# Every sentence end starts at terminal punctuation or a newline.
_SENTENCE_END_START_RE = re.compile(r"[.!?\n]")

_OPENERS = " \t\"'“‘([«-—–"
# A word before a full stop that does not end a sentence: a title ("Mr") or initials ("U.S", "W").
_NO_END_WORD_RE = re.compile(_ABBREV[:-2] + r"|(?:[A-Z]\.)*[A-Z]")


def word_alternation(words: frozenset[str] | set[str]) -> str:
    """A regex (no groups) matching exactly ``words``, longest first, as a prefix trie.

    Python's ``re`` tries a plain alternation's branches one by one at every position; a trie
    ("sa(?:id|ys|y(?:ing)?)") rejects most positions after one character, which makes the
    reporting-verb patterns several times faster.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def runs(text: str) -> list[re.Match[str]]:
    """The matches of :data:`RUN_RE` in ``text`` (capitalised runs), as ``finditer`` gives them, tried only
    where a run can start."""
    starts = class_starts(text, _UPPER_RE)
    if "-" in text:
        starts = sorted(set(starts).union(literal_starts(text, _PREFIX_LITERALS)))
    return matches_at(RUN_RE, text, starts)


def is_sentence_initial(text: str, pos: int) -> bool:
    """True when ``pos`` starts a sentence or paragraph (ignoring opening quotes and brackets)."""
    k = pos - 1
    while k >= 0 and text[k] in _OPENERS:
        k -= 1
    if k < 0:
        return True
    ch = text[k]
    if ch in "\n!?:;":
        return True
    if ch == "." or ch in "\"”'’":
        # "Mr." and "U.S." do not end sentences; a lone period after a lowercase word does.
        j = k
        while j >= 0 and text[j] in "\"”'’":
            j -= 1
        if j >= 0 and text[j] in ".!?":
            word_start = j
            while word_start > 0 and not text[word_start - 1].isspace():
                word_start -= 1
            word = text[word_start:j]
            return _NO_END_WORD_RE.fullmatch(word) is None
    return False


def caps_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of ALL-CAPS lines such as headlines and datelines."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()] if line.isupper() or sum(map(str.isupper, line[:40])) > 12 else ()
        if len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_MINOR_WORDS = frozenset("a an the of to in on for and or but at by with from as vs via nor per into over if than so".split())
_LINE_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")


def title_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of Title Case lines (headlines such as "Senator Grills Bank Chief Over Fees").

    In such a line every word is capitalised, so capitalisation says nothing about where a name ends;
    a line counts when at least four of its words are not minor words and nearly all of those are
    capitalised.
    """
    out: list[tuple[int, int]] = []
    pos = seen = 0
    size = len(text)
    while pos <= size:  # the lines text.split("\n") gives, cut one by one: only the first few are read
        cut = text.find("\n", pos)
        end = size if cut < 0 else cut
        line = text[pos:end]
        seen += bool(line.strip())
        if seen > 2:
            break  # a headline opens the text; further down, Title Case is a list of names or results
        if 12 <= len(line) <= 300 and line[:1].isupper() and _digit_count(line) < 3:
            content = [w for w in _LINE_WORD_RE.findall(line) if w.lower() not in _MINOR_WORDS]
            caps = sum(w[0].isupper() for w in content)
            if len(content) >= 4 and caps == len(content) and not line.isupper():
                out.append((pos, end))
        pos = end + 1
    return out


def _digit_count(line: str) -> int:
    """How many characters of ``line`` are digits (``str.isdigit``); counted in C for ASCII text."""
    if line.isascii():
        return sum(map(line.count, "0123456789"))
    return sum(c.isdigit() for c in line)


def in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """True if ``pos`` lies in one of the sorted, disjoint ``spans``."""
    k = bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs never share a sentence."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in matches_at(SENTENCE_END_RE, text, class_starts(text, _SENTENCE_END_START_RE)):
        end = m.end() if m.group()[0] != "\n" else m.start()
        if end > start:
            out.append((start, end))
        start = m.end()
        while start < len(text) and text[start] in " \t":
            start += 1
    if start < len(text):
        out.append((start, len(text)))
    return out
