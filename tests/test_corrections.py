"""Corrections that stick: names merged and names marked wrong in an article, kept with the reading
state (never in the library), applied in the sidebar, the reading pane, the quotes view, the glance
and exports, and still applied after a re-index."""

from __future__ import annotations

import csv
import io
import json
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from index_fixtures import write_dated_library
from pilot_helpers import open_path, screen_text, settle
from textual.pilot import Pilot

from newsreader.analysis.model import Analysis, Citation, Entity, Quote
from newsreader.cli import main
from newsreader.index.writer import norm_key
from newsreader.ui.app import NewsreaderApp
from newsreader.ui.screens.merge import MergeScreen
from newsreader.ui.screens.quotes import QuotesScreen
from newsreader.ui.widgets.quote_list import QuoteList
from newsreader.ui.widgets.sidebar import SidebarRow
from newsreader.userdata.corrections import Corrections, apply_to_analysis, corrections_file

NAMES = st.sampled_from(["Per Aune", "Aune", "aune", "Mr. Aune", "Liv Aas", "Aas", "The Board", "board", "Ola"])


# -- merges ---------------------------------------------------------------------------------
def test_a_merge_shows_a_name_as_another_whatever_its_case() -> None:
    corrections = Corrections()
    assert corrections.merge("Aune", "Per Aune")
    assert corrections.canonical("Aune") == "Per Aune"
    assert corrections.canonical("AUNE") == "Per Aune"
    assert corrections.canonical("Per Aune") == "Per Aune"
    assert corrections.canonical("Liv Aas") == "Liv Aas"
    assert corrections.names_for("Per Aune") == ["Per Aune", "Aune"]
    assert corrections.names_for("aune") == ["Per Aune", "Aune"]


def test_chains_resolve_and_cycles_are_refused() -> None:
    corrections = Corrections()
    assert corrections.merge("Mr. Aune", "Aune")
    assert corrections.merge("Aune", "Per Aune")
    assert corrections.canonical("Mr. Aune") == "Per Aune"
    assert set(corrections.names_for("Per Aune")) == {"Per Aune", "Aune", "Mr. Aune"}
    assert not corrections.merge("Per Aune", "Mr. Aune")  # Mr. Aune is shown as Per Aune: a cycle
    assert not corrections.merge("Per Aune", "per aune")  # one name
    assert not corrections.merge("  ", "Per Aune")
    assert corrections.merges == {"Mr. Aune": "Aune", "Aune": "Per Aune"}


def test_undoing_a_merge_shows_the_name_as_itself_again() -> None:
    corrections = Corrections()
    corrections.merge("Aune", "Per Aune")
    assert corrections.unmerge("aune")
    assert corrections.canonical("Aune") == "Aune"
    assert not corrections.unmerge("Aune")
    assert not corrections


@given(st.lists(st.tuples(NAMES, NAMES), max_size=12))
def test_any_merges_resolve_without_cycles(pairs: list[tuple[str, str]]) -> None:
    corrections = Corrections()
    for name, into in pairs:
        corrections.merge(name, into)
    for name in ["Per Aune", "Aune", "Mr. Aune", "Liv Aas", "Aas", "The Board", "Ola", "Nobody"]:
        shown = corrections.canonical(name)
        # the end of a chain is merged into nothing, and is its own end
        assert corrections.merged_into(shown) is None
        assert corrections.canonical(shown) == shown
        names = corrections.names_for(name)
        assert names[0] == shown
        assert norm_key(name) in {norm_key(n) for n in names}
        assert all(norm_key(corrections.canonical(n)) == norm_key(shown) for n in names)
        assert len({norm_key(n) for n in names}) == len(names)


@given(st.lists(st.tuples(NAMES, NAMES), max_size=12))
def test_merges_survive_a_save_and_a_load(pairs: list[tuple[str, str]]) -> None:
    corrections = Corrections()
    for name, into in pairs:
        corrections.merge(name, into)
    again = Corrections()
    again._parse(corrections.to_json().encode())
    assert again.merges == corrections.merges
    for name in ["Per Aune", "Aune", "Liv Aas", "The Board", "Ola"]:
        assert again.canonical(name) == corrections.canonical(name)


# -- wrong marks ------------------------------------------------------------------------------
def test_wrong_is_per_article_and_kind_and_toggles() -> None:
    corrections = Corrections()
    assert corrections.toggle_wrong("a1", "speaker", "Liv Aas")
    assert corrections.is_wrong("a1", "speaker", "liv aas")
    assert not corrections.is_wrong("a2", "speaker", "Liv Aas")
    assert not corrections.is_wrong("a1", "entity", "Liv Aas")
    assert not corrections.toggle_wrong("a1", "speaker", "LIV AAS")
    assert not corrections


def test_a_name_shown_as_another_is_wrong_when_the_other_is() -> None:
    corrections = Corrections()
    corrections.merge("Aune", "Per Aune")
    corrections.toggle_wrong("a1", "speaker", "Per Aune")
    assert corrections.is_wrong("a1", "speaker", "Aune")
    assert corrections.wrong_pairs("speaker", ["Per Aune", "Aune"]) == [("a1", "aune"), ("a1", "per aune")]
    assert corrections.wrong_pairs("source", ["Per Aune", "Aune"]) == []


def test_apply_to_analysis_unattributes_drops_and_merges() -> None:
    analysis = Analysis(
        entities=(Entity(0, 4, "PERSON", "Aune", "Aune"), Entity(10, 17, "PERSON", "Liv Aas", "Liv Aas")),
        quotes=(Quote(20, 30, "Aune", "Aune"), Quote(40, 50, "Aas", "Liv Aas"), Quote(60, 70)),
        citations=(Citation(80, 90, "the Board", "official"), Citation(95, 99, "he said", "person", "Aune")))
    corrections = Corrections()
    assert apply_to_analysis(analysis, "a1", corrections) is analysis
    corrections.merge("Aune", "Per Aune")
    corrections.toggle_wrong("a1", "speaker", "Liv Aas")
    corrections.toggle_wrong("a1", "source", "The Board")
    corrections.toggle_wrong("a1", "entity", "Liv Aas")
    fixed = apply_to_analysis(analysis, "a1", corrections)
    assert [(q.speaker, q.speaker_key) for q in fixed.quotes] == [("Aune", "Per Aune"), (None, None), (None, None)]
    assert [e.key for e in fixed.entities] == ["Per Aune"]
    assert [c.name for c in fixed.citations] == ["Per Aune"]
    other = apply_to_analysis(analysis, "a2", corrections)  # wrong marks are this article's only
    assert [q.speaker_key for q in other.quotes] == ["Per Aune", "Liv Aas", None]
    assert [c.name for c in other.citations] == ["the Board", "Per Aune"]


# -- the file ----------------------------------------------------------------------------------
def test_corrections_are_kept_under_the_user_data_folder_private(newsreader_home: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    corrections = Corrections.load(library)
    corrections.merge("Aune", "Per Aune")
    corrections.toggle_wrong("a1", "speaker", "Liv Aas")
    assert corrections.save()
    path = corrections_file(library)
    assert path.is_relative_to(newsreader_home) and not path.is_relative_to(library)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert list(library.iterdir()) == []
    again = Corrections.load(library)
    assert again.merges == {"Aune": "Per Aune"}
    assert again.wrong == {("a1", "speaker", "Liv Aas")}


def test_an_unusable_file_gives_no_corrections_and_is_kept_aside(tmp_path: Path) -> None:
    path = corrections_file(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "wrong": [["a1", "colour", "x"]]}), encoding="utf-8")
    found = Corrections.load(tmp_path)
    assert not found and found.problem is not None and "wrong" in found.problem
    assert any(p.name.endswith(".damaged") for p in path.parent.iterdir())


# -- in the app, and in exports ----------------------------------------------------------------
ARTICLES = {
    "pier.md": ("2024-05-06", "Vallby pier reopens",
                "The Vallby pier reopened on Monday after a winter of repairs.\n\n"
                "“We kept every plank we could,” said harbour engineer Siri Holm.\n\n"
                "“It cost less than a new pier would have,” said councillor Per Aune.\n"),
    "dredge.md": ("2024-06-10", "Harbour to be dredged",
                  "The Vallby harbour will be dredged in the autumn, the council said.\n\n"
                  "“Boats have touched the bottom twice this year,” Aune said.\n"),
}


def _library(tmp_path: Path) -> Path:
    return write_dated_library(tmp_path / "lib", ARTICLES)


async def _on_row(pilot: Pilot[None], app: NewsreaderApp, kind: str, name: str) -> SidebarRow:
    """Put the sidebar's cursor on the ``kind`` row named ``name`` (a row shown, not one merged)."""
    sidebar = app.main.sidebar
    index = next(i for i, row in enumerate(sidebar._rows) if row.kind == kind and row.label == name)
    sidebar.focus()
    sidebar.move_to(index)
    await pilot.pause()
    assert sidebar.cursor == index
    return sidebar._rows[index]


def _speaker_rows(app: NewsreaderApp) -> list[tuple[str, int | None, bool, str | None]]:
    return [(row.label, row.count, row.wrong, row.into) for row in app.main.sidebar._rows if row.kind == "speaker"]


def _credited(app: NewsreaderApp) -> list[str | None]:
    """Who the reading pane credits each quote of the open article to."""
    return [quote.speaker_key for quote in app.main.reader.analysis.quotes]


async def test_a_speaker_marked_wrong_is_not_credited_and_stays_so_after_a_restart(
        tmp_path: Path, newsreader_home: Path) -> None:
    root = _library(tmp_path)
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "pier.md")
        assert _credited(app) == ["Siri Holm", "Per Aune"]
        await _on_row(pilot, app, "speaker", "Siri Holm")
        await pilot.press("w")
        await settle(pilot)
        assert _credited(app) == [None, "Per Aune"]
        text = screen_text(app)
        assert "— unattributed" in text and "— Siri Holm" not in text
        assert ("Siri Holm", 1, True, None) in _speaker_rows(app)
        await pilot.press("q")
    path = corrections_file(root)
    assert path.is_relative_to(newsreader_home) and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in root.rglob("*")) == ["dredge.md", "pier.md"]

    again = NewsreaderApp(root)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "pier.md")
        assert _credited(again) == [None, "Per Aune"]
        assert ("Siri Holm", 1, True, None) in _speaker_rows(again)
        await _on_row(pilot, again, "speaker", "Siri Holm")
        await pilot.press("w")  # again: no longer wrong
        await settle(pilot)
        assert _credited(again) == ["Siri Holm", "Per Aune"]
    assert not Corrections.load(root)


async def test_a_merge_in_the_sidebar_lists_both_names_quotes_and_undoes(tmp_path: Path) -> None:
    root = _library(tmp_path)
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_path(pilot, "pier.md")
        await _on_row(pilot, app, "speaker", "Siri Holm")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MergeScreen) and app.screen.candidates == ["Per Aune"]
        await pilot.press("escape")
        await open_path(pilot, "dredge.md")
        assert _credited(app) == ["Aune"]
        await _on_row(pilot, app, "speaker", "Aune")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MergeScreen) and app.screen.candidates == []
        await pilot.press(*"Per Aune", "enter")
        await settle(pilot)
        assert _credited(app) == ["Per Aune"]
        assert _speaker_rows(app) == [("Per Aune", 1, False, None), ("Aune", 1, False, "Per Aune")]

        app.main.action_quotes_by("speaker", "Per Aune")
        await settle(pilot)
        quotes = app.screen
        assert isinstance(quotes, QuotesScreen) and set(quotes.keys) == {"Per Aune", "Aune"}
        listing = quotes.query_one(QuoteList)
        rows = [listing.pages.row(i) for i in range(listing.pages.count)]
        assert [(r.article.path, r.speaker) for r in rows if r] == [("dredge.md", "Aune"), ("pier.md", "Per Aune")]
        assert "as Aune" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)

        await _on_row(pilot, app, "speaker", "Aune")  # the row merged, under Per Aune
        await pilot.press("M")
        await settle(pilot)
        assert _credited(app) == ["Aune"]
        assert _speaker_rows(app) == [("Aune", 1, False, None)]
    assert not Corrections.load(root)


def test_exports_and_stats_apply_corrections_and_they_survive_a_reindex(
        tmp_path: Path, newsreader_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _library(tmp_path)
    assert main(["export", str(root), "--table", "quotes"]) == 0
    plain = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["speaker"], r["resolved_speaker"]) for r in plain] == [
        ("Aune", "Aune"), ("harbour engineer Siri Holm", "Siri Holm"), ("councillor Per Aune", "Per Aune")]
    assert "corrected" not in plain[0]
    pier = next(r["article_id"] for r in plain if r["title"] == "Vallby pier reopens")
    corrections = Corrections.load(root)
    corrections.merge("Aune", "Per Aune")
    corrections.toggle_wrong(pier, "speaker", "Siri Holm")
    corrections.toggle_wrong(pier, "entity", "Siri Holm")
    assert corrections.save()

    def exported() -> None:
        assert main(["export", str(root), "--table", "quotes"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [(r["speaker"], r["resolved_speaker"], r["corrected"]) for r in rows] == [
            ("Aune", "Per Aune", "merged from Aune"), (None, None, "speaker marked wrong: Siri Holm"),
            ("councillor Per Aune", "Per Aune", "")]
        assert main(["export", str(root), "--table", "entities", "--format", "csv"]) == 0
        table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
        assert table[0][-1] == "corrected"
        people = [(row[0], row[-1]) for row in table[1:] if row[1] == "PERSON"]
        assert people == [("Per Aune", "merged from Aune"), ("Per Aune", "")]  # one row an article; Siri Holm left out
        assert main(["stats", str(root), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["speakers"] == [["Per Aune", 2]]

    exported()
    shutil.rmtree(newsreader_home / "cache")  # the index is gone: the next export indexes afresh
    exported()
