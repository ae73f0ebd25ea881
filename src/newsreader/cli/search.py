"""``newsreader search PATH QUERY [--json] [--limit N]``: ranked results, for people and scripts.

The index is built first when there is none yet. The query language is
described in :mod:`newsreader.index.query`; a bad query is a one-line error
(exit status 2) before any indexing. Article text reaches the terminal only
inside rich ``Text`` objects, cleaned: never as markup.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.text import Text

from newsreader.cli.common import CommandError, guarded
from newsreader.cli.progress import INTERRUPTED, open_index, refresh_index
from newsreader.index import QueryError, SearchHit, parse_query
from newsreader.labels import field_names
from newsreader.library.outlets import display_outlet
from newsreader.library.sanitize import clean_line, clean_text


def parser() -> argparse.ArgumentParser:
    """The options of ``newsreader search``; its help lists the query fields."""
    parser = argparse.ArgumentParser(
        prog="newsreader search", description="Search a library's index.",
        epilog=f'Query: words, "phrases", prefix*, OR, -exclude, title: author: outlet: {field_names()} '
               "quoted: cites: after:YYYY-MM-DD before:YYYY-MM-DD")
    parser.add_argument("path", type=Path, help="folder of articles")
    parser.add_argument("query", help="what to look for")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument("--limit", type=int, default=20, help="most results to show (default 20)")
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv``, search the library and print the hits."""
    options = parser().parse_args(list(argv))
    return guarded(lambda: search(options.path, options.query, options.limit, options.json), INTERRUPTED)


def search(path: Path, query: str, limit: int, as_json: bool) -> int:
    """Print up to ``limit`` hits for ``query`` in the library at ``path``.

    Raises CommandError for a bad path, limit or query.
    """
    if limit < 1:
        raise CommandError("--limit must be at least 1")
    try:
        parse_query(query)  # a bad query fails before any indexing
        with open_index(path) as index:
            if index.last_refresh is None:
                refresh_index(index, Console(stderr=True))
            hits = index.search(query, limit=limit)
    except QueryError as error:
        raise CommandError(f"bad query: {error}") from None
    if as_json:
        print(json.dumps([hit_record(hit) for hit in hits], ensure_ascii=False, indent=1))
    else:
        print_hits(hits, Console())
    return 0


def hit_record(hit: SearchHit) -> dict[str, object]:
    """One hit as a JSON object: id, score, path, entry, title, outlet (the name
    shown), outlet_as_written, date, snippet, hits."""
    article = hit.article
    outlet = article.outlet if article else None
    return {
        "id": hit.article_id, "score": hit.score, "path": article.path if article else None,
        "entry": article.entry if article else 0, "title": article.title if article else None,
        "outlet": display_outlet(outlet) if outlet else None, "outlet_as_written": outlet,
        "date": article.date if article else None,
        "snippet": "".join(text for text, _ in hit.snippet),
        "hits": [text for text, is_hit in hit.snippet if is_hit],
    }


def print_hits(hits: Sequence[SearchHit], console: Console) -> None:
    """Numbered hits: title, then outlet · date · path, then the snippet with the hits in bold."""
    if not hits:
        console.print("No matches.")
    for number, hit in enumerate(hits, 1):
        article = hit.article
        head = Text(f"{number:>3}. ", style="dim")
        head.append(clean_line(article.title if article else hit.article_id), style="bold")
        console.print(head)
        meta = Text("     ", style="dim")
        outlet = display_outlet(article.outlet) if article and article.outlet else None
        meta.append(clean_line(" · ".join(x for x in (outlet, article.date, article.path) if x))
                    if article else "", style="dim")
        console.print(meta)
        snippet = Text("     ")
        for text, is_hit in hit.snippet:
            snippet.append(_inline(text), style="bold yellow" if is_hit else "")
        console.print(snippet)


def _inline(text: str) -> str:
    """``text`` cleaned for one line, keeping its edge spaces (snippet pieces abut)."""
    return " ".join(clean_text(text).split("\n"))
