"""Small helpers for fitting text into terminal cells (wide characters count double)."""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len, set_cell_size


@lru_cache(maxsize=4096)
def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, or padded with spaces."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def fit_right(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` cells (cut with an ellipsis if too long)."""
    length = cell_len(text)
    if length >= width:
        return fit(text, width)
    return " " * (width - length) + text


def word_count_label(words: int) -> str:
    """A compact length: ``612w``, ``4.1kw``."""
    if words < 10_000:
        return f"{words}w"
    return f"{words / 1000:.0f}kw"
