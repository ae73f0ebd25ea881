"""Where indexes live: the cache dir, one file per library, never in the library."""

from __future__ import annotations

from pathlib import Path

from newsreader.index import LibraryIndex
from newsreader.index.location import index_path
from newsreader.userdata import paths


def test_cache_and_config_dirs_follow_newsreader_home(newsreader_home: Path) -> None:
    assert paths.cache_dir() == newsreader_home / "cache"
    assert paths.config_dir() == newsreader_home / "config"
    assert paths.data_dir() == newsreader_home / "data"


def test_one_index_per_resolved_library(tmp_path: Path, newsreader_home: Path) -> None:
    (tmp_path / "My News!").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "My News!")
    path = index_path(tmp_path / "My News!")
    assert path == index_path(tmp_path / "link") == index_path(tmp_path / "My News!" / ".." / "My News!")
    assert path.is_relative_to(newsreader_home / "cache")
    assert path.name.startswith("my-news-") and path.suffix == ".sqlite3"
    assert index_path(tmp_path) != path


def test_building_writes_nothing_into_the_library(small_library: Path) -> None:
    before = sorted(p for p in small_library.rglob("*"))
    with LibraryIndex.open(small_library) as index:
        index.refresh()
    assert sorted(p for p in small_library.rglob("*")) == before
    assert index_path(small_library).is_file()
