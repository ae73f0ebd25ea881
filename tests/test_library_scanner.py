"""iter_library and read_article over real folders (built in tmp_path)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from newsreader.library import Article, LibraryError, SkippedFile, iter_library, read_article

FERRIES = (
    "By Ana Lindqvist, Transport Reporter. Media: Coastalbulletin\n"
    "The Norvik Harbour Authority suspended night ferries on Tuesday.\n"
    "Crews were sent home.\n"
)
MILL = "---\ntitle: Mill to reopen\nauthor: Tomas Varga\n---\nThe council voted to reopen the mill.\n"
FEED = (
    '{"title": "One", "text": "First story."}\n'
    "{broken\n"
    '{"title": "Three", "text": "Third story."}\n'
)


def write(root: Path, rel: str, data: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


def scan(root: Path) -> tuple[list[Article], dict[str, str]]:
    articles: list[Article] = []
    skipped: dict[str, str] = {}
    for item in iter_library(root):
        if isinstance(item, Article):
            articles.append(item)
        else:
            assert isinstance(item, SkippedFile)
            skipped[item.path] = item.reason
    return articles, skipped


def fingerprint(root: Path) -> dict[str, tuple[str, float]]:
    """Every path under root with its content hash and mtime."""
    seen: dict[str, tuple[str, float]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() else ""
            seen[str(path.relative_to(root))] = (digest, path.lstat().st_mtime)
    return seen


@pytest.fixture
def library(tmp_path: Path) -> Path:
    write(tmp_path, "coastal/ferries.txt", FERRIES)
    write(tmp_path, "river/mill.md", MILL)
    write(tmp_path, "feeds/wire.jsonl", FEED)
    write(tmp_path, "feeds/briefs.csv", "title,content\nBrief one,Body one.\nBrief two,Body two.\n")
    write(tmp_path, "docs/report.pdf", b"%PDF-1.7\n")
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    write(tmp_path, ".hidden/secret.txt", FERRIES)
    write(tmp_path, "coastal/.draft.txt", FERRIES)
    return tmp_path


def test_scan_finds_articles_and_reports_the_rest(library: Path) -> None:
    articles, skipped = scan(library)
    assert [(a.path, a.entry, a.format) for a in articles] == [
        ("coastal/ferries.txt", 0, "txt"),
        ("feeds/briefs.csv", 0, "csv"),
        ("feeds/briefs.csv", 1, "csv"),
        ("feeds/wire.jsonl", 0, "jsonl"),
        ("feeds/wire.jsonl", 2, "jsonl"),
        ("river/mill.md", 0, "md"),
    ]
    assert skipped == {
        "docs/report.pdf": "unsupported type .pdf",
        "empty.txt": "empty file",
        "feeds/wire.jsonl": "line 2: invalid JSON (skipped)",
        "image.txt": "binary file (PNG image)",
    }
    ferries = articles[0]
    assert ferries.title == "The Norvik Harbour Authority suspended night ferries on Tuesday"
    assert (ferries.authors, ferries.role, ferries.outlet) == (
        ("Ana Lindqvist",),
        "Transport Reporter",
        "Coastalbulletin",
    )
    assert ferries.word_count == 13
    assert len(ferries.id) == 16 and int(ferries.id, 16) >= 0


def test_scan_is_deterministic_and_ids_stable(library: Path) -> None:
    first, _ = scan(library)
    second, _ = scan(library)
    assert first == second
    assert len({a.id for a in first}) == len(first)


def test_scan_leaves_the_library_untouched(library: Path) -> None:
    before = fingerprint(library)
    scan(library)
    for article in scan(library)[0]:
        read_article(library, article)
    assert fingerprint(library) == before


def test_read_article_returns_the_entry(library: Path) -> None:
    articles, _ = scan(library)
    by_key = {(a.path, a.entry): a for a in articles}
    assert read_article(library, by_key["coastal/ferries.txt", 0]).paragraphs == (
        "The Norvik Harbour Authority suspended night ferries on Tuesday.",
        "Crews were sent home.",
    )
    third = read_article(library, by_key["feeds/wire.jsonl", 2])
    assert third.paragraphs == ("Third story.",)
    assert third.article is by_key["feeds/wire.jsonl", 2]
    assert third.body == "Third story."


def test_read_article_errors(library: Path) -> None:
    articles, _ = scan(library)
    by_key = {(a.path, a.entry): a for a in articles}
    (library / "coastal/ferries.txt").unlink()
    with pytest.raises(LibraryError, match="coastal/ferries.txt is no longer in the library"):
        read_article(library, by_key["coastal/ferries.txt", 0])
    write(library, "feeds/wire.jsonl", '{"title": "One", "text": "First story."}\n')
    with pytest.raises(LibraryError, match="no longer holds entry 3"):
        read_article(library, by_key["feeds/wire.jsonl", 2])
    write(library, "river/mill.md", b"")
    with pytest.raises(LibraryError, match="cannot read river/mill.md: empty file"):
        read_article(library, by_key["river/mill.md", 0])


def test_symlink_loop_and_dangling_link(tmp_path: Path) -> None:
    write(tmp_path, "a/story.txt", FERRIES)
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    (tmp_path / "a" / "self").symlink_to(".")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    articles, skipped = scan(tmp_path)
    assert [a.path for a in articles] == ["a/story.txt"]
    assert skipped == {
        "a/loop/": "symlink to a folder already scanned",
        "a/self/": "symlink to a folder already scanned",
        "gone.txt": "broken symlink",
    }


def test_symlinked_folder_elsewhere_is_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, "story.txt", FERRIES)
    root = tmp_path / "root"
    root.mkdir()
    (root / "linked").symlink_to(outside)
    assert [a.path for a in scan(root)[0]] == ["linked/story.txt"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_unreadable_folder_and_file(tmp_path: Path) -> None:
    write(tmp_path, "locked/story.txt", FERRIES)
    secret = write(tmp_path, "secret.txt", FERRIES)
    (tmp_path / "locked").chmod(0)
    secret.chmod(0)
    try:
        _, skipped = scan(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
        secret.chmod(0o644)
    assert skipped == {
        "locked/": "unreadable folder: permission denied",
        "secret.txt": "unreadable: permission denied",
    }


def test_permission_errors_become_skipped_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same as above without needing a non-root user: the OS calls refuse.
    write(tmp_path, "locked/story.txt", FERRIES)
    write(tmp_path, "secret.txt", FERRIES)
    write(tmp_path, "open.txt", FERRIES)
    real_scandir, real_open = os.scandir, os.open

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    def open_(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)
    articles, skipped = scan(tmp_path)
    assert [a.path for a in articles] == ["open.txt"]
    assert skipped == {
        "locked/": "unreadable folder: permission denied",
        "secret.txt": "unreadable: permission denied",
    }


def test_strange_file_names(tmp_path: Path) -> None:
    write(tmp_path, "emoji 📰 news.txt", FERRIES)
    write(tmp_path, "bad\nname\x1b[31m.txt", FERRIES)
    articles, _ = scan(tmp_path)
    paths = sorted(a.path for a in articles)
    assert paths == ["bad name.txt", "emoji 📰 news.txt"]
    for article in articles:  # the shown name differs from the real one, yet it opens
        assert read_article(tmp_path, article).paragraphs[-1] == "Crews were sent home."


def test_fifo_is_not_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.txt")
    assert scan(tmp_path)[1] == {"pipe.txt": "not a regular file"}


def test_too_large_file_is_skipped_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsreader.library.ingest as ingest
    import newsreader.library.parsers as parsers

    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1024 * 1024)
    monkeypatch.setattr(parsers, "MAX_FILE_BYTES", 1024 * 1024)
    write(tmp_path, "big.txt", b"x" * (3 * 1024 * 1024))
    assert scan(tmp_path)[1] == {"big.txt": "too large (3 MB > 1 MB limit)"}


def test_root_problems_raise(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="cannot open"):
        list(iter_library(tmp_path / "missing"))
    write(tmp_path, "file.txt", FERRIES)
    with pytest.raises(LibraryError, match="is not a folder"):
        list(iter_library(tmp_path / "file.txt"))


def test_read_article_refuses_paths_outside(library: Path) -> None:
    article = Article(id="0" * 16, path="../outside.txt", title="x")
    with pytest.raises(LibraryError, match="not a path inside the library"):
        read_article(library, article)
