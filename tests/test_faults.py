"""Faults in newsreader's own files: kill -9 mid-index, damage, a cache dir that cannot
be written or fills up, and two processes on one library at once."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pilot_helpers import screen_text, settle

from newsreader.index import LibraryIndex, schema
from newsreader.index import refresh as refresh_module
from newsreader.index.location import index_path
from newsreader.ui.app import NewsreaderApp
from newsreader.userdata.reading_state import ReadingState, state_file

KILL_RUNS = 4
FILES = 3000


def write_library(root: Path, files: int = FILES) -> Path:
    outlets = ("Northernwire", "Coastalbulletin", "Riversidepost")
    for n in range(files):
        path = root / f"folder-{n % 20:02d}" / f"story-{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"By Kai Sato. Media: {outlets[n % 3]}\n"
            f"Story {n}: the harbour authority in Bergen suspended ferry {n} on Tuesday.\n"
            f"“We will not put crews at risk,” said Harbour Master Jonas Berg {n}.\n", encoding="utf-8")
    return root


def index_command(root: Path, home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEWSREADER_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "newsreader", "index", str(root)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def article_count(db: Path) -> int:
    """Articles committed so far, read as another process would (0 before the schema exists)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def fresh_count(root: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("NEWSREADER_HOME", str(home))
    with LibraryIndex.open(root) as index:
        return index.refresh().added


def test_kill_9_while_indexing_then_resume(tmp_path: Path, newsreader_home: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_library(tmp_path / "library")
    db = index_path(root)
    rng = random.Random(5)
    killed_at: list[int] = []
    for _run in range(KILL_RUNS):
        before = article_count(db)
        # Kill at a random point of the articles still to index, once it is past it.
        target = before + rng.randint(1, max(2, (FILES - before) // 2))
        process = index_command(root, newsreader_home)
        deadline = time.monotonic() + 120
        while article_count(db) < target and process.poll() is None:
            assert time.monotonic() < deadline, "indexing made no progress"
            time.sleep(0.02)
        assert process.poll() is None, "the index finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)  # the indexer itself, mid-write
        process.wait(10)
        os.killpg(process.pid, signal.SIGKILL)  # and its orphaned workers
        killed_at.append(article_count(db))
        assert integrity(db) == "ok"
        assert killed_at[-1] >= before, "a kill lost committed work"
    assert killed_at[-1] < FILES
    # Restart: the refresh resumes (only what is missing is added) and ends complete.
    process = index_command(root, newsreader_home)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    assert integrity(db) == "ok"
    with LibraryIndex.open(root) as index:
        assert len(index.articles()) == FILES
        assert index.last_refresh is not None
        again = index.refresh()
        assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, FILES)
    added = int(re.search(r"added\W+(\d+)", out.decode()).group(1))  # type: ignore[union-attr]
    assert added == FILES - killed_at[-1], (out.decode(), killed_at)
    assert fresh_count(root, tmp_path / "fresh-home", monkeypatch) == FILES
    print(f"kill -9 at {killed_at} of {FILES} articles; resumed with {added}")


# -- the app when its own files fail ---------------------------------------------------------


def notices(app: NewsreaderApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_cache_dir_that_cannot_be_created_indexes_in_memory(small_library: Path, newsreader_home: Path) -> None:
    from pilot_helpers import settle_search

    from newsreader.ui.screens.search import SearchScreen

    (newsreader_home / "cache").write_text("a file where the cache folder should be")
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.article_list.row_count == 5 and not app.main.session.index_available
        assert "No index" in notices(app) and "in memory" in notices(app)
        await pilot.press("/")  # search works on the in-memory index: the same code as on disk
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"museum")
        await settle_search(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Vessa river" in screen_text(app)
        assert app.main.reader.document is not None and app.main.reader.document.article.path == "river/mill.txt"
    assert (newsreader_home / "cache").is_file()  # nothing was written in its place


async def test_disk_full_during_refresh_degrades_to_memory(small_library: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    real = refresh_module.apply_results

    def full(conn: sqlite3.Connection, *args: object) -> object:
        if Path(conn.execute("PRAGMA database_list").fetchone()[2]).is_file():  # the index on disk
            raise sqlite3.OperationalError("database or disk is full")
        return real(conn, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(refresh_module, "apply_results", full)
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert "database or disk is full" in notices(app)
        assert app.main.article_list.row_count == 5 and not app.main.session.index_available
        assert len(app.main.session.skipped) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.reader.document is not None


async def test_damaged_index_is_rebuilt_with_a_message(small_library: Path) -> None:
    with LibraryIndex.open(small_library) as index:
        index.refresh()
        path = index.path
        index._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    schema._checked.clear()  # as in a new process
    path.write_bytes(b"garbage, not a database " * 500)
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "index was damaged" in notices(app)
        assert app.main.article_list.row_count == 5 and app.main.session.index_available
    assert integrity(path) == "ok"


def test_damaged_index_message_in_the_index_command(tmp_path: Path, newsreader_home: Path) -> None:
    root = write_library(tmp_path / "library", files=5)
    first = index_command(root, newsreader_home)
    assert first.wait(60) == 0
    db = index_path(root)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.write_bytes(b"\0garbage" * 1000)
    again = index_command(root, newsreader_home)
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert b"index was damaged" in err and re.search(rb"added\W+5", out)


async def test_damaged_state_file_is_reset_with_a_message_and_kept(small_library: Path) -> None:
    path = state_file(small_library)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"version": 1, "read": "not a list"')
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Reading state" in notices(app) and "kept a copy" in notices(app)
        assert app.main.article_list.row_count == 5
    assert path.with_name(path.name + ".damaged").read_text() == '{"version": 1, "read": "not a list"'


# -- two instances on one library ----------------------------------------------------------


def test_two_indexers_at_once(tmp_path: Path, newsreader_home: Path) -> None:
    root = write_library(tmp_path / "library", files=1000)
    first, second = index_command(root, newsreader_home), index_command(root, newsreader_home)
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    db = index_path(root)
    assert integrity(db) == "ok"
    with LibraryIndex.open(root) as index:
        articles = index.articles()
        assert len(articles) == len({a.id for a in articles}) == 1000
        assert len(index.search("harbour")) == 200  # the search's default limit: many hits, no error
        again = index.refresh()
        assert (again.added, again.changed, again.removed) == (0, 0, 0)


def test_two_reading_states_saved_in_turn_keep_both_sets_of_marks(small_library: Path) -> None:
    first, second = ReadingState.load(small_library), ReadingState.load(small_library)
    first.mark_read("a")
    first.toggle_star("s")
    assert first.save()
    second.mark_read("b")
    assert second.save()  # loaded before the first saved: must not drop "a" or the star
    first.mark_unread("a")
    assert first.save()
    merged = ReadingState.load(small_library)
    assert set(merged.read_ids) == {"b"} and set(merged.starred_ids) == {"s"}


def test_two_apps_on_one_library(small_library: Path, newsreader_home: Path) -> None:
    from pty_terminal import Terminal, newsreader_command

    env = {"NEWSREADER_HOME": str(newsreader_home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    with Terminal([*newsreader_command(), str(small_library)], env) as one, \
            Terminal([*newsreader_command(), str(small_library)], env) as two:
        one.wait_for("5 articles", "5 unread")
        two.wait_for("5 articles", "5 unread")
        one.press_until("enter", "Repairs on the Tollgate bridge", "4 unread")  # the first row
        two.press("j")
        two.press_until("enter", "4 unread")  # another article
        assert "Repairs on the Tollgate bridge" not in two.text()
        assert one.quit() == 0 and two.quit() == 0
    state = ReadingState.load(small_library)
    assert len(state.read_ids) == 2, "one app's reading marks were lost"
    with LibraryIndex.open(small_library) as index:
        assert len(index.articles()) == 5
        assert integrity(index.path) == "ok"
