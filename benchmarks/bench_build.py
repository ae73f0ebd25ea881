"""Build a library's index from scratch in a fresh process and time its two passes.

    python benchmarks/bench_build.py /tmp/nrbench/lib-1000000 /tmp/nrbench/home-1000000 [--listed-only]

"listed" is when every article is listed and searchable (files read, parsed, stored,
full-text indexed); "built" when analysis (entities, quotes, sources) has run over
them all too. ``--listed-only`` stops at the start of analysis (the app then analyses
in the background). Prints one JSON line: seconds, rates, index bytes beside the
files' bytes, peak RSS of this process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import library_bytes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("home", type=Path)
    parser.add_argument("--listed-only", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(args.home, ignore_errors=True)
    os.environ["NEWSREADER_HOME"] = str(args.home)
    from newsreader.index import LibraryIndex, RefreshProgress

    marks: dict[str, float] = {}
    started = time.perf_counter()

    def progress(step: RefreshProgress) -> None:
        if step.phase == "analysing":
            marks.setdefault("listed", time.perf_counter() - started)

    with LibraryIndex.open(args.library) as index:
        summary = index.refresh(progress, lambda: args.listed_only and "listed" in marks)
        seconds = time.perf_counter() - started
        index._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = index.path.stat().st_size
    files = library_bytes(args.library)
    listed = marks.get("listed", seconds)
    print(json.dumps({
        "articles": summary.added + summary.unchanged, "listed_s": listed, "built_s": None if args.listed_only else seconds,
        "listed_rate": (summary.added + summary.unchanged) / listed,
        "built_rate": None if args.listed_only else (summary.added + summary.unchanged) / seconds,
        "index_mb": size / 1e6, "files_mb": files / 1e6, "ratio": size / files,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }), flush=True)


if __name__ == "__main__":
    main()
