"""Where newsreader keeps its own files, and the small state it remembers.

Nothing here ever writes into a library folder: data lives under the platform's
user data directory, or under ``$NEWSREADER_HOME`` when that is set (tests and
users who want everything in one place).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

APP_NAME = "newsreader"
HOME_ENV = "NEWSREADER_HOME"
MAX_RECENT = 12


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
    """Write ``text`` to ``path`` so a crash leaves the old file or the new, never half."""
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


@dataclass
class RecentLibraries:
    """The libraries opened most recently, newest first."""

    paths: list[str] = field(default_factory=list)

    @property
    def last(self) -> Path | None:
        """The library opened last, if it still exists."""
        for path in self.paths:
            if Path(path).is_dir():
                return Path(path)
        return None

    def touch(self, library: Path) -> None:
        """Move ``library`` to the front of the list."""
        resolved = str(library.resolve())
        self.paths = [resolved] + [p for p in self.paths if p != resolved]
        del self.paths[MAX_RECENT:]


def _recent_file() -> Path:
    return data_dir() / "recent.json"


def load_recent() -> RecentLibraries:
    """Read the recent libraries; a missing or damaged file gives an empty list."""
    try:
        raw = json.loads(_recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return RecentLibraries()
    paths = raw.get("libraries") if isinstance(raw, dict) else None
    if not isinstance(paths, list):
        return RecentLibraries()
    return RecentLibraries([p for p in paths if isinstance(p, str)][:MAX_RECENT])


def save_recent(recent: RecentLibraries) -> None:
    """Persist the recent libraries; failure to write is not fatal to reading."""
    try:
        atomic_write_text(_recent_file(), json.dumps({"libraries": recent.paths}, indent=1))
    except OSError:
        pass
