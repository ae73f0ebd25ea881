"""The libraries opened most recently: ``data_dir()/recent.json``.

A missing or damaged file gives an empty list, and failing to save it is not
fatal: it only means the next start opens the bundled samples.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from newsreader.userdata.paths import atomic_write_text, data_dir

MAX_RECENT = 12


@dataclass
class RecentLibraries:
    """The libraries opened most recently, newest first (resolved paths as strings)."""

    paths: list[str] = field(default_factory=list)

    @property
    def last(self) -> Path | None:
        """The library opened last, if it still exists."""
        for path in self.paths:
            if Path(path).is_dir():
                return Path(path)
        return None

    def touch(self, library: Path) -> None:
        """Move ``library`` to the front of the list (at most MAX_RECENT are kept)."""
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
