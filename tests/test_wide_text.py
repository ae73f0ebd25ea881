"""Wide characters, emoji and right-to-left text keep the list's columns aligned."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import screen_text, settle
from rich.cells import cell_len

from newsreader.ui.app import NewsreaderApp

TITLES = {
    "a.md": "東京の港湾局が夜間フェリーを停止 — 港湾局の長い説明が続く見出し",
    "b.md": "Storm 🌊🌊 closes harbour 🚢 for the night, officials say",
    "c.md": "مجلس المدينة يصوت على إعادة فتح المطحنة القديمة",
    "d.md": "Plain ASCII headline about the mill",
}


def _library(root: Path) -> Path:
    root.mkdir()
    for name, title in TITLES.items():
        (root / name).write_text(f"---\ntitle: {title}\nsource: Coastalbulletin\ndate: 2024-03-14\n---\n\nBody.\n",
                                 encoding="utf-8")
    return root


async def test_columns_line_up_whatever_the_script(tmp_path: Path) -> None:
    app = NewsreaderApp(_library(tmp_path / "wide"))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        listing = app.main.article_list
        width = listing.scrollable_content_region.width
        outlet_columns = set()
        for index in range(listing.row_count):
            strip = listing.render_line(index)
            assert strip.cell_length == width
            text = strip.text
            outlet_at = text.index(" Coastal B")
            outlet_columns.add(cell_len(text[:outlet_at]))
        assert len(outlet_columns) == 1, "the outlet column starts at one cell offset on every row"
        await pilot.press("enter")
        await settle(pilot)
        for size in ((80, 24), (200, 60)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert all(cell_len(line) == size[0] for line in lines)
