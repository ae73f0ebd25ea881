"""``newsreader index|search|export`` through a real interpreter."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from index_fixtures import write_news_library


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "newsreader", *args], capture_output=True, text=True, timeout=120,
                          env=env)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_news_library(tmp_path / "news")


def test_index_prints_a_summary_with_skip_reasons(library: Path) -> None:
    result = run("index", str(library))
    assert result.returncode == 0, result.stderr
    assert "added" in result.stdout and "│     4 │" in result.stdout
    assert "unsupported type .pdf" in result.stdout and "empty file" in result.stdout
    (library / "coast" / "quota.md").unlink()
    again = run("index", str(library))
    assert "removed" in again.stdout and "unchanged" in again.stdout and "│     3 │" in again.stdout


def test_search_builds_a_missing_index_and_prints_json(library: Path) -> None:
    result = run("search", str(library), "storms", "--json", "--limit", "5")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert [h["path"] for h in hits] == ["coast/ferries.md", "town/mill.txt"]
    assert hits[0]["title"] == "Night ferries suspended after storms"
    assert hits[0]["hits"] and all(h.lower() == "storms" for h in hits[0]["hits"])
    assert hits[0]["score"] > hits[1]["score"]


def test_search_text_output_keeps_brackets_literal(tmp_path: Path) -> None:
    root = write_news_library(tmp_path / "lib", {
        "odd.txt": "By Kai Sato. Media: Northernwire\n[bold red]Markup[/bold red] stays text in the harbour.\n"})
    result = run("search", str(root), "harbour")
    assert result.returncode == 0, result.stderr
    assert "[bold red]Markup[/bold red]" in result.stdout


@pytest.mark.parametrize("args", [
    ("search", "{missing}", "storms"),
    ("index", "{missing}"),
    ("export", "{missing}", "--format", "csv"),
    ("search", "{library}", "after:soon"),
    ("search", "{library}", "   "),
])
def test_errors_are_one_line_with_status_2(library: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    filled = [a.format(missing=tmp_path / "nope", library=library) for a in args]
    result = run(*filled)
    assert result.returncode == 2
    assert result.stderr.startswith("newsreader: error:") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_export_jsonl_and_csv(library: Path, tmp_path: Path) -> None:
    result = run("export", str(library), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == ["coast/ferries.md", "coast/quota.md", "town/cafe.md", "town/mill.txt"]
    quota = records[1]
    assert quota["authors"] == ["Mette Dahl"] and quota["date"] == "2023-11-03"
    assert {"key": "Norway", "label": "GPE", "mentions": 2} in quota["entities"]
    assert quota["quotes"] == [{"speaker": "Mette Dahl", "speaker_key": "Mette Dahl", "text": "“There is no deal yet,”"}]
    assert quota["citations"] == [{"source": "Reuters", "kind": "outlet"}]
    out = tmp_path / "out.csv"
    assert run("export", str(library), "--format", "csv", "--output", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert json.loads(rows[1]["citations"]) == quota["citations"]


def test_the_app_command_still_parses_a_path_and_analyze_still_works(tmp_path: Path) -> None:
    assert "newsreader index PATH" in run("--help").stdout
    story = tmp_path / "story.txt"
    story.write_text("By Ana Lindqvist. Media: Coastalbulletin\n“No,” said Jonas Berg.\n", encoding="utf-8")
    assert run("analyze", str(story), "--json").returncode == 0


def test_export_with_bodies_and_whole_titles(tmp_path: Path) -> None:
    # A lede whose first sentence is longer than any screen, opened by a dateline.
    lede = ("NORVIK, May 4, 2022 (Wirepost) — The harbour board of Norvik voted on Tuesday night to close the old "
            "north quay to every ferry, tug and fishing boat for the whole of the coming winter season. Crews objected.")
    root = write_news_library(tmp_path / "lib", {"quay.txt": "By Kai Sato. Media: Northernwire\n" + lede + "\nThe vote was 5-2.\n"})
    result = run("export", str(root), "--body")
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    whole = lede.split(" — ", 1)[1].split(". Crews")[0]
    assert record["title"] == whole and len(whole) > 120  # whole, and without the dateline
    assert record["date"] == "2022-05-04"  # from the dateline
    assert record["body"] == lede + "\n\nThe vote was 5-2."
    hits = json.loads(run("search", str(root), "quay", "--json").stdout)
    assert hits[0]["title"] == whole
    out = tmp_path / "out.csv"
    assert run("export", str(root), "--format", "csv", "--body", "--output", str(out)).returncode == 0
    [row] = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert row["body"] == record["body"] and list(row)[-1] == "body"
    plain = json.loads(run("export", str(root)).stdout.splitlines()[0])
    assert "body" not in plain
