"""``newsreader export PATH --format jsonl|csv [--body] [--output FILE]``: one record per article.

The fields are described in :mod:`newsreader.index.export`. The index is built
first when there is none yet. Without ``--output`` the records go to stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from newsreader.cli.common import CommandError, guarded
from newsreader.cli.progress import INTERRUPTED, open_index, refresh_index


def parser() -> argparse.ArgumentParser:
    """The options of ``newsreader export``."""
    parser = argparse.ArgumentParser(
        prog="newsreader export", description="Export every article's metadata, entities, quotes and sources.")
    parser.add_argument("path", type=Path, help="folder of articles")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default jsonl)")
    parser.add_argument("--body", action="store_true", help="add each article's text (the body field)")
    parser.add_argument("--output", type=Path, help="file to write (default: standard output)")
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and export the library's records."""
    options = parser().parse_args(list(argv))
    return guarded(lambda: export(options.path, options.format, options.output, options.body), INTERRUPTED)


def export(path: Path, kind: str, output: Path | None, body: bool = False) -> int:
    """Write every article of the library at ``path`` as ``kind`` ("jsonl" or "csv"),
    with each article's text when ``body`` is set.

    Raises CommandError for a bad path or an output file that cannot be written.
    """
    from functools import partial

    from newsreader.index.export import write_csv, write_jsonl

    write = partial(write_csv, body=body) if kind == "csv" else write_jsonl
    with open_index(path) as index:
        if index.last_refresh is None:
            refresh_index(index, Console(stderr=True))
        if output is None:
            write(index.records(body), sys.stdout)
            return 0
        try:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = write(index.records(body), out)
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror or error}") from None
    print(f"Exported {count} articles to {output}", file=sys.stderr)
    return 0
