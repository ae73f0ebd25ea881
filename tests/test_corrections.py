"""Corrections that stick: names merged and names marked wrong in an article, kept with the reading
state (never in the library), applied in the sidebar, the reading pane, the quotes view, the glance
and exports, and still applied after a re-index."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newsreader.analysis.model import Analysis, Citation, Entity, Quote
from newsreader.index.writer import norm_key
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
