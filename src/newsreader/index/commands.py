"""The index commands: ``newsreader index``, ``search`` and ``export``.

* ``newsreader index PATH``: build or refresh the index, with a progress bar,
  then a summary table (added, changed, removed, unchanged, skipped + reasons).
* ``newsreader search PATH QUERY [--json] [--limit N]``: ranked results (the
  index is built first if there is none yet). The query language is described
  in :mod:`newsreader.index.query`.
* ``newsreader export PATH --format jsonl|csv [--output FILE]``: one record per
  article; the fields are described in :mod:`newsreader.index.export`.

Bad paths and bad queries give a one-line error and exit status 2. Article text
reaches the terminal only inside rich ``Text`` objects (never markup), cleaned.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsreader.library.sanitize import clean_line, clean_text

from .library_index import LibraryIndex
from .model import RefreshProgress, RefreshSummary
from .query import QueryError, parse_query

SHOWN_SKIPS = 30


class CommandError(Exception):
    """A problem to report in one line, exit status 2."""


def run_command(name: str, argv: Sequence[str]) -> int:
    """Run ``newsreader NAME ARGV...``; returns the exit status."""
    parser, action = COMMANDS[name]()
    options = parser.parse_args(list(argv))
    try:
        return action(options)
    except CommandError as error:
        return _fail(str(error))
    except QueryError as error:
        return _fail(f"bad query: {error}")
    except BrokenPipeError:
        # The reader (``| head``) left: stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("newsreader: interrupted (the index stays usable; run again to resume)", file=sys.stderr)
        return 130


def _fail(message: str) -> int:
    print(f"newsreader: error: {clean_line(message)}", file=sys.stderr)
    return 2


def _inline(text: str) -> str:
    """``text`` cleaned for one line, keeping its edge spaces (snippet pieces abut)."""
    return " ".join(clean_text(text).split("\n"))


def _open(path: Path) -> LibraryIndex:
    from newsreader.cli import check_library
    from newsreader.index.schema import IndexUnavailable

    problem = check_library(path)
    if problem:
        raise CommandError(problem)
    try:
        return LibraryIndex.open(path)
    except IndexUnavailable as error:
        raise CommandError(str(error)) from None


def _refresh(index: LibraryIndex, console: Console) -> RefreshSummary:
    from newsreader.library import LibraryError

    if not console.is_terminal:  # no bar (and no stray newline) in pipes and logs
        try:
            return index.refresh()
        except LibraryError as error:
            raise CommandError(str(error)) from None
    columns = (TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("scanning", total=None)

        def show(step: RefreshProgress) -> None:
            progress.update(task, description=step.phase, completed=step.done, total=step.total or None)

        try:
            return index.refresh(on_progress=show)
        except LibraryError as error:
            raise CommandError(str(error)) from None


# -- index ---------------------------------------------------------------------------


def _index_parser() -> tuple[argparse.ArgumentParser, Callable[[argparse.Namespace], int]]:
    parser = argparse.ArgumentParser(prog="newsreader index", description="Build or refresh a library's index.")
    parser.add_argument("path", type=Path, help="folder of articles")
    return parser, _run_index


def _run_index(options: argparse.Namespace) -> int:
    console = Console()
    with _open(options.path) as index:
        summary = _refresh(index, Console(stderr=True))
        if index.notice:
            print(f"newsreader: {clean_line(index.notice)}", file=sys.stderr)
    console.print(summary_table(summary))
    if summary.skipped:
        console.print(skipped_table(summary))
    return 0


def summary_table(summary: RefreshSummary) -> Table:
    """Counts of one refresh as a small table."""
    table = Table(title=f"Indexed in {summary.seconds:.1f} s", title_justify="left")
    table.add_column("Articles")
    table.add_column("Count", justify="right")
    for label, value in (("added", summary.added), ("changed", summary.changed), ("removed", summary.removed),
                         ("unchanged", summary.unchanged), ("files skipped", len(summary.skipped))):
        table.add_row(label, str(value))
    return table


def skipped_table(summary: RefreshSummary) -> Table:
    """Skip reasons with counts, then the first skipped files."""
    table = Table(title="Skipped", title_justify="left")
    table.add_column("Reason")
    table.add_column("Files", justify="right")
    table.add_column("Examples")
    by_reason: dict[str, list[str]] = {}
    for item in summary.skipped:
        by_reason.setdefault(item.reason, []).append(item.path)
    counts = Counter({reason: len(files) for reason, files in by_reason.items()})
    for reason, count in counts.most_common(SHOWN_SKIPS):
        examples = ", ".join(by_reason[reason][:3]) + (", …" if count > 3 else "")
        table.add_row(Text(clean_line(reason)), str(count), Text(clean_line(examples)))
    return table


# -- search --------------------------------------------------------------------------


def _search_parser() -> tuple[argparse.ArgumentParser, Callable[[argparse.Namespace], int]]:
    parser = argparse.ArgumentParser(
        prog="newsreader search", description="Search a library's index.",
        epilog='Query: words, "phrases", prefix*, OR, -exclude, title: author: outlet: person: org: place: '
               "quoted: cites: after:YYYY-MM-DD before:YYYY-MM-DD")
    parser.add_argument("path", type=Path, help="folder of articles")
    parser.add_argument("query", help="what to look for")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument("--limit", type=int, default=20, help="most results to show (default 20)")
    return parser, _run_search


def _run_search(options: argparse.Namespace) -> int:
    if options.limit < 1:
        raise CommandError("--limit must be at least 1")
    parse_query(options.query)  # a bad query fails before any indexing
    with _open(options.path) as index:
        if index.last_refresh is None:
            _refresh(index, Console(stderr=True))
        hits = index.search(options.query, limit=options.limit)
    if options.json:
        records = [
            {"id": hit.article_id, "score": hit.score, "path": hit.article.path if hit.article else None,
             "entry": hit.article.entry if hit.article else 0, "title": hit.article.title if hit.article else None,
             "outlet": hit.article.outlet if hit.article else None, "date": hit.article.date if hit.article else None,
             "snippet": "".join(text for text, _ in hit.snippet),
             "hits": [text for text, is_hit in hit.snippet if is_hit]}
            for hit in hits
        ]
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    console = Console()
    if not hits:
        console.print("No matches.")
    for number, hit in enumerate(hits, 1):
        article = hit.article
        head = Text(f"{number:>3}. ", style="dim")
        head.append(clean_line(article.title if article else hit.article_id), style="bold")
        console.print(head)
        meta = Text("     ", style="dim")
        meta.append(clean_line(" · ".join(x for x in (article.outlet, article.date, article.path) if x))
                    if article else "", style="dim")
        console.print(meta)
        snippet = Text("     ")
        for text, is_hit in hit.snippet:
            snippet.append(_inline(text), style="bold yellow" if is_hit else "")
        console.print(snippet)
    return 0


# -- export --------------------------------------------------------------------------


def _export_parser() -> tuple[argparse.ArgumentParser, Callable[[argparse.Namespace], int]]:
    parser = argparse.ArgumentParser(
        prog="newsreader export", description="Export every article's metadata, entities, quotes and sources.")
    parser.add_argument("path", type=Path, help="folder of articles")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default jsonl)")
    parser.add_argument("--output", type=Path, help="file to write (default: standard output)")
    return parser, _run_export


def _run_export(options: argparse.Namespace) -> int:
    from .export import write_csv, write_jsonl

    write = write_csv if options.format == "csv" else write_jsonl
    with _open(options.path) as index:
        if index.last_refresh is None:
            _refresh(index, Console(stderr=True))
        if options.output is None:
            write(index.records(), sys.stdout)
            return 0
        try:
            with open(options.output, "w", encoding="utf-8", newline="") as out:
                count = write(index.records(), out)
        except OSError as error:
            raise CommandError(f"cannot write {options.output}: {error.strerror or error}") from None
    print(f"Exported {count} articles to {options.output}", file=sys.stderr)
    return 0


COMMANDS: dict[str, Callable[[], tuple[argparse.ArgumentParser, Callable[[argparse.Namespace], int]]]] = {
    "index": _index_parser,
    "search": _search_parser,
    "export": _export_parser,
}
