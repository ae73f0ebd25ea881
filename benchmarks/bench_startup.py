"""Time to first paint and peak memory: newsreader beside a bare three-pane Textual app.

Usage: python benchmarks/bench_startup.py [--sizes 1000 10000 100000] [--runs 5]

For each library size it generates synthetic articles in a temporary folder,
builds the library's index once (``newsreader index``, so runs start warm, as
a user's second start does), then alternates runs of the bare app and of
newsreader (fresh processes, so imports count and memory is per run) and
prints medians and the ratio. "rows shown" is when the list first has rows;
"ready" is when the background check for changed files has finished.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import make_library  # noqa: E402


def run_probe(kind: str, library: Path, home: Path) -> dict[str, float]:
    """Run one probe process; return its paint time (measured here) and its marks."""
    env = dict(os.environ, NEWSREADER_HOME=str(home))
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(HERE / "paint_probe.py"), kind, str(library)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert process.stdout is not None
    result: dict[str, float] = {}
    for line in process.stdout:
        if line.startswith("PAINT"):
            result["paint"] = time.perf_counter() - started
        elif line.startswith("{"):
            result.update(json.loads(line))
    process.wait(timeout=600)
    return result


def median(runs: list[dict[str, float]], key: str) -> float:
    """The median of ``key`` over the runs that have it."""
    values = [run[key] for run in runs if key in run]
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=150)
    args = parser.parse_args()
    print(f"{'articles':>9} {'bare paint':>11} {'ours paint':>11} {'ratio':>6} {'rows shown':>11} "
          f"{'ready':>10} {'bare MB':>8} {'ours MB':>8}")
    with tempfile.TemporaryDirectory(prefix="nr-bench-") as scratch:
        for size in args.sizes:
            library = make_library(Path(scratch) / f"lib-{size}", size, words=args.words)
            home = Path(scratch) / "home"
            subprocess.run([sys.executable, "-m", "newsreader", "index", str(library)], check=True,
                           stdout=subprocess.DEVNULL, env=dict(os.environ, NEWSREADER_HOME=str(home)))
            bare: list[dict[str, float]] = []
            ours: list[dict[str, float]] = []
            for _ in range(args.runs):
                bare.append(run_probe("bare", library, home))
                ours.append(run_probe("newsreader", library, home))
            bare_paint, ours_paint = median(bare, "paint"), median(ours, "paint")
            print(f"{size:>9,} {bare_paint:>10.3f}s {ours_paint:>10.3f}s {ours_paint / bare_paint:>5.2f}x "
                  f"{median(ours, 'rows'):>10.3f}s {median(ours, 'scanned'):>9.2f}s "
                  f"{median(bare, 'peak_mb'):>8.0f} {median(ours, 'peak_mb'):>8.0f}", flush=True)


if __name__ == "__main__":
    main()
