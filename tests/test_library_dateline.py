"""Datelines and desk prefixes leave derived titles; their dates (and file names') are kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.library.assemble import derive_title
from newsreader.library.dateline import Dateline, split_dateline
from newsreader.library.dates import date_from_path
from newsreader.library.parsers import parse_bytes


@pytest.mark.parametrize(
    ("lede", "expected"),
    [
        ("TESSBY — Harbour pilots walked out on Monday.", Dateline("TESSBY", None, "Harbour pilots walked out on Monday.")),
        ("NORVIK, Aug 31 (Wirepost) - Norvik's port reopened.", Dateline("NORVIK", None, "Norvik's port reopened.")),
        ("VILA SERRANA, Aug. 31, 2019 /Civic Newswire/ -- Ferrow Civil Works won the tender.",
         Dateline("VILA SERRANA", "2019-08-31", "Ferrow Civil Works won the tender.")),
        ("PORT ELLAND, Ky. — Police closed the quay.", Dateline("PORT ELLAND, Ky.", None, "Police closed the quay.")),
        ("MARISK, Lendova (AP) — Sirens sounded at dawn.", Dateline("MARISK, Lendova", None, "Sirens sounded at dawn.")),
        ("DUNMORE, 4 March 2021 (Wirepost) - The strike ended.", Dateline("DUNMORE", "2021-03-04", "The strike ended.")),
        ("UPDATE: 5/12 — The council met again.", Dateline(None, None, "The council met again.")),
        ("UPDATE 2-Tessby's mayor resigned.", Dateline(None, None, "Tessby's mayor resigned.")),
        ("BREAKING: Storm closes the port at Norvik.", Dateline(None, None, "Storm closes the port at Norvik.")),
        # Not datelines: an acronym opening a sentence, an aside, dashes mid-sentence.
        ("NATO said on Tuesday it would meet.", Dateline(None, None, "NATO said on Tuesday it would meet.")),
        ("FERRY — the word alone — was painted on the hull.", Dateline(None, None, "FERRY — the word alone — was painted on the hull.")),
        ("The mayor — absent again — said nothing.", Dateline(None, None, "The mayor — absent again — said nothing.")),
        ("I - and I mean it - will stay.", Dateline(None, None, "I - and I mean it - will stay.")),
    ],
)  # fmt: skip
def test_split_dateline(lede: str, expected: Dateline) -> None:
    assert split_dateline(lede) == expected


@pytest.mark.parametrize(
    ("lede", "title"),
    [
        ("TESSBY — Mayor Ilse Varga argued on Monday that the quay must close. Others disagreed.",
         "Mayor Ilse Varga argued on Monday that the quay must close"),
        ("NORVIK, Aug 31 (Wirepost) - Norvik's port reopened after the storm. Ships queued.",
         "Norvik's port reopened after the storm"),
        ("UPDATE: 5/12 — The council voted again. It passed.", "The council voted again"),
    ],
)  # fmt: skip
def test_derived_title_never_starts_with_a_dateline(lede: str, title: str) -> None:
    assert derive_title(lede) == title


def test_dateline_date_becomes_the_article_date() -> None:
    text = "VILA SERRANA, March 3, 2020 (Wirepost) — The ferry union signed the deal. Crews return on Friday.\n"
    [article] = parse_bytes("deal.txt", text.encode())
    assert article.date == "2020-03-03"
    assert article.title == "The ferry union signed the deal"
    assert article.paragraphs[0].startswith("VILA SERRANA, March 3, 2020")  # the body keeps it


@pytest.mark.parametrize(
    ("path", "date"),
    [
        ("2016-08-01.md", "2016-08-01"),
        ("harbour/20190412_ferry-strike.txt", "2019-04-12"),
        ("site/2018/07/09/pilots-walk-out.html", "2018-07-09"),
        ("site/2018/7/9/index.html", "2018-07-09"),
        ("runs/2017_03_05-export/a.json", "2017-03-05"),
        ("2015-01-01/notes-2016-08-02.txt", "2016-08-02"),  # the file's own name first
        ("story-2016-08-01-updated-20160802.md", "2016-08-02"),  # its last date
        ("ids/20161332.txt", None),  # no month 13
        ("ids/123456789.txt", None),
        ("notes/ferry.txt", None),
    ],
)  # fmt: skip
def test_date_from_path(path: str, date: str | None) -> None:
    assert date_from_path(path) == date


@given(st.text(max_size=200))
def test_split_dateline_keeps_a_suffix_of_the_lede(lede: str) -> None:
    result = split_dateline(lede)
    assert lede.endswith(result.rest)
    assert result.rest or not lede  # never empties a lede
    assert result.date is None or len(result.date) == 10


@given(st.text(alphabet="0123456789/-_.abc", max_size=60))
def test_date_from_path_is_a_valid_date_or_none(path: str) -> None:
    found = date_from_path(path)
    assert found is None or (len(found) == 10 and found[4] == "-" and "1900" <= found[:4] <= "2099")


def test_a_library_path_dates_undated_articles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsreader.library.scanner import iter_library

    (tmp_path / "site" / "2018" / "07" / "09").mkdir(parents=True)
    (tmp_path / "site" / "2018" / "07" / "09" / "quay.txt").write_text("The quay closed on Monday.\n", encoding="utf-8")
    (tmp_path / "20190412_ferry.md").write_text("---\ndate: 2020-01-02\n---\nFerries ran.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("No date here.\n", encoding="utf-8")
    dates = {item.path: item.date for item in iter_library(tmp_path) if hasattr(item, "date")}
    assert dates == {"site/2018/07/09/quay.txt": "2018-07-09",
                     "20190412_ferry.md": "2020-01-02",  # the article's own date wins
                     "notes.txt": None}
