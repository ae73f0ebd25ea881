"""Carrying things out of an article (issue 12): a quote with its attribution, the link, the page.

What reaches the clipboard is what a writer pastes, so each test asserts the
whole copied text; hostile text must reach neither clipboard nor screen raw.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pilot_helpers import open_path, settle

from newsreader.library.attribution import attributed_quote, quotation_text, web_url
from newsreader.library.model import Article
from newsreader.ui.app import NewsreaderApp
from newsreader.ui.widgets import reader_column

PIER = ("---\ntitle: Vallby pier reopens\nauthor: Oda Fjell\nsource: Vallbyposten\ndate: 2024-05-06\n"
        "url: https://vallby.example/pier\n---\n"
        "The Vallby pier reopened on Monday after a winter of repairs.\n\n"
        "“We kept every plank we could,” said harbour engineer Siri Holm.\n\n"
        "The council had set aside money for the work in the spring.\n\n"
        "“It cost less than a new pier would have,” said councillor Per Aune.\n")


def _article(**fields: object) -> Article:
    values: dict[str, object] = {"id": "x", "path": "a.md", "title": "T"}
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def test_attribution_gives_the_known_parts_in_order() -> None:
    article = _article(outlet="Vallbyposten", date="2024-05-06", url="https://vallby.example/pier")
    assert (attributed_quote("“We kept every plank.”", article, "Siri Holm")
            == '"We kept every plank." — Siri Holm, Vallbyposten, 6 May 2024, https://vallby.example/pier')
    assert (attributed_quote("“We kept every plank.”", article, None)
            == '"We kept every plank." — quoted in Vallbyposten, 6 May 2024, https://vallby.example/pier')
    assert attributed_quote("“We kept every plank.”", _article(date="2024-05-06"), None) == '"We kept every plank." — quoted 6 May 2024'
    assert (attributed_quote("“Fine.”", _article(url="https://vallby.example/pier"), None)
            == '"Fine." — quoted in https://vallby.example/pier')
    assert attributed_quote("“Fine.”", _article(outlet="Vallbyposten"), "\x07") == '"Fine." — quoted in Vallbyposten'
    assert attributed_quote("'Fine.'", _article(), None) == '"Fine."'


def test_attribution_is_cleaned_and_refuses_unsafe_links() -> None:
    article = _article(outlet="Vallby\x1b[31mposten", url="javascript:alert(1)")
    text = attributed_quote("“Stop\x1b]52;c;SGk=\x07 now\n please.”", article, "Siri\x07 Holm")
    assert text == '"Stop now please." — Siri Holm, Vallbyposten'
    assert web_url(_article(url="file:///etc/passwd")) is None
    assert web_url(_article(url="https://vallby.example/a b")) is None
    assert web_url(_article(url=" https://vallby.example/pier ")) == "https://vallby.example/pier"


@given(st.text(max_size=80))
def test_a_copied_quotation_never_holds_control_characters(quote: str) -> None:
    text = quotation_text(quote)
    assert text.startswith('"') and text.endswith('"')
    assert not any(ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0 for ch in text)


def _library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "pier.md").write_text(PIER, encoding="utf-8")
    (root / "note.txt").write_text("By Oda Fjell. Media: Vallbyposten\nThe ferry timetable changes in June.\n")
    return root


async def test_c_copies_the_current_quote_with_its_attribution(tmp_path: Path) -> None:
    app = NewsreaderApp(_library(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "pier.md")
        await pilot.press("c")  # no quote chosen yet: the first one on screen
        assert app.clipboard == ('"We kept every plank we could," — Siri Holm, Vallbyposten, 6 May 2024, '
                                 "https://vallby.example/pier")
        await pilot.press("right_square_bracket", "right_square_bracket", "c")
        assert app.clipboard.startswith('"It cost less than a new pier would have," — Per Aune, Vallbyposten')
        assert any("Copied the quote" in str(note.message) for note in app._notifications)
        await pilot.press("y")
        assert app.clipboard == "https://vallby.example/pier"


async def test_y_copies_the_path_and_o_opens_the_file_without_a_url(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(reader_column.webbrowser, "open", lambda url: opened.append(("browser", url)) or True)
    monkeypatch.setattr(reader_column, "open_file", lambda path: opened.append(("file", path)) or True)
    root = _library(tmp_path)
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "note.txt")
        await pilot.press("y")
        assert app.clipboard == str(root.resolve() / "note.txt")
        await pilot.press("c")
        assert app.clipboard == str(root.resolve() / "note.txt")  # no quote: nothing copied
        await pilot.press("O")
        await settle(pilot)
        await open_path(pilot, "pier.md")
        await pilot.press("O")
        await settle(pilot)
    assert opened == [("file", str(root.resolve() / "note.txt")), ("browser", "https://vallby.example/pier")]



def _no_xdg_open(*args: object, **kwargs: object) -> None:
    raise FileNotFoundError(2, "No such file or directory", "xdg-open")


def _refused(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied", "xdg-open")


@pytest.mark.parametrize(("popen", "said"), [
    (_no_xdg_open, ": no program to open files with (xdg-open not found)"),
    (_refused, " (Permission denied)"),
])
async def test_o_without_an_opener_names_the_missing_program_not_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, popen: object, said: str) -> None:
    monkeypatch.setattr(reader_column.sys, "platform", "linux")
    monkeypatch.setattr(reader_column.subprocess, "Popen", popen)
    root = _library(tmp_path)
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "note.txt")
        await pilot.press("O")
        await settle(pilot)
        warnings = [str(note.message) for note in app._notifications if note.severity == "warning"]
    assert warnings == [f"Could not open {root.resolve() / 'note.txt'}{said}"]
