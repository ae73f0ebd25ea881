"""Does the UI stay responsive while a library is being indexed?

Usage: python benchmarks/bench_responsive.py [--articles 5000] [--words 400]

Generates a synthetic library, opens it in the app (headless, cold index, so
the whole library is parsed, analysed and indexed in the background) and
sends j/k key events every 50 ms while indexing runs, timing each from the
moment the key event is posted (as the terminal driver posts it) to the moment
the list's cursor has moved, plus the next screen refresh. The baseline is
the same keys on the same app once indexing has finished. Also reports the
gaps of a 10 ms timer during indexing (stalls of the event loop).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import make_library  # noqa: E402


def summary(label: str, samples: list[float]) -> str:
    """Median, p95 and max of ``samples`` (seconds) in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (f"{label:<26} n={len(samples):>4}  median {statistics.median(samples) * 1000:6.1f} ms  "
            f"p95 {p95 * 1000:6.1f} ms  max {ordered[-1] * 1000:6.1f} ms")


async def key_latency(app, key: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from posting ``key`` to the cursor moving and the screen being redrawn."""
    from textual import events

    moved = asyncio.Event()
    app.main.article_list.on_moved = moved.set
    before = time.perf_counter()
    app.post_message(events.Key(key, key))
    await moved.wait()
    redrawn = asyncio.Event()
    app.call_after_refresh(redrawn.set)
    await redrawn.wait()
    return time.perf_counter() - before


async def measure(library: Path) -> None:
    from newsreader.ui.app import NewsreaderApp
    from newsreader.ui.widgets.article_list import ArticleList

    original = ArticleList.watch_cursor

    def watch_cursor(self: ArticleList, old: int, new: int) -> None:
        original(self, old, new)
        getattr(self, "on_moved", lambda: None)()

    ArticleList.watch_cursor = watch_cursor  # type: ignore[method-assign]
    app = NewsreaderApp(library)
    gaps: list[float] = []
    busy: list[float] = []
    idle: list[float] = []
    async with app.run_test(size=(120, 40)):
        last = time.perf_counter()

        def tick() -> None:
            nonlocal last
            now = time.perf_counter()
            if app.main.session.scanning:
                gaps.append(now - last)
            last = now

        app.set_interval(0.01, tick)
        started = time.perf_counter()
        while app.main.article_list.row_count < 2:
            await asyncio.sleep(0.01)
        keys = ["j", "k"]
        while app.main.session.scanning:
            busy.append(await key_latency(app, keys[len(busy) % 2]))
            await asyncio.sleep(0.05)
        indexed = time.perf_counter() - started
        await app.workers.wait_for_complete()
        for number in range(100):
            idle.append(await key_latency(app, keys[number % 2]))
            await asyncio.sleep(0.02)
    print(f"{app.main.session.total:,} articles indexed in {indexed:.1f} s while pressing keys")
    print(summary("keys while indexing", busy))
    print(summary("keys when idle (baseline)", idle))
    print(summary("10 ms timer while indexing", gaps))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--words", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nr-resp-") as scratch:
        os.environ["NEWSREADER_HOME"] = str(Path(scratch) / "home")
        library = make_library(Path(scratch) / "lib", args.articles, words=args.words)
        asyncio.run(measure(library))


if __name__ == "__main__":
    main()
