"""Walk a library folder: files in, article metadata (and skipped files) out."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from .assemble import count_words
from .errors import LibraryError, ParseError
from .folders import display_path, os_reason, walk_folder
from .model import Article, ArticleText, ParsedArticle, SkippedFile
from .parsers import MAX_FILE_BYTES, format_of, parse_document, too_large_reason, unsupported_reason


def iter_library(root: Path) -> Iterator[Article | SkippedFile]:
    """Yield every article under ``root`` (metadata only) and every file skipped.

    Depth-first in name order, so two scans of the same folder agree. Hidden
    files and folders are ignored; symlinked folders are followed once (loops
    end); nothing is written. Raises LibraryError if ``root`` is not a readable
    folder; problems below it become SkippedFile records (a folder's path ends
    in "/"; a collection's skipped entries come as extra records of its file).
    """
    for rel, entry, reason in walk_folder(root):
        if entry is None:
            yield SkippedFile(display_path(rel), reason or "skipped")
        else:
            yield from _scan_file(entry.path, rel)


def read_article(root: Path, article: Article) -> ArticleText:
    """Re-read ``article``'s file and return its paragraphs.

    Raises LibraryError (with a message fit for the user) if the file is gone,
    no longer holds the entry, or cannot be parsed.
    """
    path = _locate(os.fspath(root), article)
    try:
        parsed, _ = parse_document(os.path.basename(path), read_file(path))
    except FileNotFoundError:
        raise LibraryError(f"{article.path} is no longer in the library") from None
    except OSError as error:
        raise LibraryError(f"cannot read {article.path}: {os_reason(error)}") from None
    except ParseError as error:
        raise LibraryError(f"cannot read {article.path}: {error.reason}") from None
    for candidate in parsed:
        if candidate.entry == article.entry:
            return ArticleText(article, candidate.paragraphs)
    raise LibraryError(f"{article.path} no longer holds entry {article.entry + 1}")


def read_file(path: str) -> bytes:
    """A file's bytes; ParseError if it is over the size cap, OSError if unreadable."""
    # os-level calls: cheaper than open() and its buffered reader, per file.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            raise ParseError(too_large_reason(size))
        chunks = []
        total = 0
        # Ask for exactly what fstat promised (plus one byte, to notice growth):
        # os.read allocates what it is asked for, and most files are small.
        want = size + 1
        while chunk := os.read(fd, want):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:  # it grew while we read
                raise ParseError(too_large_reason(total))
            want = size + 1 - total if total <= size else 1 << 16
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def article_id(rel_path: str, entry: int) -> str:
    """Stable id of an article: from its raw relative path and entry."""
    key = f"{rel_path}#{entry}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(key, usedforsecurity=False).hexdigest()[:16]


def _scan_file(path: str, rel: str) -> Iterator[Article | SkippedFile]:
    shown = display_path(rel)
    name = os.path.basename(rel)
    kind = format_of(name)
    if kind is None:
        yield SkippedFile(shown, unsupported_reason(name))
        return
    try:
        parsed, notes = parse_document(name, read_file(path))
    except ParseError as error:
        yield SkippedFile(shown, error.reason)
        return
    except OSError as error:
        yield SkippedFile(shown, f"unreadable: {os_reason(error)}")
        return
    except Exception as error:  # noqa: BLE001 - a parser bug must not end the scan
        yield SkippedFile(shown, f"could not parse ({type(error).__name__})")
        return
    for article in parsed:
        yield _metadata(article, rel, shown, kind)
    for note in notes:
        yield SkippedFile(shown, note)


def _metadata(parsed: ParsedArticle, rel: str, shown: str, kind: str) -> Article:
    return Article(
        id=article_id(rel, parsed.entry),
        path=shown,
        title=parsed.title,
        authors=parsed.authors,
        role=parsed.role,
        outlet=parsed.outlet,
        date=parsed.date,
        url=parsed.url,
        word_count=count_words(parsed.paragraphs),
        format=kind,
        entry=parsed.entry,
    )


def _locate(root: str, article: Article) -> str:
    """The file behind ``article.path``, whose shown form may differ from the real
    name (control characters in names are cleaned); the id tells them apart."""
    parts = article.path.split("/")
    if not article.path or article.path.startswith("/") or ".." in parts:
        raise LibraryError(f"{article.path} is not a path inside the library")
    if article_id(article.path, article.entry) == article.id:
        return os.path.join(root, *parts)
    candidates = [""]
    for part in parts:
        found = []
        for prefix in candidates:
            try:
                names = os.listdir(os.path.join(root, prefix) if prefix else root)
            except OSError:
                continue
            found.extend(prefix + n for n in names if display_path(n) == part)
        candidates = [c + "/" for c in found]
    for candidate in candidates:
        rel = candidate[:-1]
        if article_id(rel, article.entry) == article.id:
            return os.path.join(root, rel)
    raise LibraryError(f"{article.path} is no longer in the library")


