"""Research workflows on a built index (no UI): the quotes view, the glance, the quotes export.

    python benchmarks/bench_research.py /tmp/nrbench/lib-100000 /tmp/nrbench/home-100000

Times, each the median of --runs runs (default 5) after one warm-up run, in ms:

* baseline: ``SELECT count(*) FROM articles`` (what one trivial query costs on this index);
* the quotes view of the most-quoted person: ``quotes_count`` + the first page of 40
  ``quotes_by`` rows (what the app's quotes view asks when it opens), and the same for the
  most-cited source (its passages; on an index analysed before citations kept offsets, the
  fallback that finds the source's name in each body);
* ``glance()``: the at-a-glance screen's query;
* exporting the quotes table (``iter_table`` + ``write_jsonl``/``write_csv``) to /dev/null, in
  quotes/s (median of --export-runs runs, default 1: a run reads every body of the library).

Targets (issue 12): view and glance under 1 s, export at least 20,000 quotes/s.
The index must have this code's layout: the script refuses an outdated one (opening it
would delete it and start an empty one), and it never refreshes the index.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def median_ms(work: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """(median ms over ``runs`` runs after one warm-up, the last result)."""
    result = work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("home", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--export-runs", type=int, default=1)
    args = parser.parse_args()
    os.environ["NEWSREADER_HOME"] = str(args.home)
    import sqlite3

    from newsreader.index import LibraryIndex
    from newsreader.index.export import TABLES, iter_table, write_csv, write_jsonl
    from newsreader.index.location import index_path, resolve_root
    from newsreader.index.research import glance, has_citation_offsets, quotes_by, quotes_count
    from newsreader.index.tables import LAYOUT_VERSION

    path = index_path(resolve_root(args.library))
    if not path.exists():
        sys.exit(f"no index at {path}: build it first (this script never builds one)")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as probe:
        layout = probe.execute("PRAGMA user_version").fetchone()[0]
    if layout != LAYOUT_VERSION:
        sys.exit(f"{path} has layout {layout}, this code {LAYOUT_VERSION}: opening it would rebuild it")

    with LibraryIndex.open(args.library) as index:
        run = index.run
        articles = run(lambda c: c.execute("SELECT count(*) FROM articles").fetchone()[0])
        quotes = run(lambda c: c.execute("SELECT count(*) FROM quotes").fetchone()[0])
        offsets = run(has_citation_offsets)
        print(f"index: {path}\n{articles:,} articles, {quotes:,} quotes, citation offsets stored: {offsets}")
        base, _ = median_ms(lambda: run(lambda c: c.execute("SELECT count(*) FROM articles").fetchone()), args.runs)
        print(f"baseline SELECT count(*) FROM articles     {base:8.1f} ms")

        took, seen = median_ms(lambda: run(glance), args.runs)
        print(f"glance()                                    {took:8.1f} ms")
        for kind, items in (("speaker", seen.speakers),
                            ("source", [item for rows in seen.sources.values() for item in rows[:1]])):
            if not items:
                print(f"no {kind} in this index")
                continue
            name, n = max(items, key=lambda item: item[1])

            def view(kind: str = kind, name: str = name) -> tuple[int, list[Any]]:
                return (run(lambda c: quotes_count(c, kind, [name])),
                        run(lambda c: quotes_by(c, kind, [name], 0, 40)))

            took, (total, rows) = median_ms(view, args.runs)
            print(f"quotes view, {kind} with most rows ({n:,} rows; count {total:,} + page of {len(rows)}) "
                  f"{took:8.1f} ms")

        writers = {"jsonl": write_jsonl,
                   "csv": lambda rows, out: write_csv(rows, out, fields=TABLES["quotes"])}
        with open(os.devnull, "w", encoding="utf-8", newline="") as sink:
            for name, write in writers.items():
                rates = []
                for _ in range(max(1, args.export_runs)):
                    started = time.perf_counter()
                    written = run(lambda c, write=write: write(iter_table(c, "quotes"), sink))
                    rates.append(written / (time.perf_counter() - started))
                print(f"export --table quotes --format {name:5}        {statistics.median(rates):10,.0f} quotes/s "
                      f"({written:,} rows)")


if __name__ == "__main__":
    main()
