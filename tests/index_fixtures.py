"""A small library of original articles with known entities, quotes and sources."""

from __future__ import annotations

from pathlib import Path

NEWS = {
    "coast/ferries.md": (
        "---\ntitle: Night ferries suspended after storms\nauthor: Ana Lindqvist\nsource: Coastalbulletin\n"
        "date: 2024-02-12\n---\n"
        "The Norvik Harbour Authority suspended night ferries on Tuesday after a week of storms in Bergen.\n\n"
        "“We will not put crews at risk for a timetable,” said Harbour Master Jonas Berg.\n\n"
        "According to the Meteorological Institute, the storms will ease by Friday.\n"
    ),
    "coast/quota.md": (
        "---\ntitle: Quota talks stall again\nauthor: Mette Dahl\nsource: Coastalbulletin\ndate: 2023-11-03\n---\n"
        "Fishing quota talks between Norway and the European Union stalled on Friday, Reuters reported.\n\n"
        "“There is no deal yet,” said Mette Dahl, a negotiator for Norway.\n"
    ),
    "town/cafe.md": (
        "---\ntitle: Festival week lifts cafés\nauthor: Tomas Varga\nsource: Riversidepost\ndate: 2024-06-20\n---\n"
        "Café owners in Tromsø welcomed the festival and the ferries it brought.\n\n"
        "“It is a good week for business,” said Ilse Brandt, who runs a bakery near the harbour.\n"
    ),
    "town/mill.txt": (
        "By Tomas Varga. Media: Riversidepost\n"
        "The council voted to reopen the old mill on the Vessa river as a museum.\n"
        "It will tell the story of the storms and floods that shaped the valley.\n"
    ),
    "town/empty.txt": "",
    "town/scan.pdf": "%PDF-1.4",
}


def write_news_library(root: Path, articles: dict[str, str] | None = None) -> Path:
    """Write ``articles`` (default: NEWS) under ``root`` and return it."""
    for relative, text in (NEWS if articles is None else articles).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def write_dated_library(root: Path, articles: dict[str, tuple[str, str, str]],
                        author: str = "Oda Fjell", outlet: str = "Vallbyposten") -> Path:
    """Write Markdown articles ``{file name: (ISO date, title, body)}`` with front matter
    (title, author, outlet, date) under ``root`` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    for name, (date, title, body) in articles.items():
        front = f"---\ntitle: {title}\nauthor: {author}\nsource: {outlet}\ndate: {date}\n---\n"
        (root / name).write_text(front + body, encoding="utf-8")
    return root
