"""Search and list-view latency on a built index (no UI): what the app's workers spend.

    python benchmarks/bench_search.py /tmp/nrbench/lib-1000000 /tmp/nrbench/home-1000000

Search: the ~50 queries of bench_index.py (words, phrases, prefixes, OR, exclusions,
fields), each run once to warm the OS cache and then timed twice: with 20 hits with
snippets (a first screenful of the search screen, two lines a hit at 40 rows; the screen
itself still asks 200) and with the screen's limit (200 hits with snippets); p50/p95/max
in ms. Both include ranking (bm25 over the newest 5,000 matches) and the Article rows.
Views: the first page (100 rows) and the exact count of each sort order, an outlet
filter and quick-filter words, in ms (best of 3).

The index must have this code's layout: the script refuses an outdated one (opening it
would delete it and start an empty one).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_index import percentile, queries  # noqa: E402
from synthetic import OUTLETS  # noqa: E402


def best_ms(work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("home", type=Path)
    args = parser.parse_args()
    os.environ["NEWSREADER_HOME"] = str(args.home)
    import sqlite3

    from newsreader.catalog import SortOrder
    from newsreader.index import LibraryIndex, ViewSpec
    from newsreader.index.location import index_path, resolve_root
    from newsreader.index.tables import LAYOUT_VERSION

    path = index_path(resolve_root(args.library))
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as probe:
        layout = probe.execute("PRAGMA user_version").fetchone()[0]
    if layout != LAYOUT_VERSION:
        sys.exit(f"{path} has layout {layout}, this code {LAYOUT_VERSION}: opening it would rebuild it")

    with LibraryIndex.open(args.library) as index:
        latencies: dict[int, list[float]] = {20: [], 200: []}
        for query in queries():
            index.search(query)
            for limit, times in latencies.items():
                started = time.perf_counter()
                index.search(query, limit=limit)
                times.append((time.perf_counter() - started) * 1000)
        for limit, times in latencies.items():
            print(f"search ({len(times)} queries, {limit} hits): p50 {statistics.median(times):.1f} ms, "
                  f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms")
        specs = [("date", ViewSpec(SortOrder.DATE)), ("title", ViewSpec(SortOrder.TITLE)),
                 ("outlet order", ViewSpec(SortOrder.OUTLET)), ("outlet filter", ViewSpec(outlet=OUTLETS[2])),
                 ("outlet filter, title", ViewSpec(SortOrder.TITLE, outlet=OUTLETS[2])),
                 ("filter 'harbour'", ViewSpec(words="harbour")), ("filter 'harbour minister'",
                                                                  ViewSpec(words="harbour minister")),
                 ("filter 'lindqvist', title", ViewSpec(SortOrder.TITLE, words="lindqvist"))]
        for label, spec in specs:
            first = best_ms(lambda spec=spec: index.view_page(spec, 0, 100))
            count = best_ms(lambda spec=spec: index.view_count(spec))
            print(f"  {label:<28} first page {first:7.1f} ms   exact count {count:7.1f} ms")


if __name__ == "__main__":
    main()
