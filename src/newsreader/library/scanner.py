"""Walk a library folder: files in, article metadata (and skipped files) out.

Each file goes through :func:`newsreader.library.ingest.ingest_file`, as in the
index, so both list the same articles and skip files for the same reasons.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .errors import LibraryError, ParseError
from .folders import display_path, os_reason, walk_folder
from .ingest import article_id, iter_ingest, read_collection_entry, read_file
from .model import Article, ArticleText, SkippedFile
from .parsers import parse_document

__all__ = ["iter_library", "read_article"]


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
        if article.offset is not None:  # a streamed collection's record: read it alone
            entry = read_collection_entry(path, article)
            return ArticleText(article, entry.paragraphs, entry.styles)
        if article.format == "warc":  # indexed before pages had offsets: read up to the page, parse it alone
            from .warc_stream import read_warc_entry

            entry = read_warc_entry(path, None, article.entry)
            return ArticleText(article, entry.paragraphs, entry.styles)
        parsed, _ = parse_document(os.path.basename(path), read_file(path))
    except FileNotFoundError:
        raise LibraryError(f"{article.path} is no longer in the library") from None
    except OSError as error:
        raise LibraryError(f"cannot read {article.path}: {os_reason(error)}") from None
    except ParseError as error:
        raise LibraryError(f"cannot read {article.path}: {error.reason}") from None
    for candidate in parsed:
        if candidate.entry == article.entry:
            return ArticleText(article, candidate.paragraphs, candidate.styles)
    raise LibraryError(f"{article.path} no longer holds entry {article.entry + 1}")


def _scan_file(path: str, rel: str) -> Iterator[Article | SkippedFile]:
    reasons: tuple[str, ...] = ()
    for ingested in iter_ingest(path, rel, hashed=False):  # a collection comes in parts: metadata only is kept
        for article, _parsed in ingested.articles:
            yield article
        reasons = ingested.reasons  # each part's are the notes so far
    shown = display_path(rel)
    for reason in reasons:
        yield SkippedFile(shown, reason)


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
        found: list[str] = []
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


