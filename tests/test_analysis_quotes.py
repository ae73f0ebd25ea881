"""Quotation pairing and attribution rules on short original sentences."""

from __future__ import annotations

from newsreader.analysis import analyze
from newsreader.analysis.quotes import segments


def _quotes(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(text[q.start:q.end], q.speaker, q.speaker_key) for q in analyze(text).quotes]


def test_attribution_after_with_pronoun_resolved() -> None:
    text = 'Mayor Odile Ferrant visited the site. "We will rebuild," she said.'
    assert _quotes(text) == [('"We will rebuild,"', "she", "Odile Ferrant")]


def test_attribution_verb_first() -> None:
    text = "“The bridge is safe,” said Bram Oosterhuis, the chief engineer."
    assert _quotes(text)[0][1:] == ("Bram Oosterhuis", "Bram Oosterhuis")


def test_attribution_before_with_colon() -> None:
    text = 'Councillor Nadia Petrov said: "The budget is late."'
    assert _quotes(text)[0][1] == "Councillor Nadia Petrov"
    assert _quotes(text)[0][2] == "Nadia Petrov"


def test_nominal_speaker_is_kept_as_written() -> None:
    text = '"Talks were constructive," the readout said.'
    assert _quotes(text)[0][1] == "the readout"


def test_statement_sentence_introduces_next_paragraph() -> None:
    text = 'Lena Okafor said in a statement.\n"We acted within the law."'
    assert _quotes(text)[0][1] == "Lena Okafor"


def test_partial_quote_inside_reported_speech() -> None:
    text = 'The United Nations said the evacuation order was "impossible."'
    quotes = _quotes(text)
    assert quotes[0][0] == '"impossible."'
    assert quotes[0][1] == "The United Nations"


def test_quote_continues_across_paragraphs() -> None:
    text = '"First part of the remarks.\n"Second part," Piet Vandaal said.'
    spans = segments(text)
    assert len(spans) == 2 and spans[0][2] is False
    assert [q[1] for q in _quotes(text)] == ["Piet Vandaal", "Piet Vandaal"]


def test_double_single_quote_convention_and_nested_quotes() -> None:
    text = "''He told me 'never again,' and meant it,'' Rosa Lind said."
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert quotes[0][0].startswith("''He") and quotes[0][1] == "Rosa Lind"


def test_second_half_of_split_quote_keeps_speaker() -> None:
    text = '"We are ready," Arne Solberg said, "and we will wait."'
    assert [q[1] for q in _quotes(text)] == ["Arne Solberg", "Arne Solberg"]


def test_party_tag_and_age_after_the_name_are_skipped() -> None:
    text = '"The levee will hold," Rep. Dana Whitcombe (D-Ore.) said on Tuesday.'
    assert _quotes(text)[0][1] == "Rep. Dana Whitcombe"
    text = '"We walked all night," Tomas Quill, 27, said.'
    assert _quotes(text)[0][1] == "Tomas Quill"


def test_two_part_appositive_before_the_verb() -> None:
    text = ('"The harvest was late," Ilse Marrow, the head of the growers\' union, one of the plaintiffs, '
            'said at a hearing.')
    assert _quotes(text)[0][1] == "Ilse Marrow"


def test_dash_signature_closing_a_paragraph() -> None:
    text = "“The ferry should run at night too.” ― Coralie Vantongeren.\n“Fix the roads first.” — Mateo Brisk"
    assert [q[1] for q in _quotes(text)] == ["Coralie Vantongeren", "Mateo Brisk"]


def test_no_break_space_between_name_and_verb() -> None:
    text = '"We are not finished," Greta\xa0Holm\xa0told reporters.'
    quotes = analyze(text).quotes
    assert quotes[0].speaker == "Greta Holm"


def test_participle_takes_the_subject_of_the_sentence() -> None:
    text = 'Mayor Ines Vardy criticised the plan on Monday, saying it was "a mess from start to finish."'
    assert _quotes(text)[0][2] == "Ines Vardy"


def test_pronoun_of_a_reported_clause_gives_way_to_the_named_subject() -> None:
    text = 'Olek Brandt said he regarded the delay as "a scandal."'
    assert _quotes(text)[0][1] == "Olek Brandt"


def test_pronoun_after_a_conjunction_is_kept() -> None:
    text = 'The senator gave no figures, though he said "new fees" would pay for it.'
    assert _quotes(text)[0][1] == "he"


def test_words_that_only_look_like_subjects_are_skipped() -> None:
    text = 'The watchdog rated 30% of Northern claims as "weak."'
    assert _quotes(text)[0][1] == "The watchdog"
    text = 'Sabine Kuhl spent all of Friday saying that the vote was "rigged."'
    assert _quotes(text)[0][1] == "Sabine Kuhl"


def test_party_tag_and_adverb_before_the_verb() -> None:
    text = 'Sen. Ada Morrow (R-Ida.) said the bill was "dead on arrival."'
    assert _quotes(text)[0][2] == "Ada Morrow"
    text = 'Nell Okoro waved. She then repeatedly says, "Go home."'
    assert _quotes(text)[0][1] == "She"


def test_subject_after_two_introductory_chunks() -> None:
    text = ('Following a hastily called, late-night session, the city council passed a motion calling the '
            'closure "a betrayal."')
    assert _quotes(text)[0][1] == "the city council"


def test_nominal_subject_of_the_next_sentence_owns_its_clause() -> None:
    text = 'It rained. The memo noted they had previously said they would take "firm steps" soon.'
    assert _quotes(text)[0][1] == "The memo"


def test_unattributed_single_words_and_titles_are_not_quotations() -> None:
    text = 'The plan, dubbed "Greenway," went to the board.\nShe appeared on "Morning Harbour Live" twice.'
    assert _quotes(text) == []


def test_partial_quote_takes_the_sentence_subject_even_after_another_quote() -> None:
    text = ('"We are ready," Ivo Marsh said.\n'
            'Later, Keja Lund dismissed the offer as "a stunt for the cameras."')
    assert [q[1] for q in _quotes(text)] == ["Ivo Marsh", "Keja Lund"]


def test_inverted_said_and_document_as_speaker() -> None:
    text = 'Said Brenna Holt: "Nobody asked us."'
    assert _quotes(text)[0][1] == "Brenna Holt"
    text = '"The levy is unlawful," the letter reads. "It must go," it added.'
    assert [q[1] for q in _quotes(text)] == ["the letter", "it"]
    text = 'As Tavi Renn put it, "the numbers do not add up."'
    assert _quotes(text)[0][1] == "Tavi Renn"


def test_contracted_pronoun_subject() -> None:
    text = 'He’s claiming that the count is "badly flawed."'
    assert _quotes(text)[0][1] == "He"
