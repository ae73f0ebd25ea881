"""Generate synthetic libraries of articles for the benchmarks.

Deterministic (seeded), original filler text. Words follow a Zipf law over a
vocabulary of 30,000 made-up words plus the common words below, so that
compression and full-text index sizes behave like real prose (a forty-word
vocabulary compresses ten times better than news does). Each article is a
Markdown file with front matter (title, author, outlet, date), then paragraphs
with a quotation and its speaker.
"""

from __future__ import annotations

import bisect
import itertools
import random
from pathlib import Path

OUTLETS = ["Coastalbulletin", "Riversidepost", "Northernwire", "Valleyherald", "Metrodispatch", "Harbourgazette"]
FIRST = ["Ana", "Jonas", "Mette", "Tomas", "Ilse", "Rafael", "Noor", "Kai", "Lena", "Oskar", "Priya", "Emil"]
LAST = ["Lindqvist", "Berg", "Dahl", "Varga", "Okafor", "Moreau", "Haddad", "Sato", "Novak", "Brandt"]
WORDS = ("council harbour ferry storm minister budget vote court ruling river mill quota talks "
         "union strike hospital school rail bridge energy grid price farmers weather report data "
         "officials residents plan review agency statement week month year city region board").split()
FUNCTION = ("the of and to a in that is for on with as was it by at from be this have are or an not "
            "but which were their has had its been more also after they would than who over said").split()
_SYLLABLES = [c + v for c in ("b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr")
              for v in ("a", "e", "i", "o", "u", "ai", "ou")]
VOCABULARY_SIZE = 30_000


def _vocabulary() -> tuple[list[str], list[float]]:
    rng = random.Random(11)
    made: set[str] = set()
    while len(made) < VOCABULARY_SIZE:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))
        made.add(word + rng.choice(("", "", "s", "ed", "ing", "er")))
    words = FUNCTION + WORDS + sorted(made)
    rng.shuffle(words[len(FUNCTION):])
    weights = list(itertools.accumulate(1.0 / (rank + 2) ** 1.05 for rank in range(len(words))))
    return words, weights


_WORDS, _CUMULATIVE = _vocabulary()


def _word(rng: random.Random) -> str:
    return _WORDS[bisect.bisect(_CUMULATIVE, rng.random() * _CUMULATIVE[-1])]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(_word(rng) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article_text(rng: random.Random, words: int) -> str:
    """One article as Markdown with front matter, about ``words`` words long."""
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = _sentence(rng, rng.randint(5, 10))[:-1]
    lines = [f"---\ntitle: {title}\nauthor: {author}\nsource: {rng.choice(OUTLETS)}\ndate: {date}\n---\n"]
    remaining = words
    while remaining > 0:
        size = min(remaining, rng.randint(30, 70))
        speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        lines.append(f"{_sentence(rng, max(size - 8, 3))} “{_sentence(rng, 4)[:-1]},” said {speaker}.\n")
        remaining -= size
    return "\n".join(lines)


def article_path(root: Path, number: int) -> Path:
    """Where article ``number`` of a synthetic library lives."""
    return root / f"batch-{number // 1000:04d}" / f"article-{number:07d}.md"


def make_library(root: Path, count: int, words: int = 400, seed: int = 7) -> Path:
    """Write ``count`` articles under ``root`` (in folders of 1,000) and return ``root``."""
    rng = random.Random(seed)
    for number in range(count):
        path = article_path(root, number)
        if number % 1000 == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(rng, words), encoding="utf-8")
    return root


def library_bytes(root: Path) -> int:
    """The bytes of every article file under ``root`` (their apparent sizes)."""
    return sum(path.stat().st_size for path in root.rglob("*.md"))
