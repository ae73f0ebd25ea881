"""The hostile library in a real terminal: what reaches the screen, byte for byte.

The installed ``newsreader`` opens tests/hostile_library.py's folder (with 10,000 tiny
files, and, when file permissions can be made to bite, an unreadable file and folder)
in a pty. The test opens the articles full of escape sequences and markup, clicks on
``[@click=app.quit]``, lists the skipped files, quits, and then checks every byte the
app wrote: no payload of any escape sequence from a file (OSC 52 clipboard, OSC 0
title, OSC 8 link, DCS) and none of those sequence types at all; the terminal given
back as it was; the library unchanged.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import hostile_library as hl
import pytest
from pty_terminal import Terminal, newsreader_command, without_file_privileges
from test_pty_app import assert_terminal_restored

CROWD = 10_000

# Sequence types the app itself never writes: any of them in the output came from a file.
FOREIGN = {b"\x1b]52;": "OSC 52 clipboard", b"\x1b]0;": "OSC 0 title", b"\x1b]2;": "OSC 2 title",
           b"\x1b]8;": "OSC 8 hyperlink", b"\x1bP": "DCS", b"file:///etc/passwd\x1b": "link to a file"}


@pytest.fixture
def hostile() -> Iterator[tuple[hl.Hostile, list[str]]]:
    base = Path(tempfile.mkdtemp(prefix="newsreader-pty-hostile-"))
    h = hl.build(base / "library", crowd=CROWD)
    prefix = without_file_privileges()
    if prefix is None:
        print("pty hostile: root cannot drop file privileges (no setpriv); unreadable files stay readable")
    else:
        hl.lock_unreadable(h)
    try:
        yield h, prefix or []
    finally:
        hl.unlock(h)
        shutil.rmtree(base, ignore_errors=True)


def focus_empty_filter(term: Terminal) -> int:
    """Press ``f``, then Ctrl+U until the filter box is empty; returns the box's screen row."""
    deadline = time.monotonic() + 20
    while True:
        for row, line in enumerate(term.text().split("\n")):
            if "Filter" in line:  # the placeholder, as much of it as the list's width shows
                return row
        assert time.monotonic() < deadline, term.text()
        term.press("f", "ctrl+u")  # until the box has focus the list ignores Ctrl+U; then it clears the box
        try:
            term.wait_for("Filter", timeout=0.3)
        except AssertionError:
            pass


def type_filter(term: Terminal, words: str) -> None:
    """Type ``words`` into the empty filter box (again if keys were lost) and submit them."""
    for _attempt in range(5):
        row = focus_empty_filter(term)
        term.press(words)
        try:
            term.wait_until(lambda s, row=row: words in s.split("\n")[row], f"{words!r} in the filter box", 5)
            break
        except AssertionError:
            continue
    term.press("enter")


def open_by_filter(term: Terminal, words: str, expect: str, articles: int) -> str:
    """Filter the list to ``words`` (one match), open it, wait for ``expect`` in the reading pane."""
    type_filter(term, words)
    # One row, the right one (its title and the box both show the words), and done searching.
    term.wait_until(lambda s: f" 1 of {articles:,} articles" in s and s.count(words) >= 2 and "⟳" not in s,
                    f"the list filtered to {words!r}")
    term.press("enter")
    return term.wait_for(expect)


def click(term: Terminal, needle: str) -> None:
    """Click (SGR mouse report) on the first place ``needle`` is shown."""
    for row, line in enumerate(term.text().split("\n")):
        column = line.find(needle)
        if column >= 0:
            x, y = column + 2, row + 1
            os.write(term.master, f"\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m".encode())
            return
    raise AssertionError(f"{needle!r} is not on screen")


def test_hostile_library_in_a_terminal(hostile: tuple[hl.Hostile, list[str]], newsreader_home: Path) -> None:
    h, prefix = hostile
    before = hl.fingerprint(h.root)
    locked = bool(prefix) or os.geteuid() != 0
    articles = len(h.listed) + h.crowd + (0 if locked else 2)
    env = {"NEWSREADER_HOME": str(newsreader_home), "HOME": str(newsreader_home),
           "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    with Terminal([*prefix, *newsreader_command(), str(h.root)], env) as term:
        term.wait_until(lambda s: f" {articles:,} articles" in s and "⟳" not in s, "the refresh to end", 60)

        screen = open_by_filter(term, "Escapes everywhere", "Body with", articles)
        assert "click me" in screen and "red" in screen
        screen = open_by_filter(term, "Markup title", "Body [red]not red[/red]", articles)
        assert "[@click=app.quit]" in screen and "[link=file:///etc/passwd]" in screen
        click(term, "[@click=app.quit]")
        type_filter(term, "Lying front")  # the app is still here, and still answers keys
        term.wait_until(lambda s: s.count("Lying front") >= 2 and "⟳" not in s, "the list filtered")
        open_by_filter(term, "Newline name", "names/new line.txt", articles)
        open_by_filter(term, "Escape name", "names/escape-name.txt", articles)
        open_by_filter(term, "Long line title", "word word word", articles)
        screen = open_by_filter(term, "UTF-16 title", "Body in UTF-16", articles)
        assert "café" in screen

        term.press("x")
        screen = term.wait_for("files skipped", "binary file", "broken symlink", "too large (50 MB > 20 MB limit)",
                               "symlink to a folder", "unsupported type .pdf", "line 5: invalid JSON")
        if locked:
            assert "permission denied" in screen
        term.press("escape")
        assert term.quit() == 0
        assert_terminal_restored(term)

    raw = bytes(term.raw)
    for marker in hl.MARKERS:
        assert marker.encode() not in raw, f"the escape payload {marker} reached the terminal"
    for sequence, what in FOREIGN.items():
        assert sequence not in raw, f"{what} reached the terminal"
    assert raw.count(b"\x1b[?1049h") == 1, "alternate screen switched by something other than the app"
    assert hl.fingerprint(h.root) == before  # (modes included: still locked as the fixture left them)
