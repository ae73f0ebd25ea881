"""clean_text / clean_line: escape sequences and unsafe controls out, text kept."""

from __future__ import annotations

import pytest

from newsreader.library.sanitize import clean_line, clean_text


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("\x1b[31mred\x1b[0m alert", "red alert"),
        ("\x1b[1;38;5;196mbold\x1b[m", "bold"),
        ("before\x1b]52;c;aGVsbG8=\x07after", "beforeafter"),  # OSC 52 ended by BEL
        ("before\x1b]52;c;aGVsbG8=\x1b\\after", "beforeafter"),  # ... and by ST
        ("\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ here", "click here"),  # OSC 8 link
        ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),  # DCS (sixel)
        ("a\x1b_payload\x1b\\b", "ab"),  # APC
        ("a\x1b^pm\x07b", "ab"),  # PM
        ("a\x1bXsos\x1b\\b", "ab"),  # SOS
        ("a\x1bcb", "ab"),  # RIS, a two-character sequence
        ("a\x1b(Bb", "ab"),  # charset designation (nF)
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("a\x9d0;title\x9cb", "ab"),  # 8-bit OSC ended by 8-bit ST
        ("bell\x07 and\x00 nul\x08", "bell and nul"),
        ("c1\x85\x8d\x9f here", "c1 here"),
        ("del\x7f", "del"),
        ("tab\there", "tab here"),
        ("crlf\r\nline\rend", "crlf\nline\nend"),
        ("bidi \u202eevil\u202c and \u2066iso\u2069", "bidi evil and iso"),
        ("lone \ud800surrogate", "lone surrogate"),
        ("para\u2029graph", "para\ngraph"),
        ("soft\u00adhyphen zero\u200bwidth word\u2060joiner \ufeffbom", "softhyphen zerowidth wordjoiner bom"),
        ("non\u200cjoiner in\u200dword", "nonjoiner inword"),  # between letters only
        ("\x1b[31mre\u00add", "red"),
    ],
)
def test_clean_text_strips(dirty: str, clean: str) -> None:
    assert clean_text(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII text.\nSecond line.",
        "Curly “quotes”, an em—dash, café, naïve",
        "עברית ועربية: ordinary right-to-left text",  # RTL letters stay
        "family 👨\u200d👩\u200d👧 and flag 🏳\u200d🌈",  # ZWJ emoji sequences stay
        "[red]not markup[/red] [link=x]literal[/link]",  # markup is text, not our business
        "",
    ],
)
def test_clean_text_keeps_ordinary_text(text: str) -> None:
    assert clean_text(text) is text  # the fast path hands back the same object


def test_unterminated_osc_stops_at_next_escape() -> None:
    # No terminator: the introducer goes, the rest of the article survives.
    assert clean_text("keep \x1b]0;no end\nnext \x1b[1mline") == "keep 0;no end\nnext line"


def test_clean_line_makes_one_line() -> None:
    assert clean_line("  Title\nwith\r\n\tbreaks \x1b[31m ") == "Title with breaks"
    assert clean_line("name\u2028part") == "name part"


def test_clean_is_idempotent_on_tricky_input() -> None:
    tricky = "\x1b\x1b[[31m\x1b]]\x07\x9b\x1b\\x\t\r"
    once = clean_text(tricky)
    assert clean_text(once) == once
    assert "\x1b" not in once
