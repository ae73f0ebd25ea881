"""The list as index queries: every order and filter agrees with the catalog's rules, on disk and in memory;
the index is private whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newsreader import catalog
from newsreader.catalog import SortOrder
from newsreader.index import IndexLocation, LibraryIndex, ViewSpec, views
from newsreader.library.model import Article

OUTLETS = ("Coastalbulletin", "riversidepost", "Northernwire", "Échoes", None)
WORDS = ("harbour", "ferry", "council", "storm", "quota")


def write_library(root: Path) -> Path:
    """36 articles: dates (some missing, some shared), outlets (one missing), titles in mixed case."""
    for n in range(36):
        date = None if n % 7 == 0 else f"2024-0{1 + n % 5}-{10 + n % 3:02d}"
        outlet = OUTLETS[n % len(OUTLETS)]
        front = [f"title: {'abc'[n % 3].upper() if n % 2 else 'abc'[n % 3]}{n % 4} story {n}"]
        if outlet:
            front.append(f"source: {outlet}")
        if date:
            front.append(f"date: {date}")
        body = f"The {WORDS[n % 5]} report number {n} mentions {WORDS[(n * 3) % 5]} and more."
        path = root / f"d{n % 3}" / f"s{n:02d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + "\n".join(front) + "\n---\n" + body + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module", params=[False, True], ids=["file", "memory"])
def index(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> LibraryIndex:
    home = tmp_path_factory.mktemp("views-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSREADER_HOME", str(home))
        opened = LibraryIndex.open(write_library(tmp_path_factory.mktemp("lib")), memory=request.param)
        opened.refresh()
    return opened


def expected(articles: list[Article], spec: ViewSpec, read: set[str], starred: set[str]) -> list[Article]:
    only = None
    if spec.starred_only:
        only = starred
    chosen = catalog.build_view(articles, spec.order, spec.outlet, only=only) or []
    if spec.unread_only:
        chosen = [a for a in chosen if a.id not in read]
    return chosen


SPECS = [ViewSpec(order, outlet, starred_only=starred, unread_only=unread)
         for order in SortOrder for outlet in (None, "Coastalbulletin", "Échoes")
         for starred in (False, True) for unread in (False, True)]


@pytest.mark.parametrize("narrow", [views.NARROW, 0], ids=["narrow-plan", "broad-plan"])
def test_every_order_and_filter_agrees_with_the_catalog(index: LibraryIndex, narrow: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "NARROW", narrow)  # 0: every view walks its order's index
    articles = index.articles()
    assert len(articles) == 36
    read = {a.id for a in articles[::3]}
    starred = {a.id for a in articles[::4]}
    index.sync_marks(read, starred)
    assert index.read_count() == len(read)
    for spec in SPECS:
        want = expected(articles, spec, read, starred)
        assert index.view_count(spec) == len(want), spec
        assert [a.id for a in index.view_page(spec, 0, 100)] == [a.id for a in want], spec
        # Pages cut the same order; positions count the rows before an article.
        assert [a.id for a in index.view_page(spec, 3, 5)] == [a.id for a in want[3:8]], spec
        for row, article in enumerate(want):
            assert index.view_position(spec, article.id) == row, (spec, row)
        outside = next((a for a in articles if a not in want), None)
        if outside is not None:
            assert index.view_position(spec, outside.id) is None


def test_marks_mirror_follows_single_changes(index: LibraryIndex) -> None:
    first = index.articles()[0]
    index.sync_marks((), ())
    index.set_mark(first.id, read=False, starred=True)
    assert [a.id for a in index.view_page(ViewSpec(starred_only=True), 0, 10)] == [first.id]
    index.set_mark(first.id, read=True, starred=False)
    assert index.view_count(ViewSpec(starred_only=True)) == 0
    assert index.view_position(ViewSpec(unread_only=True), first.id) is None
    assert index.read_count() == 1


@pytest.mark.parametrize("narrow", [views.NARROW, 0], ids=["narrow-plan", "broad-plan"])
def test_quick_filter_words_are_word_prefixes_in_any_field(index: LibraryIndex, narrow: int,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "NARROW", narrow)
    articles = index.articles()
    spec = ViewSpec(SortOrder.TITLE, words="ferr COUNC")
    hits = index.view_page(spec, 0, 100)
    bodies = {n: (WORDS[n % 5], WORDS[(n * 3) % 5]) for n in range(36)}
    want = [a for a in catalog.sort_articles(articles, SortOrder.TITLE)
            if {"ferry", "council"} <= set(bodies[int(a.path[-5:-3])])]
    assert want and [a.id for a in hits] == [a.id for a in want]
    assert index.view_count(spec) == len(want)
    assert index.view_count(ViewSpec(words="echoes")) == index.view_count(ViewSpec(outlet="Échoes")) > 0
    assert {a.outlet for a in index.view_page(ViewSpec(words="ECHO"), 0, 100)} == {"Échoes"}  # diacritics folded
    assert index.view_count(ViewSpec(words="arbour")) == 0  # inside a word: no match
    assert index.view_count(ViewSpec(words='" * (')) == 36  # no words: no filter


def test_outlet_counts_and_totals(index: LibraryIndex) -> None:
    counts = dict(index.outlet_counts())
    articles = index.articles()
    assert counts == dict(catalog.outlet_counts(articles))
    assert index.view_count(ViewSpec()) == len(articles)


def test_index_files_and_folders_are_private_whatever_the_umask(small_library: Path, newsreader_home: Path) -> None:
    old = os.umask(0o000)
    try:
        with LibraryIndex.open(small_library) as index:
            index.refresh()
            index.sync_marks({"x"}, ())
            paths = [index.path, Path(f"{index.path}-wal"), Path(f"{index.path}-shm")]
            assert all(path.exists() for path in paths)
            modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in paths}
        folders = [index.path.parent, index.path.parent.parent]
        folder_modes = {str(path): stat.S_IMODE(path.stat().st_mode) for path in folders}
    finally:
        os.umask(old)
    assert set(modes.values()) == {0o600}, modes
    assert set(folder_modes.values()) == {0o700}, folder_modes


def test_an_index_made_public_by_an_older_version_is_made_private(small_library: Path) -> None:
    with LibraryIndex.open(small_library) as index:
        path = index.path
    os.chmod(path, 0o644)
    os.chmod(path.parent, 0o755)
    with LibraryIndex.open(small_library):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_memory_index_is_shared_by_connections_of_the_process(small_library: Path) -> None:
    location = IndexLocation(small_library.resolve(), memory=True)
    with LibraryIndex.at(location) as writer:
        writer.refresh()
        with LibraryIndex.at(location) as reader:
            assert reader.view_count(ViewSpec()) == 5
            assert [h.article.path for h in reader.search("museum") if h.article] == ["river/mill.txt"]
        assert not writer.path.exists()  # nothing on disk


def test_outlet_order_uses_shown_names_and_old_keys_are_recomputed(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    root = tmp_path / "lib"
    root.mkdir()
    for name, outlet in (("a", "Valleyherald"), ("b", "www.midlandsobserver.example"), ("c", "Coastalbulletin")):
        (root / f"{name}.md").write_text(f"---\nsource: {outlet}\n---\nStory {name}.\n", encoding="utf-8")
    with LibraryIndex.open(root) as index:
        index.refresh()
        order = [a.path for a in index.view_page(ViewSpec(SortOrder.OUTLET), 0, 10)]
        assert order == ["c.md", "b.md", "a.md"]
        # An index written under the old rule (keys from the raw name) is put right by the next refresh.
        index._conn.execute("UPDATE outlets SET key = lower(name) WHERE id != 0")
        assert [a.path for a in index.view_page(ViewSpec(SortOrder.OUTLET), 0, 10)] == ["c.md", "a.md", "b.md"]
        index.refresh()
        assert [a.path for a in index.view_page(ViewSpec(SortOrder.OUTLET), 0, 10)] == order


def test_outlets_shown_under_one_name_are_one_outlet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 11: "Coastalbulletin" and "Coastal Bulletin" are both shown as "Coastal Bulletin":
    # one sidebar row, one filter, one count.
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    root = tmp_path / "lib"
    root.mkdir()
    outlets = {"a": "Coastalbulletin", "b": "Coastal Bulletin", "c": "Coastalbulletin", "d": "Valleyherald"}
    for name, outlet in outlets.items():
        (root / f"{name}.md").write_text(f"---\nsource: {outlet}\ndate: 2024-01-0{ord(name) - 96}\n---\nStory {name}.\n",
                                         encoding="utf-8")
    with LibraryIndex.open(root) as index:
        index.refresh()
        assert sorted(index.outlet_counts()) == [("Coastalbulletin", 3), ("Valleyherald", 1)]
        for chosen in ("Coastalbulletin", "Coastal Bulletin"):
            spec = ViewSpec(outlet=chosen)
            assert [a.path for a in index.view_page(spec, 0, 10)] == ["c.md", "b.md", "a.md"]
            assert index.view_count(spec) == 3
        articles = index.articles()
    assert sorted(catalog.outlet_counts(articles)) == [("Coastalbulletin", 3), ("Valleyherald", 1)]
    view = catalog.build_view(articles, SortOrder.DATE, outlet="Coastal Bulletin")
    assert view is not None and [a.path for a in view] == ["c.md", "b.md", "a.md"]
