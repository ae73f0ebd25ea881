"""Collections read as streams: JSON Lines, CSV and JSON arrays, plain, .gz and .zst; Parquet; offsets; appends."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.library import ingest
from newsreader.library.collection import ReadMark
from newsreader.library.ingest import ingest_file, iter_ingest, read_collection_entry
from newsreader.library.scanner import read_article

WORD = st.text(alphabet="abcdefghij KLMNOP éü’“”,.;|\"", min_size=1, max_size=30).filter(lambda t: t.strip(" ,.;|\""))
RECORD = st.fixed_dictionaries({"title": WORD, "text": st.lists(WORD, min_size=1, max_size=4)})
COMPRESS = {"": lambda b: b, ".gz": gzip.compress, ".zst": lambda b: zstandard.ZstdCompressor().compress(b)}


def encode(kind: str, records: list[dict[str, object]]) -> bytes:
    if kind == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    if kind == "json":
        return json.dumps(records, indent=1, ensure_ascii=False).encode()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "text"])
    writer.writerows([r["title"], "\n\n".join(r["text"])] for r in records)  # type: ignore[arg-type]
    return out.getvalue().encode()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(RECORD, min_size=1, max_size=12), kind=st.sampled_from(["jsonl", "json", "csv"]),
       suffix=st.sampled_from(["", ".gz", ".zst"]))
def test_records_round_trip_and_offsets_read_the_same_body(
        tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, object]], kind: str, suffix: str) -> None:
    root = tmp_path_factory.mktemp("lib")
    # .json is read whole when small: name the array .jsonl to stream it (a JSON array saved as .jsonl).
    name = f"feed.{'jsonl' if kind == 'json' else kind}{suffix}"
    (root / name).write_bytes(COMPRESS[suffix](encode(kind, records)))
    result = ingest_file(str(root / name), name)
    assert result.reasons == ()
    assert [a.entry for a, _ in result.articles] == list(range(len(records)))
    for (article, parsed), record in zip(result.articles, records):
        assert parsed.title == " ".join(str(record["title"]).split())
        assert article.offset is not None
        assert read_article(root, article).paragraphs == parsed.paragraphs


def test_a_record_over_the_cap_is_skipped_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1024 * 1024)
    big = json.dumps({"title": "Big", "text": "word " * 300_000})  # 1.4 MB
    lines = [json.dumps({"title": "One", "text": "Small."}), big, json.dumps({"title": "Three", "text": "Small."})]
    for name, data in (("feed.jsonl", "\n".join(lines).encode()), ("feed2.jsonl", ("[" + ",".join(lines) + "]").encode())):
        (tmp_path / name).write_bytes(data)
        result = ingest_file(str(tmp_path / name), name)
        assert [(a.title, a.entry) for a, _ in result.articles] == [("One", 0), ("Three", 2)]
        label = "line 2" if name == "feed.jsonl" else "item 2"
        assert result.reasons == (f"{label}: too large (1.4 MB > 1 MB limit) (skipped)",)
    (tmp_path / "rows.csv").write_bytes(b"title,text\nOne,Small.\nBig,\"" + b"word " * 300_000 + b"\"\nThree,Small.\n")
    result = ingest_file(str(tmp_path / "rows.csv"), "rows.csv")
    assert [a.title for a, _ in result.articles] == ["One"]
    assert "the rest of the file was not read" in result.reasons[0]


def test_a_collection_comes_in_parts_of_bounded_size(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"title": f"Story {i}", "text": f"Body {i}."}) + "\n" for i in range(700))
    (tmp_path / "feed.jsonl").write_text(lines)
    parts = list(iter_ingest(str(tmp_path / "feed.jsonl"), "feed.jsonl"))
    assert [len(p.articles) for p in parts] == [256, 256, 188]
    assert [p.final for p in parts] == [False, False, True]
    assert parts[-1].digest is not None and parts[0].digest is None
    assert parts[-1].mark == ReadMark(len(lines.encode()), 700, 700, parts[-1].digest)


def test_an_append_is_read_from_the_mark(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "One", "text": "First."}\nnot json\n{"title": "Three", "text": "Third."}')
    first = ingest_file(str(path), "feed.jsonl")
    assert first.mark is not None and first.mark.entries == 2  # the unterminated last line is read again
    with open(path, "a") as out:
        out.write('\n{"title": "Four", "text": "Fourth."}\n')
    again = list(iter_ingest(str(path), "feed.jsonl", known_mark=first.mark, known_reasons=first.reasons))
    assert again[0].resume == 2
    assert [(a.title, a.entry) for a, _ in again[0].articles] == [("Three", 2), ("Four", 3)]
    assert again[-1].reasons == ("line 2: invalid JSON (skipped)",)
    assert again[-1].mark is not None and again[-1].mark.entries == 4
    path.write_text(path.read_text().replace("First", "Changed"))  # the prefix changed: read from the start
    changed = list(iter_ingest(str(path), "feed.jsonl", known_mark=again[-1].mark))
    assert changed[0].resume == 0 and [a.entry for a, _ in changed[0].articles] == [0, 2, 3]


def test_csv_append_keeps_its_header(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("title,content\nOne,First.\n")
    first = ingest_file(str(path), "rows.csv")
    with open(path, "a") as out:
        out.write('Two,"Second,\n\nwith a break."\n')
    [part] = iter_ingest(str(path), "rows.csv", known_mark=first.mark)
    assert part.resume == 1 and [(a.title, p.paragraphs) for a, p in part.articles] == [
        ("Two", ("Second,", "with a break."))]


def test_damaged_compressed_data_keeps_what_was_read(tmp_path: Path) -> None:
    data = gzip.compress("".join(json.dumps({"title": f"S{i}", "text": "Body."}) + "\n" for i in range(20_000)).encode())
    (tmp_path / "feed.jsonl.gz").write_bytes(data[: len(data) // 2])
    result = ingest_file(str(tmp_path / "feed.jsonl.gz"), "feed.jsonl.gz")
    assert 0 < len(result.articles) < 20_000
    assert result.reasons[-1] == "damaged or truncated gzip data (the rest of the file was not read)"


def test_utf16_collection_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_bytes('{"title": "Ünë", "text": "Body."}\n'.encode("utf-16"))
    [(article, _)] = ingest_file(str(tmp_path / "feed.jsonl"), "feed.jsonl").articles
    assert article.title == "Ünë" and article.offset is None


def test_parquet_without_the_extra_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if not installed: importing it fails
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (tmp_path / "train.parquet").write_bytes(b"PAR1....PAR1")
    result = ingest_file(str(tmp_path / "train.parquet"), "train.parquet")
    assert result.reasons == ("needs the parquet extra: pip install 'newsreader[parquet]'",)


def test_parquet_rows_are_articles_and_read_again_by_row(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"title": [f"Story {i}" for i in range(600)], "text": [f"Body {i}." for i in range(600)],
                      "date": ["2024-01-02"] * 600, "publication": ["Dock Daily"] * 600})
    (tmp_path / "data").mkdir()
    pq.write_table(table, tmp_path / "data" / "train-00000-of-00001.parquet", row_group_size=100)
    rel = "data/train-00000-of-00001.parquet"
    result = ingest_file(str(tmp_path / rel), rel)
    assert len(result.articles) == 600 and result.reasons == ()
    article, parsed = result.articles[345]
    assert (article.offset, parsed.title, parsed.outlet, parsed.date) == (345, "Story 345", "Dock Daily", "2024-01-02")
    assert read_collection_entry(str(tmp_path / rel), article).paragraphs == ("Body 345.",)
