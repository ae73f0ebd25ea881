"""One-shot questions to the index, asked by keys: an article a search names, the neighbour of
the open one, how much of the library a sidebar choice touches, and the list as a CSV file.

They run as the :class:`~newsreader.ui.loader.Loader`'s workers (its runner, its index, and
its :meth:`~newsreader.ui.loader.Loader.failed` as the one error policy) and post their
answers to the screen as messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsreader.index import ViewSpec
from newsreader.ui.loader import Loader
from newsreader.ui.messages import ArticleFound, CrossReady, Exported

#: Rows read from the index at a time when the list is exported.
EXPORT_PAGE = 1000


class Lookups:
    """Starts the one-shot lookups of one main screen, through its loader."""

    def __init__(self, loader: Loader) -> None:
        self._loader = loader

    def cross(self, generation: int, kind: str, key: str) -> None:
        """Count the articles that name, quote or cite ``key``."""
        def work() -> None:
            with self._loader.open_index() as index:
                articles, mentions = index.cross_summary(kind, key)
                self._loader.post(CrossReady(generation, kind, key, articles, mentions))

        self._loader.run(work, "cross", "find cross")

    def find(self, article_id: str, spec: ViewSpec) -> None:
        """The article a search result names, and its row in the list."""
        def work() -> None:
            with self._loader.open_index() as index:
                self._loader.post(ArticleFound(article_id, index.article(article_id), index.view_position(spec, article_id)))

        self._loader.run(work, "find", "find article")

    def neighbour(self, spec: ViewSpec, article_id: str, step: int, fallback: int) -> None:
        """The article ``step`` rows from ``article_id`` in the list ``spec`` (the row ``fallback``
        when the list does not hold it), as ArticleFound: for n and p before the list's rows are in."""
        def work() -> None:
            with self._loader.open_index() as index:
                here = index.view_position(spec, article_id)
                target = fallback if here is None else here + step
                rows = index.view_page(spec, target, 1) if target >= 0 else []
                if rows:
                    self._loader.post(ArticleFound(rows[0].id, rows[0], target))

        self._loader.run(work, "find", "find neighbour")

    def export_view(self, spec: ViewSpec, path: Path) -> None:
        """Write every article of the list ``spec`` to the CSV ``path``, in the list's order, a
        page at a time (see :mod:`newsreader.userdata.exports`); posts Exported."""
        def work() -> None:
            from newsreader.userdata.exports import COLUMNS, article_row, write_rows

            def rows() -> Iterator[list[str]]:
                offset = 0
                while page := index.view_page(spec, offset, EXPORT_PAGE):
                    yield from map(article_row, page)
                    offset += len(page)

            with self._loader.open_index() as index:
                self._loader.post(Exported(path, write_rows(path, COLUMNS, rows())))

        self._loader.run(work, "export", "export the list")
