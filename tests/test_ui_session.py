"""The main screen's model, without the UI: the session's view and counts, and the page cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newsreader.catalog import SortOrder
from newsreader.index import ViewSpec
from newsreader.library.model import Article, SkippedFile
from newsreader.ui.rows import KEEP, PAGE_ROWS, LoadedRows, PageCache
from newsreader.ui.session import Cross, Session, progress_text


def test_the_model_imports_no_textual() -> None:
    code = ("import sys, newsreader.ui.session, newsreader.ui.rows\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_each_change_of_what_is_listed_is_a_new_view() -> None:
    session = Session(Path("/lib"))
    session.open(Path("/lib"))
    seen = {session.view}
    assert session.cycle_sort() is SortOrder.TITLE
    seen.add(session.view)
    assert session.choose_outlet("Coastalbulletin") and session.set_words("harb")
    seen.add(session.view)
    assert session.toggle_starred() and session.toggle_unread()
    assert session.set_cross("entity", "Petra Holm")
    assert session.spec == ViewSpec(SortOrder.TITLE, "Coastalbulletin", "harb", True, True, ("entity", "Petra Holm"))
    seen.add(session.view)
    assert len(seen) == 4
    before = session.view
    assert not session.set_words("harb") and not session.choose_outlet("Coastalbulletin")
    assert session.view == before  # no change, no new view: no fetch
    assert session.list_title == ("Articles · title · outlet filter · starred · unread · naming Petra Holm · filtered")
    assert session.counted_cross("entity", "Petra Holm", 3, 5)
    assert "3 naming Petra Holm (5×)" in session.list_title
    assert not session.counted_cross("entity", "Someone Else", 1, 1)
    session.open(Path("/other"))
    assert session.spec == ViewSpec(SortOrder.TITLE) and session.cross is None  # the order stays, filters go


def test_rows_of_an_old_view_are_dropped_and_counts_make_the_header() -> None:
    session = Session(Path("/lib"))
    session.open(Path("/lib"))
    old = session.view
    session.cycle_sort()
    assert not session.viewed(old, 10)
    assert session.viewed(session.view, 7)
    session.counted([("Coastalbulletin", 5)], 12, 4)
    session.step_read(True)
    status = session.status()
    assert (status.total, status.shown, status.unread, status.busy) == (12, 7, 7, "opening…")
    session.checked([SkippedFile("x.pdf", "unsupported type .pdf")])
    assert session.status().skipped == 1 and session.status().busy == "" and not session.scanning


def test_progress_words() -> None:
    assert progress_text("scanning", 0, 0) == "checking for changes…"
    assert progress_text("indexing", 50, 200) == "indexing 25%"
    assert progress_text("analysing", 1, 3) == "analysing 33%"
    assert Cross("speaker", "Jonas Berg").label == "quoting Jonas Berg"


def article(n: int) -> Article:
    return Article(id=f"id{n}", path=f"{n}.txt", title=f"Story {n}")


@given(st.integers(0, 5000), st.lists(st.integers(0, 60), max_size=40))
def test_page_cache_keeps_a_few_pages_and_asks_for_each_once(count: int, pages: list[int]) -> None:
    cache = PageCache(view=1, count=count)
    for number in pages:
        index = number * PAGE_ROWS
        asked = cache.want(index)
        if index >= count:
            assert asked is None
            continue
        if asked is not None:
            assert asked == number and cache.want(index) is None  # asked once
            rows = [article(i) for i in range(index, min(index + PAGE_ROWS, count))]
            assert cache.install(1, number, rows)
        assert cache.row(index) == article(index)
        assert cache.pages_held <= KEEP
    assert not cache.install(2, 0, [])  # a page of another view is dropped


def test_loaded_rows_read_like_a_list_of_what_is_here() -> None:
    cache = PageCache(view=3, count=150)
    cache.install(3, 0, [article(i) for i in range(100)])
    rows = LoadedRows(cache)
    assert len(rows) == 150 and rows[0] == article(0) and rows[-51] == article(99)
    assert [a.id for a in rows[98:100]] == ["id98", "id99"]
    assert cache.find(lambda a: a.id == "id42") == 42 and cache.find(lambda a: a.id == "id120") is None
    try:
        rows[120]
    except LookupError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a row that is not here must not be invented")
