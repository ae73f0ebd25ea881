"""Highlight styles derived from the current Textual theme's variables.

Entity styles come from :data:`newsreader.labels.ENTITY_KINDS` (one per kind,
named as the kind); the rest are the app's own.

Computed once per theme in Python rather than as CSS component classes: the
reading pane and sidebar need a dozen styles each, and as component classes
every one of them is re-matched against the whole stylesheet on each style
update, which showed up in start-up time.

Without colour (``NO_COLOR``, which Textual answers by drawing in greys) or with
16 colours (where the theme's hues fall onto the same few palette entries, some
onto the background's), every highlight is also told apart by its attributes:
see :data:`WITHOUT_COLOUR`, and no colour may vanish into the background.
"""

from __future__ import annotations

from typing import Any

from rich.color import ColorSystem
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


#: What sets each highlight apart when colour cannot: a quotation is italic (beside its bar),
#: the speaker under it bold italic, each entity kind bold, underlined or doubly underlined
#: (a terminal without double underlines draws one). Not dim: Textual draws dim as a paler
#: colour, which is a shade of grey again under NO_COLOR.
WITHOUT_COLOUR: dict[str, Style] = {
    "person": Style(bold=True),
    "org": Style(bold=True, underline=True),
    "place": Style(underline=True),
    "norp": Style(bold=True, underline2=True),
    "number": Style(underline2=True),
    "quote": Style(italic=True),
    "speaker": Style(bold=True, italic=True),
}
#: Colour systems that cannot show a theme's hues apart.
FEW_COLOURS = frozenset({"standard", "windows"})

_cache: dict[tuple[str, str], dict[str, Style]] = {}


def _in_palette(color: Color) -> Color:
    """``color`` as a 16-colour terminal shows it (in Rich's default palette)."""
    return Color(*color.rich_color.downgrade(ColorSystem.STANDARD).get_truecolor())


def _unseen(color: Color, backgrounds: list[Color]) -> bool:
    """Whether ``color``, in 16 colours, lands on a background's entry or on a grey next to it
    (light grey on white: the light theme's dim text)."""
    shown = _in_palette(color)
    return any(shown == ground or (_is_grey(shown) and _is_grey(ground)
                                   and abs(shown.brightness - ground.brightness) < 0.3)
               for ground in backgrounds)


def _is_grey(color: Color) -> bool:
    return color.r == color.g == color.b


def _legible(style: Style, backgrounds: list[Color]) -> Style:
    """``style`` for a 16-colour terminal: a colour that would vanish into the pane's background
    goes (text keeps the pane's own colour, dimmed; a background becomes reversed text)."""
    lost_bgcolor = style.bgcolor is not None and _unseen(Color.from_rich_color(style.bgcolor), backgrounds)
    # Text on its own background was given a contrasting colour by the theme: only bare text is checked.
    lost_color = (style.color is not None and style.bgcolor is None
                  and _unseen(Color.from_rich_color(style.color), backgrounds))
    if not (lost_color or lost_bgcolor):
        return style
    kept = Style(bold=style.bold, dim=True if lost_color else style.dim, italic=style.italic,
                 underline=style.underline, strike=style.strike, reverse=True if lost_bgcolor else style.reverse)
    return kept + Style(color=None if lost_color else style.color, bgcolor=None if lost_bgcolor else style.bgcolor)


def _styles_for(variables: dict[str, str], mode: str = "colour") -> dict[str, Style]:
    """The named styles for a theme's ``variables``; ``mode`` is ``"colour"``, ``"greys"``
    (NO_COLOR) or ``"16"`` (a 16-colour terminal)."""
    styles = _colour_styles(variables)
    if mode == "colour":
        return styles
    styles = {name: style + WITHOUT_COLOUR.get(name, Style()) for name, style in styles.items()}
    if mode == "16":
        backgrounds = [_in_palette(_color(variables, name)) for name in ("background", "surface")]
        styles = {name: _legible(style, backgrounds) for name, style in styles.items()}
    return styles


def _colour_styles(variables: dict[str, str]) -> dict[str, Style]:

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


def colour_mode(app: App[Any]) -> str:
    """How ``app`` can show colour: ``"greys"`` under NO_COLOR, ``"16"`` on a terminal of 16 colours
    (Rich reads that from TERM and COLORTERM; TERM=linux is one), else ``"colour"``."""
    if app.no_color:
        return "greys"
    return "16" if app.console.color_system in FEW_COLOURS else "colour"


def theme_styles(app: App[Any]) -> dict[str, Style]:
    """Named highlight styles for ``app``'s current theme and colours (cached: rows ask for them
    on every draw)."""
    key = (app.theme, colour_mode(app))
    styles = _cache.get(key)
    if styles is None:
        styles = _cache[key] = _styles_for(app.get_css_variables(), key[1])
    return styles
