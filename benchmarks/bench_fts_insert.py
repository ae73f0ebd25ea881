"""The writer's share of a first build: articles + texts + FTS5 inserts into the real schema, per setting.

    .venv/bin/python benchmarks/bench_fts_insert.py --library /tmp/nrbench/lib-100000 --articles 20000 --rounds 3
    .venv/bin/python benchmarks/bench_fts_insert.py --articles 10000 --variants app,deferred,deferred-sync-off

The files are read and parsed once, up front, in worker processes (not timed), into
the records a refresh's workers hand the writer. Then each variant builds a fresh
index (``newsreader.index.schema.connect``: the real schema, pragmas and WAL) in
this one process, writing through ``newsreader.index.writer.apply_results`` (the
real writer), one ``BEGIN IMMEDIATE`` transaction per batch, and is timed from the
first BEGIN to the last COMMIT (plus any final FTS5 'optimize' or 'merge' the
variant asks for, timed too). Variants run alternately (round 1: every variant,
round 2: every variant in reverse order...), and each reports the median of its
rounds: articles/s, the index file's size after a WAL checkpoint ("file") and
without its free pages ("live": what VACUUM would leave), the number of
FTS5 segments left, and a digest of the top 50 hits of a set of queries, so a
variant that changes search results shows it.

"app" is what a refresh does today (200 files, one article each, per transaction:
``refresh.BATCH_FILES``). The "deferred" variants queue the writer's
``INSERT INTO fts`` statements and run them as one ``executemany`` at the end of
the batch, after every other row is written: any statement that opens a statement
journal (an INSERT into a table with UNIQUE or NOT NULL constraints and several
indexes, such as ``files`` and ``articles``) makes SQLite call FTS5's xSavepoint,
which flushes FTS5's pending terms to disk, so interleaved writes leave one tiny
FTS5 segment per article for automerge to merge over and over.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import FIRST, LAST, OUTLETS, WORDS  # noqa: E402

from newsreader.index.extract import FileResult, extract_chunk  # noqa: E402
from newsreader.index.refresh import BATCH_FILES  # noqa: E402
from newsreader.index.schema import WRITER_CACHE_KB, connect  # noqa: E402
from newsreader.index.writer import ArticleFactory, apply_results  # noqa: E402

FTS_INSERT = "INSERT INTO fts(rowid,"
HITS = 50


@dataclass(frozen=True)
class Variant:
    """One way to write: batch size, where FTS inserts go, pragmas and FTS5 options."""

    name: str
    batch: int = BATCH_FILES
    deferred: bool = False
    pragmas: tuple[str, ...] = ()
    fts_options: tuple[tuple[str, int], ...] = ()
    wal: bool = True
    #: An FTS5 command run after the last batch (timed): "optimize" or "merge".
    finish: str | None = None


def variants() -> list[Variant]:
    """Every variant the benchmark knows (``--variants`` picks some by name)."""
    out = [
        Variant("app"),
        Variant("app-txn1000", batch=1000),
        Variant("app-txn5000", batch=5000),
        Variant("app-automerge0+optimize", fts_options=(("automerge", 0),), finish="optimize"),
        Variant("app-sync-off", pragmas=("PRAGMA synchronous = OFF",)),
        Variant("deferred", deferred=True),
        Variant("deferred-txn1000", batch=1000, deferred=True),
        Variant("deferred-txn5000", batch=5000, deferred=True),
        Variant("deferred-automerge8", deferred=True, fts_options=(("automerge", 8),)),
        Variant("deferred-automerge16", deferred=True, fts_options=(("automerge", 16),)),
        Variant("deferred-automerge0+optimize", deferred=True, fts_options=(("automerge", 0),), finish="optimize"),
        Variant("deferred-crisismerge64", deferred=True, fts_options=(("crisismerge", 64),)),
        Variant("deferred-pgsz8000", deferred=True, fts_options=(("pgsz", 8000),)),
        Variant("deferred-sync-off", deferred=True, pragmas=("PRAGMA synchronous = OFF",)),
        Variant("deferred-no-wal", deferred=True, wal=False),
        Variant("deferred-cache2MB", deferred=True, pragmas=("PRAGMA cache_size = -2000",)),
        Variant("deferred-cache128MB", deferred=True, pragmas=("PRAGMA cache_size = -128000",)),
    ]
    return out


def load(library: Path, count: int, workers: int) -> list[FileResult]:
    """The first ``count`` Markdown files of ``library``, parsed as a refresh's workers parse them."""
    root = os.fspath(library)
    paths = sorted(library.rglob("*.md"))[:count]
    items = []
    for path in paths:
        st = path.stat()
        items.append((os.path.relpath(path, root), st.st_size, st.st_mtime_ns))
    chunks = [items[i:i + 200] for i in range(0, len(items), 200)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [result for part in pool.map(partial(extract_chunk, root), chunks) for result in part]


class DeferFts:
    """A connection that queues ``INSERT INTO fts(rowid, ...)`` and runs them at :meth:`flush`
    as one executemany: the change to ``writer.apply_results`` this benchmark measures."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._sql: str | None = None
        self._rows: list[Sequence[Any]] = []

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        if sql.startswith(FTS_INSERT):
            self._sql = sql
            self._rows.append(parameters)
            return self._conn.cursor()
        return self._conn.execute(sql, parameters)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        return self._conn.executemany(sql, rows)

    def flush(self) -> None:
        if self._sql is not None and self._rows:
            self._conn.executemany(self._sql, self._rows)
        self._rows = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def batches(results: list[FileResult], size: int) -> Iterator[list[FileResult]]:
    """``results`` in batches of ``size`` articles."""
    batch: list[FileResult] = []
    articles = 0
    for result in results:
        batch.append(result)
        articles += len(result.articles)
        if articles >= size:
            yield batch
            batch, articles = [], 0
    if batch:
        yield batch


def queries() -> list[str]:
    """Fixed queries: words, phrases, prefixes, OR, exclusions and fields."""
    rng = random.Random(3)
    out = [rng.choice(WORDS) for _ in range(10)]
    out += [f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"' for _ in range(5)]
    out += [rng.choice(WORDS)[:4] + "*" for _ in range(4)]
    out += [f"{rng.choice(WORDS)} OR {rng.choice(WORDS)}" for _ in range(3)]
    out += [f"{rng.choice(WORDS)} NOT {rng.choice(WORDS)}" for _ in range(3)]
    out += [f"title:{rng.choice(WORDS)}" for _ in range(3)]
    out += [f"authors:{rng.choice(LAST)}", f"authors:{rng.choice(FIRST)}", f"outlet:{rng.choice(OUTLETS)}"]
    return out


def results_digest(conn: sqlite3.Connection) -> str:
    """A digest of the best ``HITS`` hits (rowid and rank, bm25 order) of every query in :func:`queries`."""
    digest = hashlib.blake2b(digest_size=6)
    for query in queries():
        rows = conn.execute("SELECT rowid, round(rank, 6) FROM fts WHERE fts MATCH ? ORDER BY rank, rowid LIMIT ?",
                            (query, HITS)).fetchall()
        digest.update(repr(rows).encode())
    return digest.hexdigest()


@dataclass
class Outcome:
    """One build: rate, seconds, index size and segments."""

    rate: float
    seconds: float
    finish_seconds: float
    size: int
    live: int
    segments: int
    digest: str = field(default="")


def build(variant: Variant, results: list[FileResult], work: Path) -> Outcome:
    """Write ``results`` into a fresh index under ``work`` the way ``variant`` says."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    path = work / "index.sqlite3"
    conn = connect(path)
    conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KB:d}")  # as LibraryIndex.refresh sets it
    if not variant.wal:
        conn.execute("PRAGMA journal_mode = DELETE")
    for pragma in variant.pragmas:
        conn.execute(pragma)
    for option, value in variant.fts_options:
        conn.execute("INSERT INTO fts(fts, rank) VALUES (?, ?)", (option, value))
    writer: Any = DeferFts(conn) if variant.deferred else conn
    make = ArticleFactory()
    articles = sum(len(r.articles) for r in results)
    started = time.perf_counter()
    for batch in batches(results, variant.batch):
        conn.execute("BEGIN IMMEDIATE")
        apply_results(writer, batch, make)
        if variant.deferred:
            writer.flush()
        conn.execute("COMMIT")
    finish_started = time.perf_counter()
    if variant.finish == "optimize":
        conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    elif variant.finish == "merge":
        conn.execute("INSERT INTO fts(fts, rank) VALUES ('merge', -100000)")
    ended = time.perf_counter()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    segments = _segments(conn)
    live = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
    live *= conn.execute("PRAGMA page_size").fetchone()[0]
    outcome = Outcome(articles / (ended - started), ended - started, ended - finish_started,
                      path.stat().st_size, live, segments, results_digest(conn))
    conn.close()
    return outcome


def _segments(conn: sqlite3.Connection) -> int:
    """How many FTS5 segments the index holds (those with a leaf page, from its ``fts_idx`` table)."""
    return int(conn.execute("SELECT count(DISTINCT segid) FROM fts_idx").fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=Path("/tmp/nrbench/lib-100000"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variants", default="", help="comma-separated names (default: all)")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args()
    chosen = variants()
    if args.variants:
        wanted = args.variants.split(",")
        known = {v.name: v for v in chosen}
        unknown = [name for name in wanted if name not in known]
        if unknown:
            parser.error(f"unknown variants {unknown}; known: {', '.join(known)}")
        chosen = [known[name] for name in wanted]
    started = time.perf_counter()
    results = load(args.library, args.articles, os.cpu_count() or 1)
    articles = sum(len(r.articles) for r in results)
    print(f"{articles} articles from {len(results)} files of {args.library}, parsed in "
          f"{time.perf_counter() - started:.1f} s (not timed); sqlite {sqlite3.sqlite_version}", flush=True)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-fts-insert-"))
    outcomes: dict[str, list[Outcome]] = {v.name: [] for v in chosen}
    try:
        for round_ in range(args.rounds):
            order = chosen if round_ % 2 == 0 else list(reversed(chosen))
            for variant in order:
                outcome = build(variant, results, work / "db")
                outcomes[variant.name].append(outcome)
                print(f"  round {round_ + 1} {variant.name:30s} {outcome.rate:7.0f} art/s "
                      f"{outcome.size / 1e6:6.1f} MB", flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    _report(chosen, outcomes)


def _report(chosen: list[Variant], outcomes: dict[str, list[Outcome]]) -> None:
    median: Callable[[list[float]], float] = statistics.median
    base = chosen[0].name
    base_rate = median([o.rate for o in outcomes[base]])
    base_digest = outcomes[base][0].digest
    print(f"\n{'variant':30s} {'art/s':>7s} {'vs ' + base:>10s} {'s':>6s} {'finish s':>8s} {'file MB':>8s} "
          f"{'live MB':>8s} {'segments':>8s}  results")
    for variant in chosen:
        runs = outcomes[variant.name]
        rate = median([o.rate for o in runs])
        digests = {o.digest for o in runs}
        same = "same" if digests == {base_digest} else "DIFFERENT"
        print(f"{variant.name:30s} {rate:7.0f} {rate / base_rate:9.2f}x {median([o.seconds for o in runs]):6.1f} "
              f"{median([o.finish_seconds for o in runs]):8.2f} {median([o.size / 1e6 for o in runs]):8.1f} "
              f"{median([o.live / 1e6 for o in runs]):8.1f} {int(median([o.segments for o in runs])):8d}  {same}")


if __name__ == "__main__":
    main()
