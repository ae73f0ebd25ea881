"""Named entities, quotations with speakers, and cited sources, in pure Python.

``analyze(text)`` never raises; every span lies within ``text``.
"""

from __future__ import annotations

from newsreader.analysis.model import Analysis, Citation, Entity, Quote

__all__ = ["Analysis", "Citation", "Entity", "Quote", "analyze", "analyze_strict"]



def _entities(text: str) -> list[Entity]:
    from newsreader.analysis.coref import settle
    from newsreader.analysis.entities import find_names
    from newsreader.analysis.kinds import decide_kinds
    from newsreader.analysis.numbers import find_numbers
    from newsreader.analysis.tokens import LOWER_WORD_RE, caps_lines, title_lines

    vocab = set(LOWER_WORD_RE.findall(text))
    from newsreader.analysis.teams import relabel_teams

    names = find_names(text, vocab, caps_lines(text), title_lines(text))
    relabel_teams(text, names)
    decide_kinds(text, names)
    names = settle(text, names)
    out = [Entity(m.start, m.end, m.label, text[m.start:m.end], m.key) for m in names if m.label]
    taken = [(e.start, e.end) for e in out]
    out += _without_overlaps(find_numbers(text), taken)
    out.sort(key=lambda e: (e.start, e.end))
    return out


def _without_overlaps(items: list[Entity], taken: list[tuple[int, int]]) -> list[Entity]:
    taken = sorted(taken)
    out, k = [], 0
    for e in items:
        while k < len(taken) and taken[k][1] <= e.start:
            k += 1
        if k < len(taken) and taken[k][0] < e.end:
            continue
        out.append(e)
    return out


def analyze(text: str) -> Analysis:
    """Analyse an article body (paragraphs joined by newlines); never raises.

    A failure inside the rules yields an empty Analysis for the UI's sake; tests call
    :func:`analyze_strict` so that such bugs still surface.
    """
    try:
        return analyze_strict(text)
    except Exception:  # noqa: BLE001 - the reader must keep working on any article
        return Analysis()


def analyze_strict(text: str) -> Analysis:
    """Like :func:`analyze` but lets exceptions through."""
    if not isinstance(text, str) or not text:
        return Analysis()
    from newsreader.analysis.citations import find_citations
    from newsreader.analysis.marks import segments
    from newsreader.analysis.normalize import restore_spans, strip_invisible
    from newsreader.analysis.quotes import find_quotes
    from newsreader.analysis.referents import Resolver

    # soft hyphens and zero-width characters never split a word; spans are mapped back at the end
    original, (text, offsets) = text, strip_invisible(text)
    # a no-break space behaves as a space for every rule below; offsets are unchanged
    work = text.replace("\xa0", " ") if "\xa0" in text else text
    entities = _entities(work)
    if work is not text:
        entities = [Entity(e.start, e.end, e.label, text[e.start:e.end], e.key) for e in entities]
    spans = segments(work)
    resolver = Resolver(work, entities, [(s, e) for s, e, _ in spans])
    quotes = find_quotes(work, resolver, spans)
    citations = find_citations(work, entities, resolver)
    analysis = Analysis(entities=tuple(entities), quotes=tuple(quotes), citations=tuple(citations))
    return analysis if offsets is None else restore_spans(analysis, original, offsets)
