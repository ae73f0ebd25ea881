"""Screens as a user sees them, on the bundled samples (pytest-textual-snapshot).

Update after an intended visual change with ``pytest tests/test_snapshots.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import settle
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
