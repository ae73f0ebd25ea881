"""analyze() on raw web text: invisible characters never split a word, spans land on the original.

All text is fictional.
"""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.analysis import Analysis, analyze_strict
from newsreader.analysis.normalize import restore_spans, strip_invisible
from newsreader.library.sanitize import clean_text

SHY, ZWSP, ZWNJ, ZWJ, WJ, BOM = "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"
ALWAYS = (SHY, ZWSP, WJ, BOM)

SENTENCES = (
    "Harbour master Ingrid Solheim said on Monday that the pilots would return.",
    "“We have waited long enough,” said Magnus Haldorsen, who leads the pilots’ union.",
    "According to the Fjord Coast Weekly, the strike cost Vesterhavn 4 million kroner.",
    "Renée Aas, a spokeswoman for the Norvik Port Authority, said the ferries ran late.",
    "“Nobody wants this,” she told reporters in Bergen on Tuesday.",
    "The Ministry of Transport declined to comment, officials said.",
    "Solheim met Haldorsen at the Vesterhavn Hotel for three hours.",
)


def test_soft_hyphens_inside_a_name_keep_the_person_whole() -> None:
    text = f"Harbour master Ing{SHY}rid Sol{SHY}heim said on Monday that the pilots would return."
    [person] = [e for e in analyze_strict(text).entities if e.label == "PERSON"]
    assert (person.start, person.end, person.key) == (15, 31, "Ingrid Solheim")
    assert person.text == text[15:31] == f"Ing{SHY}rid Sol{SHY}heim"


def test_a_quote_with_zero_width_spaces_has_its_span_in_the_original() -> None:
    text = (
        f"Harbour master Ingrid Sol{SHY}heim spoke on Monday.\n"
        f"“We have{ZWSP} waited long{ZWSP} enough,” said Sol{WJ}heim."
    )
    [quote] = analyze_strict(text).quotes
    assert text[quote.start : quote.end] == f"“We have{ZWSP} waited long{ZWSP} enough,”"
    assert (quote.start, quote.end) == (48, 79)
    assert (quote.speaker, quote.speaker_key) == ("Solheim", "Ingrid Solheim")


def test_no_break_space_and_soft_hyphen_together() -> None:
    text = f"Harbour master Ingrid\xa0Sol{SHY}heim said on Monday that the pilots would return."
    [person] = [e for e in analyze_strict(text).entities if e.label == "PERSON"]
    assert person.text == f"Ingrid\xa0Sol{SHY}heim"
    assert person.key == "Ingrid Solheim"


def test_clean_text_is_returned_as_is() -> None:
    text = " ".join(SENTENCES)
    assert strip_invisible(text) == (text, None)
    assert strip_invisible(f"family 👨{ZWJ}👩 and a{ZWJ}!") == (f"family 👨{ZWJ}👩 and a{ZWJ}!", None)


def test_offset_map_points_at_the_same_characters() -> None:
    text = f"{BOM}Ma{ZWSP}{SHY}gnus{ZWJ} met Re{ZWNJ}née{WJ}{SHY}."
    clean, offsets = strip_invisible(text)
    assert clean == f"Magnus{ZWJ} met Renée."
    assert offsets is not None
    assert [offsets.char(i) for i in range(len(clean) + 1)] == [
        1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 23, 24,
    ]  # fmt: skip
    assert offsets.span(0, 6) == (1, 9)  # "Ma..gnus": inner invisibles in, the leading BOM out
    assert offsets.span(12, 17) == (15, 21)  # "Re.née": the trailing WJ and SHY stay out
    assert offsets.span(3, 3) == (6, 6)


def test_restore_spans_maps_every_offset_field() -> None:
    from newsreader.analysis.model import Citation, Entity, Quote

    original = f"Ma{SHY}gnus said “yes{ZWSP}.”"
    clean, offsets = strip_invisible(original)
    assert clean == "Magnus said “yes.”" and offsets is not None
    found = Analysis(
        entities=(Entity(0, 6, "PERSON", "Magnus", "Magnus"),),
        quotes=(Quote(12, 18, "Magnus", "Magnus", "said"),),
        citations=(Citation(0, 6, "Magnus", "person"),),
    )
    restored = restore_spans(found, original, offsets)
    assert restored.entities == (Entity(0, 7, "PERSON", f"Ma{SHY}gnus", "Magnus"),)
    assert [(q.start, q.end) for q in restored.quotes] == [(13, 20)]
    assert [(c.start, c.end, c.source) for c in restored.citations] == [(0, 7, "Magnus")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=["a", "B", "é", "ж", " ", "-", "1", "😀", "👩", "\n", SHY, ZWSP, ZWNJ, ZWJ, WJ, BOM]))
def test_the_library_and_the_analyser_drop_the_same_characters(text: str) -> None:
    clean, offsets = strip_invisible(text)
    assert clean == clean_text(text)
    if offsets is not None:
        assert all(text[offsets.char(i)] == char for i, char in enumerate(clean))


@st.composite
def dirtied(draw: st.DrawFn) -> tuple[str, str]:
    """(clean text, the same text with invisible characters inserted)."""
    clean = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5).map(" ".join))
    between_letters = [i for i in range(1, len(clean)) if clean[i - 1].isalpha() and clean[i].isalpha()]
    anywhere = st.tuples(st.integers(0, len(clean)), st.sampled_from(ALWAYS))
    inside_words = st.tuples(st.sampled_from(between_letters), st.sampled_from((ZWNJ, ZWJ)))
    inserts = draw(st.lists(st.one_of(anywhere, inside_words), min_size=1, max_size=40))
    pieces, last = [], 0
    for at, char in sorted(inserts):
        pieces += [clean[last:at], char]
        last = at
    return clean, "".join(pieces) + clean[last:]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dirtied())
def test_invisible_characters_never_move_a_finding(pair: tuple[str, str]) -> None:
    clean, dirty = pair
    expected, found = analyze_strict(clean), analyze_strict(dirty)
    assert strip_invisible(dirty)[0] == clean

    offsets = strip_invisible(dirty)[1]
    assert offsets is not None
    clean_index = {offsets.char(i): i for i in range(len(clean))}  # dirty offset of each kept character

    def start(offset: int) -> int:
        return clean_index[offset]

    def end(offset: int) -> int:  # an end is just past a kept character
        return clean_index[offset - 1] + 1

    assert len(found.entities) == len(expected.entities)
    for entity, want in zip(found.entities, expected.entities):
        assert strip_invisible(dirty[entity.start : entity.end])[0] == want.text
        assert entity.text == dirty[entity.start : entity.end]
        moved = dataclasses.replace(entity, start=start(entity.start), end=end(entity.end), text=want.text)
        assert moved == want
    for kind in ("quotes", "citations"):
        got, wanted = getattr(found, kind), getattr(expected, kind)
        assert len(got) == len(wanted)
        for item, want in zip(got, wanted):
            assert strip_invisible(dirty[item.start : item.end])[0] == clean[want.start : want.end]
            assert dataclasses.replace(item, start=start(item.start), end=end(item.end)) == want
