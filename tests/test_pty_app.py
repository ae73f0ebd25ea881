"""End to end in a real pseudo-terminal: the installed ``newsreader``, typed at as a person does.

Each test starts the console script on a fresh pty (with NEWSREADER_HOME in a tmp dir),
types keys, polls the rendered screen (pyte) until the expected text shows (deadline
20 s, no fixed sleeps) and, after ``q``, checks that the terminal was given back as it
was: alternate screen left, cursor shown, mouse and paste modes off, tty settings
(what ``stty -a`` shows) unchanged.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pty_terminal import Terminal, newsreader_command

# Terminal modes the app turns on, each of which it must turn off again on exit.
MODES = {b"1049": "alternate screen", b"25": "cursor shown (inverted: must end 'h')", b"1000": "mouse clicks",
         b"1003": "mouse motion", b"1006": "SGR mouse", b"2004": "bracketed paste", b"1004": "focus events"}


def spawn(library: Path, home: Path, **options: object) -> Terminal:
    env = {"NEWSREADER_HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    return Terminal([*newsreader_command(), str(library)], env, **options)  # type: ignore[arg-type]


def assert_terminal_restored(term: Terminal) -> None:
    """The last word on every private mode the app set is the one that undoes it."""
    raw = bytes(term.raw)
    for mode, what in MODES.items():
        changes = re.findall(rb"\x1b\[\?" + mode + rb"([hl])", raw)
        assert changes, f"never set mode {mode.decode()} ({what})?"
        wanted = b"h" if mode == b"25" else b"l"
        assert changes[-1] == wanted, f"mode {mode.decode()} ({what}) left {changes[-1]!r}"
    assert raw.rfind(b"\x1b[?1049l") > raw.rfind(b"\x1b[?1049h")
    assert raw.rfind(b"\x1b[<u") > raw.rfind(b"\x1b[>"), "kitty keyboard mode not popped"
    assert term.settings_after() == term.settings_before, "tty settings (stty -a) changed"


def test_read_search_find_help_and_quit(small_library: Path, newsreader_home: Path) -> None:
    with spawn(small_library, newsreader_home) as term:
        screen = term.wait_for("5 articles", "Bridge repairs begin", "1 skipped (x)")
        assert "Coastal Bulletin" in screen

        # Open the first row (newest first), then step to the next article.
        term.press_until("enter", "Repairs on the Tollgate bridge", "4 unread")
        term.press("n")
        screen = term.wait_for("— Jonas Berg", "By Ana Lindqvist")  # the quote credited to its speaker
        assert "3 unread" in screen

        # Find in the article.
        term.press("ctrl+f")
        term.wait_for("Enter or ↓ next, ↑ previous")  # the find box's placeholder
        term.press("Harbour")
        term.wait_for("1 of 2", "↑ Previous match", "Esc Close find")  # the footer lists the find keys
        term.press("up")  # previous match: a key tmux and every terminal deliver
        term.wait_for("2 of 2")
        term.press("down")  # next match
        term.wait_for("1 of 2")
        term.press("escape")
        term.wait_for("1 of 2", absent=True)

        # Next article from the reading pane.
        term.press("n")
        term.wait_for("Fishing quota talks between Norway")

        # Search the library and open a hit.
        term.press("/")
        term.wait_for("exact phrase")
        term.press("museum")
        screen = term.wait_for("The council voted to reopen")
        term.press("enter")
        screen = term.wait_for("By Tomas Varga", "river/mill.txt")
        assert "1 unread" in screen  # four articles opened

        # Help, then the skipped files.
        term.press("?")
        term.wait_for("Everywhere", "Skipped files", "Focus Previous")
        term.press("escape")
        term.wait_for("Focus Previous", absent=True)
        term.press("x")
        screen = term.wait_for("1 file skipped", "notes/scan.pdf", "unsupported type .pdf")
        term.press("escape")
        term.wait_for("1 file skipped", absent=True)

        assert term.quit() == 0
        assert_terminal_restored(term)
    # The session was remembered under NEWSREADER_HOME, and nowhere in the library.
    assert list((newsreader_home / "data" / "libraries").glob("*.json"))
    assert not [p for p in small_library.rglob("*") if p.name.startswith(".")]


def test_reading_state_survives_a_restart(small_library: Path, newsreader_home: Path) -> None:
    with spawn(small_library, newsreader_home) as term:
        term.wait_for("5 unread")
        term.press_until("enter", "4 unread", "Repairs on the Tollgate bridge")
        assert term.quit() == 0
    with spawn(small_library, newsreader_home) as term:
        # The last article is open again, and still counted read.
        term.wait_for("4 unread", "Repairs on the Tollgate bridge")
        assert term.quit() == 0
        assert_terminal_restored(term)


def test_small_terminal_and_bad_path(tmp_path: Path, small_library: Path, newsreader_home: Path) -> None:
    with spawn(small_library, newsreader_home, columns=60, lines=16) as term:
        term.wait_for("5 articles")
        assert term.quit() == 0
        assert_terminal_restored(term)
    with spawn(tmp_path / "missing", newsreader_home) as term:
        assert term.wait_exit() == 2
        assert "no such folder" in bytes(term.raw).decode()
        assert b"\x1b[?1049h" not in term.raw  # failed before touching the screen
        assert term.settings_after() == term.settings_before



def test_the_list_follows_the_open_article(small_library: Path, newsreader_home: Path) -> None:
    """Issue 11's flows 2 and 6 in a real terminal: a filter that hides the open article, and a
    search result from outside the outlet the list is narrowed to."""
    with spawn(small_library, newsreader_home) as term:
        term.wait_for("5 articles", "Bridge repairs begin")
        term.press_until("enter", "Repairs on the Tollgate bridge")
        # Filter to words the open article lacks, then clear it: star the article being read.
        term.press("escape")
        term.wait_for("⏎ Open")  # the list has the focus
        term.press("f")
        term.wait_for("Filter")
        term.press("museum")
        term.wait_for("1 of 5")
        term.press("enter", "escape")
        term.wait_for("5 articles")
        term.press("*")
        screen = term.wait_for("★")
        starred = [line for line in screen.splitlines() if "★" in line and "Sources" not in line]
        assert any("Bridge repairs begin" in line for line in starred), screen
        assert not any("old mill" in line for line in starred), screen
        # Narrow the list to the Coastal Bulletin from the sidebar, then open a search result from
        # the Riverside Post: the list shows every article again, and n follows it.
        term.press("\x1b[Z")  # Shift+Tab: the sidebar (All, Starred, then the outlets)
        term.press("down", "down")
        term.press_until("enter", "2 of 5")
        term.press("/")
        term.wait_for("exact phrase")
        term.press("museum")
        term.wait_for("The council voted to reopen")
        term.press("enter")
        term.wait_for("By Tomas Varga", "Showing all articles", "5 articles")
        term.press("p")  # the row above the museum article in the whole list, not the Coastal Bulletin's first
        term.wait_for("The weekly market moves to Thursday", "notes/plain.txt")
        assert term.quit() == 0


def test_a_copied_quote_reaches_the_terminal_as_osc_52(tmp_path: Path, newsreader_home: Path) -> None:
    """Issue 12: ``c`` copies the quote with its attribution through the terminal (OSC 52)."""
    import base64

    root = tmp_path / "lib"
    root.mkdir()
    (root / "pier.md").write_text(
        "---\ntitle: Vallby pier reopens\nauthor: Oda Fjell\nsource: Vallbyposten\ndate: 2024-05-06\n---\n"
        "“We kept every plank we could,” said harbour engineer Siri Holm.\n", encoding="utf-8")
    with spawn(root, newsreader_home) as term:
        term.wait_for("1 article")
        term.press_until("enter", "By Oda Fjell")
        term.press("c")
        term.wait_for("Copied the quote")
        expected = '"We kept every plank we could," — Siri Holm, Vallbyposten, 6 May 2024'
        assert b"\x1b]52;c;" + base64.b64encode(expected.encode()) + b"\x07" in bytes(term.raw)
        assert term.quit() == 0


def test_research_flows_in_a_terminal(small_library: Path, newsreader_home: Path) -> None:
    """Issue 12 in a real terminal: the glance, a person's quotes, the article opened at the quote,
    and the list exported."""
    with spawn(small_library, newsreader_home) as term:
        # The glance reads what the index holds: wait for the first build's analysis to end.
        term.wait_until(lambda s: "5 articles" in s and "⟳" not in s, "the refresh to end")
        term.press("i")
        term.wait_for("The library at a glance", "Most quoted", "Jonas Berg")
        term.press("enter")
        term.wait_for("Quotes by Jonas Berg", "We will not put crews at risk")
        term.press("enter")
        term.wait_for("quote 1 of 1", "By Ana Lindqvist")  # opened at the quote, which is current
        term.press("E")
        term.wait_for("Exported 5 articles to")
        assert term.quit() == 0
    assert len(list((newsreader_home / "exports").glob("*.csv"))) == 1


@pytest.mark.parametrize("after", ["o", "/", "i", "?"])
def test_keys_queued_behind_q_open_nothing(small_library: Path, newsreader_home: Path, after: str) -> None:
    """q then another key in one burst (a paste, fast typing) quit cleanly; a screen opened while the
    app closed crashed with a traceback."""
    with spawn(small_library, newsreader_home) as term:
        term.wait_for("5 articles")
        os.write(term.master, ("q" + after).encode())
        assert term.wait_exit() == 0
    assert b"Traceback" not in bytes(term.raw)
