"""The article list's rules: sorting, outlet counts, filtering."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreader import catalog
from newsreader.catalog import SortOrder
from newsreader.library.model import Article


def make(path: str, title: str, date: str | None = None, outlet: str | None = None,
         authors: tuple[str, ...] = ()) -> Article:
    return Article(id=path, path=path, title=title, date=date, outlet=outlet, authors=authors)


ARTICLES = [
    make("a.txt", "Ferries halted", "2024-03-14", "Coastalbulletin", ("Ana Lind",)),
    make("b.txt", "Mill reopens", "2024-05-01", "Riversidepost"),
    make("c.txt", "undated note", None, None),
    make("d.txt", "Quota talks", "2023-12-31", "Coastalbulletin"),
]


def test_date_order_is_newest_first_and_undated_last() -> None:
    ordered = catalog.sort_articles(ARTICLES, SortOrder.DATE)
    assert [a.path for a in ordered] == ["b.txt", "a.txt", "d.txt", "c.txt"]


def test_title_order_ignores_case() -> None:
    ordered = catalog.sort_articles(ARTICLES, SortOrder.TITLE)
    assert [a.title for a in ordered] == ["Ferries halted", "Mill reopens", "Quota talks", "undated note"]


def test_outlet_order_groups_outlets_then_newest() -> None:
    ordered = catalog.sort_articles(ARTICLES, SortOrder.OUTLET)
    assert [a.path for a in ordered] == ["a.txt", "d.txt", "b.txt", "c.txt"]


def test_sort_orders_cycle() -> None:
    assert SortOrder.DATE.next() is SortOrder.TITLE
    assert SortOrder.OUTLET.next() is SortOrder.DATE


def test_outlet_counts_most_first() -> None:
    assert catalog.outlet_counts(ARTICLES) == [("Coastalbulletin", 2), ("Riversidepost", 1)]


def test_filter_matches_all_terms_in_metadata() -> None:
    view = catalog.build_view(ARTICLES, SortOrder.DATE, terms=catalog.query_terms("FERRIES lind"))
    assert [a.path for a in view or []] == ["a.txt"]


def test_filter_searches_bodies_when_given_a_reader() -> None:
    bodies = {"b.txt": "The old mill on the Vessa river", "c.txt": "nothing here"}
    view = catalog.build_view(ARTICLES, SortOrder.TITLE, terms=["vessa"], read_body=lambda a: bodies.get(a.path, ""))
    assert [a.path for a in view or []] == ["b.txt"]


def test_outlet_filter() -> None:
    view = catalog.build_view(ARTICLES, SortOrder.DATE, outlet="Coastalbulletin")
    assert [a.path for a in view or []] == ["a.txt", "d.txt"]


def test_stopped_build_returns_none() -> None:
    assert catalog.build_view(ARTICLES, SortOrder.DATE, should_stop=lambda: True) is None


dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@given(st.lists(st.tuples(st.text(max_size=12), dates), max_size=30), st.sampled_from(list(SortOrder)))
def test_sorting_is_a_permutation_and_dates_descend(items: list[tuple[str, str | None]], order: SortOrder) -> None:
    articles = [make(f"{i}.txt", title, date) for i, (title, date) in enumerate(items)]
    ordered = catalog.sort_articles(articles, order)
    assert sorted(a.path for a in ordered) == sorted(a.path for a in articles)
    if order is SortOrder.DATE:
        dated = [a.date for a in ordered if a.date]
        assert dated == sorted(dated, reverse=True)
        assert all(a.date for a in ordered[: len(dated)])


def test_outlet_order_follows_the_shown_name() -> None:
    # Issue 11: "www.midlandsobserver.example" is shown as "Midlands Observer" and sorts there.
    articles = [make("a.txt", "A", outlet="Valleyherald"), make("b.txt", "B", outlet="www.midlandsobserver.example"),
                make("c.txt", "C", outlet="Coastalbulletin"), make("d.txt", "D")]
    ordered = catalog.sort_articles(articles, SortOrder.OUTLET)
    assert [a.path for a in ordered] == ["c.txt", "b.txt", "a.txt", "d.txt"]


def test_outlet_ranking_ties_follow_the_shown_name() -> None:
    counts = {"Valleyherald": 2, "www.midlandsobserver.example": 2, "Coastalbulletin": 5}
    assert [name for name, _ in catalog.rank_outlets(counts)] == [
        "Coastalbulletin", "www.midlandsobserver.example", "Valleyherald"]
