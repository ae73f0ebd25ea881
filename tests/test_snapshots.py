"""Screens as a user sees them, on the bundled samples (pytest-textual-snapshot).

Update after an intended visual change with ``pytest tests/test_snapshots.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import settle, settle_search
from textual.pilot import Pilot

from newsreader.ui.app import NewsreaderApp

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def from_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """The header shows the library path as typed, so run from the repository root."""
    monkeypatch.chdir(REPO)


async def _open_first(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def test_main_screen_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(120, 40), run_before=_open_first)


def test_main_screen_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(80, 24), run_before=_open_first)


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(120, 40), run_before=open_help)


def test_main_screen_200x60(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(200, 60), run_before=_open_first)


def test_narrow_screen_with_the_sidebar_over_the_list_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def sidebar_shown(pilot: Pilot[None]) -> None:
        await _open_first(pilot)
        await pilot.press("b")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(80, 24), run_before=sidebar_shown)


def test_browsing_the_list_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def browsing(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("j", "j")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(120, 40), run_before=browsing)


def test_current_quote_and_find_bar_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def quote_and_find(pilot: Pilot[None]) -> None:
        await _open_first(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "ctrl+f", *"the")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(120, 40), run_before=quote_and_find)


def test_search_screen_120x40(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from newsreader.ui.screens import search as search_module

    monkeypatch.setattr(search_module, "perf_counter", lambda: 0.0)  # the status line shows how long it took

    async def search(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("slash", *"council")
        await settle_search(pilot)
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(120, 40), run_before=search)


def test_glance_screen_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def glance(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(120, 40), run_before=glance)


def test_quotes_view_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def quotes(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("enter")  # the most-quoted person
        await settle(pilot)

    assert snap_compare(NewsreaderApp(REPO / "sample_articles"), terminal_size=(120, 40), run_before=quotes)
