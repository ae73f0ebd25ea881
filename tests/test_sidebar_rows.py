"""The sidebar's rows for one article: one row per name shown, and a cited source's kind never cuts its name."""

from __future__ import annotations

from newsreader.analysis import analyze
from newsreader.ui.widgets.sidebar import article_rows

TEXT = ("Harbour director Nils P. Ekdahl spoke first. Mr. Ekdahl said costs had doubled, according to the "
        "Coastal Bulletin. Ekdahl told the Coastal Bulletin the dredging would wait.\n"
        "“We will not cut corners,” Ekdahl said. “Not once,” he added.\n"
        "A spokeswoman for the harbour board, Liv Aas, said the board would meet in May.")


def _section(rows: list, title: str) -> list:
    """The rows after the subheading ``title`` up to the next subheading."""
    start = next(i for i, r in enumerate(rows) if r.kind == "subheading" and r.label == title)
    out = []
    for row in rows[start + 1:]:
        if row.kind == "subheading":
            break
        out.append(row)
    return out


def test_one_person_is_one_row_in_every_section() -> None:
    rows = article_rows(analyze(TEXT))
    quoted = [r for r in _section(rows, "Quoted") if r.kind == "speaker"]
    assert [(r.label, r.count) for r in quoted] == [("Nils P. Ekdahl", 2)]
    people = [r.label for r in _section(rows, "People") if r.kind == "entity"]
    assert people.count("Nils P. Ekdahl") == 1
    cites = [r.label for r in _section(rows, "Cites") if r.kind == "source"]
    assert cites.count("Nils P. Ekdahl") == 1 and "Mr. Ekdahl" not in cites and "Ekdahl" not in cites


def test_cited_sources_are_grouped_under_their_kind() -> None:
    rows = _section(article_rows(analyze(TEXT)), "Cites")
    labels = [r.label.strip() for r in rows]
    assert "outlets" in labels and "people" in labels
    outlets = labels.index("outlets")
    assert labels[outlets + 1] == "Coastal Bulletin"
    # the kind is a row of its own, so nothing sits beside a name to cut it short
    assert all(r.detail == "" for r in rows if r.kind == "source")


def test_an_unresolved_pronoun_is_not_listed_as_someone_quoted() -> None:
    from newsreader.analysis import analyze
    from newsreader.ui.widgets.sidebar import article_rows

    rows = article_rows(analyze("“We will see,” she said. “No,” said Malin Roos."))
    assert [row.label.strip() for row in rows if row.kind == "speaker"] == ["Malin Roos"]
