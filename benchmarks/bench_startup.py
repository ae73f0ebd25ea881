"""Start-up and list changes in a real terminal: newsreader beside a bare three-pane Textual app.

    python benchmarks/bench_startup.py --sizes 10000 100000 --runs 5 --workdir /tmp/nrbench
    python benchmarks/bench_startup.py --sizes 1000000 --runs 3 --workdir /tmp/nrbench --changes

Each run starts a fresh process on a pseudo-terminal of 120x40 (tests/pty_terminal.py)
and reads its screen with pyte every 5 ms, alternating the bare app
(benchmarks/bare_app.py: "first screenful" is its panes drawn) and newsreader on a
synthetic library of ~400-word articles whose index was built beforehand (a warm
start, as every start after the first). newsreader's first screenful is the header
showing the article count and the list showing a full page of rows. "ready" is when
the background check for changed files has finished; peak RSS is the process's
VmHWM then. With ``--changes``, one session also times sort, outlet filter and
quick filter changes: from the key to new rows on screen. Medians of ``--runs``.
``--compare SRC`` also runs newsreader from another source tree (say a ``git worktree`` of
the previous commit) in the same alternation, so two versions meet the same machine load.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from pty_terminal import Terminal, newsreader_command  # noqa: E402
from synthetic import make_library  # noqa: E402

ROW_RE = re.compile(r"│ ●  \S")  # a list row of an unread article (every one, in a fresh library)
QUIT_WAIT = 60.0
PLACEHOLDER_RE = re.compile(r"│   …\s+│")  # a row whose page is on its way
LIST_ROWS = 30
#: How long a run waits for the background check to end before going on without it.
READY_WAIT = 90.0


def poll(term: Terminal, ready: Callable[[str], bool], timeout: float = 600.0) -> float:
    """Seconds until ``ready(screen)``, polling every 5 ms."""
    started = time.perf_counter()
    while True:
        screen = term.text()
        if ready(screen):
            return time.perf_counter() - started
        if term.process.poll() is not None or time.perf_counter() - started > timeout:
            raise RuntimeError(f"no screen in time:\n{screen}")
        time.sleep(0.005)


def rows_shown(screen: str) -> int:
    return sum(1 for line in screen.splitlines() if ROW_RE.search(line))


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def env_for(home: Path, src: Path | None = None) -> dict[str, str]:
    env = {"NEWSREADER_HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    if src is not None:  # newsreader from another source tree (ahead of the installed one)
        env["PYTHONPATH"] = str(src)
    return env


def run_bare(home: Path) -> dict[str, float]:
    started = time.perf_counter()
    with Terminal([sys.executable, str(HERE / "bare_app.py")], env_for(home)) as term:
        poll(term, lambda s: "bare app ready" in s and "╰" in s)
        result = {"rows": time.perf_counter() - started, "peak": peak_mb(term.process.pid)}
        term.quit()
    return result


def run_ours(library: Path, home: Path, size: int, changes: bool, ready_wait: float = 90.0,
             src: Path | None = None) -> dict[str, float]:
    count = f"{size:,} article"
    started = time.perf_counter()
    with Terminal([*newsreader_command(), str(library)], env_for(home, src)) as term:
        poll(term, lambda s: count in s and rows_shown(s) >= LIST_ROWS)
        result = {"rows": time.perf_counter() - started}
        try:
            poll(term, lambda s: "⟳" not in s.splitlines()[0], timeout=ready_wait)
            result["ready"] = time.perf_counter() - started
        except RuntimeError:  # still checking or analysing in the background: changes are timed meanwhile
            pass
        if changes:
            result.update(time_changes(term))
        result["peak"] = peak_mb(term.process.pid)
        quit_started = time.perf_counter()
        term.press("q")
        try:
            term.wait_exit(timeout=QUIT_WAIT)
            result["quit"] = time.perf_counter() - quit_started
        except subprocess.TimeoutExpired:
            result["quit"] = float("inf")  # Terminal.close() kills it
    return result


def first_rows(screen: str) -> list[str]:
    return [line for line in screen.splitlines() if ROW_RE.search(line)][:5]


def change(term: Terminal, keys: list[str], done: Callable[[str], bool]) -> float:
    """ms from the last key to new rows on screen."""
    before = first_rows(term.text())
    for key in keys[:-1]:
        term.press(key)
    term.press(keys[-1])
    started = time.perf_counter()
    poll(term, lambda s: done(s) and rows_shown(s) >= 5 and first_rows(s) != before and not PLACEHOLDER_RE.search(s),
         timeout=60)
    return (time.perf_counter() - started) * 1000


def time_changes(term: Terminal) -> dict[str, float]:
    """Sort thrice, filter by the first outlet, then type a quick-filter word; a step that fails is left out."""
    out: dict[str, float] = {}
    steps: list[tuple[str, list[str], Callable[[str], bool], list[str]]] = [
        ("sort_title", ["s"], lambda s: "title" in s.splitlines()[1], []),
        ("sort_outlet", ["s"], lambda s: "outlet" in s.splitlines()[1], []),
        ("sort_date", ["s"], lambda s: "date" in s.splitlines()[1], ["tab", "tab", "g", "j"]),
        ("outlet", ["enter"], lambda s: " of " in s.splitlines()[0], ["enter", "f"]),
        ("filter_word", [*"harbou", "r"], lambda s: " of " in s.splitlines()[0], []),
    ]
    for name, keys, done, after in steps:
        try:
            out[name] = change(term, keys, done)
        except RuntimeError as error:
            print(f"   ({name} not measured: {str(error).splitlines()[0]})", flush=True)
        for key in after:
            term.press(key)
            time.sleep(0.4)
    return out


def prepare(size: int, work: Path) -> tuple[Path, Path]:
    library = work / f"lib-{size}"
    if not library.is_dir():
        make_library(library, size)
    home = work / f"home-{size}"
    if not home.is_dir():
        started = time.perf_counter()
        subprocess.run([*newsreader_command(), "index", str(library)], check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, **env_for(home)})
        print(f"(index of {size:,} built in {time.perf_counter() - started:.0f} s)", flush=True)
    return library, home


def median(runs: list[dict[str, float]], key: str) -> float:
    values = [run[key] for run in runs if key in run]
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/nrbench"))
    parser.add_argument("--changes", action="store_true", help="also time sort, outlet and filter changes")
    parser.add_argument("--ready-wait", type=float, default=READY_WAIT, help="longest wait for the background check")
    parser.add_argument("--compare", type=Path, metavar="SRC",
                        help="also run newsreader from this source tree (its src/ folder), alternating")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"{'articles':>10} {'bare':>8} {'newsreader':>11} {'ratio':>6} {'ready':>7} {'RSS bare/ours':>14}")
    for size in args.sizes:
        library, home = prepare(size, args.workdir)
        bare: list[dict[str, float]] = []
        versions: dict[str, tuple[Path | None, list[dict[str, float]]]] = {"": (None, [])}
        if args.compare:
            versions[f" ({args.compare})"] = (args.compare.resolve(), [])
        for run in range(args.runs):
            bare.append(run_bare(home))
            for src, ours in versions.values():
                ours.append(run_ours(library, home, size, args.changes and run == args.runs - 1, args.ready_wait,
                                     src))
        for label, (_, ours) in versions.items():
            report(size, bare, ours, label)


def report(size: int, bare: list[dict[str, float]], ours: list[dict[str, float]], label: str) -> None:
    b, o = median(bare, "rows"), median(ours, "rows")
    print(f"{size:>10,} {b:>7.3f}s {o:>10.3f}s {o / b:>5.2f}x {median(ours, 'ready'):>6.2f}s "
          f"{median(bare, 'peak'):>6.0f}/{median(ours, 'peak'):.0f} MB  (runs: {[round(r['rows'], 3) for r in ours]})"
          f"{label}", flush=True)
    print(f"   quit: {median(ours, 'quit'):.2f} s after q (median)")
    changes = {k: v for k, v in ours[-1].items() if k not in ("rows", "ready", "peak", "quit")}
    if changes:
        print("   changes, ms from key to new rows: " + ", ".join(f"{k} {v:.0f}" for k, v in changes.items()))

if __name__ == "__main__":
    main()
