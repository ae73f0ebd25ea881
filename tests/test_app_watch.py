"""The open library follows its folder, and settings chosen in the app are kept."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import settle

from newsreader.ui.app import NewsreaderApp
from newsreader.userdata.settings import load_config


async def test_files_added_changed_and_removed_show_up(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main._watch_timer is not None, "a later check of the folder is scheduled"
        (small_library / "river" / "new.txt").write_text(
            "By Oskar Brandt. Media: Riversidepost\nA new ferry pier opened at the river mouth on Friday.\n")
        (small_library / "river" / "mill.txt").unlink()
        app.main.check_again()  # what the timer does, without waiting for it
        await settle(pilot)
        paths = sorted(a.path for a in app.main.article_list.articles)
        assert "river/new.txt" in paths and "river/mill.txt" not in paths
        assert len(paths) == 5


async def test_theme_chosen_in_the_app_is_remembered(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "gruvbox"
        await app.workers.wait_for_complete()
    assert load_config().theme == "gruvbox"
    again = NewsreaderApp(small_library)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "gruvbox"


async def test_quitting_while_the_library_loads_is_clean(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for number in range(300):
        (root / f"{number:03d}.txt").write_text(
            f"By Lena Novak. Media: Northernwire\nStory {number} about the harbour council vote.\n")
    app = NewsreaderApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")  # while the index is still being built and batches are arriving
    assert app.return_code == 0
