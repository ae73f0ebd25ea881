"""Entity rules on short original sentences about fictional people."""

from __future__ import annotations

from newsreader.analysis import analyze


def _ents(text: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.label, e.key) for e in analyze(text).entities}


def test_title_before_name_is_not_part_of_name() -> None:
    ents = _ents("Deputy Foreign Minister Ivo Marek arrived in Vienna on Monday.")
    assert ents["Ivo Marek"] == ("PERSON", "Ivo Marek")
    assert ents["Vienna"][0] == "GPE"
    assert "Deputy Foreign Minister Ivo Marek" not in ents


def test_surname_and_possessive_share_the_full_key() -> None:
    text = "Helga Brandvold won the vote. Brandvold's allies cheered, and Brandvold thanked them."
    keys = [e.key for e in analyze(text).entities if e.label == "PERSON"]
    assert keys == ["Helga Brandvold"] * 3
    assert "Brandvold's" not in _ents(text)


def test_nationality_versus_country() -> None:
    ents = _ents("Israeli leaders met envoys in Israel and Canadian diplomats later flew home.")
    assert ents["Israeli"][0] == "NORP"
    assert ents["Israel"][0] == "GPE"
    assert ents["Canadian"][0] == "NORP"


def test_hyphenated_compound_splits_into_known_names() -> None:
    ents = _ents("The Israel-Hamas talks resumed.")
    assert ents["Israel"][0] == "GPE"
    assert ents["Hamas"][0] == "ORG"


def test_organisation_by_suffix_and_by_head() -> None:
    ents = _ents("Staff at Quillfeather Holdings and the Bank of Upper Marsh disagreed.")
    assert ents["Quillfeather Holdings"][0] == "ORG"
    assert ents["Bank of Upper Marsh"][0] == "ORG"


def test_sentence_initial_common_word_is_not_a_name() -> None:
    ents = _ents("However, officials in Lisbon said nothing. Residents waited.")
    assert "However" not in ents and "Residents" not in ents
    assert ents["Lisbon"][0] == "GPE"


def test_places_beyond_countries() -> None:
    ents = _ents("Aid convoys entered the Gaza Strip as talks on the Middle East continued.")
    assert ents["Gaza Strip"][0] == "LOC"
    assert ents["Middle East"][0] == "LOC"


def test_country_alias_takes_canonical_key() -> None:
    assert _ents("Trade with the U.S. slowed.")["U.S."] == ("GPE", "United States")


def test_headline_in_capitals_keeps_only_known_names() -> None:
    ents = _ents("FLOODS HIT PORTUGAL AS RIVERS RISE\nHeavy rain fell across Portugal on Sunday.")
    assert ents["PORTUGAL"][0] == "GPE"
    assert "FLOODS HIT" not in ents and "RIVERS RISE" not in ents


def test_numbers_dates_and_amounts() -> None:
    text = "On March 3, 2021, roughly 2,700 deaths were logged, costs rose 4 percent to $1.2 billion."
    labels = {e.text: e.label for e in analyze(text).entities}
    assert labels["March 3, 2021"] == "DATE"
    assert labels["roughly 2,700 deaths"] == "QUANTITY"
    assert labels["4 percent"] == "PERCENT"
    assert labels["$1.2 billion"] == "MONEY"


def test_several_titled_people_in_one_list() -> None:
    ents = _ents("Presidents Tomas Kerrigan of Ireland and Ama Boateng of Ghana met.")
    assert ents["Tomas Kerrigan"][0] == "PERSON"
    assert ents["Ama Boateng"][0] == "PERSON"
    assert ents["Ireland"][0] == "GPE" and ents["Ghana"][0] == "GPE"


def test_towns_playing_as_teams_in_a_sports_report_are_organisations() -> None:
    from newsreader.analysis import analyze

    text = ("Lakeport beat Utrecht 3-1 in the league on Saturday, with two goals from the striker Ivo Brandt.\n"
            "Utrecht coach Mara Quist said the match turned on a penalty.\n"
            "Standings: Lakeport 12 points, Utrecht 9.\n"
            "Fans travelled home after the final whistle; the mood was quiet in Utrecht.")
    ents = [(e.text, e.label) for e in analyze(text).entities if e.label in ("ORG", "GPE")]
    assert ents[:2] == [("Lakeport", "ORG"), ("Utrecht", "ORG")]
    assert ents[-1] == ("Utrecht", "GPE")  # "in Utrecht" is the town


def test_places_stay_places_outside_sports_reports() -> None:
    from newsreader.analysis import analyze

    text = "Lakeport 12, a council report on Lakeport housing, was published in Lakeport."
    assert all(e.label != "ORG" for e in analyze(text).entities if e.text == "Lakeport")


def test_english_county_suffix() -> None:
    from newsreader.analysis import analyze

    text = "Flooding closed roads across Wexbridgeshire on Monday."
    assert [(e.text, e.label) for e in analyze(text).entities if e.label == "GPE"] == [("Wexbridgeshire", "GPE")]


def test_harbour_master_is_a_title_not_part_of_the_name() -> None:
    from newsreader.analysis import analyze

    text = "“We will not put crews at risk,” said Harbour Master Jonas Berg. Berg spoke at noon."
    result = analyze(text)
    people = [(text[e.start:e.end], e.key) for e in result.entities if e.label == "PERSON"]
    assert people == [("Jonas Berg", "Jonas Berg"), ("Berg", "Jonas Berg")]
    assert [q.speaker_key for q in result.quotes] == ["Jonas Berg"]


def test_lake_names_are_places_and_marine_firms_are_organisations() -> None:
    from newsreader.analysis import analyze

    text = "The ferry crossed Lake Orrin on Monday. It was built by Tidewell Marine in Halden Bay."
    labels = {text[e.start:e.end]: e.label for e in analyze(text).entities}
    assert labels["Lake Orrin"] == "LOC"
    assert labels["Tidewell Marine"] == "ORG"
