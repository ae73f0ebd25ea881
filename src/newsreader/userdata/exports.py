"""What the app exports for the reader (``E``): the articles a list shows, as a CSV file in
the user's downloads (or documents) folder.

One row per article, in the list's order, with the fields a spreadsheet needs to
find the story again: title, authors, outlet (the shown name), date, URL, path,
words and id; a search's rows add the rank and the snippet. The file is the
reader's, not newsreader's, but it may hold a confidential library's titles and
snippets, so it is created readable by the user only (0600), like every file
newsreader writes, and never inside the library folder. A folder newsreader has to
create for it (``$NEWSREADER_HOME/exports``) is the user's alone too (0700); a folder
that is already there (their Downloads) is theirs, and left as it is.
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Iterable
from pathlib import Path

from newsreader.index.schema import make_private_dir
from newsreader.library.model import Article
from newsreader.library.outlets import display_outlet
from newsreader.library.sanitize import clean_line
from newsreader.userdata.paths import HOME_ENV

#: The columns of an exported list, in order (a search adds "rank" first and "snippet" last).
COLUMNS = ("title", "authors", "outlet", "date", "url", "path", "entry", "words", "id")
#: Cells that start with these are formulas to a spreadsheet: prefixed with ' so they stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_folder() -> Path:
    """The folder exports go to: ``$NEWSREADER_HOME/exports`` when set, else the user's
    downloads folder, else their documents folder, else the home folder (platformdirs)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "exports"
    import platformdirs

    for folder in (platformdirs.user_downloads_dir(), platformdirs.user_documents_dir()):
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def export_path(library: Path, what: str, folder: Path | None = None) -> Path:
    """A new file name for an export of ``what`` ("list", "search") of ``library``:
    ``newsreader-<library>-<what>-<YYYYmmdd-HHMMSS>.csv`` in :func:`export_folder`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    name = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in library.name) or "library"
    return (folder or export_folder()) / f"newsreader-{name}-{what}-{stamp}.csv"


def cell(value: object) -> str:
    """One cell, cleaned of control characters and defused as a formula."""
    text = clean_line(str(value)) if value is not None else ""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def article_row(article: Article) -> list[str]:
    """The :data:`COLUMNS` of ``article``, as cells."""
    outlet = display_outlet(article.outlet) if article.outlet else ""
    values = (article.title, "; ".join(article.authors), outlet, article.date, article.url, article.path,
              article.entry + 1 if article.format in ("jsonl", "csv") else "", article.word_count, article.id)
    return [cell(value) for value in values]


def write_rows(path: Path, header: Iterable[str], rows: Iterable[list[str]]) -> int:
    """Write a CSV of ``header`` and ``rows`` to ``path`` (a new file, mode 0600; missing
    folders created 0700); returns the rows written. Raises OSError when it cannot be
    written, and FileExistsError rather than replace a file."""
    make_private_dir(path.parent, ours=False)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    count = 0
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(list(header))
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
