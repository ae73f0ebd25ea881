"""ingest_file: the one read-parse-identify step behind the scanner and the index, and its one set of reasons."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from newsreader.library import ingest, parsers
from newsreader.library.ingest import article_id, ingest_file
from newsreader.library.scanner import iter_library

FERRIES = (
    "By Ana Lindqvist, Transport Reporter. Media: Coastalbulletin\n"
    "The Norvik Harbour Authority suspended night ferries on Tuesday.\n"
    "Crews were sent home.\n"
)
FEED = '{"title": "One", "text": "First story."}\n{broken\n{"title": "Three", "text": "Third story here."}\n'


def put(root: Path, rel: str, data: bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_an_article_is_read_identified_and_counted(tmp_path: Path) -> None:
    path = put(tmp_path, "coast/ferries.txt", FERRIES.encode())
    result = ingest_file(str(path), "coast/ferries.txt")
    assert result.reasons == () and not result.unchanged
    assert result.digest == hashlib.blake2b(FERRIES.encode(), digest_size=12).hexdigest()
    [(article, parsed)] = result.articles
    assert article.id == article_id("coast/ferries.txt", 0) and article.path == "coast/ferries.txt"
    assert (article.title, article.outlet, article.format) == (parsed.title, "Coastalbulletin", "txt")
    assert article.word_count == len(" ".join(parsed.paragraphs).split()) == 13
    assert parsed.paragraphs[-1] == "Crews were sent home."


def test_a_known_hash_skips_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = put(tmp_path, "a.txt", FERRIES.encode())
    digest = ingest_file(str(path), "a.txt").digest

    def no_parse(name: str, data: bytes) -> None:
        raise AssertionError("parsed a file whose hash was known")

    monkeypatch.setattr(ingest, "parse_document", no_parse)
    again = ingest_file(str(path), "a.txt", known_hash=digest)
    assert again.unchanged and again.digest == digest and again.articles == () and again.reasons == ()


def test_without_hashing_there_is_no_digest(tmp_path: Path) -> None:
    path = put(tmp_path, "a.txt", FERRIES.encode())
    result = ingest_file(str(path), "a.txt", hashed=False)
    assert result.digest is None and len(result.articles) == 1


def test_collection_entries_left_out_are_noted(tmp_path: Path) -> None:
    path = put(tmp_path, "feed.jsonl", FEED.encode())
    result = ingest_file(str(path), "feed.jsonl")
    assert [a.title for a, _ in result.articles] == ["One", "Three"]
    assert [a.entry for a, _ in result.articles] == [0, 2]
    assert len(result.reasons) == 1 and "line 2" in result.reasons[0] and "(skipped)" in result.reasons[0]


def test_every_problem_becomes_one_of_the_reasons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def reason(rel: str, data: bytes = b"x") -> tuple[str, ...]:
        result = ingest_file(str(put(tmp_path, rel, data)), rel)
        assert result.articles == ()
        return result.reasons

    assert reason("scan.pdf") == ("unsupported type .pdf",)
    assert reason("README") == ("unsupported type (no extension)",)
    assert reason("empty.txt", b"  \n") == ("empty file",)
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1024 * 1024)
    monkeypatch.setattr(parsers, "MAX_FILE_BYTES", 1024 * 1024)  # the limit the reason names
    assert reason("big.txt", b"x" * (3 * 1024 * 1024)) == ("too large (3 MB > 1 MB limit)",)

    def denied(path: str) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ingest, "read_file", denied)
    assert reason("secret.txt") == ("unreadable: permission denied",)

    def nameless(path: str) -> bytes:
        raise OSError("no strerror")

    monkeypatch.setattr(ingest, "read_file", nameless)
    assert reason("odd.txt") == ("unreadable: oserror",)
    monkeypatch.undo()

    def parser_bug(name: str, data: bytes) -> None:
        raise KeyError("bug")

    monkeypatch.setattr(ingest, "parse_document", parser_bug)
    assert reason("buggy.txt", FERRIES.encode()) == ("could not parse (KeyError)",)


def test_the_scanner_lists_what_ingestion_says(tmp_path: Path) -> None:
    put(tmp_path, "coast/ferries.txt", FERRIES.encode())
    put(tmp_path, "feed.jsonl", FEED.encode())
    put(tmp_path, "empty.md", b"")
    put(tmp_path, "scan.pdf", b"%PDF")
    from_scanner = [(item.path, getattr(item, "reason", None) or item.title)  # type: ignore[union-attr]
                    for item in iter_library(tmp_path)]
    expected = []
    for rel in ("coast/ferries.txt", "empty.md", "feed.jsonl", "scan.pdf"):
        result = ingest_file(str(tmp_path / rel), rel)
        expected += [(rel, article.title) for article, _ in result.articles] + [(rel, r) for r in result.reasons]
    assert from_scanner == expected


def test_the_index_and_the_scanner_give_the_same_reasons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.index import LibraryIndex
    from newsreader.library import SkippedFile

    root = tmp_path / "lib"
    put(root, "coast/ferries.txt", FERRIES.encode())
    put(root, "feed.jsonl", FEED.encode())
    put(root, "empty.md", b"")
    put(root, "broken.json", b"{not json")
    put(root, "scan.pdf", b"%PDF")
    real_read = ingest.read_file

    def denied(path: str) -> bytes:  # as root, chmod does not stop a read: inject the kernel's answer
        if path.endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    put(root, "secret.txt", FERRIES.encode())
    monkeypatch.setattr(ingest, "read_file", denied)
    scanned = sorted((s.path, s.reason) for s in iter_library(root) if isinstance(s, SkippedFile))
    with LibraryIndex.open(root) as index:
        index.refresh()
        indexed = sorted((s.path, s.reason) for s in index.skipped())
    assert indexed == scanned
    reasons = dict(scanned)
    assert reasons["secret.txt"] == "unreadable: permission denied" and reasons["scan.pdf"] == "unsupported type .pdf"
    assert reasons["empty.md"] == "empty file" and "line 2" in reasons["feed.jsonl"]
