"""Property tests (on analyze_strict, so errors surface): analysis never raises and its spans are well formed and deterministic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import analyze_strict as analyze
from newsreader.analysis.report import analysis_to_dict

_WORDS = st.sampled_from(["said", "Ana", "Kovac", "Ana Kovac", "Lisbon", "the", "U.S.", "\"", "“", "”", "''",
                          "'s", ",", ".", "\n", ":", "according to", "Bank of", "Israeli", "-", "3", "$5",
                          "percent", "he", "officials", "Mr.", "ACME", "(", ")", "readout"])
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_spans_are_in_bounds_sorted_and_non_overlapping(text: str) -> None:
    result = analyze(text)
    for items, kind_of in ((result.entities, lambda x: "entity"), (result.quotes, lambda x: "quote"),
                           (result.citations, lambda x: x.kind)):
        starts = [(x.start, x.end) for x in items]
        assert starts == sorted(starts)
        last_end: dict[str, int] = {}
        for x in items:
            assert 0 <= x.start < x.end <= len(text)
            assert x.start >= last_end.get(kind_of(x), 0)
            last_end[kind_of(x)] = x.end
    for e in result.entities:
        assert e.text == text[e.start:e.end]


@settings(max_examples=60, deadline=None)
@given(_TEXTS)
def test_deterministic_and_serialisable(text: str) -> None:
    assert analyze(text) == analyze(text)
    assert analysis_to_dict(text, analyze(text))["entities"] is not None


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["Odile", "Bram", "Nadia"]), st.sampled_from(["Ferrant", "Oosterhuis", "Petrov"]))
def test_every_mention_of_a_person_shares_one_key(first: str, last: str) -> None:
    text = f"{first} {last} spoke first. Later {last} left, and {last}'s aides followed."
    keys = {e.key for e in analyze(text).entities if e.label == "PERSON"}
    assert keys == {f"{first} {last}"}
