"""Benchmark the library index on synthetic libraries of ~400-word articles.

    .venv/bin/python benchmarks/bench_index.py                 # 1,000 and 10,000 articles
    .venv/bin/python benchmarks/bench_index.py --sizes 100000  # the big one (~5 minutes)

For each size: full build (articles/s, median of --runs, each in a fresh
process and cache; "listed" is when every article is listed and searchable,
"built" when analysis has run over them all too) beside two baselines over the
same files (a plain ``iter_library`` scan without analysis, and ``analyze`` alone
in one process over a sample of the bodies); the index's size beside the bytes
of the article files; an incremental refresh with 1% of the files rewritten;
the first page of the list (count + 100 rows, date order); search latency
p50/p95 over ~50 queries beside ``grep -ril WORD`` over the folder; and peak RSS
of the build (main process, and the largest worker).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import FIRST, LAST, OUTLETS, WORDS, article_path, article_text, library_bytes, make_library  # noqa: E402

WORDS_PER_ARTICLE = 400


def queries() -> list[str]:
    """~50 fixed queries: words, phrases, prefixes, OR, exclusions and fields."""
    rng = random.Random(3)
    out = [rng.choice(WORDS) for _ in range(14)]
    out += [f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"' for _ in range(8)]
    out += [rng.choice(WORDS)[:4] + "*" for _ in range(6)]
    out += [f"{rng.choice(WORDS)} OR {rng.choice(WORDS)}" for _ in range(3)]
    out += [f"{rng.choice(WORDS)} -{rng.choice(WORDS)}" for _ in range(3)]
    out += [f"title:{rng.choice(WORDS)}" for _ in range(3)]
    out += [f"author:{rng.choice(LAST)}" for _ in range(2)]
    out += [f"outlet:{rng.choice(OUTLETS)} {rng.choice(WORDS)}" for _ in range(2)]
    out += [f"person:{rng.choice(LAST)}" for _ in range(3)]
    out += [f'quoted:"{rng.choice(FIRST)} {rng.choice(LAST)}" {rng.choice(WORDS)}' for _ in range(3)]
    out += [f"person:{rng.choice(FIRST)[:3]}* {rng.choice(WORDS)}", f'"said {rng.choice(FIRST)} {rng.choice(LAST)}"',
            f"{rng.choice(WORDS)} after:2020-01-01"]
    return out


def _descendant_peak_kb(stop: threading.Event, peak: list[int]) -> None:
    """Track the largest VmHWM of this process's descendants (the workers are
    the forkserver's children, so getrusage(RUSAGE_CHILDREN) never sees them)."""
    me = os.getpid()
    while not stop.wait(0.2):
        parents: dict[int, int] = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                try:
                    stat = Path(f"/proc/{name}/stat").read_text()
                    parents[int(name)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        family = {me}
        for _ in range(3):
            family |= {pid for pid, ppid in parents.items() if ppid in family}
        for pid in family - {me}:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak[0] = max(peak[0], int(line.split()[1]))
            except (OSError, ValueError):
                continue


def child_build(root: str, home: str) -> None:
    """Build an index in this (fresh) process; print timings and peak RSS as JSON."""
    os.environ["NEWSREADER_HOME"] = home
    from newsreader.index import LibraryIndex

    stop, peak = threading.Event(), [0]
    watcher = threading.Thread(target=_descendant_peak_kb, args=(stop, peak), daemon=True)
    if Path("/proc/self/status").exists():
        watcher.start()
    start = time.perf_counter()
    listed = [0.0]

    def progress(step) -> None:  # type: ignore[no-untyped-def]
        if step.phase == "analysing" and not listed[0]:
            listed[0] = time.perf_counter() - start

    with LibraryIndex.open(Path(root)) as index:
        summary = index.refresh(progress)
        size = sum(os.path.getsize(f"{index.path}{suffix}") for suffix in ("", "-wal")
                   if os.path.exists(f"{index.path}{suffix}"))
    seconds = time.perf_counter() - start
    stop.set()
    print(json.dumps({
        "seconds": seconds, "listed_seconds": listed[0] or seconds, "articles": summary.added, "bytes": size,
        "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": peak[0] / 1024,
    }))


def build(root: Path, home: Path) -> dict[str, float]:
    shutil.rmtree(home, ignore_errors=True)
    result = subprocess.run([sys.executable, __file__, "--child-build", str(root), str(home)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def scan_rate(root: Path) -> float:
    from newsreader.library import Article, iter_library

    start = time.perf_counter()
    count = sum(isinstance(item, Article) for item in iter_library(root))
    return count / (time.perf_counter() - start)


def analyze_rate(root: Path, sample: int = 1000) -> float:
    from newsreader.analysis import analyze
    from newsreader.library.parsers import parse_document

    files = sorted(root.rglob("*.md"))[:sample]
    bodies = [parse_document(f.name, f.read_bytes())[0][0].body for f in files]
    start = time.perf_counter()
    for body in bodies:
        analyze(body)
    return len(bodies) / (time.perf_counter() - start)


def rewrite_one_percent(root: Path, count: int, seed: int) -> int:
    rng = random.Random(seed)
    chosen = rng.sample(range(count), max(1, count // 100))
    for number in chosen:
        path = article_path(root, number)
        path.write_text(article_text(rng, WORDS_PER_ARTICLE), encoding="utf-8")
    return len(chosen)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench(size: int, runs: int, work: Path, skip_scan: bool = False) -> dict[str, object]:
    root = work / f"lib-{size}"
    if not root.is_dir():
        make_library(root, size, WORDS_PER_ARTICLE)
    home = work / f"home-{size}"
    builds = [build(root, home) for _ in range(runs)]
    rates = [b["articles"] / b["seconds"] for b in builds]
    listed_rates = [b["articles"] / b["listed_seconds"] for b in builds]
    os.environ["NEWSREADER_HOME"] = str(home)
    from newsreader.index import LibraryIndex, ViewSpec

    index = LibraryIndex.open(root)
    index_bytes = builds[-1]["bytes"]
    files_bytes = library_bytes(root)
    changed = rewrite_one_percent(root, size, seed=size + len(os.listdir(work)))
    start = time.perf_counter()
    summary = index.refresh()
    incremental = time.perf_counter() - start
    loads = []
    for _ in range(5):
        start = time.perf_counter()
        shown = index.view_count(ViewSpec())
        index.view_page(ViewSpec(), 0, 100)
        loads.append(time.perf_counter() - start)
    latencies = []
    for query in queries():
        index.search(query)  # warm
        start = time.perf_counter()
        index.search(query)
        latencies.append((time.perf_counter() - start) * 1000)
    greps = []
    for word in () if skip_scan else ("council", "harbour", "minister", "quota", "storm"):
        start = time.perf_counter()
        subprocess.run(["grep", "-ril", word, str(root)], capture_output=True)
        greps.append((time.perf_counter() - start) * 1000)
    index.close()
    return {
        "size": size, "build_rate": statistics.median(rates), "listed_rate": statistics.median(listed_rates),
        "build_s": statistics.median(b["seconds"] for b in builds), "index_mb": index_bytes / 1e6,
        "files_mb": files_bytes / 1e6, "scan_rate": float("nan") if skip_scan else scan_rate(root),
        "analyze_rate": analyze_rate(root), "incremental_s": incremental, "changed": changed,
        "refreshed": summary.changed, "articles_s": statistics.median(loads), "loaded": shown,
        "p50_ms": percentile(latencies, 0.5), "p95_ms": percentile(latencies, 0.95), "max_ms": max(latencies),
        "grep_ms": statistics.median(greps) if greps else float("nan"), "queries": len(latencies),
        "rss_main_mb": max(b["rss_main_mb"] for b in builds), "rss_worker_mb": max(b["rss_worker_mb"] for b in builds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated library sizes (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=3, help="full builds per size (median; default 3, 1 above 10k)")
    parser.add_argument("--skip-scan", action="store_true", help="leave out the scan baseline (slow at 1M)")
    parser.add_argument("--workdir", type=Path, help="keep generated libraries here (default: a temporary folder)")
    parser.add_argument("--child-build", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child_build:
        child_build(*options.child_build)
        return
    from rich.console import Console
    from rich.table import Table

    work = options.workdir or Path(tempfile.mkdtemp(prefix="newsreader-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in (int(s) for s in options.sizes.split(",")):
        rows.append(bench(size, options.runs if size <= 10_000 else 1, work, options.skip_scan))
    table = Table(title=f"Library index, ~{WORDS_PER_ARTICLE}-word articles, {os.cpu_count()} CPUs")
    for name in ("articles", "listed art/s", "built art/s", "build s", "scan art/s", "analyze art/s (1 proc)",
                 "index MB / files MB", "1% refresh s", "first page s", "search p50 ms", "search p95 ms",
                 "grep -ril ms", "peak RSS MB main/worker"):
        table.add_column(name, justify="right")
    for r in rows:
        table.add_row(f"{r['size']:,}", f"{r['listed_rate']:.0f}", f"{r['build_rate']:.0f}", f"{r['build_s']:.0f}",
                      f"{r['scan_rate']:.0f}", f"{r['analyze_rate']:.0f}",
                      f"{r['index_mb']:.0f} / {r['files_mb']:.0f} ({r['index_mb'] / r['files_mb']:.2f}x)",
                      f"{r['incremental_s']:.2f} ({r['refreshed']}/{r['changed']})", f"{r['articles_s']:.3f}",
                      f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}", f"{r['grep_ms']:.0f}",
                      f"{r['rss_main_mb']:.0f}/{r['rss_worker_mb']:.0f}")
    Console(width=200).print(table)
    print(json.dumps(rows), file=sys.stderr)
    if options.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
