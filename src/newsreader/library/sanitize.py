"""Make untrusted text safe to put on a terminal.

Articles come from anywhere, so their text may carry terminal escape sequences
(colours, OSC 52 clipboard writes, OSC 8 links), raw control characters, lone
surrogates (which crash encoders) and bidi overrides (which reorder what is drawn
around them). Everything a parser returns goes through :func:`clean_text` or
:func:`clean_line`. Markup such as ``[red]`` is *not* touched: that is literal text,
and escaping it is the renderer's job.
"""

from __future__ import annotations

import re

# Anything that makes a string need work. Searching for it first gives the common
# case (clean text) a single C-speed scan and no copies. Tab (\x09) is included
# because it becomes a space; newline (\x0a) is the only control we keep.
_NEEDS_WORK = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
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
    if s.replace("\n", " ").isprintable() or not _NEEDS_WORK.search(s):
        return s
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in s:
        s = s.replace("\t", " ")
    if "\u2028" in s or "\u2029" in s:
        s = s.replace("\u2028", "\n").replace("\u2029", "\n")
    s = _ESCAPES.sub("", s)
    return _STRIP.sub("", s)


def clean_line(s: str) -> str:
    """Clean ``s`` for a one-line field (title, name, file name).

    Like :func:`clean_text`, then every run of whitespace, newlines included,
    becomes one space and the ends are trimmed.
    """
    return " ".join(clean_text(s).split())
