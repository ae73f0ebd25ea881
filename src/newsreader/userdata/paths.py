"""Where newsreader keeps its own files, and how it writes them.

Nothing here ever writes into a library folder: data lives under the platform's
user directories, or under ``$NEWSREADER_HOME`` when that is set (tests and
users who want everything in one place).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

APP_NAME = "newsreader"
HOME_ENV = "NEWSREADER_HOME"


def data_dir() -> Path:
    """The directory for newsreader's data files (created on demand by writers)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "data"
    import platformdirs  # imported when needed: start-up time counts

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The directory for rebuildable caches such as library indexes (created on demand)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The directory for the user's settings (created on demand)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so a crash leaves the old file or the new, never half.

    Creates the parent folders. Raises OSError when the file cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


@contextmanager
def locked_folder(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s folder (where locks exist) while saving ``path``.

    The folder, not a lock file: nothing is left behind, and saves are short.
    Creates the folder; raises OSError when it cannot.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
