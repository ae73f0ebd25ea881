"""The hostile library (tests/hostile_library.py) through the scanner, the index and the app.

For every case: no crash; each file is listed under a clean title or skipped with its
reason; no escape sequence or its payload survives into anything shown; the library's
files are unchanged afterwards. The same library in a real terminal is in
tests/test_pty_hostile.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import hostile_library as hl
import pytest
from pty_terminal import without_file_privileges

from newsreader.analysis import analyze
from newsreader.index import LibraryIndex
from newsreader.library.errors import LibraryError
from newsreader.library.model import Article, SkippedFile
from newsreader.library.scanner import iter_library, read_article

UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
CROWD = 10_000


def assert_safe(text: str | None, *, newlines: bool = False) -> None:
    if text is None:
        return
    assert not UNSAFE.search(text), f"control character in {text[:80]!r}"
    assert newlines or "\n" not in text
    for marker in hl.MARKERS:
        assert marker not in text, f"escape payload {marker} leaked into {text[:80]!r}"


def assert_article_safe(article: Article) -> None:
    for value in (article.path, article.title, article.role, article.outlet, article.date, article.url,
                  *article.authors):
        assert_safe(value)


@pytest.fixture(scope="module")
def hostile() -> Iterator[hl.Hostile]:
    base = Path(tempfile.mkdtemp(prefix="newsreader-hostile-"))
    h = hl.build(base / "library", crowd=CROWD)
    yield h
    hl.unlock(h)
    shutil.rmtree(base, ignore_errors=True)


def check_listing(h: hl.Hostile, articles: list[Article], skipped: list[SkippedFile]) -> None:
    by_path: dict[str, list[Article]] = {}
    for article in articles:
        assert_article_safe(article)
        by_path.setdefault(article.path, []).append(article)
    for path, word in h.listed.items():
        assert path in by_path, f"{path!r} is not listed"
        assert any(word in a.title for a in by_path[path]), f"{path!r}: {[a.title for a in by_path[path]]}"
    crowd = [p for p in by_path if p.startswith("crowd/")]
    assert len(crowd) == h.crowd
    reasons: dict[str, list[str]] = {}
    for item in skipped:
        assert_safe(item.path)
        assert_safe(item.reason)
        reasons.setdefault(item.path, []).append(item.reason)
    for path, fragment in h.skipped.items():
        assert path in reasons, f"{path!r} is not in the skipped files"
        assert any(fragment in r for r in reasons[path]), f"{path!r}: {reasons[path]}"
    # (the files meant to be unreadable are listed when the test left them readable)
    unexpected = {p for p in set(by_path) - set(h.listed) - set(crowd) if not p.startswith(tuple(h.unreadable))}
    assert not unexpected, unexpected


def test_scan_lists_every_file_or_says_why(hostile: hl.Hostile) -> None:
    before = hl.fingerprint(hostile.root)
    items = list(iter_library(hostile.root))
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, SkippedFile)]
    check_listing(hostile, articles, skipped)
    # Every article (bar the crowd) reads back clean, and analysis copes with it.
    for article in articles:
        if article.path.startswith("crowd/"):
            continue
        text = read_article(hostile.root, article)
        for paragraph in text.paragraphs:
            assert_safe(paragraph, newlines=True)
        if article.path != "bytes/long-line.txt":  # 2 MB of one word: analysed in the index test
            analyze(text.body)
    assert hl.fingerprint(hostile.root) == before


def test_index_agrees_with_the_scan(hostile: hl.Hostile) -> None:
    before = hl.fingerprint(hostile.root)
    with LibraryIndex.open(hostile.root) as index:
        summary = index.refresh()
        articles, skipped = index.articles(), index.skipped()
        check_listing(hostile, articles, skipped)
        assert summary.added == len(articles) >= len(hostile.listed) + CROWD
        scanned = {i.id for i in iter_library(hostile.root) if isinstance(i, Article)}
        assert {a.id for a in articles} == scanned
        for marker in ("NRTITLEMARKER", "NRCLIPMARKER", CLIP := hl.CLIP_PAYLOAD, "NRDCSMARKER"):
            assert index.search(marker) == [], f"{marker} was indexed ({CLIP})"
        assert index.search("Escapes everywhere")
        assert index.search('"lone [ bracket"')
        # A second refresh finds nothing to do.
        again = index.refresh()
        assert (again.added, again.changed, again.removed) == (0, 0, 0)
        assert index._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert hl.fingerprint(hostile.root) == before


UNREADABLE_PROBE = """
import json, sys
from pathlib import Path
from newsreader.index import LibraryIndex
from newsreader.library.model import SkippedFile
from newsreader.library.scanner import iter_library
root = Path(sys.argv[1])
scan = [[i.path, i.reason] for i in iter_library(root) if isinstance(i, SkippedFile)]
with LibraryIndex.open(root) as index:
    index.refresh()
    indexed = [[i.path, i.reason] for i in index.skipped()]
    titles = [a.title for a in index.articles()]
print(json.dumps({"scan": scan, "index": indexed, "titles": titles}))
"""


def test_unreadable_file_and_folder_are_listed_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    base = Path(tempfile.mkdtemp(prefix="newsreader-unreadable-"))
    h = hl.build(base / "library", big=False, nested=3)
    before = hl.fingerprint(h.root)
    try:
        hl.lock_unreadable(h)
        prefix = without_file_privileges()
        if prefix is not None:
            # A real permission error, from the kernel.
            env = {**os.environ, "NEWSREADER_HOME": str(base / "home")}
            run = subprocess.run([*prefix, sys.executable, "-c", UNREADABLE_PROBE, str(h.root)], env=env,
                                 capture_output=True, text=True, check=False, timeout=120)
            assert run.returncode == 0, run.stderr
            result = json.loads(run.stdout)
            cli = subprocess.run([*prefix, sys.executable, "-m", "newsreader", "index", str(h.root)], env=env,
                                 capture_output=True, text=True, check=False, timeout=120)
            assert cli.returncode == 0, cli.stderr
            assert "permission denied" in cli.stdout
        else:
            print("unreadable files: root without setpriv reads anything; injecting PermissionError instead")
            result = _injected_probe(h, monkeypatch)
        for where in ("scan", "index"):
            reasons = dict(result[where])
            assert "permission denied" in reasons.get("private/secret.txt", ""), (where, reasons)
            assert "permission denied" in reasons.get("locked/", ""), (where, reasons)
        assert "Secret title" not in result["titles"]
        assert "Escape name title" in result["titles"]
    finally:
        hl.unlock(h)
        assert hl.fingerprint(h.root) == before
        shutil.rmtree(base, ignore_errors=True)


def _injected_probe(h: hl.Hostile, monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:  # type: ignore[type-arg]
    hl.unlock(h)
    locked = {os.fspath(p) for p in h.unreadable.values()}
    real_open, real_scandir = os.open, os.scandir

    def deny_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not isinstance(path, int) and os.fspath(path) in locked:
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    def deny_scandir(path="."):  # type: ignore[no-untyped-def]
        if not isinstance(path, int) and os.fspath(path) in locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "open", deny_open)
    monkeypatch.setattr(os, "scandir", deny_scandir)
    scan = [[i.path, i.reason] for i in iter_library(h.root) if isinstance(i, SkippedFile)]
    with LibraryIndex.open(h.root) as index:
        index.refresh()
        indexed = [[i.path, i.reason] for i in index.skipped()]
        titles = [a.title for a in index.articles()]
    return {"scan": scan, "index": indexed, "titles": titles}


def test_files_deleted_or_rewritten_after_the_scan(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    (root / "gone.txt").write_text("Gone soon\n\nBody.\n")
    (root / "changed.txt").write_text("Changed soon\n\nOld body.\n")
    (root / "list.jsonl").write_text('{"title": "First", "text": "one"}\n{"title": "Second", "text": "two"}\n')
    (root / "now-binary.txt").write_text("Binary soon\n\nBody.\n")
    articles = {a.title: a for a in iter_library(root) if isinstance(a, Article)}
    (root / "gone.txt").unlink()
    (root / "changed.txt").write_text("Changed soon\n\nNew body.\n")
    (root / "list.jsonl").write_text('{"title": "First", "text": "one"}\n')
    (root / "now-binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    with pytest.raises(LibraryError, match="gone.txt is no longer in the library"):
        read_article(root, articles["Gone soon"])
    assert read_article(root, articles["Changed soon"]).paragraphs == ("New body.",)
    with pytest.raises(LibraryError, match="no longer holds entry 2"):
        read_article(root, articles["Second"])
    with pytest.raises(LibraryError, match="now-binary.txt: binary file"):
        read_article(root, articles["Binary soon"])
    (root / "gone.txt").mkdir()  # a folder where the file was
    with pytest.raises(LibraryError, match="gone.txt"):
        read_article(root, articles["Gone soon"])

