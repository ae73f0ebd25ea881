"""Sanity checks on the sample library in ``sample_articles/``.

Counts use the standard library only, so these tests say nothing about the
app's parsers: they guard the samples themselves (size of the set, gold files
for every users'-format article, clean UTF-8 without control characters).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "sample_articles"
GOLD = REPO_ROOT / "tests" / "gold"

# Enough to scroll and filter, few enough to read by hand (issue 2 asks for 15-25).
MIN_ARTICLES = 15
MAX_ARTICLES = 25

SINGLE_ARTICLE_SUFFIXES = (".txt", ".md", ".json")
# C0 controls except tab, line feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
BYLINE = re.compile(r"^By \S")

# Users'-format articles written with hand-made gold (outlet folder, stem).
OWN_GOLD_ARTICLES = [
    ("valley-herald", "tessaly-growers-water-cut"),
    ("valley-herald", "marlow-recount-certified"),
    ("valley-herald", "orchard-bend-packing-shed-murals"),
    ("metro-dispatch", "riverton-transit-strike-vote"),
    ("metro-dispatch", "harborview-tenants-appeal-ruling"),
    ("metro-dispatch", "riverton-credit-union-merger"),
    ("the-continental-review", "kanshin-portugal-battery-tender"),
    ("the-continental-review", "skarvik-antibiotic-trial"),
]


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file() and not p.name.startswith("."))


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # strict: invalid UTF-8 fails loudly


def count_articles(path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix in SINGLE_ARTICLE_SUFFIXES:
        return 1
    if suffix == ".jsonl":
        return sum(1 for line in read_text(path).splitlines() if line.strip())
    if suffix == ".csv":
        return sum(1 for _row in csv.DictReader(io.StringIO(read_text(path), newline="")))
    return 0


def has_byline(path: Path) -> bool:
    first = read_text(path).split("\n", 1)[0]
    return bool(BYLINE.match(first))


def test_library_size() -> None:
    counts = {str(p.relative_to(SAMPLES)): count_articles(p) for p in sample_files()}
    total = sum(counts.values())
    assert MIN_ARTICLES <= total <= MAX_ARTICLES, f"{total} articles: {counts}"


def test_collections_hold_two_articles_each() -> None:
    feed = SAMPLES / "datasets" / "wire-feed.jsonl"
    briefs = SAMPLES / "datasets" / "briefs.csv"
    assert count_articles(feed) == 2
    assert count_articles(briefs) == 2
    for line in read_text(feed).splitlines():
        record = json.loads(line)
        assert {"title", "author", "date", "content", "publication"} <= record.keys()
    rows = list(csv.DictReader(io.StringIO(read_text(briefs), newline="")))
    assert rows[0].keys() == {"title", "author", "date", "content", "publication"}
    assert any("\n" in row["content"] and "," in row["content"] for row in rows)


def test_news_please_export_keys() -> None:
    data = json.loads(read_text(SAMPLES / "exports" / "brennock-glassworks-closure.json"))
    assert {"title", "authors", "maintext", "date_publish", "source_domain", "url"} <= data.keys()
    assert isinstance(data["authors"], list)


@pytest.mark.parametrize(("outlet", "stem"), OWN_GOLD_ARTICLES, ids=[s for _o, s in OWN_GOLD_ARTICLES])
def test_own_articles_and_gold_exist(outlet: str, stem: str) -> None:
    article = SAMPLES / outlet / f"{stem}.txt"
    assert article.is_file(), f"missing {article.relative_to(REPO_ROOT)}"
    assert has_byline(article)
    assert (GOLD / f"{stem}.gold.txt").is_file(), f"missing gold for {stem}"


@pytest.mark.parametrize(
    "path",
    [p for p in sample_files() if p.suffix == ".txt" and has_byline(p)],
    ids=lambda p: str(p.relative_to(SAMPLES)),
)
def test_every_byline_article_has_gold(path: Path) -> None:
    assert (GOLD / f"{path.stem}.gold.txt").is_file(), f"no tests/gold/{path.stem}.gold.txt"


@pytest.mark.parametrize(
    "path",
    [p for p in sample_files() if not p.name.endswith(".gz")],  # compressed archives are binary
    ids=lambda p: str(p.relative_to(SAMPLES)),
)
def test_sample_is_clean_utf8(path: Path) -> None:
    text = read_text(path)
    bad = CONTROL.search(text)
    assert bad is None, f"control character {bad.group()!r} at offset {bad.start()}"
    assert "\ufffd" not in text, "replacement character: the file was mis-decoded once"
