"""The glance's lists at a narrow width (issue 12): a name never runs into its count, and the
counts stand right-aligned in one column, in a list that scrolls as in one that does not."""

from __future__ import annotations

import re
from pathlib import Path

from pilot_helpers import screen_text, settle

from newsreader.ui.app import NewsreaderApp
from newsreader.ui.screens.glance import GlanceItem, GlanceList, GlanceScreen

#: Names longer than a list is wide at 80 columns, and counts of different widths.
SPEAKERS = [GlanceItem(name, count, ("speaker", name)) for name, count in
            [("Aurelio Santangelo", 1234), ("Marisol Quenneville-Abernathy", 2), ("Ida Ek", 17)]]
SOURCES = [GlanceItem("Officials and bodies", None, None, heading=True)] + [
    GlanceItem(f"Ministry of Energy and Climate, office {number}", 1, ("source", f"office {number}"))
    for number in range(30)]  # more rows than fit: this list scrolls
OUTLETS = [GlanceItem(name, count, ("outlet", name)) for name, count in
           [("Plains Farm Journal", 1), ("Lakeport Ledger", 12)]]


def _rows(app: NewsreaderApp, list_id: str) -> list[str]:
    """The drawn text of each row of the list, from its left border to its right border."""
    region = app.screen.query_one(list_id, GlanceList).region
    lines = screen_text(app).splitlines()[region.y + 1:region.bottom - 1]
    return [line[region.x + 1:region.right - 1] for line in lines]


async def test_names_are_cut_to_leave_a_space_before_their_right_aligned_counts(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(GlanceScreen(app.main.loader.location))
        await settle(pilot)
        screen = app.screen
        for list_id, shown in (("#glance-speakers", SPEAKERS), ("#glance-sources", SOURCES),
                               ("#glance-outlets", OUTLETS)):
            screen.query_one(list_id, GlanceList).show(shown, "")
        await pilot.pause()
        assert screen.query_one("#glance-sources", GlanceList).show_vertical_scrollbar
        assert not screen.query_one("#glance-speakers", GlanceList).show_vertical_scrollbar
        speakers, sources, outlets = (_rows(app, "#glance-speakers"), _rows(app, "#glance-sources"),
                                      _rows(app, "#glance-outlets"))
    width = len(speakers[0])
    assert width < len("  Marisol Quenneville-Abernathy 2  ")  # narrow enough that names are cut
    names = width - 10  # cells left for a name beside a five-cell count ("1,234"), a space, the margins
    assert speakers[:3] == ["  " + "Aurelio Santangelo"[:names - 1] + "… 1,234  ",
                            "  " + "Marisol Quenneville-Abernathy"[:names - 1] + "…     2  ",
                            "  " + "Ida Ek".ljust(names) + "    17  "]
    outlet = len(outlets[0]) - 7  # a two-cell count ("12")
    assert outlet < len("Plains Farm Journal")
    assert outlets[:2] == ["  " + "Plains Farm Journal"[:outlet - 1] + "…  1  ",
                           "  " + "Lakeport Ledger".ljust(outlet) + " 12  "]
    # The scrolling list's scrollbar takes the cell the others keep clear.
    assert sources[1][:-1] == "  " + "Ministry of Energy and Climate"[:width - 7] + "… 1 "
    # Every count, in all three lists, ends two cells before the list's right border (the last
    # cell is the scrolling list's scrollbar), after at least one space.
    counted = [row for row in speakers + sources + outlets if re.search(r"\d", row)]
    assert [row for row in counted if not re.fullmatch(r"  \S.*\S +[\d,]+ .", row)] == []
