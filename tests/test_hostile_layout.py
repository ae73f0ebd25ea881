"""The reading pane's layout of hostile text: one 2 MB line lays out in seconds."""

from __future__ import annotations

import time
from collections import defaultdict

from rich.style import Style

from newsreader.analysis import analyze
from newsreader.library.model import Article, ArticleText
from newsreader.library.parsers import parse_bytes
from newsreader.ui.reading_layout import LayoutOptions, layout_article


def test_a_two_megabyte_line_lays_out_in_linear_time() -> None:
    """The reading pane's layout of one 2 MB paragraph took a minute (Rich slicing is
    quadratic); it must stay within seconds."""
    parsed = parse_bytes("long.txt", b"Long line title\n\n" + b"word " * (2 * 1024 * 1024 // 5))[0]
    assert len(parsed.paragraphs[0]) >= 2_000_000
    document = ArticleText(Article("x", "long.txt", parsed.title), parsed.paragraphs)
    started = time.perf_counter()
    page = layout_article(document, analyze(parsed.body), LayoutOptions(width=80), defaultdict(Style))
    assert time.perf_counter() - started < 20
    assert len(page.lines) > 2_000_000 // 80
    assert "".join(segment.text for segment in page.lines[7]).strip().startswith("word word")
