"""The rows of a list view held in Python: a few pages, fetched as they are drawn. No Textual.

A view of a million articles is never in memory: :class:`PageCache` keeps the
``KEEP`` pages drawn most recently (``PAGE_ROWS`` rows each) and says which page
a row needs. The list widget draws a placeholder for a row whose page is still
on its way, and redraws when :meth:`PageCache.install` brings it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import overload

from newsreader.library.model import Article

PAGE_ROWS = 100
KEEP = 8


class PageCache:
    """Pages of one view (``view`` number) with its row count."""

    def __init__(self, view: int = 0, count: int = 0) -> None:
        self.view = view
        self.count = count
        self._pages: OrderedDict[int, list[Article]] = OrderedDict()
        self._wanted: set[int] = set()

    def reset(self, view: int, count: int, pages: dict[int, list[Article]] | None = None) -> None:
        """Switch to ``view`` with ``count`` rows and (some of) its pages."""
        self.view, self.count = view, count
        self._pages.clear()
        self._wanted.clear()
        for number, rows in (pages or {}).items():
            self._pages[number] = rows

    def row(self, index: int) -> Article | None:
        """Row ``index`` if its page is here (None: not fetched yet, or out of range)."""
        if not 0 <= index < self.count:
            return None
        number, offset = divmod(index, PAGE_ROWS)
        rows = self._pages.get(number)
        if rows is None:
            return None
        self._pages.move_to_end(number)
        return rows[offset] if offset < len(rows) else None

    def want(self, index: int) -> int | None:
        """The page number to fetch for row ``index``, once (None: here, asked for, or out of range)."""
        if not 0 <= index < self.count:
            return None
        number = index // PAGE_ROWS
        if number in self._pages or number in self._wanted:
            return None
        self._wanted.add(number)
        return number

    def install(self, view: int, number: int, rows: list[Article]) -> bool:
        """Keep page ``number`` of ``view``; False (dropped) if the view changed since it was asked for."""
        if view != self.view:
            return False
        self._wanted.discard(number)
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > KEEP:
            self._pages.popitem(last=False)
        return True

    def forget_wanted(self) -> None:
        """Forget pages asked for (their answers will not come: ask again when drawn)."""
        self._wanted.clear()

    def find(self, article_id: str) -> int | None:
        """The row of ``article_id`` among the pages held, if it is there."""
        for number, rows in self._pages.items():
            for offset, article in enumerate(rows):
                if article.id == article_id:
                    return number * PAGE_ROWS + offset
        return None

    @property
    def pages_held(self) -> int:
        return len(self._pages)


class LoadedRows(Sequence[Article]):
    """The rows of a view as a sequence; raises LookupError for a row whose page is not here."""

    def __init__(self, cache: PageCache) -> None:
        self._cache = cache

    def __len__(self) -> int:
        return self._cache.count

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Article]: ...

    def __getitem__(self, index: int | slice) -> Article | Sequence[Article]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        article = self._cache.row(index)
        if article is None:
            if 0 <= index < len(self):
                raise LookupError(f"row {index} is not loaded")
            raise IndexError(index)
        return article

    def __iter__(self) -> Iterator[Article]:
        for index in range(len(self)):
            yield self[index]
