"""``newsreader stats PATH [--top N] [--json]``: the library at a glance, from its index.

Prints the most-quoted people, the most-cited sources by kind, the outlets by number of
articles and the articles per month as a bar chart (every month from the first dated
article's to the last's, empty ones included). ``--json`` prints the same as one object:
``articles``, ``speakers`` and ``outlets`` ([name, count] pairs, most first), ``sources``
(kind -> [name, count] pairs) and ``months`` (["YYYY-MM", articles] pairs). The index is
built first when there is none yet. The corrections made in the app apply (a merged name is
counted as the name it is merged into; a name marked wrong in an article is not counted there).
Names come from articles: they reach the terminal cleaned, inside rich ``Text``, never as markup.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from newsreader.cli.common import CommandError, guarded
from newsreader.cli.progress import INTERRUPTED, open_index, refresh_index

if TYPE_CHECKING:
    from newsreader.index.research import Glance

#: How the sidebar names each citation kind.
KIND_TITLES = {"outlet": "outlets", "official": "officials and bodies", "document": "documents",
               "statement": "statements", "anonymous": "unnamed sources", "person": "people"}
#: The widest bar of the month chart, in cells.
BAR_WIDTH = 40


def parser() -> argparse.ArgumentParser:
    """The options of ``newsreader stats``."""
    parser = argparse.ArgumentParser(
        prog="newsreader stats", description="The library at a glance: who is quoted and cited, outlets, months.")
    parser.add_argument("path", type=Path, help="folder of articles")
    parser.add_argument("--top", type=int, default=10, help="names to list in each section (default 10)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and print the library's glance."""
    options = parser().parse_args(list(argv))
    return guarded(lambda: stats(options.path, options.top, options.json), INTERRUPTED)


def stats(path: Path, top: int, as_json: bool) -> int:
    """Print the glance of the library at ``path`` (``top`` names a section). Raises CommandError."""
    import sys

    from newsreader.index.research import glance
    from newsreader.userdata.corrections import Corrections

    if top < 1:
        raise CommandError("--top must be at least 1")
    corrections = Corrections.load(path)
    if corrections.problem:
        print(corrections.problem, file=sys.stderr)
    with open_index(path) as index:
        if index.last_refresh is None:
            refresh_index(index, Console(stderr=True))
        seen: Glance | None = index.run(lambda conn: glance(conn, top, corrections))
    if seen is None:
        raise CommandError("the index was damaged and is being rebuilt: run again")
    if as_json:
        print(json.dumps(glance_record(seen), ensure_ascii=False, indent=1))
    else:
        print_glance(seen, Console(highlight=False))
    return 0


def glance_record(seen: Glance) -> dict[str, object]:
    """The glance as a JSON object (see the module docstring)."""
    return {
        "articles": seen.articles,
        "speakers": [list(item) for item in seen.speakers],
        "sources": {kind: [list(item) for item in items] for kind, items in seen.sources.items()},
        "outlets": [list(item) for item in seen.outlets],
        "months": [list(item) for item in seen.months],
    }


def print_glance(seen: Glance, console: Console) -> None:
    """The glance as text: ranked lists, then a bar a month."""
    from newsreader.library.outlets import display_outlet
    from newsreader.library.sanitize import clean_line

    console.print(Text(f"{seen.articles:,} articles", style="bold"))
    _ranked(console, "Most quoted", seen.speakers, clean_line)
    for kind, items in seen.sources.items():
        _ranked(console, f"Most cited {KIND_TITLES.get(kind, clean_line(kind))}", items, clean_line)
    _ranked(console, "Outlets", seen.outlets, lambda name: clean_line(display_outlet(name)))
    console.print()
    console.print(Text("Articles per month", style="bold"))
    if not seen.months:
        console.print(Text("  no dated articles", style="dim"))
    peak = max((n for _, n in seen.months), default=0) or 1
    for month, n in seen.months:
        line = Text(f"  {month} ")
        cells = n * BAR_WIDTH / peak
        bar = "█" * int(cells) + ("▌" if cells - int(cells) >= 0.5 else "")
        line.append(bar or ("▏" if n else ""), style="cyan")
        line.append(f" {n:,}", style="dim")
        console.print(line)


def _ranked(console: Console, title: str, items: Sequence[tuple[str, int]], shown: Callable[[str], str]) -> None:
    console.print()
    console.print(Text(title, style="bold"))
    if not items:
        console.print(Text("  none found", style="dim"))
        return
    width = len(f"{items[0][1]:,}")
    for name, n in items:
        line = Text(f"  {n:>{width},}  ", style="dim")
        line.append(shown(name))
        console.print(line)
