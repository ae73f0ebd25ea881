"""``E`` exports what the reader sees (issue 12): the list in its order, or the search results
best first, as a private CSV file outside the library; hostile cells stay text."""

from __future__ import annotations

import csv
import stat
from pathlib import Path

from pilot_helpers import settle, settle_search

from newsreader.library.model import Article
from newsreader.ui.app import NewsreaderApp
from newsreader.ui.widgets.sidebar import SourcesSidebar
from newsreader.userdata.exports import article_row, export_path


def _exported(home: Path) -> list[list[str]]:
    files = sorted((home / "exports").glob("*.csv"))
    assert len(files) == 1, files
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    with files[0].open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


async def test_e_exports_the_filtered_list_in_its_order(small_library: Path, newsreader_home: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        coastal = next(name for name, _ in app.main.session.outlets if "oastal" in name)
        app.main.sidebar.post_message(SourcesSidebar.OutletChosen(coastal))
        await settle(pilot)
        shown = [a.title for a in app.main.article_list.articles]
        await pilot.press("E")
        await settle(pilot)
        assert any("Exported 2 articles to" in str(note.message) for note in app._notifications)
    rows = _exported(newsreader_home)
    assert rows[0][:4] == ["title", "authors", "outlet", "date"]
    assert [row[0] for row in rows[1:]] == shown and {row[2] for row in rows[1:]} == {"Coastal Bulletin"}
    assert not [p for p in small_library.rglob("*.csv")]


async def test_e_in_search_exports_the_results_with_rank_and_snippet(small_library: Path,
                                                                      newsreader_home: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"council")
        await settle_search(pilot)
        await pilot.press("down", "E")
        await settle_search(pilot)
    rows = _exported(newsreader_home)
    assert rows[0][0] == "rank" and rows[0][-1] == "snippet"
    assert [row[0] for row in rows[1:]] == ["1", "2"]
    assert {row[6] for row in rows[1:]} == {"river/bridge.md", "river/mill.txt"}
    assert all("council" in row[-1].lower() for row in rows[1:])


def test_cells_are_cleaned_and_formulas_stay_text(tmp_path: Path) -> None:
    article = Article(id="x", path="a.txt", title="=HYPERLINK(\"http://x.example\")", authors=("@Oda\x1b[2J",),
                      outlet="Vallbyposten", date="2024-05-06")
    row = article_row(article)
    assert row[0] == "'=HYPERLINK(\"http://x.example\")" and row[1] == "'@Oda"
    assert export_path(Path("/data/My Library!"), "list", tmp_path).name.startswith("newsreader-My-Library--list-")


async def test_an_export_folder_newsreader_makes_is_private_whatever_the_umask(
        small_library: Path, newsreader_home: Path) -> None:
    import os

    previous = os.umask(0o022)
    try:
        app = NewsreaderApp(small_library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("E")
            await settle(pilot)
    finally:
        os.umask(previous)
    assert len(_exported(newsreader_home)) == 1 + len(app.main.article_list.articles)
    assert stat.S_IMODE((newsreader_home / "exports").stat().st_mode) == 0o700


def test_an_export_leaves_an_existing_folder_as_it_is(tmp_path: Path) -> None:
    import os

    from newsreader.userdata.exports import write_rows

    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    os.chmod(downloads, 0o755)
    assert write_rows(downloads / "new" / "deeper" / "list.csv", ("title",), [["Pier reopens"]]) == 1
    assert stat.S_IMODE(downloads.stat().st_mode) == 0o755
    assert stat.S_IMODE((downloads / "new").stat().st_mode) == 0o700
    assert stat.S_IMODE((downloads / "new" / "deeper").stat().st_mode) == 0o700
