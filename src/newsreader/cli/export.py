"""``newsreader export PATH [--query QUERY] [--table quotes|entities|citations] [--format jsonl|csv]
[--body] [--output FILE]``: one record per article, or one row per quote, entity or citation.

The fields are described in :mod:`newsreader.index.export`. ``--query`` (the grammar of
``newsreader search``) keeps the matching articles only; a bad query is a one-line error
(exit status 2) before any indexing. The index is built first when there is none yet.
Without ``--output`` the records go to stdout. Rows are streamed: memory stays flat.
The tables apply the corrections made in the app (names merged, names marked wrong in an
article), kept with the reading state; see :mod:`newsreader.index.export`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from newsreader.cli.common import CommandError, guarded
from newsreader.cli.progress import INTERRUPTED, open_index, refresh_index

_TABLES = ("quotes", "entities", "citations")


def parser() -> argparse.ArgumentParser:
    """The options of ``newsreader export``."""
    parser = argparse.ArgumentParser(
        prog="newsreader export", description="Export every article's metadata, entities, quotes and sources.")
    parser.add_argument("path", type=Path, help="folder of articles")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default jsonl)")
    parser.add_argument("--body", action="store_true", help="add each article's text (the body field)")
    parser.add_argument("--query", help="export only the articles this search finds (as in newsreader search)")
    parser.add_argument("--table", choices=_TABLES,
                        help="one row per quote, entity or citation (with its article) instead of one per article")
    parser.add_argument("--output", type=Path, help="file to write (default: standard output)")
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and export the library's records."""
    options = parser().parse_args(list(argv))
    return guarded(lambda: export(options.path, options.format, options.output, options.body,
                                  options.query, options.table), INTERRUPTED)


def export(path: Path, kind: str, output: Path | None, body: bool = False, query: str | None = None,
           table: str | None = None) -> int:
    """Write every article of the library at ``path`` (those ``query`` finds, when given) as
    ``kind`` ("jsonl" or "csv"), with each article's text when ``body`` is set; with ``table``,
    one row per quote, entity or citation of those articles instead.

    Raises CommandError for a bad path, query or option, or an output file that cannot be written.
    """
    import sqlite3
    from collections.abc import Callable, Iterator
    from typing import TextIO

    from newsreader.index import QueryError, parse_query
    from newsreader.index.export import iter_records, iter_table, table_fields, write_csv, write_jsonl
    from newsreader.userdata.corrections import Corrections

    if table is not None and body:
        raise CommandError("--body exports articles: it does not go with --table")
    try:
        parsed = parse_query(query) if query is not None else None
    except QueryError as error:
        raise CommandError(f"bad query: {error}") from None

    corrections = Corrections.load(path) if table is not None else None
    if corrections is not None and corrections.problem:
        print(corrections.problem, file=sys.stderr)

    def rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
        if table is not None:
            return iter_table(conn, table, parsed, corrections=corrections)
        return iter_records(conn, body=body, query=parsed)

    def write(out: TextIO) -> Callable[[sqlite3.Connection], int]:
        if kind == "csv":
            return lambda conn: write_csv(rows(conn), out, body, table_fields(table, corrections) if table else None)
        return lambda conn: write_jsonl(rows(conn), out)

    with open_index(path) as index:
        if index.last_refresh is None:
            refresh_index(index, Console(stderr=True))
        if output is None:
            index.run(write(sys.stdout))
            return 0
        try:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = index.run(write(out)) or 0
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror or error}") from None
    print(f"Exported {count} {table or 'articles'} to {output}", file=sys.stderr)
    return 0
