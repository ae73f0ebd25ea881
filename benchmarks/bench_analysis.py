"""Benchmark newsreader.analysis: words/s on one core and cold import + first analyze() time.

Corpus: the sample articles in ``sample_articles/`` (falls back to the gold texts), repeated to about
200,000 words. Baselines measured in the same run: a plain ``str.split()`` pass and the quote-mark
regex for throughput; ``python -c pass`` for cold start. Prints a small table.

    .venv/bin/python benchmarks/bench_analysis.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTE_RE = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)
COLD = "import newsreader.analysis as a; a.analyze('Deputy Minister Ana Kovac said in Lisbon: \"We agree.\"')"


def _corpus() -> list[str]:
    files = sorted((ROOT / "sample_articles").rglob("*.txt")) or sorted((ROOT / "tests" / "gold").glob("*.txt"))
    texts = [f.read_text("utf-8", errors="replace") for f in files]
    texts = [t for t in texts if t.strip()] or ["Ana Kovac said in Lisbon on Monday that talks would resume."]
    words = sum(len(t.split()) for t in texts)
    return texts * max(1, 200_000 // max(words, 1))


def _rate(fn, texts: list[str], runs: int) -> float:
    words = sum(len(t.split()) for t in texts)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        times.append(time.perf_counter() - t0)
    return words / statistics.median(times)


def _cold_ms(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def main() -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from newsreader.analysis import analyze

    texts = _corpus()
    analyze(texts[0])  # load the gazetteer outside the timed runs
    rate = _rate(analyze, texts, args.runs)
    split = _rate(str.split, texts, args.runs)
    quotes = _rate(QUOTE_RE.findall, texts, args.runs)
    cold = _cold_ms(COLD, args.runs * 2)
    bare = _cold_ms("pass", args.runs * 2)
    print(f"corpus: {len(texts)} texts, {sum(len(t.split()) for t in texts):,} words; median of {args.runs} runs")
    print(f"{'measure':36s}{'value':>14s}{'baseline':>14s}{'ratio':>9s}")
    print(f"{'analyze words/s vs str.split':36s}{rate:14,.0f}{split:14,.0f}{rate / split:9.4f}")
    print(f"{'analyze words/s vs quote regex':36s}{rate:14,.0f}{quotes:14,.0f}{rate / quotes:9.4f}")
    print(f"{'cold import + first analyze (ms)':36s}{cold:14.1f}{bare:14.1f}{cold / bare:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
