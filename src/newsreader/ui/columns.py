"""How the list's row width is shared between the title and the outlet, date and length columns.

Pure arithmetic, no Textual: :func:`layout` takes the row width (the list widget's
actual width, so the columns follow every resize) and what each column needs (0:
no row has that data, the column takes no space), and gives each column its cells.
The title is what the reader scans, so it gets everything the columns do not take,
and a column is only shown while the title keeps a readable floor.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

#: Cells before the title (" ●★ ": space, unread mark, star, space) and after the last column.
LEAD = 4
TRAIL = 1
#: The space before each column.
GAP = 1
#: A date as :func:`newsreader.library.dates.short_date` writes it ("14 Mar 2024").
DATE_CELLS = 11
#: The title keeps at least this many cells (or its longest, if shorter) before the outlet or the
#: date is shown: 36 characters, about six words, enough to tell headlines apart, and the "…"
#: of a cut title.
TITLE_FLOOR = 37
#: The length column is the least useful: it only takes room the title can spare at this size.
TITLE_FLOOR_FOR_LENGTH = 60
#: An outlet cut shorter than this says nothing: the column is left out instead.
OUTLET_MIN = 8
#: An outlet column never takes more than this, or a third of the room on wide lists
#: (a very long name is usually a URL or a tagline, not what the reader scans for).
OUTLET_MAX = 24


@dataclass(frozen=True, slots=True)
class Needs:
    """The cells each column would like: the longest title, outlet name and length label
    among the rows shown (0: none of them has that data), and the date's (0: no dates)."""

    title: int
    outlet: int = 0
    date: int = 0
    length: int = 0


@dataclass(frozen=True, slots=True)
class Columns:
    """The cells each part of a row gets (0: the column is not shown, nor its gap)."""

    title: int
    outlet: int = 0
    date: int = 0
    length: int = 0

    def used(self) -> int:
        """The cells the whole row takes, lead, gaps and trail included."""
        shown = [cells for cells in (self.outlet, self.date, self.length) if cells]
        return LEAD + self.title + sum(shown) + GAP * len(shown) + TRAIL


@lru_cache(maxsize=256)
def layout(width: int, needs: Needs, first: str = "date") -> Columns:
    """Share ``width`` cells between the title and the columns, in order of use: ``first`` (the
    column the list is sorted by, "date" or "outlet"), the other of the two, then length.

    Each column gets what it needs, or is left out (only the outlet may be cut, to no less
    than OUTLET_MIN cells) when the title would keep fewer than its floor; the title gets
    the rest.
    """
    room = max(0, width - LEAD - TRAIL)
    outlet_cap = max(OUTLET_MAX, room // 3)
    granted: dict[str, int] = {}
    outlet = ("outlet", min(needs.outlet, outlet_cap), TITLE_FLOOR, OUTLET_MIN)
    date = ("date", needs.date, TITLE_FLOOR, needs.date)
    for name, need, floor, least in (
        *((outlet, date) if first == "outlet" else (date, outlet)),
        ("length", needs.length, TITLE_FLOOR_FOR_LENGTH, needs.length),
    ):
        if need <= 0:
            continue
        spare = room - min(max(needs.title, 0), floor) - GAP
        cells = min(need, spare)
        if cells >= min(need, least) and cells > 0:
            granted[name] = cells
            room -= cells + GAP
    return Columns(title=room, **granted)
