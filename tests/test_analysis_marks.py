"""Quotation-mark pairing (newsreader.analysis.marks.segments) on short invented sentences.

Each case gives the exact (start, end, closed) spans; the quoted text is repeated in a comment-like
second assertion so a failure shows what was meant.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis.marks import segments
from newsreader.analysis.quotes import segments as quotes_segments


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in segments(text)]


def test_quotes_module_uses_marks() -> None:
    assert quotes_segments is segments


PAIRS = [
    # curly, straight and the ``...'' convention
    ('“The ferry runs at dawn,” said Lotte Brink.', [(0, 25, True)]),
    ('"The ferry runs at dawn," said Lotte Brink.', [(0, 25, True)]),
    ("``The ferry runs at dawn,'' said Lotte Brink.", [(0, 27, True)]),
    # German low-high quotes, with either closing mark
    ('„Die Fähre fährt im Morgengrauen“, sagte Lotte Brink.', [(0, 33, True)]),
    ('„Die Fähre fährt früh”, sagte Lotte Brink.', [(0, 22, True)]),
    # guillemets in both directions, with and without inner spaces
    ('«Le bac part à l’aube», a dit Lotte Brink.', [(0, 22, True)]),
    ('« Le bac part à l’aube », a dit Lotte Brink.', [(0, 24, True)]),
    ('»Die Fähre fährt früh«, sagte Lotte Brink.', [(0, 22, True)]),
    ('» Färjan går tidigt «, sa Lotte Brink.', [(0, 21, True)]),
    # British single quotes, curly and straight, with apostrophes inside
    ('‘The ferry runs at dawn,’ said Lotte Brink.', [(0, 25, True)]),
    ("'The ferry runs at dawn,' said Lotte Brink.", [(0, 25, True)]),
    ("‘Don’t tell O’Brien the ’90s are back,’ Mira Sowa said.", [(0, 39, True)]),
    ("‘We grew up on rock ’n’ roll,’ Mira Sowa said.", [(0, 30, True)]),
    ("‘The dockers’ union will strike,’ said Hal Dunmore.", [(0, 33, True)]),
    ("'The monks follow Jesus' teaching,' the abbot said.", [(0, 35, True)]),
    ("‘Tell ’em we are coming,’ Hal Dunmore said.", [(0, 25, True)]),
    ("‘We were keepin' quiet,’ Hal Dunmore said.", [(0, 24, True)]),
    # nested quotes belong to the outer one
    ('“The sign said ‘closed’ all week,” Ada Frey said.', [(0, 34, True)]),
    ('‘The sign said “closed” all week,’ Ada Frey said.', [(0, 34, True)]),
    ('„Er sagte ‚nein‘ zu mir“, sagte Ada Frey.', [(0, 24, True)]),
    ('“She called the plan “a gamble” twice,” Ada Frey said.', [(0, 39, True)]),
    # inch, foot, second and minute marks make no quotation
    ('Vik Osei is 6\'5" and owns a 55" screen.', []),
    ('The mast is 5′ 11″ tall and the buoy sits at 40° 26\' 46" N.', []),
    ('"I bought a 55" screen," said Vik Osei.', [(0, 24, True)]),
    ('Vik Osei, who is 6\'5", said "we won."', [(28, 37, True)]),
    # a stray closing or opening mark does not flip the pairing after it
    ('The shop" closed early. Then Ada Frey said "we are fine" and left.', [(43, 56, True)]),
    ('The price rose to "€40 on Monday. "We expected it," the baker said.', [(34, 51, True)]),
    ('The ’90s were loud, the workers’ union said.\n"We are fine," Ada Frey said.', [(45, 59, True)]),
    # a quotation over several paragraphs: one open segment per paragraph, trailing spaces trimmed
    ('“The first part of the speech.\n“The second part.\n“The end,” Ines Tal said.',
     [(0, 30, False), (31, 48, False), (49, 59, True)]),
    ('"We will not move.  \n"Not this year," Ines Tal said.', [(0, 18, False), (21, 37, True)]),
    ("She said: ‘We will fight.\n‘And we will win,’ Ada Frey said.", [(10, 25, False), (26, 44, True)]),
    # an unclosed mark that cannot open a quotation ('90s) yields nothing and swallows nothing
    ("Sales in the '90s were strong, Ada Frey said.", []),
    ("She recalled the ‘90s fondly.", []),
    ("In the ‘90s and in the workers’ canteen.", []),
    ('In the \'90s, Ada Frey said, "we sold everything."', [(28, 49, True)]),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_pairs(text: str, expected: list[tuple[int, int, bool]]) -> None:
    assert segments(text) == expected


def test_spans_cover_the_intended_words() -> None:
    assert _quoted("‘The dockers’ union will strike,’ said Hal Dunmore.") == ["‘The dockers’ union will strike,’"]
    assert _quoted('“The first part.\n“The end,” Ines Tal said.') == ["“The first part.", "“The end,”"]
    assert _quoted('"I bought a 55" screen," said Vik Osei.') == ['"I bought a 55" screen,"']


def test_single_quoted_headline_in_a_double_quote_article_is_not_a_quotation() -> None:
    text = "Mayor calls bridge plan 'a mess'\n\"It is a mess,\" Mayor Jo Hale said."
    assert segments(text) == [(33, 48, True)]


def test_single_quote_article_keeps_its_quotations_and_titles() -> None:
    text = "‘We are ready,’ Ada Frey said.\n‘So are we,’ Jo Hale said. Both watched “Harbour Lights”."
    assert _quoted(text) == ["‘We are ready,’", "‘So are we,’", "“Harbour Lights”"]


def test_markup_attribute_values_are_not_quotations() -> None:
    text = '<tweet author="Ada Frey" date="the day before">Ada Frey said "we sailed."'
    assert _quoted(text) == ['"we sailed."']


# ---------------------------------------------------------------- properties

_PLAIN = st.sampled_from(["the", "ferry", "Ada", "Frey", "said", "harbour", "on", "Monday", "12", "a",
                          "crew", "(", ")", ",", ".", "-", "—", ":", "we", "left"])
_NON_QUOTES = st.sampled_from(["don't", "O’Brien", "O'Dowd", "the ’90s", "the '90s", "the ‘90s", "rock ’n’ roll",
                               "rock 'n' roll", "the workers’ union", "the workers' union", "Jesus' ", "’em", "'em",
                               "6'5\"", "a 55\" screen", "5′ 11″", "40° 26' 46\"", "5' tall", "’til", "keepin'",
                               "it’s", "the Smiths’"])
_MARKS = frozenset("\"“”„«»‹›‚‘’'`")
_STRAYS = st.sampled_from(['"', "“", "”", "'", "‘", "’", "«", "»", "„", "''", "``", '5"', "9'"])


def _paragraph(words: list[str]) -> str:
    return " ".join(words)


_TEXTS = st.one_of(
    st.text(alphabet=st.sampled_from("ab .,\n\"“”„«»‹›‚‘’'`59°-("), max_size=80),
    st.lists(st.one_of(_PLAIN, _NON_QUOTES, _STRAYS, st.just("\n")), max_size=40).map(_paragraph),
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_segments_are_sorted_in_bounds_disjoint_and_start_at_a_mark(text: str) -> None:
    spans = segments(text)
    last = 0
    for start, end, closed in spans:
        assert last <= start < end <= len(text)
        assert text[start] in _MARKS
        assert "\n" not in text[start:end]
        if closed:
            assert text[end - 1] in _MARKS
        last = end


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PLAIN, _NON_QUOTES, _PLAIN), min_size=1, max_size=30),
       st.lists(st.integers(min_value=0, max_value=30), max_size=4))
def test_apostrophes_and_primes_never_make_a_quotation(words: list[str], breaks: list[int]) -> None:
    for k in sorted(set(breaks), reverse=True):
        words.insert(min(k, len(words)), "\n")
    assert segments(" ".join(words)) == []


_QUOTES = st.sampled_from(['"We sail at dawn," Ada Frey said.', "“We sail at dawn,” Ada Frey said.",
                           "Ada Frey said: „Wir fahren früh.“", "«Nous partons», dit Ada Frey.",
                           "‘We sail at dawn,’ Ada Frey said.", "Ada Frey said 'we sail at dawn.'",
                           "“We sail at dawn.", "Ada Frey said, “we sail ‘at dawn’ now.”"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PLAIN, max_size=12), st.integers(min_value=0, max_value=12), _STRAYS, _QUOTES,
       st.lists(_PLAIN, max_size=6))
def test_a_stray_mark_in_another_paragraph_leaves_a_quotation_alone(
        before: list[str], at: int, stray: str, quote: str, after: list[str]) -> None:
    tail = "\n" + " ".join([quote, *after])
    clean = " ".join(before) + tail
    noisy_words = [*before]
    noisy_words.insert(min(at, len(noisy_words)), stray)
    noisy = " ".join(noisy_words) + tail
    shift = len(noisy) - len(clean)
    offset = len(clean) - len(tail) + 1

    def in_quote_paragraph(text: str, first: int) -> list[tuple[int, int, bool]]:
        return [(s - first, e - first, c) for s, e, c in segments(text) if s >= first]

    expected = in_quote_paragraph(clean, offset)
    assert expected  # the quotation itself is found
    assert in_quote_paragraph(noisy, offset + shift) == expected
