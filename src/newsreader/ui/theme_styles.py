"""Highlight styles derived from the current Textual theme's variables.

Entity styles come from :data:`newsreader.labels.ENTITY_KINDS` (one per kind,
named as the kind); the rest are the app's own.

Computed once per theme in Python rather than as CSS component classes: the
reading pane and sidebar need a dozen styles each, and as component classes
every one of them is re-matched against the whole stylesheet on each style
update, which showed up in start-up time.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.app import App
from textual.color import Color

from newsreader.labels import ENTITY_KINDS


def _color(variables: dict[str, str], name: str) -> Color:
    value = variables.get(name, "")
    if value.startswith("auto"):
        # "auto 60%": the theme's foreground at that strength over its background.
        strength = float(value.split()[1].rstrip("%")) / 100 if len(value.split()) > 1 else 1.0
        foreground = Color.parse(variables.get("foreground", "#e0e0e0"))
        background = Color.parse(variables.get("background", "#000000"))
        return background.blend(foreground, strength)
    try:
        return Color.parse(value)
    except Exception:  # a theme without this variable: fall back to the foreground
        return Color.parse(variables.get("foreground", "#e0e0e0"))


_cache: dict[str, dict[str, Style]] = {}


def _styles_for(variables: dict[str, str]) -> dict[str, Style]:

    def fg(name: str, bold: bool | None = None, underline: bool | None = None, italic: bool | None = None) -> Style:
        return Style(color=_color(variables, name).rich_color, bold=bold, underline=underline, italic=italic)

    def bg(name: str) -> Style:
        return Style(bgcolor=_color(variables, name).rich_color)

    entities = {kind.name: fg(kind.colour, bold=kind.bold or None, underline=kind.underline or None)
                for kind in ENTITY_KINDS}
    return {
        **entities,
        "quote": Style(italic=True),
        "bar": fg("accent"),
        "speaker": fg("text-muted", italic=True),
        "focus": Style(reverse=True),
        "title": fg("text", bold=True),
        "byline": fg("text"),
        "meta": fg("text-muted"),
        "path": fg("text-disabled"),
        "body": Style(),
        "find": bg("warning-muted"),
        "find-current": Style(bgcolor=_color(variables, "warning").rich_color, bold=True,
                              color=_color(variables, "warning").get_contrast_text().rich_color),
        "heading": fg("text-accent", bold=True),
        # What an article's own markup meant (Markdown emphasis, links, headings).
        "markup-emphasis": Style(italic=True),
        "markup-strong": Style(bold=True),
        "markup-strike": Style(strike=True),
        "markup-code": fg("text-muted"),
        "markup-link": fg("text-primary", underline=True),
        "markup-heading": fg("text", bold=True),
        "subheading": fg("text-muted", bold=True),
        "note": fg("text-disabled"),
        "count": fg("text-muted"),
        "active": Style(bold=True, underline=True),
        "unread": fg("text-accent"),
        "star": fg("text-warning"),
    }


def theme_styles(app: App[Any]) -> dict[str, Style]:
    """Named highlight styles for ``app``'s current theme (cached per theme: rows ask for them on every draw)."""
    styles = _cache.get(app.theme)
    if styles is None:
        styles = _cache[app.theme] = _styles_for(app.get_css_variables())
    return styles
