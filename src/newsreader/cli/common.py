"""What every subcommand shares: the one-line error, the library check, the guard.

Errors a user can fix (a bad path, query or option) are one line on stderr,
``newsreader: error: ...``, and exit status 2. The text is cleaned first:
paths and queries come from the user and may hold escape sequences.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CommandError(Exception):
    """A problem to report in one line, with exit status 2."""


def fail(message: str) -> int:
    """Print ``message`` as a one-line error and return the exit status 2."""
    from newsreader.library.sanitize import clean_line  # only errors pay for it

    print(f"newsreader: error: {clean_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def check_library(path: Path) -> str | None:
    """Why ``path`` cannot be opened as a library, or ``None`` when it can."""
    if not path.exists():
        return f"no such folder: {path}"
    if not path.is_dir():
        return f"not a folder: {path}"
    if not os.access(path, os.R_OK | os.X_OK):
        return f"cannot read folder: {path}"
    return None


def guarded(action: Callable[[], int], interrupted: str = "interrupted") -> int:
    """Run ``action`` and turn the failures a command line expects into exit statuses.

    CommandError gives its one-line error (2); a closed pipe (``| head``) ends
    quietly (1), as other command-line tools do; Ctrl+C prints
    ``newsreader: <interrupted>`` and gives 130.
    """
    try:
        return action()
    except CommandError as error:
        return fail(str(error))
    except BrokenPipeError:
        # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"newsreader: {interrupted}", file=sys.stderr)
        return EXIT_INTERRUPTED
