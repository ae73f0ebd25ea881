"""Presenting an :class:`Analysis`: a JSON-ready dict and rich tables.

Article text always goes into ``rich.text.Text`` objects, never into markup strings, so brackets in
an article cannot be read as rich markup.
"""

from __future__ import annotations

from typing import Any

from newsreader.analysis.model import Analysis


def analysis_to_dict(text: str, analysis: Analysis) -> dict[str, Any]:
    """JSON-ready dict of entities, quotes (with speaker and quoted text) and citations."""
    return {
        "entities": [
            {"start": e.start, "end": e.end, "label": e.label, "text": text[e.start:e.end], "key": e.key}
            for e in analysis.entities
        ],
        "quotes": [
            {"start": q.start, "end": q.end, "text": text[q.start:q.end], "speaker": q.speaker,
             "speaker_key": q.speaker_key, "cue": q.cue}
            for q in analysis.quotes
        ],
        "citations": [
            {"start": c.start, "end": c.end, "source": c.source, "kind": c.kind} for c in analysis.citations
        ],
    }


def analysis_table(text: str, analysis: Analysis) -> Any:
    """A rich renderable: one table each for entities (grouped by key), quotes and citations."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    entities = Table(title="Entities", expand=True)
    for name in ("Label", "Key", "Mentions"):
        entities.add_column(name)
    grouped: dict[tuple[str, str], list[str]] = {}
    for e in analysis.entities:
        grouped.setdefault((e.label, e.key), []).append(text[e.start:e.end])
    for (label, key), mentions in grouped.items():
        entities.add_row(Text(label), Text(key), Text(", ".join(dict.fromkeys(mentions))))

    quotes = Table(title="Quotes", expand=True)
    for name in ("Speaker", "Resolves to", "Cue", "Quote"):
        quotes.add_column(name, ratio=3 if name == "Quote" else 1)
    for q in analysis.quotes:
        quotes.add_row(Text(q.speaker or "—"), Text(q.speaker_key or "—"), Text(q.cue or ""),
                       Text(text[q.start:q.end]))

    citations = Table(title="Sources", expand=True)
    for name in ("Kind", "Source"):
        citations.add_column(name)
    for c in analysis.citations:
        citations.add_row(Text(c.kind), Text(c.source))
    return Group(entities, quotes, citations)
