"""Moved to :mod:`newsreader.userdata.paths` and :mod:`newsreader.userdata.recent`.

A re-export kept only while UI and index modules still import this name.
"""

from newsreader.userdata.paths import APP_NAME, HOME_ENV, atomic_write_text, cache_dir, config_dir, data_dir
from newsreader.userdata.recent import MAX_RECENT, RecentLibraries, load_recent, save_recent

__all__ = ["APP_NAME", "HOME_ENV", "MAX_RECENT", "RecentLibraries", "atomic_write_text", "cache_dir", "config_dir",
           "data_dir", "load_recent", "save_recent"]
