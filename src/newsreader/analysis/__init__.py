"""Named entities, quotations with speakers, and cited sources, in pure Python.

``analyze(text)`` never raises; every span lies within ``text``.
"""

from __future__ import annotations

import re

from newsreader.analysis.model import Analysis, Citation, Entity, Quote

__all__ = ["Analysis", "Citation", "Entity", "Quote", "analyze"]

# Placeholder until the full analyser lands: quotation spans only.
_QUOTE_RE = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)


def analyze(text: str) -> Analysis:
    """Analyse an article body (paragraphs joined by newlines)."""
    quotes = tuple(Quote(m.start(), m.end()) for m in _QUOTE_RE.finditer(text) if m.end() > m.start() + 1)
    return Analysis(quotes=quotes)
