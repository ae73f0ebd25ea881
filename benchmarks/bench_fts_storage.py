"""Two ways to store the searchable text, measured side by side on the same articles.

    python benchmarks/bench_fts_storage.py --library /tmp/nrbench/lib-100000 --articles 20000

(A) "compressed": each body stored once, raw-deflated, and an FTS5 table with
    external content read through a view that inflates it (what newsreader ships);
    snippets come from FTS5's snippet().
(B) "contentless": an FTS5 table with content='' (no text kept at all); snippets are
    cut from the files: read, parse, find the first hit, keep 16 words around it.

For each: bytes on disk (after VACUUM), insert rate, and search latency (p50/p95)
for the 20 best hits of ~40 queries *with their snippets*, as the search screen
needs them. The file bytes of the same articles are printed as the baseline.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import WORDS  # noqa: E402

from newsreader.index.tables import pack_body, unpack_body  # noqa: E402
from newsreader.library.parsers import parse_document  # noqa: E402

TOKEN_RE = re.compile(r"\w+")


def load(library: Path, count: int) -> list[tuple[str, str, str]]:
    files = sorted(library.rglob("*.md"))[:count]
    out = []
    for path in files:
        parsed = parse_document(path.name, path.read_bytes())[0][0]
        out.append((str(path), parsed.title, parsed.body))
    return out


def build(kind: str, db: Path, docs: list[tuple[str, str, str]]) -> float:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.create_function("unpack_body", 1, unpack_body, deterministic=True)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE docs(doc INTEGER PRIMARY KEY, path TEXT, title TEXT)")
    if kind == "compressed":
        conn.execute("CREATE TABLE texts(doc INTEGER PRIMARY KEY, body BLOB)")
        conn.execute("CREATE VIEW src(doc, title, body) AS SELECT d.doc, d.title, unpack_body(t.body) "
                     "FROM docs d JOIN texts t ON t.doc = d.doc")
        conn.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, content='src', content_rowid='doc', "
                     "tokenize='unicode61 remove_diacritics 2')")
    else:
        conn.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', "
                     "tokenize='unicode61 remove_diacritics 2')")
    started = time.perf_counter()
    conn.execute("BEGIN")
    for doc, (path, title, body) in enumerate(docs, 1):
        conn.execute("INSERT INTO docs VALUES (?, ?, ?)", (doc, path, title))
        if kind == "compressed":
            conn.execute("INSERT INTO texts VALUES (?, ?)", (doc, pack_body(body)))
        conn.execute("INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)", (doc, title, body))
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.execute("VACUUM")
    conn.close()
    return len(docs) / seconds


def file_snippet(path: str, words: list[str]) -> str:
    """What a contentless index must do for each hit: read and parse the file, cut around a hit."""
    parsed = parse_document(os.path.basename(path), Path(path).read_bytes())[0][0]
    tokens = list(TOKEN_RE.finditer(parsed.body))
    for number, match in enumerate(tokens):
        word = match.group().casefold()
        if any(word.startswith(w) for w in words):
            first = tokens[max(0, number - 8)].start()
            last = tokens[min(len(tokens) - 1, number + 8)].end()
            return parsed.body[first:last]
    return parsed.body[:160]


def search(kind: str, db: Path, queries: list[str]) -> list[float]:
    conn = sqlite3.connect(db)
    conn.create_function("unpack_body", 1, unpack_body, deterministic=True)
    latencies = []
    for query in queries:
        words = [w.casefold() for w in TOKEN_RE.findall(query)]
        match = " AND ".join(f'"{w}"' for w in words)
        started = time.perf_counter()
        if kind == "compressed":
            rows = conn.execute("SELECT rowid, snippet(fts, 1, '[', ']', '…', 16) FROM fts WHERE fts MATCH ? "
                                "ORDER BY rank LIMIT 20", (match,)).fetchall()
        else:
            hits = conn.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 20", (match,)).fetchall()
            rows = []
            for (doc,) in hits:
                path = conn.execute("SELECT path FROM docs WHERE doc = ?", (doc,)).fetchone()[0]
                rows.append((doc, file_snippet(path, words)))
        latencies.append((time.perf_counter() - started) * 1000)
        assert rows is not None
    conn.close()
    return latencies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    docs = load(args.library, args.articles)
    file_bytes = sum(os.path.getsize(path) for path, _, _ in docs)
    rng = random.Random(5)
    queries = [rng.choice(WORDS) for _ in range(20)] + [f"{rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(20)]
    print(f"{len(docs):,} articles, {file_bytes / 1e6:.1f} MB of files")
    with tempfile.TemporaryDirectory(prefix="nr-fts-") as scratch:
        for kind in ("compressed", "contentless"):
            db = Path(scratch) / f"{kind}.sqlite3"
            rate = build(kind, db, docs)
            search(kind, db, queries[:5])  # warm the page cache
            latencies = search(kind, db, queries)
            size = db.stat().st_size
            print(f"{kind:>12}: {size / 1e6:7.1f} MB ({size / file_bytes:.2f}x the files), insert {rate:,.0f} art/s, "
                  f"20 hits with snippets p50 {statistics.median(latencies):.1f} ms / "
                  f"p95 {percentile(latencies, 0.95):.1f} ms", flush=True)


if __name__ == "__main__":
    main()
