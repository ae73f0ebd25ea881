"""The article list's rules: sort orders, outlet ranking, filter words.

Pure domain code over :class:`~newsreader.library.model.Article` records. The
app's list is answered by the index (:mod:`newsreader.index.views`), whose SQL
follows the orders defined here; the tests hold the two to each other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from enum import Enum

from newsreader.library.model import Article
from newsreader.library.outlets import display_outlet


class SortOrder(Enum):
    """How the article list is ordered; ``next`` cycles through them."""

    DATE = "date"
    TITLE = "title"
    OUTLET = "outlet"

    @property
    def label(self) -> str:
        """A short label for the list's title bar."""
        return {"date": "date ↓", "title": "title", "outlet": "outlet"}[self.value]

    def next(self) -> SortOrder:
        """The order after this one, wrapping around."""
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]


NO_OUTLET = "\U0010ffff"
_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def _date_key(article: Article) -> tuple[int, str, str]:
    # Newest first, undated last, then by path so the order is stable.
    if article.date:
        return (0, _invert(article.date), article.path)
    return (1, "", article.path)


def outlet_key(outlet: str | None) -> str:
    """The sort key of an outlet as written (``None``: no outlet, last): its shown
    name, casefolded ("www.midlandsobserver.example" sorts as "midlands observer",
    before "valley herald")."""
    # No outlet after every name (the index keeps the same key per outlet).
    return min(display_outlet(outlet).casefold(), NO_OUTLET) if outlet else NO_OUTLET


def _invert(iso_date: str) -> str:
    # Descending order for ISO dates without a reverse sort (which would flip paths too).
    return "".join(chr(0x10FFFF - ord(ch)) for ch in iso_date)


def sort_articles(articles: Iterable[Article], order: SortOrder) -> list[Article]:
    """Return ``articles`` in ``order``."""
    if order is SortOrder.TITLE:
        # SQLite's NOCASE: ASCII letters fold, others compare as written (the index walks that order).
        return sorted(articles, key=lambda a: (a.title.translate(_ASCII_LOWER), a.path, a.entry))
    if order is SortOrder.OUTLET:
        return sorted(articles, key=lambda a: (outlet_key(a.outlet), _date_key(a), a.entry))
    return sorted(articles, key=lambda a: (_date_key(a), a.entry))


def outlet_counts(articles: Iterable[Article]) -> list[tuple[str, int]]:
    """Outlets with their number of articles, most articles first. Outlets shown
    under one name ("Coastalbulletin", "coastalbulletin.example") are one row,
    named as the one of them with most articles."""
    written = Counter(a.outlet for a in articles if a.outlet)
    groups: dict[str, list[tuple[int, str]]] = {}
    for name, count in written.items():
        groups.setdefault(outlet_key(name), []).append((count, name))
    merged = {min(group, key=lambda item: (-item[0], item[1]))[1]: sum(n for n, _ in group)
              for group in groups.values()}
    return rank_outlets(merged)


def rank_outlets(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """``counts`` as (outlet, articles) pairs, most articles first, then by the name shown."""
    return sorted(counts.items(), key=lambda item: (-item[1], outlet_key(item[0]), item[0]))


def query_terms(query: str) -> list[str]:
    """The lower-cased words of a filter query."""
    return [term for term in query.casefold().split() if term]


def metadata_text(article: Article) -> str:
    """The searchable metadata of an article, lower-cased."""
    return " ".join((article.title, " ".join(article.authors), article.outlet or "")).casefold()


def matches(article: Article, terms: Sequence[str], body: str = "") -> bool:
    """True when every term occurs in the article's metadata or in ``body``."""
    if not terms:
        return True
    haystack = metadata_text(article)
    if body:
        haystack = f"{haystack}\n{body.casefold()}"
    return all(term in haystack for term in terms)


def in_outlet(article: Article, outlet: str | None) -> bool:
    """True when no outlet filter is set or the article is from ``outlet``, or
    from an outlet shown under the same name."""
    return outlet is None or (article.outlet is not None and outlet_key(article.outlet) == outlet_key(outlet))


def build_view(
    articles: Sequence[Article],
    order: SortOrder,
    outlet: str | None = None,
    terms: Sequence[str] = (),
    read_body: Callable[[Article], str] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    only: AbstractSet[str] | None = None,
) -> list[Article] | None:
    """The articles to list: in ``outlet``, matching every term, sorted by ``order``.

    ``only``, when given, keeps just the articles whose ids it holds (starred ones,
    or those that name a chosen person).

    With ``read_body``, articles whose metadata does not match are searched in
    their body too (slow: it reads files, so callers run this in a worker).
    Returns ``None`` when ``should_stop`` says the result is no longer wanted.
    """
    chosen: list[Article] = []
    for count, article in enumerate(articles):
        if count % 2048 == 0 and should_stop():
            return None
        if not in_outlet(article, outlet) or (only is not None and article.id not in only):
            continue
        if matches(article, terms):
            chosen.append(article)
        elif read_body is not None and matches(article, terms, read_body(article)):
            chosen.append(article)
    if should_stop():
        return None
    return sort_articles(chosen, order)
