"""``newsreader [PATH]``: open a library folder in the terminal app."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from newsreader import __version__
from newsreader.cli.common import check_library, fail


def bundled_samples() -> Path:
    """The sample library shipped with newsreader (in the wheel, or the source tree)."""
    package = Path(__file__).resolve().parents[1]  # src/newsreader
    for candidate in (package / "sample_articles", package.parents[1] / "sample_articles"):
        if candidate.is_dir():
            return candidate
    return package / "sample_articles"


def default_library() -> Path:
    """The last library used, else the bundled samples."""
    from newsreader.userdata.recent import load_recent

    return load_recent().last or bundled_samples()


def parser() -> argparse.ArgumentParser:
    """The options of ``newsreader [PATH]``; its help names the other commands."""
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="Read a folder of news articles in the terminal: entities, quotes and sources highlighted.",
        epilog="Other commands: 'newsreader analyze FILE [--json]', 'newsreader index PATH', "
        "'newsreader search PATH QUERY [--json]', "
        "'newsreader export PATH --format jsonl|csv [--query QUERY] [--table quotes|entities|citations]', "
        "'newsreader stats PATH [--json]'. "
        "With no PATH, opens the last library used, else the bundled samples.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="folder of articles (.txt, .md, .json, .jsonl, .csv)")
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and open the library it names; returns the exit status."""
    options = parser().parse_args(list(argv))
    return open_library(options.path)


def open_library(path: Path | None) -> int:
    """Open ``path`` (or the default library) in the terminal app; 2 if it cannot be read."""
    root = path if path is not None else default_library()
    problem = check_library(root)
    if problem:
        return fail(problem)
    # The first screenful is read from the index while Textual is imported and started.
    from newsreader.ui.rows import Prefetch

    early = Prefetch(root)
    from newsreader.ui.app import NewsreaderApp

    app = NewsreaderApp(root, early)
    app.run()
    # Textual sets a non-zero return code when the app ended on an unhandled error
    # (it has printed the traceback): say so to the shell too.
    return app.return_code or 0
