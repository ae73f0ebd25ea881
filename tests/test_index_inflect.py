"""Search words widen to their regular English forms, and only to those."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.index.inflect import MAX_FORMS, word_forms


@pytest.mark.parametrize(
    ("word", "wanted"),
    [
        ("flood", {"floods", "flooded", "flooding"}),
        ("floods", {"flood", "flooded", "flooding"}),
        ("flooding", {"flood", "floods", "flooded"}),
        ("ferry", {"ferries", "ferried", "ferrying"}),
        ("ferries", {"ferry"}),
        ("close", {"closes", "closed", "closing"}),
        ("closing", {"close", "closed"}),
        ("stop", {"stops", "stopped", "stopping"}),
        ("stopped", {"stop", "stopping"}),
        ("box", {"boxes", "boxed"}),
        ("boxes", {"box"}),
        ("quay", {"quays"}),
    ],
)  # fmt: skip
def test_forms_found(word: str, wanted: set[str]) -> None:
    forms = word_forms(word)
    assert forms[0] == word
    assert wanted <= set(forms)


@pytest.mark.parametrize(
    ("word", "unwanted"),
    [
        ("news", "new"), ("need", "ne"), ("yes", "ye"), ("flood", "floodgate"), ("harbour", "harb"),
        ("crisis", "crisi"), ("bus", "bu"),
    ],
)  # fmt: skip
def test_no_other_base(word: str, unwanted: str) -> None:
    assert unwanted not in word_forms(word)


@pytest.mark.parametrize("word", ["Berg", "AND", "2024", "café", "an", "don't"])
def test_names_numbers_and_other_scripts_are_searched_as_written(word: str) -> None:
    assert word_forms(word) == (word,)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=0, max_size=14))
def test_forms_are_bounded_lower_case_words(word: str) -> None:
    forms = word_forms(word)
    assert forms[0] == word and len(forms) <= MAX_FORMS and len(set(forms)) == len(forms)
    assert all(form.isascii() and (form == word or (form.isalpha() and form.islower())) for form in forms)
