"""Make untrusted text safe to put on a terminal, and plain.

Articles come from anywhere, so their text may carry terminal escape sequences
(colours, OSC 52 clipboard writes, OSC 8 links), raw control characters, lone
surrogates (which crash encoders) and bidi overrides (which reorder what is drawn
around them). Text copied from web pages also carries HTML entities (``&#8220;``,
``&amp;``) and invisible characters inside words (soft hyphens, zero-width spaces
and joiners, word joiners, a stray BOM) that would split a word for analysis and
search. Everything a parser returns goes through :func:`clean_text` or
:func:`clean_line`, which drop those characters. Entities are decoded exactly once
per value, where a parser first reads it (:func:`decode_entities`, or
:func:`ingest_text` which decodes then cleans): decoding is not idempotent. Markup
such as ``[red]`` is *not* touched: that is literal text, and escaping it is the
renderer's job.
"""

from __future__ import annotations

import re
from html import unescape
from html.entities import html5

# Anything that makes a string need work. Searching for it first gives the common
# case (clean text) a single C-speed scan and no copies. Tab (\x09) is included
# because it becomes a space; newline (\x0a) is the only control we keep.
_NEEDS_WORK = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
    "\u00ad\u200b\u2060\ufeff]"
)
# Invisible characters that split a word: soft hyphen, zero-width space, word joiner
# and BOM/ZWNBSP go wherever they are. Zero-width (non-)joiners go only between two
# letters: between emoji they build one glyph (👨\u200d👩) and must stay.
# analysis.normalize holds the same rule for raw text (tests check they agree).
_ALWAYS_INVISIBLE = frozenset("\u00ad\u200b\u2060\ufeff")
_INVISIBLE_RUN = re.compile("[\u00ad\u200b\u2060\ufeff\u200c\u200d]+")
_JOINER_AFTER_LETTER = re.compile("[^\\W\\d_][\u200c\u200d]")  # a superset of what goes
# An entity: a name (";" required, so "AT&T" and "&copy=1" in a URL stay) or a
# number (";" optional, as browsers read it). Digits are bounded: int() refuses
# over 4,300 of them, and html.unescape would raise on such input.
_ENTITY = re.compile(
    r"&(?:#[0-9]{1,12}(?![0-9]);?|#[xX][0-9a-fA-F]{1,10}(?![0-9a-fA-F]);?|[A-Za-z][A-Za-z0-9]{0,31};)"
)

# Escape sequences are removed whole, so their parameters ("31m", "52;c;...") do
# not survive as stray text. String sequences (OSC, DCS, SOS, PM, APC) must be
# terminated (BEL or ST); their payload excludes ESC and the 8-bit introducers, so
# an unterminated one stops at the next escape instead of swallowing the rest of
# the article (and falls through to the two-character rule, which drops just the
# introducer). That also keeps the scan linear: with only ESC excluded, a run of
# unterminated 8-bit introducers ("\x9da" * 40,000) made each one scan to the end,
# 13 s for 80 KB.
_ESCAPES = re.compile(
    r"""
      (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]                    # CSI (incl. SGR colours)
    | (?:\x1b\]|\x9d) [^\x07\x1b\x9c\x90\x98\x9d\x9e\x9f]* (?:\x07|\x1b\\|\x9c)  # OSC (8 links, 52 clipboard)
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f]) [^\x07\x1b\x9c\x90\x98\x9d\x9e\x9f]* (?:\x07|\x1b\\|\x9c)  # DCS SOS PM APC
    | \x1b [ -/]* [0-~]                                      # two-char and nF escapes
    """,
    re.VERBOSE,
)

# What is left to delete: C0 (bar newline), DEL, C1, lone surrogates (Python str
# holds paired ones as one code point, so any surrogate here is lone) and the bidi
# embedding/override/isolate controls. Ordinary RTL letters, LRM/RLM marks and
# zero-width joiners (emoji sequences) are kept.
_STRIP = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_text(s: str) -> str:
    """Return ``s`` without escape sequences or unsafe control characters.

    Newlines are kept (CR and CRLF become LF, U+2028/9 too); tabs become spaces.
    The result contains no C0/C1 control but ``\\n`` and is a fixed point.
    """
    # str.isprintable() runs at twice the regex's speed and is False for every
    # character we remove (they are all Cc, Cf, Cs, Zl or Zp); it is also False
    # for harmless ones (no-break space, soft hyphen), so the regex decides then.
    if s.replace("\n", " ").isprintable() or not (
        _NEEDS_WORK.search(s) or (("\u200c" in s or "\u200d" in s) and _JOINER_AFTER_LETTER.search(s))
    ):
        return s
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in s:
        s = s.replace("\t", " ")
    if "\u2028" in s or "\u2029" in s:
        s = s.replace("\u2028", "\n").replace("\u2029", "\n")
    s = _STRIP.sub("", _ESCAPES.sub("", s))
    # After the controls go, so that "a\x00\u00adb" still joins to "ab".
    return _INVISIBLE_RUN.sub(_drop_invisible, s)


def _drop_invisible(run: re.Match[str]) -> str:
    """What is left of one run of invisible characters (re.sub callback)."""
    s, start, end = run.string, run.start(), run.end()
    if start and end < len(s) and s[start - 1].isalpha() and s[end].isalpha():
        return ""
    return "".join(c for c in run.group() if c not in _ALWAYS_INVISIBLE)


def decode_entities(s: str) -> str:
    """``s`` with HTML character references decoded (``&#8220;`` ``&rsquo;`` ``&amp;``).

    Only well-formed references change; unknown names and bare ampersands ("AT&T",
    "R&D") are kept. The result may hold control characters (``&#x202e;``): clean it.
    """
    if "&" not in s:
        return s
    return _ENTITY.sub(_decode_entity, s)


def _decode_entity(match: re.Match[str]) -> str:
    reference = match.group()
    if reference[1] == "#":
        # html.unescape knows the HTML5 rules for numbers: C1 codes read as cp1252,
        # NUL and surrogates as U+FFFD, other forbidden controls dropped.
        return unescape(reference)
    return html5.get(reference[1:], reference)


def ingest_text(s: str) -> str:
    """Text read from a file, made plain and safe: entities decoded, then cleaned.

    Call it once per value: ``&amp;amp;`` must become ``&amp;``, not ``&``.
    """
    return clean_text(decode_entities(s))


def ingest_line(s: str) -> str:
    """Like :func:`ingest_text` for a one-line field (see :func:`clean_line`)."""
    return clean_line(decode_entities(s))


def clean_line(s: str) -> str:
    """Clean ``s`` for a one-line field (title, name, file name).

    Like :func:`clean_text`, then every run of whitespace, newlines included,
    becomes one space and the ends are trimmed.
    """
    return " ".join(clean_text(s).split())
