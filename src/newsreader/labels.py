"""The one table of entity kinds: how each analyser label is shown, listed and searched.

Every place that treats entity labels differently reads :data:`ENTITY_KINDS`:
the reading pane's highlight styles (:mod:`newsreader.ui.theme_styles`), the
sidebar's sections (:mod:`newsreader.ui.widgets.sidebar`), the help legend
(:mod:`newsreader.ui.screens.help`), the search fields of the query language
(:mod:`newsreader.index.query`) and the README's Highlights table (checked by
``tests/test_labels.py``). Adding an entity type means adding one row here.

Domain data: no Textual import, nothing from the rest of newsreader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class EntityKind:
    """One kind of entity and everything the app does with it.

    ``name`` is the highlight style's name; ``labels`` the analyser labels of this
    kind (:data:`newsreader.analysis.model.ENTITY_LABELS`). ``colour`` is the
    Textual theme variable the highlight is drawn in, with ``bold`` and
    ``underline``; ``looks`` says the same in words for the README. ``section`` is
    the sidebar heading that lists the open article's entities of this kind
    (``None``: not listed); ``field`` the search field (``"person"`` for
    ``person:``; ``None``: not searchable). ``legend`` is the help screen's
    sample word and ``meaning`` what it marks (the README's words too).
    """

    name: str
    labels: tuple[str, ...]
    colour: str
    looks: str
    legend: str
    meaning: str
    section: str | None = None
    field: str | None = None
    bold: bool = False
    underline: bool = False


ENTITY_KINDS: tuple[EntityKind, ...] = (
    EntityKind("person", ("PERSON",), "text-primary", "bold, primary colour", "Person", "person",
               section="People", field="person", bold=True),
    EntityKind("org", ("ORG",), "text-secondary", "secondary colour", "Organisation", "organisation",
               section="Organisations", field="org"),
    EntityKind("place", ("GPE", "LOC"), "text-success", "success colour", "Place", "place (country, city, region)",
               section="Places", field="place"),
    EntityKind("norp", ("NORP",), "text-warning", "warning colour", "Group / nationality", "group, nationality",
               section="Groups"),
    EntityKind("number", ("DATE", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"), "text-muted", "underlined, muted",
               "Date / figure", "date, number, money, percentage", underline=True),
)

#: Analyser label -> the name of its highlight style ("GPE" -> "place").
STYLE_OF_LABEL: Mapping[str, str] = MappingProxyType(
    {label: kind.name for kind in ENTITY_KINDS for label in kind.labels})

#: Search field -> the labels it finds ("place" -> ("GPE", "LOC")), in table order.
SEARCH_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {kind.field: kind.labels for kind in ENTITY_KINDS if kind.field})


def sidebar_kinds() -> tuple[EntityKind, ...]:
    """The kinds the sidebar lists for the open article, in the order of their sections."""
    return tuple(kind for kind in ENTITY_KINDS if kind.section)


def field_names() -> str:
    """The entity search fields as a user types them: ``"person: org: place:"``."""
    return " ".join(f"{field}:" for field in SEARCH_FIELDS)


def readme_rows() -> list[str]:
    """The entity rows of the README's Highlights table, as Markdown lines."""
    return [f"| {kind.meaning} | {kind.looks} |" for kind in ENTITY_KINDS]
