"""Citation patterns on short original sentences."""

from __future__ import annotations

from newsreader.analysis import analyze


def _cites(text: str) -> dict[str, str]:
    return {c.source: c.kind for c in analyze(text).citations}


def test_according_to_outlet() -> None:
    assert _cites("The ferry sank at dawn, according to Reuters.") == {"Reuters": "outlet"}


def test_anonymous_officials() -> None:
    assert _cites("The talks stalled, officials said.")["officials"] == "anonymous"


def test_person_reported_without_quote() -> None:
    cites = _cites("Marta Ilves accused the contractor of hiding defects.")
    assert cites["Marta Ilves"] == "person"


def test_official_body_said() -> None:
    assert _cites("The United Nations said the order could not be carried out.")["The United Nations"] == "official"


def test_statement_and_document() -> None:
    cites = _cites("Jon Haldor said in a statement that the audit was wrong. The report said costs doubled.")
    assert cites["Jon Haldor"] == "statement"
    assert cites["The report"] == "document"


def test_readout_and_data_released_by() -> None:
    cites = _cites("A Kremlin readout described the call. Data released by Eurostat showed a rise.")
    assert cites["Kremlin"] == "official"
    assert cites["Eurostat"] == "document"
