"""The rows of a list view held in Python: a few pages, fetched as they are drawn. No Textual.

A view of a million articles is never in memory: :class:`PageCache` keeps the
``KEEP`` pages drawn most recently (``PAGE_ROWS`` rows each) and says which page
a row needs. The list widget draws a placeholder for a row whose page is still
on its way, and redraws when :meth:`PageCache.install` brings it.

The first screenful of a library (:class:`FirstRows`) is read by
:func:`read_first_rows`, in the opening worker or, when the app is started from
the command line, in a :class:`Prefetch` thread started before Textual is even
imported, so that the first frame can already show the rows.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, overload

from newsreader.catalog import SortOrder
from newsreader.index import IndexLocation, LibraryIndex, ViewSpec
from newsreader.library.model import Article
from newsreader.userdata.reading_state import ReadingState

PAGE_ROWS = 100
KEEP = 8
Row = TypeVar("Row")


class PageCache(Generic[Row]):
    """Pages of ``page_size`` rows of one listing (``view`` number) with its row count; the
    ``keep`` pages drawn most recently are kept, others are fetched again when drawn again."""

    def __init__(self, view: int = 0, count: int = 0, page_size: int = PAGE_ROWS, keep: int = KEEP) -> None:
        self.view = view
        self.count = count
        self.page_size = page_size
        self.keep = keep
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._wanted: set[int] = set()

    def reset(self, view: int, count: int, pages: dict[int, list[Row]] | None = None) -> None:
        """Switch to ``view`` with ``count`` rows and (some of) its pages."""
        self.view, self.count = view, count
        self._pages.clear()
        self._wanted.clear()
        for number, rows in (pages or {}).items():
            self._pages[number] = rows

    def row(self, index: int) -> Row | None:
        """Row ``index`` if its page is here (None: not fetched yet, or out of range)."""
        if not 0 <= index < self.count:
            return None
        number, offset = divmod(index, self.page_size)
        rows = self._pages.get(number)
        if rows is None:
            return None
        self._pages.move_to_end(number)
        return rows[offset] if offset < len(rows) else None

    def want(self, index: int) -> int | None:
        """The page number to fetch for row ``index``, once (None: here, asked for, or out of range)."""
        if not 0 <= index < self.count:
            return None
        number = index // self.page_size
        if number in self._pages or number in self._wanted:
            return None
        self._wanted.add(number)
        return number

    def install(self, view: int, number: int, rows: list[Row]) -> bool:
        """Keep page ``number`` of ``view``; False (dropped) if the view changed since it was asked for."""
        if view != self.view:
            return False
        self._wanted.discard(number)
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > self.keep:
            self._pages.popitem(last=False)
        return True

    def find(self, matches: Callable[[Row], bool]) -> int | None:
        """The row of the first held row that ``matches``, if one is held."""
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if matches(row):
                    return number * self.page_size + offset
        return None

    @property
    def pages_held(self) -> int:
        return len(self._pages)


class LoadedRows(Sequence[Article]):
    """The rows of a view as a sequence; raises LookupError for a row whose page is not here."""

    def __init__(self, cache: PageCache[Article]) -> None:
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


# -- the first screenful ------------------------------------------------------------------
@dataclass
class FirstRows:
    """What the first screenful of a library needs: where its index is, the first rows of the
    list (``count`` of them, ``exact`` or at least that many), the library's counts and, on a
    first opening, its reading state; ``notice``: a line for the reader."""

    location: IndexLocation
    state: ReadingState | None
    rows: list[Article]
    count: int
    exact: bool
    outlets: list[tuple[str, int]]
    total: int
    read: int
    notice: str | None


def read_first_rows(index: LibraryIndex, spec: ViewSpec, state: ReadingState | None) -> FirstRows:
    """Mirror ``state``'s marks into ``index`` (if given), then read the first page of ``spec`` and the counts."""
    if state is not None:
        index.sync_marks(state.read_ids, state.starred_ids)
    rows = index.view_page(spec, 0, PAGE_ROWS)
    total = index.view_count(ViewSpec())
    exact = len(rows) < PAGE_ROWS or spec == ViewSpec(spec.order)  # (an unfiltered view lists them all)
    count = len(rows) if len(rows) < PAGE_ROWS else total if exact else PAGE_ROWS
    notice, index.notice = index.notice, None
    return FirstRows(index.location, state, rows, count, exact, index.outlet_counts(), total, index.read_count(),
                     notice)


def private_folders() -> None:
    """Make newsreader's own folders (data, reading state, settings, cache) the user's alone,
    0700 whatever the umask, before anything is written in them: files written there are
    then private too (and the index, reading state and recent list are written 0600)."""
    from newsreader.index.schema import make_private_dir
    from newsreader.userdata.paths import cache_dir, config_dir, data_dir
    from newsreader.userdata.reading_state import LIBRARIES_DIR

    for folder in (data_dir(), data_dir() / LIBRARIES_DIR, config_dir(), cache_dir()):
        try:
            make_private_dir(folder)
        except OSError:
            pass  # the writers say so when they cannot write there


class Prefetch:
    """The first screenful of the library at ``root`` (with its reading state), read in a thread
    from the moment the command line knows the library; the main screen takes it if it is ready
    when the screen is mounted, else the opening worker waits for it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.spec: ViewSpec | None = None
        #: Set by the main screen once it showed the rows itself (the worker then does not post them).
        self.taken = False
        self._found: FirstRows | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._read, name="prefetch", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        from newsreader.userdata.settings import load_config

        try:
            self.spec = ViewSpec(SortOrder(load_config().default_sort))
            private_folders()
            state = ReadingState.load(self.root)
            with LibraryIndex.open(self.root) as index:
                self._found = read_first_rows(index, self.spec, state)
        except BaseException as error:  # noqa: BLE001 - handed to the opening worker, which raises it
            self._error = error

    def ready(self) -> FirstRows | None:
        """The first screenful if it has been read (None: still reading, or it failed)."""
        return None if self._thread.is_alive() else self._found

    def result(self) -> FirstRows:
        """The first screenful, once read; raises what reading it raised (IndexUnavailable, ...)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._found is not None
        return self._found
