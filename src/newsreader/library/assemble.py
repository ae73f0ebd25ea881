"""The last step of every parser: clean, cap and title a ParsedArticle."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .dateline import split_dateline
from .errors import ParseError
from .model import ParsedArticle
from .sanitize import clean_line, clean_text

#: A derived title is the lede's first sentence, whole: machine output (search
#: --json, export) carries it in full and the screen cuts it to fit. Only a
#: "sentence" longer than this (a lede without full stops) is cut, at a word, with "…".
TITLE_MAX = 250
NAME_MAX = 200  # an author "name" longer than this is a pasted paragraph
# Bodies above this many characters are cut, with a notice paragraph, rather than
# skipped: the reader still gets the start of the article, and one giant paragraph
# cannot make the reading pane and analysis crawl.
BODY_MAX_CHARS = 2_000_000
TRUNCATION_NOTICE = "[newsreader: the rest of this article was cut; it is longer than 2 MB of text]"

_DOUBLE_SPACE = re.compile("  ")
# Where a sentence may end: . ! or ? plus closing quotes/brackets, then a space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
# What precedes a full stop that does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Rev|Hon|Pres"
    r"|St|Mt|Ft|Jr|Sr|Inc|Corp|Co|Ltd|Bros|No|Nos|vs|v|approx|est|Dept|Univ|Ave|Blvd|Rd"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|a\.m|p\.m|e\.g|i\.e)"
    r"|\b[A-Z](?:\.[A-Z])*)$"
)


def derive_title(lede: str) -> str:
    """A title from the lede: its first sentence, without dateline or desk prefix.

    "PARIS, Aug 31 (Reuters) - France's port reopened. ..." gives "France's port
    reopened". Abbreviations ("U.S.", "Dr.", "Mr.", initials) do not end the
    sentence; a first sentence over ``TITLE_MAX`` characters is cut at a word
    with "…". ``lede`` must already be one clean line.
    """
    lede = split_dateline(lede).rest
    # Only the first ~90 characters can end up in the title, so look no further.
    window = lede[: TITLE_MAX + 2]
    for match in _SENTENCE_END.finditer(window):
        stop = match.start()
        if lede[stop] == "." and _ABBREVIATION.search(lede, 0, stop):
            continue
        end = match.end() - 1
        sentence = lede[:end].rstrip()
        if sentence.endswith("."):
            sentence = sentence[:-1]  # headlines carry no final full stop
        return _cut(sentence) or _cut(lede)
    return _cut(lede.rstrip().removesuffix(".")) or _cut(lede)


def _cut(text: str) -> str:
    if len(text) <= TITLE_MAX:
        return text
    head = text[: TITLE_MAX + 1]
    space = head.rfind(" ")
    if space > TITLE_MAX // 2:
        head = head[:space]
    else:
        head = head[:TITLE_MAX]
    return head.rstrip(" ,;:-–—") + "…"


def finish(
    paragraphs: Iterable[str],
    *,
    title: object = None,
    authors: Sequence[str] = (),
    role: object = None,
    outlet: object = None,
    date: str | None = None,
    url: object = None,
    entry: int = 0,
    cleaned: bool = False,
) -> ParsedArticle:
    """Build a ParsedArticle whose every string is clean, the body capped.

    ``paragraphs`` are stripped and blank ones dropped; ``cleaned=True`` says they
    were cleaned already (the text parsers clean a whole file in one pass). With
    no title one is derived from the lede; with no date, a dateline's full date
    is used ("NEW YORK, Aug. 31, 2016 -"). Raises ``ParseError("no text")`` when
    no paragraph is left.
    """
    kept = _paragraphs(paragraphs, cleaned)
    if not kept:
        raise ParseError("no text")
    # The title needs at most the lede's first few hundred characters: do not split 1 MB.
    lede = " ".join(kept[0][: TITLE_MAX * 4].split())
    heading = _line(title) or derive_title(lede)
    if date is None:
        date = split_dateline(lede).date
    return ParsedArticle(
        title=heading,
        paragraphs=kept,
        authors=tuple(dict.fromkeys(a[:NAME_MAX] for a in map(clean_line, authors[:50]) if a)),
        role=_line(role),
        outlet=_line(outlet),
        date=date,
        url=_line(url),
        entry=entry,
    )


def count_words(paragraphs: Sequence[str]) -> int:
    """Words in the body: runs of text between whitespace."""
    # Cleaned paragraphs hold no tabs or newlines, so without double spaces the
    # words are the spaces plus one: two C scans instead of a list of every word.
    body = " ".join(paragraphs)
    if _DOUBLE_SPACE.search(body):  # a regex: faster than `"  " in body`
        return len(body.split())
    return body.count(" ") + 1 if body else 0


def _paragraphs(paragraphs: Iterable[str], cleaned: bool) -> tuple[str, ...]:
    if not cleaned:
        paragraphs = map(clean_text, paragraphs)
    kept = tuple(filter(None, map(str.strip, paragraphs)))
    if sum(map(len, kept)) <= BODY_MAX_CHARS:
        return kept
    capped: list[str] = []
    room = BODY_MAX_CHARS
    for paragraph in kept:
        if len(paragraph) > room:
            if room:
                capped.append(paragraph[:room])
            break
        capped.append(paragraph)
        room -= len(paragraph)
    capped.append(TRUNCATION_NOTICE)
    return tuple(capped)


def _line(value: object) -> str | None:
    """A one-line string field, or None; numbers are kept, other types dropped."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        return None
    return clean_line(value[:2000])[:1000] or None
