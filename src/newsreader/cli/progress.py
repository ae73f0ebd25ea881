"""Opening a library's index from the shell, and refreshing it with a progress bar.

Shared by ``index``, ``search`` and ``export``. The bar goes to stderr and only
to a terminal, so pipes and logs get no bar (and no stray newline).
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsreader.cli.common import CommandError, check_library
from newsreader.index import IndexUnavailable, LibraryIndex, RefreshProgress, RefreshSummary
from newsreader.library import LibraryError

#: What Ctrl+C during a refresh prints: the index is written in transactions.
INTERRUPTED = "interrupted (the index stays usable; run again to resume)"


def open_index(path: Path) -> LibraryIndex:
    """The index of the library at ``path``; CommandError if the folder or index cannot be used."""
    problem = check_library(path)
    if problem:
        raise CommandError(problem)
    try:
        return LibraryIndex.open(path)
    except IndexUnavailable as error:
        raise CommandError(str(error)) from None


def refresh_index(index: LibraryIndex, console: Console) -> RefreshSummary:
    """Bring ``index`` up to date, showing progress on ``console`` when it is a terminal.

    Raises CommandError when the library folder cannot be read.
    """
    try:
        if not console.is_terminal:
            return index.refresh()
        columns = (TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("scanning", total=None)

            def show(step: RefreshProgress) -> None:
                progress.update(task, description=step.phase, completed=step.done, total=step.total or None)

            return index.refresh(on_progress=show)
    except LibraryError as error:
        raise CommandError(str(error)) from None
