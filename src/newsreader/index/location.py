"""Where a library's index lives: one SQLite file per library, in the user cache dir."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from newsreader.userdata.paths import cache_dir

_SLUG_RE = re.compile(r"[^a-z0-9]+")


def index_dir() -> Path:
    """The folder holding every library's index (created on demand by the index)."""
    return cache_dir() / "indexes"


def resolve_root(root: Path) -> Path:
    """``root`` as an absolute, symlink-free path: one library, one index."""
    return Path(os.path.realpath(os.fspath(root)))


def index_path(root: Path) -> Path:
    """The database file for the library at ``root``.

    Named by a hash of the resolved path (so two spellings of one folder share
    it) plus a readable slug of the folder name. Never inside the library.
    """
    resolved = os.fsencode(resolve_root(root))
    digest = hashlib.sha256(resolved).hexdigest()[:16]
    name = os.fsdecode(os.path.basename(resolved)).lower()
    slug = _SLUG_RE.sub("-", name).strip("-")[:40] or "library"
    return index_dir() / f"{slug}-{digest}.sqlite3"


@dataclass(frozen=True, slots=True)
class IndexLocation:
    """Where the index of the library at ``root`` (resolved) lives: its file in the cache
    folder, or (``memory``) an in-memory database shared by this process's threads."""

    root: Path
    memory: bool = False

    @property
    def uri(self) -> str:
        """The in-memory database's URI (see :func:`newsreader.index.schema.memory_uri`)."""
        from .schema import memory_uri

        return memory_uri(hashlib.sha256(os.fsencode(self.root)).hexdigest()[:16])
