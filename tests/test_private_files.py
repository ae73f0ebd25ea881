"""Everything newsreader writes (index and its -wal/-shm, reading state, recent list, settings) is the
user's alone: folders 0700, files 0600, even under a umask that would make them world-writable."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pilot_helpers import settle

from newsreader.index import LibraryIndex, ViewSpec
from newsreader.ui.app import NewsreaderApp


async def test_everything_written_is_private_whatever_the_umask(small_library: Path, newsreader_home: Path) -> None:
    old = os.umask(0o000)
    try:
        app = NewsreaderApp(small_library)
        held = LibraryIndex.open(small_library)
        held.view_count(ViewSpec())  # a reader keeps the -wal and -shm files (the last one out removes them)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("enter")  # opening marks it read: the reading state is written
            await settle(pilot)
            await pilot.press("asterisk", "e")  # a star, and a setting
            await app.workers.wait_for_complete()
            written = sorted(newsreader_home.rglob("*"))
            names = {path.name for path in written}
            assert {"config.toml", "recent.json"} <= names
            assert any(name.endswith(".sqlite3-wal") for name in names)
            assert any(name.endswith(".sqlite3-shm") for name in names)
            assert any(path.parent.name == "libraries" and path.suffix == ".json" for path in written)
            modes = {str(path.relative_to(newsreader_home)): stat.S_IMODE(path.stat().st_mode) for path in written}
        held.close()
    finally:
        os.umask(old)
    public = {name: oct(mode) for name, mode in modes.items()
              if mode != (0o700 if (newsreader_home / name).is_dir() else 0o600)}
    assert public == {}
    assert not any(path.name.startswith(".") for path in small_library.rglob("*"))  # nothing in the library
