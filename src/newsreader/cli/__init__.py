"""The ``newsreader`` command line: one module per subcommand.

* ``newsreader [PATH]``: open a library in the terminal app (:mod:`.app`);
* ``newsreader analyze FILE``: print an article's analysis (:mod:`.analyze`);
* ``newsreader index PATH``, ``search PATH QUERY``, ``export PATH``: the library
  index from the shell (:mod:`.index`, :mod:`.search`, :mod:`.export`);
* ``newsreader stats PATH``: the library at a glance (:mod:`.stats`).

Each subcommand module has ``run(argv) -> int`` (the exit status) and is imported
only when it is used: starting the app should not pay for rich tables or the index.
Nothing below this package imports it (the import-linter contract checks).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence

#: Subcommand names; every other first argument is a library PATH for the app.
SUBCOMMANDS = ("analyze", "index", "search", "export", "stats")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsreader`` console script and ``python -m newsreader``.

    ``argv`` defaults to ``sys.argv[1:]``; returns the exit status (2 for a bad path,
    query or option, as the README documents).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    name = args[0] if args and args[0] in SUBCOMMANDS else None
    module = importlib.import_module(f"{__name__}.{name or 'app'}")
    run: Callable[[Sequence[str]], int] = module.run
    return run(args[1:] if name else args)
