"""Shared fixtures: an isolated newsreader home and small libraries written per test."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = {
    "coastal/ferries.txt": (
        "By Ana Lindqvist, Transport Reporter. Media: Coastalbulletin\n"
        "The Norvik Harbour Authority suspended night ferries on Tuesday after a week of storms.\n"
        "“We will not put crews at risk for a timetable,” said Harbour Master Jonas Berg.\n"
        "Discussion about this post\n"
    ),
    "coastal/quota.txt": (
        "By Mette Dahl, Fisheries Correspondent. Media: Coastalbulletin\n"
        "Fishing quota talks between Norway and the European Union stalled on Friday.\n"
        "“There is no deal yet,” Dahl was told by a negotiator.\n"
    ),
    "river/mill.txt": (
        "By Tomas Varga. Media: Riversidepost\n"
        "The council voted to reopen the old mill on the Vessa river as a museum.\n"
    ),
    "river/bridge.md": (
        "---\ntitle: Bridge repairs begin\nauthor: Ilse Brandt\nsource: Riversidepost\ndate: 2024-04-02\n---\n"
        "Repairs on the Tollgate bridge began on Monday, the council said.\n"
    ),
    "notes/plain.txt": "Market day moved\n\nThe weekly market moves to Thursday from next month.\n",
}


@pytest.fixture(autouse=True)
def newsreader_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test's data, cache and config out of the real home directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEWSREADER_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def full_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Draw in full colour whatever terminal runs the tests: Rich picks the colour system from
    TERM and COLORTERM, and the styles differ by colour system (tests/test_terminals.py sets its own)."""
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    """Five articles in three folders, plus one file the scan must skip."""
    root = tmp_path / "library"
    for relative, text in ARTICLES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "notes" / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    return root
