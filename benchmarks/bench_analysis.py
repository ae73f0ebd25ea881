"""Benchmark newsreader.analysis: words/s on one core and cold import + first analyze() time.

Corpus: the sample articles in ``sample_articles/`` (falls back to the gold texts), repeated to about
200,000 words. Baselines measured in the same run: a plain ``str.split()`` pass and the quote-mark
regex for throughput; ``python -c pass`` for cold start. Prints a small table.

The analyser keeps what it made of each capitalised run for the rest of the process (a name recurs
across articles), so the repeated corpus runs with that cache warm. The index build analyses each
article once: the last row times ``--synthetic`` distinct 400-word articles of ``synthetic.py`` (the
text of the index benchmarks), a fresh slice per run, as articles per second.

    .venv/bin/python benchmarks/bench_analysis.py [--runs 5] [--synthetic 400]
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
sys.path.insert(0, str(Path(__file__).parent))
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


def _synthetic_slices(count: int, runs: int) -> list[list[str]]:
    """``runs`` slices of ``count`` distinct synthetic article bodies (front matter dropped), seeded."""
    import random

    from synthetic import article_text

    rng = random.Random(11)
    bodies = [article_text(rng, 400).split("---\n", 2)[2] for _ in range(count * (runs + 1))]
    return [bodies[i * count:(i + 1) * count] for i in range(runs + 1)]


def _articles_per_s(fn, slices: list[list[str]]) -> float:
    fn(slices[0][0])
    for t in slices[0]:  # warm-up slice: the caches hold as much as in a long build, not more
        fn(t)
    rates = []
    for texts in slices[1:]:
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        rates.append(len(texts) / (time.perf_counter() - t0))
    return statistics.median(rates)


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
    ap.add_argument("--synthetic", type=int, default=400, help="distinct synthetic articles per run (0: skip)")
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
    if args.synthetic > 0:
        slices = _synthetic_slices(args.synthetic, args.runs)
        arts = _articles_per_s(analyze, slices)
        splits = _articles_per_s(str.split, slices)
        print(f"{'synthetic articles/s vs str.split':36s}{arts:14,.0f}{splits:14,.0f}{arts / splits:9.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
