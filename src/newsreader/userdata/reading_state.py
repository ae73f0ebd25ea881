"""What the reader has done in one library: read and starred articles, where they left off.

Each library gets one small JSON file under ``data_dir()/libraries/``, named by a
hash of the library's resolved path, so nothing is ever written into the library
folder itself. The file looks like::

    {"version": 1, "library": "/home/ana/news",
     "read": ["a", "b"], "starred": ["b"],
     "last_article": "b", "last_scroll": 42}

Loading never raises. A file that cannot be read or understood (bad JSON, wrong
shape, a version from a newer newsreader) gives an empty state with ``problem``
set, and the original is kept as ``<name>.damaged`` before anything replaces it.
Saving never raises either: it reports failure by returning ``False``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Set
from pathlib import Path

from newsreader.userdata.damaged import DAMAGED_SUFFIX, Damaged, move_aside, read_state, set_aside, versioned_object
from newsreader.userdata.paths import atomic_write_text, data_dir, locked_folder

FORMAT_VERSION = 1
LIBRARIES_DIR = "libraries"
__all__ = ["DAMAGED_SUFFIX", "FORMAT_VERSION", "LIBRARIES_DIR", "ReadingState", "library_key", "state_file"]


class _SetView(Set[str]):
    """A read-only, zero-copy view of a set of ids."""

    __slots__ = ("_items",)

    def __init__(self, items: set[str]) -> None:
        self._items = items

    def __contains__(self, item: object) -> bool:
        return item in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self._items)} ids)"


def library_key(root: Path) -> str:
    """The stable key of a library: a hash of its resolved path."""
    return hashlib.sha256(os.fsencode(str(_resolve(root)))).hexdigest()[:32]


def state_file(root: Path) -> Path:
    """Where the reading state of the library at ``root`` is kept."""
    return data_dir() / LIBRARIES_DIR / f"{library_key(root)}.json"


def _resolve(root: Path) -> Path:
    try:
        return root.resolve()
    except (OSError, RuntimeError):  # symlink loops, vanished parents
        return root.absolute()



class ReadingState:
    """Read and starred article ids of one library, and the last reading position."""

    def __init__(self, root: Path, path: Path) -> None:
        self.root = _resolve(root)
        self.path = path
        self.problem: str | None = None
        self._read: set[str] = set()
        self._starred: set[str] = set()
        self._last_article: str | None = None
        self._last_scroll = 0
        self._dirty = False
        # The read and starred ids as last loaded or saved: what this instance changed
        # since is its own; anything else in the file came from another instance.
        self._base_read: frozenset[str] = frozenset()
        self._base_starred: frozenset[str] = frozenset()
        # The file on disk could not be used and has not been copied aside yet:
        # it must be moved to a ``.damaged`` name before a save may replace it.
        self._preserve_pending = False

    # -- loading ---------------------------------------------------------------------
    @classmethod
    def load(cls, root: Path) -> ReadingState:
        """The saved state of the library at ``root``; empty (never an error) when none is usable."""
        state = cls(root, state_file(root))
        raw, state.problem = read_state(state.path, "Reading state")
        state._preserve_pending = state.problem is not None
        if raw is None:
            return state
        try:
            state._parse(raw)
        except Damaged as error:
            state._read.clear()
            state._starred.clear()
            state._last_article, state._last_scroll = None, 0
            state.problem, state._preserve_pending = set_aside(state.path, raw, "Reading state", error)
        return state

    def _parse(self, raw: bytes) -> None:
        data = versioned_object(raw, FORMAT_VERSION)
        read, starred = data.get("read", []), data.get("starred", [])
        for name, ids in (("read", read), ("starred", starred)):
            if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
                raise Damaged(f"'{name}' is not a list of ids")
        last_article, last_scroll = data.get("last_article"), data.get("last_scroll", 0)
        if last_article is not None and not isinstance(last_article, str):
            raise Damaged("'last_article' is not an id")
        if type(last_scroll) is not int or last_scroll < 0:
            raise Damaged("'last_scroll' is not a line number")
        self._read, self._starred = set(read), set(starred)
        self._last_article, self._last_scroll = last_article, last_scroll
        self._base_read, self._base_starred = frozenset(self._read), frozenset(self._starred)

    # -- queries ---------------------------------------------------------------------
    def is_read(self, article_id: str) -> bool:
        """Whether the article has been read (opened, or marked with ``r``)."""
        return article_id in self._read

    def is_starred(self, article_id: str) -> bool:
        """Whether the article carries a star."""
        return article_id in self._starred

    @property
    def read_ids(self) -> Set[str]:
        """The read ids: a live, read-only view (no copy)."""
        return _SetView(self._read)

    @property
    def starred_ids(self) -> Set[str]:
        """The starred ids: a live, read-only view (no copy)."""
        return _SetView(self._starred)

    @property
    def last_article(self) -> str | None:
        """The id of the article open when the state was last saved, if any."""
        return self._last_article

    @property
    def last_scroll(self) -> int:
        """The reading pane's scroll line in :attr:`last_article` (0 at the top)."""
        return self._last_scroll

    @property
    def dirty(self) -> bool:
        """Whether there are changes a ``save()`` would write."""
        return self._dirty

    # -- changes ---------------------------------------------------------------------
    def mark_read(self, article_id: str) -> None:
        """Mark the article read (a change for the next :meth:`save`)."""
        if article_id not in self._read:
            self._read.add(article_id)
            self._dirty = True

    def mark_unread(self, article_id: str) -> None:
        """Mark the article unread (a change for the next :meth:`save`)."""
        if article_id in self._read:
            self._read.discard(article_id)
            self._dirty = True

    def toggle_read(self, article_id: str) -> bool:
        """Flip the read mark; returns whether the article is now read."""
        if article_id in self._read:
            self.mark_unread(article_id)
            return False
        self.mark_read(article_id)
        return True

    def toggle_star(self, article_id: str) -> bool:
        """Flip the star; returns whether the article is now starred."""
        self._dirty = True
        if article_id in self._starred:
            self._starred.discard(article_id)
            return False
        self._starred.add(article_id)
        return True

    def remember_position(self, article_id: str | None, scroll: int) -> None:
        """Remember the open article (``None``: none) and its scroll line (negative counts as 0)."""
        scroll = max(0, int(scroll)) if article_id is not None else 0
        if (article_id, scroll) != (self._last_article, self._last_scroll):
            self._last_article, self._last_scroll = article_id, scroll
            self._dirty = True

    # -- saving ----------------------------------------------------------------------
    def to_json(self, read: Set[str] | None = None, starred: Set[str] | None = None) -> str:
        """The state file's text, with ``read`` and ``starred`` in place of this instance's ids when given."""
        return json.dumps(
            {
                "version": FORMAT_VERSION,
                "library": str(self.root),
                "read": sorted(self._read if read is None else read),
                "starred": sorted(self._starred if starred is None else starred),
                "last_article": self._last_article,
                "last_scroll": self._last_scroll,
            },
            indent=0,
        )

    def save(self) -> bool:
        """Write the state if it changed. Returns ``False`` when it could not be written.

        Another newsreader may have saved the same library since this one loaded
        it: the file is read again and this instance's changes (marks added and
        removed since it loaded or last saved) are applied to what the file holds,
        under a lock, so neither instance's marks are lost.
        """
        if not self._dirty:
            return True
        read, starred = set(self._read), set(self._starred)
        try:
            if self._preserve_pending:
                if move_aside(self.path) is None:
                    return False
                self._preserve_pending = False
            with locked_folder(self.path):
                on_disk = self._current_file()
                if on_disk is None:
                    merged_read, merged_starred = read, starred
                else:
                    merged_read = (on_disk[0] | (read - self._base_read)) - (self._base_read - read)
                    merged_starred = (on_disk[1] | (starred - self._base_starred)) - (self._base_starred - starred)
                atomic_write_text(self.path, self.to_json(merged_read, merged_starred))
        except (OSError, ValueError):
            return False
        self._base_read, self._base_starred = frozenset(read), frozenset(starred)
        self._dirty = self._read != read or self._starred != starred  # changed while saving
        return True

    def _current_file(self) -> tuple[set[str], set[str]] | None:
        """The read and starred ids in the file now, or None if it is missing or unusable."""
        try:
            raw = self.path.read_bytes()
        except OSError:
            return None
        other = ReadingState(self.root, self.path)
        try:
            other._parse(raw)
        except Damaged:
            return None
        return other._read, other._starred
