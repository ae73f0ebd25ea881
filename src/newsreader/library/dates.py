"""Publication dates, in whatever shape a file gives them, to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"

# ISO dates and datetimes ("2024-05-02T09:30:00Z", "2024-05-02 09:30:00") and
# "2024/05/02". The date is kept as written: a story published late on the 2nd
# in New York belongs to the 2nd, whatever UTC says.
_YMD = re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:T|$)")
# "May 2, 2024", "Thursday, May 2nd 2024", "Sept. 2, 2024".
_MDY_NAMED = re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})")
# "2 May 2024", "Thu, 02 May 2024 09:30:00 +0000" (RFC 2822), "2nd of May, 2024".
_DMY_NAMED = re.compile(
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+" + _MONTH + r",?[\s-]+(?P<y>\d{4})"
)
# "05/02/2024" and "02.05.2024": dots are European (day first); slashes are read
# month first unless the first number cannot be a month.
_NUMERIC = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)")

_MIN_YEAR, _MAX_YEAR = 1800, 2200


def normalize_date(value: object) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD``, or None if it is not a readable date.

    Accepts strings (ISO, "May 2, 2024", "2 May 2024", RFC 2822, "05/02/2024"),
    ``date``/``datetime`` objects (YAML and TOML front matter) and Unix timestamps
    in seconds or milliseconds. Never raises.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _iso(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_timestamp(value)
    if not isinstance(value, str):
        return None
    text = value.strip()[:100]
    if not text:
        return None
    if text.isdigit() and len(text) in (10, 13):
        return _from_timestamp(int(text))
    match = _YMD.search(text) or _COMPACT.match(text)
    if match:
        return _iso(int(match["y"]), int(match["m"]), int(match["d"]))
    for pattern in (_MDY_NAMED, _DMY_NAMED):
        match = pattern.search(text)
        if match:
            month = _MONTHS.get(match["mon"].lower())
            if month is not None:
                return _iso(int(match["y"]), month, int(match["d"]))
    match = _NUMERIC.search(text)
    if match:
        first, second = int(match["a"]), int(match["b"])
        if match["sep"] == "." or first > 12:
            return _iso(int(match["y"]), second, first)
        return _iso(int(match["y"]), first, second)
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_timestamp(value: float) -> str | None:
    # Seconds from 2001 to 2286, or the same in milliseconds; other numbers are
    # not dates (a year alone, an id) and are dropped.
    if value != value:  # NaN
        return None
    if 1e12 <= value < 1e13:
        value /= 1000
    if not 1e9 <= value < 1e10:
        return None
    return dt.datetime.fromtimestamp(value, dt.UTC).date().isoformat()


# Dates that dataset tools write into file and folder names: "2016-08-01",
# "2016_08_01", "20160801", and the "2016/08/01/" of URL-shaped archive paths.
_PATH_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_PATH_FOLDERS = re.compile(r"(?:^|/)((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/)")


def date_from_path(rel: str) -> str | None:
    """The publication date a library path carries (``YYYY-MM-DD``), or None.

    ``rel`` is a POSIX path relative to the library root. The file's own name is
    read first (its last date wins: "2016-08-01-update-20160802.md" is the
    2nd), then ``YYYY/MM/DD/`` folders, then dates in folder names from the
    deepest up. A number that is no valid date ("20161332") is ignored. Never raises.
    """
    folder, _, name = rel.replace("\\", "/").rpartition("/")
    found = _last_date(_PATH_YMD.finditer(name))
    if found:
        return found
    if folder:
        found = _last_date(_PATH_FOLDERS.finditer(folder + "/"))
        if found:
            return found
        for part in reversed(folder.split("/")):
            found = _last_date(_PATH_YMD.finditer(part))
            if found:
                return found
    return None


def _last_date(matches: Iterable[re.Match[str]]) -> str | None:
    dates = [_iso(int(m[1]), int(m[2]), int(m[3])) for m in matches]
    return next((d for d in reversed(dates) if d), None)


#: Month abbreviations as dates are shown ("14 Mar 2024").
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(iso_date: str | None) -> str:
    """``2024-03-14`` as ``14 Mar 2024``; anything else as given (or empty)."""
    if not iso_date:
        return ""
    try:
        year, month, day = iso_date[:10].split("-")
        return f"{int(day)} {SHORT_MONTHS[int(month) - 1]} {year}"
    except (ValueError, IndexError):
        return iso_date[:11]
