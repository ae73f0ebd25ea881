"""The quick filter's plans (walk and test each row, or read the matches and sort) list exactly
the rows a naive reference lists, in the same order, for generated words and views."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader import catalog
from newsreader.catalog import SortOrder
from newsreader.index import LibraryIndex, ViewSpec, views
from newsreader.library.model import Article

VOCABULARY = ("harbour", "Harbourmaster", "ferry", "ferries", "Écoles", "ecole", "straße", "mill_race",
              "x2", "2x", "Ørsted", "quota", "naïve", "council")
OUTLETS = ("Coastalbulletin", "Échoes", None)


def write_library(root: Path) -> Path:
    """60 articles of words drawn from a small vocabulary (case, diacritics, underscores, digits)."""
    rng = random.Random(5)
    for n in range(60):
        words = [rng.choice(VOCABULARY) for _ in range(rng.randint(1, 8))]
        title = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(1, 3))) + f" {n}"
        front = [f"title: {title}"]
        outlet = OUTLETS[n % 3]
        if outlet:
            front.append(f"source: {outlet}")
        if n % 5:
            front.append(f"date: 2024-0{1 + n % 4}-1{n % 3}")
        if n % 4 == 0:
            front.append(f"author: {rng.choice(('Ana Lindqvist', 'Jonas Berg'))}")
        path = root / f"d{n % 4}" / f"a{n:02d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + "\n".join(front) + "\n---\n" + " ".join(words) + ".\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> LibraryIndex:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSREADER_HOME", str(tmp_path_factory.mktemp("plans-home")))
        opened = LibraryIndex.open(write_library(tmp_path_factory.mktemp("plans-lib")))
        opened.refresh()
    return opened


def reference(index: LibraryIndex, spec: ViewSpec) -> list[Article]:
    """The catalog's view of every article, keeping those FTS5 matches one at a time: each word
    of the filter, as a prefix, in any column (the quick filter's definition)."""
    match = views.filter_match(spec.words)
    chosen = []
    for article in catalog.build_view(index.articles(), spec.order, spec.outlet) or []:
        row = index._conn.execute("SELECT 1 FROM fts JOIN articles a ON a.doc = fts.rowid "
                                  "WHERE fts MATCH ? AND a.id = ?", (match, article.id)).fetchone()
        if match is None or row is not None:
            chosen.append(article)
    return chosen


WORDS = st.lists(st.sampled_from(["harb", "HARBOUR", "ferr", "ecole", "ECOLES", "strasse", "mill", "race",
                                  "x", "2", "orsted", "ørsted", "straß", "naive", "arbour", "lindqvist", "berg", "echoes", "zzz"]),
                 min_size=1, max_size=3).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=WORDS, order=st.sampled_from(list(SortOrder)), outlet=st.sampled_from([None, "Échoes"]),
       offset=st.sampled_from([0, 0, 3]), plan=st.sampled_from(["walk", "walk-then-sql", "sql"]))
def test_every_plan_lists_what_the_reference_lists(index: LibraryIndex, words: str, order: SortOrder,
                                                   outlet: str | None, offset: int, plan: str) -> None:
    spec = ViewSpec(order, outlet, words=words)
    want = reference(index, spec)
    with pytest.MonkeyPatch.context() as patch:
        # walk: every view walks its order; walk-then-sql: a walk gives up at once and the
        # matches are read and sorted; sql: the matches are read and sorted from the start.
        patch.setattr(views, "NARROW", {"walk": 0, "walk-then-sql": views.NARROW, "sql": views.NARROW}[plan])
        patch.setattr(views, "WALK_PROBE", {"walk": views.WALK_PROBE, "walk-then-sql": 1, "sql": 1}[plan])
        patch.setattr(views, "WALK_BUDGET", {"walk": views.WALK_BUDGET, "walk-then-sql": 10**9, "sql": 10**9}[plan])
        if plan == "sql":
            patch.setattr(views, "SCAN_ROWS", 0)
        assert [a.id for a in index.view_page(spec, offset, 7)] == [a.id for a in want[offset:offset + 7]]
        assert index.view_count(spec) == len(want)
