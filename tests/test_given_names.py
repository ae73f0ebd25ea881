"""The first-name lexicon: exact genders, English words that are not names, and the shipped table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import given_names
from newsreader.analysis.given_names import gender, is_given_name, lookup


@pytest.mark.parametrize(("name", "expected"), [
    ("Mary", "f"), ("John", "m"),
    ("Ghazala", "f"), ("Khizr", "m"),  # hand table: the Census lacks them
    ("Jean-Marc", "m"), ("Anne-Marie", "f"), ("Mary-Kate", "f"),
    ("Jean\u2011Pierre", "m"),  # non-breaking hyphen, as some sites write it
    ("Taylor", None), ("Andrea", None), ("Jean", None),  # unisex, or a different gender by country
    ("Ali", "m"),  # the Census calls it unisex; in world news it is a man's name
    ("Zzyzx", None), ("", None), ("-", None), ("Ki-moon", None),
    ("José", "m"), ("Søren", "m"), ("Jarosław", "m"), ("Zeynep", "f"),  # accents folded
])
def test_gender(name: str, expected: str | None) -> None:
    assert gender(name) == expected


@pytest.mark.parametrize("form", ["khizr", "KHIZR", "Khizr", "kHiZr", " Khizr "])
def test_gender_ignores_case(form: str) -> None:
    assert gender(form) == "m"
    assert is_given_name(form)


@pytest.mark.parametrize(("word", "expected"), [
    ("Maria", True), ("MARIA", True), ("maria", True), ("Frank", True), ("Taylor", True), ("Ghazala", True),
    ("May", False), ("Will", False), ("Mark", False), ("Rose", False), ("Hope", False), ("Grant", False),
    ("Young", False), ("Bill", False), ("Christian", False),
    ("Al-Assad", False),  # the Arabic article, not "Al" as in Al Gore
    ("Zzyzx", False), ("Li", False),  # Census noise: a surname written first
])
def test_is_given_name(word: str, expected: bool) -> None:
    assert is_given_name(word) is expected


def test_words_that_are_not_names_keep_their_gender() -> None:
    # A caller that already knows "Will Hurd" is a person still needs "he".
    assert gender("Will") == "m" and gender("May") == "f"


def test_lookup_tells_a_surname_from_a_given_name() -> None:
    johnson, mary = lookup("Johnson"), lookup("Mary")
    assert johnson is not None and mary is not None
    assert johnson.surname > 10 * johnson.given
    assert mary.given > 10 * mary.surname
    khizr = lookup("Khizr")
    assert khizr == ("khizr", "m", None, None)
    assert lookup("Zzyzx") is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    assert gender(text) in ("m", "f", None)
    assert is_given_name(text) in (True, False)
    lookup(text)


TSV = Path(given_names.TABLE)


def test_table_header_names_sources_and_licences() -> None:
    header = "\n".join(line for line in TSV.read_text("utf-8").splitlines() if line.startswith("#"))
    for needle in ("1990 US Census", "public domain", "names package", "MIT", "hand table"):
        assert needle in header


def test_every_table_line_parses() -> None:
    lines = [line for line in TSV.read_text("utf-8").splitlines() if not line.startswith("#")]
    counts = {"m": 0, "f": 0, "u": 0}
    names = set()
    for line in lines:
        name, sex, given_share, surname_share = line.split("\t")
        # a name, a name's front part ("jean-"), or a whole hyphenated given name ("min-jun")
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)?-?", name), line
        assert name not in names, line
        names.add(name)
        counts[sex] += 1
        assert given_share == "-" or given_share.isdigit(), line
        assert surname_share == "-" or surname_share.isdigit(), line
    assert 1000 < counts["m"] and 1000 < counts["f"] and 50 < counts["u"]
    assert len(lines) < 5000  # compact: rare Census entries are dropped
    assert given_names.NOT_NAMES_WHEN_CAPITALISED <= names  # a stoplist typo would go unnoticed


@pytest.fixture
def fresh_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    given_names._table.cache_clear()
    yield
    monkeypatch.undo()
    given_names._table.cache_clear()


def test_malformed_table_raises_value_error(fresh_table: None, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "given_names.tsv"
    bad.write_text("# header\nmary\tf\t13518\t10\njohn\tx\t1\t1\n", "utf-8")
    monkeypatch.setattr(given_names, "TABLE", str(bad))
    with pytest.raises(ValueError, match="john"):
        gender("Mary")


def test_missing_table_raises_file_not_found(fresh_table: None, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(given_names, "TABLE", str(tmp_path / "absent.tsv"))
    with pytest.raises(FileNotFoundError):
        gender("Mary")
