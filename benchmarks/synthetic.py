"""Generate synthetic libraries of articles in the users' byline format.

Deterministic (seeded), original filler text; used by the benchmarks only.
"""

from __future__ import annotations

import random
from pathlib import Path

OUTLETS = ["Coastalbulletin", "Riversidepost", "Northernwire", "Valleyherald", "Metrodispatch", "Harbourgazette"]
FIRST = ["Ana", "Jonas", "Mette", "Tomas", "Ilse", "Rafael", "Noor", "Kai", "Lena", "Oskar", "Priya", "Emil"]
LAST = ["Lindqvist", "Berg", "Dahl", "Varga", "Okafor", "Moreau", "Haddad", "Sato", "Novak", "Brandt"]
WORDS = ("council harbour ferry storm minister budget vote court ruling river mill quota talks "
         "union strike hospital school rail bridge energy grid price farmers weather report data "
         "officials residents plan review agency statement week month year city region board").split()


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article_text(rng: random.Random, words: int) -> str:
    """One article in the byline format, about ``words`` words long."""
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    lines = [f"By {author}, Staff Reporter. Media: {rng.choice(OUTLETS)}"]
    remaining = words
    while remaining > 0:
        size = min(remaining, rng.randint(30, 70))
        speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        lines.append(f"{_sentence(rng, max(size - 8, 3))} “{_sentence(rng, 4)[:-1]},” said {speaker}.")
        remaining -= size
    lines.append("Discussion about this post")
    return "\n".join(lines) + "\n"


def make_library(root: Path, count: int, words: int = 400, seed: int = 7) -> Path:
    """Write ``count`` articles under ``root`` (in folders of 1,000) and return ``root``."""
    rng = random.Random(seed)
    for number in range(count):
        folder = root / f"batch-{number // 1000:03d}"
        if number % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article-{number:06d}.txt").write_text(article_text(rng, words), encoding="utf-8")
    return root
