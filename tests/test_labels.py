"""The entity-kind table is the one source: the analyser's labels, the UI, the query parser and the README agree with it."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style

from newsreader.analysis import Analysis
from newsreader.analysis.model import ENTITY_LABELS, Entity
from newsreader.cli.search import parser as search_parser
from newsreader.index.query import parse_query
from newsreader.labels import ENTITY_KINDS, SEARCH_FIELDS, STYLE_OF_LABEL, field_names, readme_rows, sidebar_kinds
from newsreader.ui.reading_layout import LABEL_CLASS
from newsreader.ui.screens.help import LEGEND, SEARCH_HELP
from newsreader.ui.theme_styles import _styles_for
from newsreader.ui.widgets.sidebar import article_rows

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_analyser_label_has_exactly_one_kind() -> None:
    labels = [label for kind in ENTITY_KINDS for label in kind.labels]
    assert sorted(labels) == sorted(ENTITY_LABELS)
    assert set(STYLE_OF_LABEL) == set(ENTITY_LABELS)
    assert STYLE_OF_LABEL["GPE"] == STYLE_OF_LABEL["LOC"] == "place" and STYLE_OF_LABEL["MONEY"] == "number"
    assert LABEL_CLASS == STYLE_OF_LABEL  # the reading pane highlights by the same table


def test_names_sections_and_fields_are_unique() -> None:
    for values in ([k.name for k in ENTITY_KINDS], [k.section for k in sidebar_kinds()],
                   [k.field for k in ENTITY_KINDS if k.field]):
        assert len(values) == len(set(values))
    assert list(SEARCH_FIELDS) == ["person", "org", "place"] and field_names() == "person: org: place:"


def test_theme_has_a_style_per_kind_as_the_table_says() -> None:
    styles = _styles_for({"foreground": "#e0e0e0", "background": "#000000", "text-primary": "#ff0000"})
    for kind in ENTITY_KINDS:
        style = styles[kind.name]
        assert isinstance(style, Style) and style.color is not None
        assert bool(style.bold) == kind.bold and bool(style.underline) == kind.underline
    assert styles["person"].color.triplet.hex == "#ff0000"  # type: ignore[union-attr]


def test_query_fields_find_the_labels_of_their_kind() -> None:
    for kind in ENTITY_KINDS:
        if kind.field:
            query = parse_query(f"{kind.field}:berg")
            assert set(kind.labels) <= set(query.params), kind.field
            assert "entities" in " ".join(query.where)


def test_sidebar_sections_follow_the_table() -> None:
    text = "Jonas Berg of Harbour Co in Oslo, a Norwegian, on Monday"
    entities = tuple(Entity(0, 5, label, text[:5], f"key-{label}") for label in ENTITY_LABELS)
    rows = article_rows(Analysis(entities=entities))
    sections = [row.label for row in rows if row.kind == "subheading"]
    assert sections == [kind.section for kind in sidebar_kinds()]
    listed = {row.value: row.style for row in rows if row.kind == "entity"}
    assert listed == {f"key-{label}": kind.name for kind in sidebar_kinds() for label in kind.labels}


def test_help_legend_and_search_help_follow_the_table() -> None:
    assert [(sample, name, meaning) for sample, name, meaning in LEGEND][:len(ENTITY_KINDS)] == [
        (kind.legend, kind.name, kind.meaning) for kind in ENTITY_KINDS]
    assert field_names() in SEARCH_HELP
    assert field_names() in " ".join(search_parser().format_help().split())


def test_readme_highlights_and_search_fields_follow_the_table() -> None:
    readme = README.read_text(encoding="utf-8")
    for row in readme_rows():
        assert row in readme.splitlines(), f"README's Highlights table lacks {row!r}"
    [fields_row] = [line for line in readme.splitlines() if line.startswith("| `person:`")]
    assert fields_row.split("|")[1].split() == [f"`{field}:`" for field in SEARCH_FIELDS]
