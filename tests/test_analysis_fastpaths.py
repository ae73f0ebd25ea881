"""The analyser's fast paths give exactly what the plain regular expressions they replace give.

Each fast path (a scan tried only where a match can start, a window read from its end, a trigger scan
split in two) is checked against the original pattern, kept here as the specification, on random text
over an alphabet of the characters that matter (letters of both cases, marks, blanks, newlines,
non-ASCII letters and digits) and on the bundled articles.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import citations, coref, numbers, persons, scan, speakers, teams, tokens

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [p.read_text("utf-8", errors="replace") for p in sorted((ROOT / "sample_articles").rglob("*"))
            + sorted((ROOT / "tests" / "gold").rglob("*")) if p.is_file()]

# The original patterns, as the modules used them before their fast paths.
TRIGGER_RE = re.compile(
    r"[\d$€£¥]|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"[Yy]esterday|[Tt]oday|[Tt]omorrow|weeks?|months?|years?|decades?|weekend|spring|summer|autumn|fall|winter|"
    r"[Hh]undreds?|[Tt]housands?|[Mm]illions?|[Dd]ozens|billion|trillion)\b")
SPORT_RE = re.compile(rf"\b(?:{tokens.word_alternation(teams._SPORT_WORDS)})\b")
WORD_BACK_RE = re.compile(r"([\w.'’-]+)\s*$")
PREV_LETTERS_RE = re.compile(r"([A-Za-z]+)[\s]*$")
TITLE_BEFORE_RE = re.compile(r"\b([A-Za-z]+\.?)[ \t]+$")

# Words and separators that make the patterns' edge cases likely: names, cue and kin words, honorifics,
# particles, trigger words inside longer words, non-ASCII letters and digits, marks, blanks, newlines.
_WORDS = ["Ana", "Berg", "Mr", "Mr.", "Mrs.", "Ms", "Miss", "U.S.", "W.", "al-Assad", "bin-", "Van", "der", "of", "the",
          "said", "told", "per", "according to", "citing", "Data", "figures", "Statistics from", "wife", "sons",
          "grandson", "father’s", "May", "June", "Sept", "years", "weekend", "xmonths", "Today", "2024", "3.5", "٣",
          "$", "€", "é", "Ölund", "_x", "a", "Z", "readout", "spokesman", "he", "She"]
_SEPARATORS = [" ", " ", " ", ", ", ". ", "! ", "? ", ": ", "\n", "\n\n", "-", "'", "’", "  ", "\t", " “", "” ", '"',
               "(", ") ", "\xa0", ""]
texts = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=30).map(
    lambda pairs: "".join(w + sep for w, sep in pairs))
# Each construct the fast paths must find, spelled out (random text rarely builds the longer ones).
_EXAMPLES = [
    "According to Ana Berg, the plan failed; according to the agency, it did not. Citing Reuters, he said so.",
    "He told the Coastal Bulletin that data released by the Harbour Authority and Data by Statistics Norway, "
    "Figures published by the Harbour Board and Statistics from the Valley Board, per Reuters, agree.",
    "per ynetnews, an Israeli news outlet, and per politico.com; paper per cent.",
    "His wife, Heidi Cruz, her grandson Tom and the widower’s son, Ali; father’s Day; Mr. Khan, Mrs Berg, Ms. Li, "
    "Miss Ruiz.\nal-Assad met bin-Laden and Ibn Saud; U.S. Gen. Mark Milley. W. Bush said.",
    "In May 2024, 5 years ago, on 3 June, last weekend, xmonths, ٣ ٤, $5m, €3bn, Today and tomorrow.",
    "Lakeport Beat Ridgeford In The Final\n\nThe striker scored two goals before half-time; the assets of the league "
    "club drew a penalty in the match.",
    "Council Votes To Close ² Old Harbour Bridge Today\nMore text follows here.",
]


def _spans(matches: object) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _check_scans(text: str) -> None:
    assert _spans(tokens.runs(text)) == _spans(tokens.RUN_RE.finditer(text))
    assert tokens.sentence_spans(text) == _sentence_spans(text)
    for pattern, literals in ((citations._AFTER_RE, citations._AFTER_LITERALS),
                              (citations._PER_SITE_RE, citations._PER_SITE_LITERALS),
                              (persons._KIN_NAME_RE, persons._KIN_LITERALS),
                              (persons._HONORIFIC_NAME_RE, persons._HONORIFIC_LITERALS)):
        fast = scan.matches_at(pattern, text, scan.literal_starts(text, literals))
        assert _spans(fast) == _spans(pattern.finditer(text)), pattern.pattern
    assert numbers._triggers(text) == [m.start() for m in TRIGGER_RE.finditer(text)]
    assert teams.is_sports_report(text) == _is_sports_report(text)
    assert tokens.title_lines(text) == _title_lines(text)


def _is_sports_report(text: str) -> bool:
    """teams.is_sports_report as it was."""
    seen: set[str] = set()
    for m in SPORT_RE.finditer(text.lower()):
        seen.add(m.group())
        if len(seen) >= 4:
            return True
    return False


def _title_lines(text: str) -> list[tuple[int, int]]:
    """tokens.title_lines as it was."""
    out: list[tuple[int, int]] = []
    pos = seen = 0
    for line in text.split("\n"):
        seen += bool(line.strip())
        if seen > 2:
            break
        if 12 <= len(line) <= 300 and line[:1].isupper() and sum(c.isdigit() for c in line) < 3:
            content = [w for w in tokens._LINE_WORD_RE.findall(line) if w.lower() not in tokens._MINOR_WORDS]
            caps = sum(w[0].isupper() for w in content)
            if len(content) >= 4 and caps == len(content) and not line.isupper():
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """tokens.sentence_spans as it was, over the plain finditer."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in tokens.SENTENCE_END_RE.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        if end > start:
            out.append((start, end))
        start = m.end()
        while start < len(text) and text[start] in " \t":
            start += 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def _check_windows(text: str) -> None:
    kin_starts = persons.PersonIndex(text)._kin_words()
    for hi in range(len(text) + 1):
        lo = max(0, hi - 24)
        if not any(lo <= k < hi for k in kin_starts):  # PersonIndex.add skips the kin search there
            assert persons._KIN_BEFORE_RE.search(text, lo, hi) is None
        for lo in {0, max(0, hi - 14), max(0, hi - 3), hi}:
            m = WORD_BACK_RE.search(text, lo, hi)
            assert speakers._word_back(text, lo, hi) == (None if m is None else (m.start(1), m.group(1)))
            m = PREV_LETTERS_RE.search(text, lo, hi)
            assert coref._prev_word(text, lo, hi) == (None if m is None else m.group(1))
        m = TITLE_BEFORE_RE.search(text, max(0, hi - 24), hi)
        assert persons._title_before(text, hi) == (None if m is None else m.group(1))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_scans_match_finditer(text: str) -> None:
    _check_scans(text)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_windows_read_from_the_end_match_the_search(text: str) -> None:
    _check_windows(text)


def test_fast_paths_on_the_bundled_articles() -> None:
    assert ARTICLES
    for text in _EXAMPLES + ARTICLES:
        _check_scans(text)
        _check_windows(text[:3000])


def test_word_starts_and_initial_alternation() -> None:
    words = ["say", "says", "saying", "said", "told", "tell"]
    assert scan.word_starts(words) == (("said", 0), ("say", 0), ("tell", 0), ("told", 0))
    alternation = re.compile(scan.initial_alternation(words + ["s"]) + r"\Z")
    assert all(alternation.match(w) for w in words + ["s"])
    assert not any(alternation.match(w) for w in ("sa", "sayings", "tel", ""))
    assert scan.literal_starts("a per b per", [("per", 0), ("er", 1), ("a", 3)]) == [2, 8]
