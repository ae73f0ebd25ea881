"""``newsreader index PATH``: build or refresh a library's index, with progress and a summary.

The summary is a table of counts (added, changed, removed, unchanged, files
skipped), then the skip reasons with up to three example files each.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsreader.cli.common import guarded
from newsreader.cli.progress import INTERRUPTED, open_index, refresh_index
from newsreader.index import RefreshSummary
from newsreader.library.sanitize import clean_line

#: At most this many skip reasons are listed.
SHOWN_SKIPS = 30


def parser() -> argparse.ArgumentParser:
    """The options of ``newsreader index``."""
    parser = argparse.ArgumentParser(prog="newsreader index", description="Build or refresh a library's index.")
    parser.add_argument("path", type=Path, help="folder of articles")
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv``, refresh the library's index and print what changed."""
    options = parser().parse_args(list(argv))
    return guarded(lambda: index_library(options.path), INTERRUPTED)


def index_library(path: Path) -> int:
    """Refresh the index of the library at ``path`` and print the summary; CommandError on a bad path."""
    console = Console()
    with open_index(path) as index:
        summary = refresh_index(index, Console(stderr=True))
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
    """Skip reasons with counts, most common first, then the first skipped files (names as plain text)."""
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
