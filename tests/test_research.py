"""Research queries (quotes by a person or source, the glance), ``export --query/--table`` and ``stats``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.cli import main
from newsreader.index import LibraryIndex
from newsreader.index.research import (
    Glance,
    citing_passage,
    glance,
    has_citation_offsets,
    names_found,
    quoted_articles,
    quotes_by,
    quotes_count,
)

TIDE = ("Tide gauges along the Vessa fjord stopped reporting on Monday.\n\n"
        "“We lost every gauge in one night,” said Lena Holt, the harbour engineer.\n\n"
        "According to the Fjord Safety Board, the repairs will take a month.\n\n"
        "“Nobody was hurt,” Holt said.")
ARTICLES = {
    "north/tide.json": {"title": "Tide gauges fail along the fjord", "author": "Ana Lindqvist", "source": "Northernwire",
                        "date": "2024-01-15", "url": "https://northernwire.example/tide", "text": TIDE},
    "north/ferry.json": {"title": "Ferry timetable cut for the winter", "author": "Mette Dahl", "source": "Northernwire",
                         "date": "2024-03-02", "url": "https://northernwire.example/ferry",
                         "text": "The Vessa ferry will sail twice a day until April.\n\n"
                                 "“Two crossings keep the island connected,” said Lena Holt.\n\n"
                                 "“It is not enough for the school run,” said Oskar Vik, a parent on the island."},
    "south/mill.json": {"title": "Mill museum opens its doors", "author": "Tomas Varga", "source": "Southpost",
                        "date": "2024-03-20",
                        "text": "The old mill on the Vessa river opened as a museum on Saturday, the Coastal Courier "
                                "reported.\n\n“People came from every valley,” said Oskar Vik, who led the restoration."},
    "south/notes.json": {"title": "Letters from the island", "author": "Tomas Varga", "source": "Southpost",
                         "text": "Letters reached the desk all winter.\n\n"
                                 "“The harbour has never been this quiet,” said Lena Holt."},
}
#: Lena Holt's quotes, newest article first (undated last), then in reading order: (title, quote, as written).
HOLT = [
    ("Ferry timetable cut for the winter", "“Two crossings keep the island connected,”", "Lena Holt"),
    ("Tide gauges fail along the fjord", "“We lost every gauge in one night,”", "Lena Holt"),
    ("Tide gauges fail along the fjord", "“Nobody was hurt,”", "Holt"),
    ("Letters from the island", "“The harbour has never been this quiet,”", "Lena Holt"),
]


def write_library(root: Path) -> Path:
    for relative, data in ARTICLES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LibraryIndex]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSREADER_HOME", str(tmp_path_factory.mktemp("home")))
        with LibraryIndex.open(write_library(tmp_path_factory.mktemp("lib")), memory=True) as opened:
            opened.refresh()
            yield opened


def body_of(index: LibraryIndex, article_id: str) -> str:
    from newsreader.index.tables import unpack_body

    row = index.run(lambda c: c.execute("SELECT t.body FROM texts t JOIN articles a ON a.doc = t.doc "
                                        "WHERE a.id = ?", (article_id,)).fetchone())
    return unpack_body(row[0])


def test_quotes_by_speaker_newest_first_then_reading_order(index: LibraryIndex) -> None:
    rows = index.run(lambda c: quotes_by(c, "speaker", ["lena HOLT"], 0, 40))
    assert [(r.article.title, r.text, r.written) for r in rows] == HOLT
    assert {r.speaker for r in rows} == {"Lena Holt"}
    assert rows[0].article.url == "https://northernwire.example/ferry" and rows[-1].article.date is None
    for row in rows:  # the offsets point at the quotation in the stored body
        assert body_of(index, row.article.id)[row.start:row.end] == row.text
    assert index.run(lambda c: quotes_count(c, "speaker", ["Lena Holt"])) == 4


def test_quotes_by_several_speakers_and_unknown_ones(index: LibraryIndex) -> None:
    rows = index.run(lambda c: quotes_by(c, "speaker", ["Oskar Vik", "Lena Holt", "Nobody Known"], 0, 40))
    assert [(r.article.title, r.speaker) for r in rows] == [
        ("Mill museum opens its doors", "Oskar Vik"),
        ("Ferry timetable cut for the winter", "Lena Holt"),
        ("Ferry timetable cut for the winter", "Oskar Vik"),
        ("Tide gauges fail along the fjord", "Lena Holt"),
        ("Tide gauges fail along the fjord", "Lena Holt"),
        ("Letters from the island", "Lena Holt"),
    ]
    assert index.run(lambda c: quotes_count(c, "speaker", ["Oskar Vik", "Lena Holt"])) == 6
    assert index.run(lambda c: quotes_by(c, "speaker", ["Nobody Known"], 0, 40)) == []
    assert index.run(lambda c: quotes_count(c, "speaker", [])) == 0
    with pytest.raises(ValueError):
        index.run(lambda c: quotes_by(c, "entity", ["Lena Holt"], 0, 40))


def test_quotes_by_source_gives_the_citing_sentence(index: LibraryIndex) -> None:
    rows = index.run(lambda c: quotes_by(c, "source", ["the fjord safety board", "Coastal Courier"], 0, 40))
    assert [(r.article.title, r.speaker, r.written, r.text) for r in rows] == [
        ("Mill museum opens its doors", "Coastal Courier", None,
         "The old mill on the Vessa river opened as a museum on Saturday, the Coastal Courier reported."),
        ("Tide gauges fail along the fjord", "Fjord Safety Board", None,
         "According to the Fjord Safety Board, the repairs will take a month."),
    ]
    assert body_of(index, rows[1].article.id)[rows[1].start:rows[1].end] == rows[1].text
    assert index.run(lambda c: quotes_count(c, "source", ["Fjord Safety Board", "Coastal Courier"])) == 2


@settings(max_examples=40, deadline=None)
@given(offset=st.integers(0, 8), limit=st.integers(1, 7))
def test_pages_of_quotes_by_are_slices_of_the_whole_list(index: LibraryIndex, offset: int, limit: int) -> None:
    keys = ["Lena Holt", "Oskar Vik"]
    whole = index.run(lambda c: quotes_by(c, "speaker", keys, 0, 100))
    assert index.run(lambda c: quotes_by(c, "speaker", keys, offset, limit)) == whole[offset:offset + limit]


def test_glance_counts_people_sources_outlets_and_every_month(index: LibraryIndex) -> None:
    seen = index.run(glance)
    assert seen == Glance(
        articles=4,
        speakers=[("Lena Holt", 4), ("Oskar Vik", 2)],
        sources={"outlet": [("Coastal Courier", 1)], "official": [("Fjord Safety Board", 1)],
                 "person": [("Lena Holt", 1)]},
        outlets=[("Northernwire", 2), ("Southpost", 2)],
        months=[("2024-01", 1), ("2024-02", 0), ("2024-03", 2)],
    )
    assert index.run(lambda c: glance(c, top=1)).speakers == [("Lena Holt", 4)]


def test_citing_passage_falls_back_to_the_named_sentence_then_the_lede() -> None:
    body = "First line of news.\n\nThe Board met. “No,” the board said. Then the Board left."
    assert body[slice(*citing_passage(body, None, None, "board", 0))] == "The Board met."
    assert body[slice(*citing_passage(body, None, None, "board", 1))] == "“No,” the board said."
    assert body[slice(*citing_passage(body, None, None, "Somebody Else", 0))] == "First line of news."


def test_an_index_without_citation_offsets_falls_back_then_gains_them(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib")
    with LibraryIndex.open(root) as index:
        index.refresh()
        index.run(lambda c: c.executescript(  # as an index made before citations kept offsets
            "ALTER TABLE citations DROP COLUMN start; ALTER TABLE citations DROP COLUMN end;"))
        assert not index.run(has_citation_offsets)
        rows = index.run(lambda c: quotes_by(c, "source", ["Lena Holt"], 0, 40))
        # "Holt said" cites her; without offsets, the first sentence naming her stands in
        assert [r.text for r in rows] == ["“We lost every gauge in one night,” said Lena Holt, the harbour engineer."]
        index.refresh()
        assert index.run(has_citation_offsets)
        assert index.run(lambda c: c.execute("SELECT count(*) FROM citations WHERE start IS NULL").fetchone()[0]) == 0
        rows = index.run(lambda c: quotes_by(c, "source", ["Lena Holt"], 0, 40))
        assert [r.text for r in rows] == ["“Nobody was hurt,” Holt said."]


def test_export_query_and_table_quotes_as_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_library(tmp_path / "lib")
    assert main(["export", str(root), "--query", "ferry", "--table", "quotes", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    with LibraryIndex.open(root) as index:
        (ferry_id,) = [a.id for a in index.articles() if a.path == "north/ferry.json"]
    ferry = [ferry_id, "Ferry timetable cut for the winter", "Northern Wire", "2024-03-02",
             "https://northernwire.example/ferry"]
    assert rows == [
        ["speaker", "resolved_speaker", "quote", "article_id", "title", "outlet", "date", "url"],
        ["Lena Holt", "Lena Holt", "“Two crossings keep the island connected,”", *ferry],
        ["Oskar Vik", "Oskar Vik", "“It is not enough for the school run,”", *ferry],
    ]


def test_export_tables_as_jsonl_with_and_without_a_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_library(tmp_path / "lib")
    assert main(["export", str(root), "--table", "citations"]) == 0
    cited = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["source"], r["kind"], r["passage"], r["title"]) for r in cited] == [
        ("Fjord Safety Board", "official", "According to the Fjord Safety Board, the repairs will take a month.",
         "Tide gauges fail along the fjord"),
        ("Lena Holt", "person", "“Nobody was hurt,” Holt said.", "Tide gauges fail along the fjord"),
        ("Coastal Courier", "outlet",
         "The old mill on the Vessa river opened as a museum on Saturday, the Coastal Courier reported.",
         "Mill museum opens its doors"),
    ]
    assert main(["export", str(root), "--table", "entities", "--query", 'quoted:"Oskar Vik"']) == 0
    entities = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["title"] for r in entities} == {"Ferry timetable cut for the winter", "Mill museum opens its doors"}
    assert ("Oskar Vik", "PERSON", 1) in {(r["entity"], r["label"], r["mentions"]) for r in entities}
    out = tmp_path / "tide.jsonl"
    assert main(["export", str(root), "--query", "gauges", "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in records] == ["north/tide.json"]
    assert "Exported 1 articles to" in capsys.readouterr().err


def exit_status(argv: list[str]) -> int:
    """What ``newsreader ARGV`` exits with (argparse exits by SystemExit)."""
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


@pytest.mark.parametrize("args", [["--table", "quotes", "--body"], ["--query", "after:soon"], ["--table", "people"]])
def test_export_refuses_bad_options(tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    root = write_library(tmp_path / "lib")
    assert exit_status(["export", str(root), *args]) == 2
    assert "error" in capsys.readouterr().err


def test_stats_prints_the_glance_as_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_library(tmp_path / "lib")
    assert main(["stats", str(root), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "articles": 4,
        "speakers": [["Lena Holt", 4], ["Oskar Vik", 2]],
        "sources": {"outlet": [["Coastal Courier", 1]], "official": [["Fjord Safety Board", 1]],
                    "person": [["Lena Holt", 1]]},
        "outlets": [["Northernwire", 2], ["Southpost", 2]],
        "months": [["2024-01", 1], ["2024-02", 0], ["2024-03", 2]],
    }
    assert main(["stats", str(root)]) == 0
    lines = [line.rstrip() for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == "4 articles"
    assert lines[lines.index("Most quoted") + 1:][:2] == ["  4  Lena Holt", "  2  Oskar Vik"]
    assert "Most cited officials and bodies" in lines and "  2  Northern Wire" in lines
    months = lines[lines.index("Articles per month") + 1:]
    assert months == ["  2024-01 " + "█" * 20 + " 1", "  2024-02  0", "  2024-03 " + "█" * 40 + " 2"]


@pytest.mark.parametrize("key", ["holt", "LENA", "Lena Holt", "the lena holt"])
def test_a_surname_or_first_name_finds_the_quotes_search_finds(index: LibraryIndex, key: str) -> None:
    rows = index.run(lambda c: quotes_by(c, "speaker", [key], 0, 40))
    assert [(r.article.title, r.text, r.written) for r in rows] == HOLT
    assert index.run(lambda c: quotes_count(c, "speaker", [key])) == 4
    assert index.run(lambda c: quoted_articles(c, "speaker", [key])) == 3
    assert index.run(lambda c: names_found(c, "speaker", [key])) == [("Lena Holt", 4)]
    hits = {hit.article_id for hit in index.search(f'quoted:"{key}"')}
    assert {row.article.id for row in rows} == hits


def test_exact_keys_find_only_their_own_names_and_parts_of_sources_find_them(index: LibraryIndex) -> None:
    assert index.run(lambda c: quotes_by(c, "speaker", ["holt"], 0, 40, exact=True)) == []
    assert index.run(lambda c: quotes_count(c, "speaker", ["holt"], exact=True)) == 0
    assert index.run(lambda c: names_found(c, "speaker", ["lena holt"], exact=True)) == [("Lena Holt", 4)]
    rows = index.run(lambda c: quotes_by(c, "source", ["board"], 0, 40))
    assert [(r.speaker, r.text) for r in rows] == [
        ("Fjord Safety Board", "According to the Fjord Safety Board, the repairs will take a month.")]
    assert index.run(lambda c: quoted_articles(c, "source", ["fjord"])) == 1
    assert index.run(lambda c: names_found(c, "speaker", ["vik", "holt"])) == [("Lena Holt", 4), ("Oskar Vik", 2)]
    tide = rows[0].article.id  # a pair left out counts by the name found, not by the key asked
    assert index.run(lambda c: quoted_articles(c, "speaker", ["holt"], [(tide, "lena holt")])) == 2
    assert index.run(lambda c: quotes_count(c, "speaker", ["holt"], [(tide, "lena holt")])) == 2
