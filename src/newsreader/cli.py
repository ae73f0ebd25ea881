"""The ``newsreader`` command: open a library in the terminal app, or analyse a file."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from newsreader import __version__

SUBCOMMANDS = ("analyze", "index", "search", "export")


def bundled_samples() -> Path:
    """The sample library shipped with newsreader (in the wheel, or the source tree)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "sample_articles", here.parents[1] / "sample_articles"):
        if candidate.is_dir():
            return candidate
    return here / "sample_articles"


def default_library() -> Path:
    """The last library used, else the bundled samples."""
    from newsreader.state import load_recent

    return load_recent().last or bundled_samples()


def _fail(message: str) -> int:
    print(f"newsreader: error: {message}", file=sys.stderr)
    return 2


def check_library(path: Path) -> str | None:
    """Why ``path`` cannot be opened as a library, or ``None`` when it can."""
    if not path.exists():
        return f"no such folder: {path}"
    if not path.is_dir():
        return f"not a folder: {path}"
    if not os.access(path, os.R_OK | os.X_OK):
        return f"cannot read folder: {path}"
    return None


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="Read a folder of news articles in the terminal: entities, quotes and sources highlighted.",
        epilog="Other commands: 'newsreader analyze FILE [--json]', 'newsreader index PATH', "
        "'newsreader search PATH QUERY [--json]', 'newsreader export PATH --format jsonl|csv'. "
        "With no PATH, opens the last library used, else the bundled samples.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="folder of articles (.txt, .md, .json, .jsonl, .csv)")
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsreader analyze",
                                     description="Print an article's entities, quotes and cited sources.")
    parser.add_argument("file", type=Path, help="an article file")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    return parser


def run_app(path: Path | None) -> int:
    """Open ``path`` (or the default library) in the terminal app."""
    root = path if path is not None else default_library()
    problem = check_library(root)
    if problem:
        return _fail(problem)
    from newsreader.ui.app import NewsreaderApp

    app = NewsreaderApp(root)
    app.run()
    # Textual sets a non-zero return code when the app ended on an unhandled error
    # (it has printed the traceback): say so to the shell too.
    return app.return_code or 0


def run_analyze(file: Path, as_json: bool) -> int:
    """Analyse every article in ``file`` and print the result."""
    import json

    from rich.console import Console

    from newsreader.analysis import analyze
    from newsreader.analysis.report import analysis_table, analysis_to_dict
    from newsreader.library import ParseError, parse_bytes

    try:
        parsed = parse_bytes(file.name, file.read_bytes())
    except OSError as error:
        return _fail(f"cannot read {file}: {error.strerror or error}")
    except ParseError as error:
        return _fail(f"cannot parse {file}: {error}")
    results = [(item, analyze(item.body)) for item in parsed]
    if as_json:
        records = [{"title": item.title, **analysis_to_dict(item.body, result)} for item, result in results]
        print(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
        return 0
    console = Console()
    for item, result in results:
        console.rule(item.title, style="bold")
        console.print(analysis_table(item.body, result))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsreader`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "analyze":
        options = _analyze_parser().parse_args(args[1:])
        return run_analyze(options.file, options.json)
    if args and args[0] in ("index", "search", "export"):
        from newsreader.index.commands import run_command

        return run_command(args[0], args[1:])
    options = _app_parser().parse_args(args)
    return run_app(options.path)
