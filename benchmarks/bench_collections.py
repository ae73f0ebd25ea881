"""Index one large JSON Lines collection, and the same articles as .md files, in fresh processes.

    python benchmarks/bench_collections.py /tmp/nrcoll [--articles 400000] [--md-articles 20000] [--repeat 1]

Writes (under the given folder, never the repository) a JSON Lines file of
``--articles`` records of about 400 words each (~1 GB at 400,000), and the
first ``--md-articles`` of the same articles as Markdown files, the baseline.
Each library is indexed from scratch by the real build path
(``LibraryIndex.refresh``) in a fresh process, up to the moment every article
is listed and searchable (analysis is the separate, background second pass).
Prints one JSON line per run and the medians: records/s, time until the first
rows are in the index, and the peak RSS (VmHWM) of the indexing process and
of each of its worker processes, sampled from /proc. ``--keep`` leaves the
generated files (they are removed otherwise).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import FIRST, LAST, OUTLETS, _sentence, article_path  # noqa: E402

#: Distinct bodies generated; records reuse them with their own title and opening (generating
#: 400,000 Zipf-law bodies word by word would take longer than indexing them).
BODIES = 4000


def write_collection(folder: Path, count: int, md_count: int, words: int = 400) -> tuple[Path, Path]:
    """Write ``count`` records as one JSONL and the first ``md_count`` as .md files; their folders."""
    rng = random.Random(7)
    bodies = []
    for _ in range(BODIES):
        paragraphs, remaining = [], words - 12
        while remaining > 0:
            size = min(remaining, rng.randint(30, 70))
            paragraphs.append(_sentence(rng, size))
            remaining -= size
        bodies.append(paragraphs)
    jsonl_root, md_root = folder / "jsonl", folder / "md"
    jsonl_root.mkdir(parents=True)
    md_root.mkdir(parents=True)
    with open(jsonl_root / "articles.jsonl", "w", encoding="utf-8") as out:
        for number in range(count):
            title = _sentence(rng, rng.randint(5, 10))[:-1]
            opening = f"Report {number} opens with {_sentence(rng, 10)}"
            record = {"title": title, "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                      "publication": rng.choice(OUTLETS),
                      "date": f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                      "content": "\n\n".join([opening, *bodies[number % BODIES]])}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if number < md_count:
                path = article_path(md_root, number)
                if number % 1000 == 0:
                    path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(f"---\ntitle: {title}\nauthor: {record['author']}\nsource: {record['publication']}\n"
                                f"date: {record['date']}\n---\n\n{record['content']}\n", encoding="utf-8")
    return jsonl_root, md_root


def child(library: Path, home: Path) -> None:
    """In a fresh process: index ``library`` until every article is listed; print the figures."""
    os.environ["NEWSREADER_HOME"] = str(home)
    from newsreader.index import LibraryIndex, RefreshProgress

    marks: dict[str, float] = {}
    started = time.perf_counter()

    def progress(step: RefreshProgress) -> None:
        if step.added:
            marks.setdefault("first_rows", time.perf_counter() - started)
        if step.phase == "analysing":
            marks.setdefault("listed", time.perf_counter() - started)

    with LibraryIndex.open(library) as index:
        summary = index.refresh(progress, lambda: "listed" in marks)
    listed = marks.get("listed", time.perf_counter() - started)
    hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
    print(json.dumps({"articles": summary.added, "listed_s": listed, "records_per_s": summary.added / listed,
                      "first_rows_s": marks.get("first_rows"), "main_hwm_mb": int(hwm) / 1024}), flush=True)


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as stat:
                    parents[int(name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        kids = [child for child, parent in parents.items() if parent == pid]
        found += kids
        frontier += kids
    return found


def measure(library: Path, home: Path) -> dict[str, object]:
    """Run :func:`child` in a fresh process, sampling its workers' VmHWM meanwhile."""
    shutil.rmtree(home, ignore_errors=True)
    process = subprocess.Popen([sys.executable, __file__, "-", "--child", str(library), str(home)],
                               stdout=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.25):
            for pid in _descendants(process.pid):
                try:
                    with open(f"/proc/{pid}/status") as status:
                        kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
                except (OSError, StopIteration, ValueError):
                    continue
                peaks[pid] = max(peaks.get(pid, 0), kb)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    done.set()
    sampler.join()
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    result["worker_hwm_mb"] = max(peaks.values(), default=0) / 1024
    result["workers_seen"] = len(peaks)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=400_000)
    parser.add_argument("--md-articles", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if not (args.folder / "jsonl").exists():
        started = time.perf_counter()
        write_collection(args.folder, args.articles, args.md_articles)
        print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)
    size = (args.folder / "jsonl" / "articles.jsonl").stat().st_size
    print(f"articles.jsonl: {size / 1e9:.2f} GB", flush=True)
    try:
        runs: dict[str, list[dict[str, object]]] = {"jsonl": [], "md": []}
        for _ in range(args.repeat):
            for kind in runs:  # the baseline in the same run, alternating
                result = measure(args.folder / kind, args.folder / f"home-{kind}")
                runs[kind].append(result)
                print(kind, json.dumps(result), flush=True)
        for kind, results in runs.items():
            medians = {key: statistics.median(float(r[key])  # type: ignore[arg-type]
                                              for r in results if r.get(key) is not None)
                       for key in ("records_per_s", "first_rows_s", "main_hwm_mb", "worker_hwm_mb")}
            print("median", kind, json.dumps(medians), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(args.folder, ignore_errors=True)


if __name__ == "__main__":
    main()
