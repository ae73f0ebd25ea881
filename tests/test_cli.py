"""The command line: help, version, bad paths, and ``newsreader analyze``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader import __version__
from newsreader.cli import app, common


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsreader", *args], capture_output=True, text=True, timeout=60)


def test_help_and_version() -> None:
    assert "folder of articles" in run("--help").stdout
    assert run("--version").stdout.strip() == f"newsreader {__version__}"


@pytest.mark.parametrize("make", ["missing", "file"])
def test_bad_path_is_one_line_and_status_2(tmp_path: Path, make: str) -> None:
    target = tmp_path / "nothing-here"
    if make == "file":
        target.write_text("not a folder")
    result = run(str(target))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("newsreader: error:")


def test_unreadable_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CI runs as root, which reads anything: inject the permission answer instead.
    monkeypatch.setattr(common.os, "access", lambda path, mode: False)
    assert common.check_library(tmp_path) == f"cannot read folder: {tmp_path}"


def test_default_library_is_last_used_else_samples(tmp_path: Path) -> None:
    from newsreader.userdata.recent import load_recent, save_recent

    assert app.default_library() == app.bundled_samples()
    assert (app.bundled_samples() / "notes").is_dir()
    recent = load_recent()
    recent.touch(tmp_path)
    save_recent(recent)
    assert app.default_library() == tmp_path.resolve()


def test_analyze_prints_json(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "By Ana Lindqvist, Reporter. Media: Coastalbulletin\n"
        "“We will not put crews at risk,” said Jonas Berg, the harbour master, on Tuesday.\n",
        encoding="utf-8",
    )
    result = run("analyze", str(article), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(q["speaker"], q["text"]) for q in data["quotes"]] == [("Jonas Berg", "“We will not put crews at risk,”")]
    assert any(e["text"] == "Jonas Berg" and e["label"] == "PERSON" for e in data["entities"])


def test_analyze_table_and_errors(tmp_path: Path) -> None:
    article = tmp_path / "story.md"
    article.write_text("# A [bold]title[/bold]\n\n“Yes,” said Mara Quell.\n", encoding="utf-8")
    result = run("analyze", str(article))
    assert result.returncode == 0, result.stderr
    assert "Mara Quell" in result.stdout
    missing = run("analyze", str(tmp_path / "gone.txt"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
