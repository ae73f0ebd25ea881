"""``newsreader analyze FILE [--json]``: an article's entities, quotes and cited sources."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from newsreader.cli.common import CommandError, guarded


def parser() -> argparse.ArgumentParser:
    """The options of ``newsreader analyze``."""
    parser = argparse.ArgumentParser(prog="newsreader analyze",
                                     description="Print an article's entities, quotes and cited sources.")
    parser.add_argument("file", type=Path, help="an article file")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv``, analyse every article in the file and print the result."""
    options = parser().parse_args(list(argv))
    return guarded(lambda: analyze_file(options.file, options.json))


def analyze_file(file: Path, as_json: bool) -> int:
    """Print the analysis of every article in ``file`` (a table, or JSON for scripts).

    Raises CommandError when the file cannot be read or parsed.
    """
    from rich.console import Console
    from rich.text import Text

    from newsreader.analysis import analyze
    from newsreader.analysis.report import analysis_table, analysis_to_dict
    from newsreader.library import ParseError, parse_bytes

    try:
        parsed = parse_bytes(file.name, file.read_bytes())
    except OSError as error:
        raise CommandError(f"cannot read {file}: {error.strerror or error}") from None
    except ParseError as error:
        raise CommandError(f"cannot parse {file}: {error}") from None
    results = [(item, analyze(item.body)) for item in parsed]
    if as_json:
        records = [{"title": item.title, **analysis_to_dict(item.body, result)} for item, result in results]
        print(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
        return 0
    console = Console()
    for item, result in results:
        console.rule(Text(item.title), style="bold")  # a title is article text: never markup
        console.print(analysis_table(item.body, result))
    return 0
