"""Saved web pages through ingest_file, beside the same articles as plain text, in one run.

    python benchmarks/bench_html.py [--pages 200] [--rounds 5] [--dir /tmp/nrbench-html]

Generates ``--pages`` synthetic news pages (head with Open Graph and JSON-LD, a
20 KB inline script, a menu, 12 paragraphs of about 70 words, a related-stories
box, comments, a footer: about 45 KB each), the same articles as byline-format
``.txt`` files, and one ``.warc.gz`` holding the pages. Each round ingests every
file in this process (one core: the index spreads files over worker processes,
so a build scales with cores); prints one JSON line of median pages/s per
format, with the spread, and the ratio of HTML to text.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import statistics
import time
from pathlib import Path

WORDS = (
    "harbour council ferry timetable vessel island commuters morning evening repairs budget residents "
    "engineers bridge station tide storm flood barrier contract operator union drivers library school "
    "hospital market farmers orchard frost river estuary planning committee survey figures report"
).split()
NAMES = ["Ines Varga", "Euan Stroud", "Orla Fennimore", "Halvard Mbeki", "Priya Ravindran", "Tomasz Wielgosz"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"said {rng.choice(NAMES)}")
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, number: int) -> tuple[str, str, list[str]]:
    title = " ".join(rng.choice(WORDS) for _ in range(7)).capitalize() + f" {number}"
    paragraphs = [" ".join(sentence(rng) for _ in range(4)) for _ in range(12)]
    return title, rng.choice(NAMES), paragraphs


def page(title: str, author: str, paragraphs: list[str], number: int, rng: random.Random) -> str:
    url = f"https://www.harbourgazette.example/news/2024/03/{number % 28 + 1:02d}/story-{number}"
    script = json.dumps({"items": [{"id": i, "t": sentence(rng)} for i in range(150)]})
    menu = "".join(f'<li><a href="/section/{i}">{rng.choice(WORDS).title()}</a></li>' for i in range(40))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/r/{i}">{sentence(rng)}</a></li>' for i in range(6))
    comments = "".join(f'<li class="comment"><p>{sentence(rng)}</p></li>' for i in range(8))
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": title,
            "author": {"@type": "Person", "name": author},
            "datePublished": f"2024-03-{number % 28 + 1:02d}",
            "publisher": {"name": "Harbour Gazette"},
        }
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Harbour Gazette</title>'
        f'<meta property="og:title" content="{title}"><meta property="og:url" content="{url}">'
        f'<meta property="og:site_name" content="Harbour Gazette"><link rel="canonical" href="{url}">'
        f'<script type="application/ld+json">{ld}</script><script>window.__STATE__={script}</script>'
        f"<style>.a{{color:red}}</style></head><body><header><nav><ul>{menu}</ul></nav></header>"
        f'<main><article><h1>{title}</h1><p class="byline">By {author}</p>{body}</article>'
        f'<aside class="related"><h2>Related</h2><ul>{related}</ul></aside>'
        f'<section id="comments"><ol>{comments}</ol></section></main><footer>Harbour Gazette</footer></body></html>'
    )


def generate(root: Path, count: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(10)
    shutil.rmtree(root, ignore_errors=True)
    for folder in ("html", "txt", "warc"):
        (root / folder).mkdir(parents=True)
    archive = io.BytesIO()
    writer = WARCWriter(archive, gzip=True)
    for number in range(count):
        title, author, paragraphs = article(rng, number)
        html = page(title, author, paragraphs, number, rng).encode()
        (root / "html" / f"story-{number}.html").write_bytes(html)
        text = f"By {author}, Reporter. Media: Harbour Gazette\n" + "\n".join(paragraphs) + "\n"
        (root / "txt" / f"story-{number}.txt").write_text(text, encoding="utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://h.example/{number}", "response", payload=io.BytesIO(html), http_headers=headers
            )
        )
    (root / "warc" / "crawl.warc.gz").write_bytes(archive.getvalue())


def rate(folder: Path) -> float:
    """Articles per second ingesting every file of ``folder`` once."""
    from newsreader.library.ingest import ingest_file

    started = time.perf_counter()
    articles = 0
    for name in sorted(os.listdir(folder)):
        ingested = ingest_file(str(folder / name), name)
        assert not ingested.reasons, ingested.reasons
        articles += len(ingested.articles)
    return articles / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/nrbench-html"))
    args = parser.parse_args()
    generate(args.dir, args.pages)
    for folder in ("html", "txt", "warc"):
        rate(args.dir / folder)  # warm-up: imports (trafilatura ~0.3 s), caches
    rates: dict[str, list[float]] = {"html": [], "txt": [], "warc": []}
    for _ in range(args.rounds):  # interleaved, so a busy spell hits every format alike
        for folder in rates:
            rates[folder].append(rate(args.dir / folder))
    html_kb = sum(p.stat().st_size for p in (args.dir / "html").iterdir()) / args.pages / 1024
    result = {
        "pages": args.pages,
        "rounds": args.rounds,
        "html_kb_per_page": round(html_kb, 1),
        **{f"{k}_per_s": round(statistics.median(v), 1) for k, v in rates.items()},
        **{f"{k}_range": [round(min(v), 1), round(max(v), 1)] for k, v in rates.items()},
    }
    result["txt_to_html"] = round(result["txt_per_s"] / result["html_per_s"], 1)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
