"""Messages that workers post to the app (thread-safe, handled on the event loop)."""

from __future__ import annotations

from textual.message import Message

from newsreader.analysis import Analysis
from newsreader.library.model import Article, ArticleText, SkippedFile
from newsreader.userdata.reading_state import ReadingState


class LibraryBatch(Message):
    """Articles added to or removed from the library (by the index or a scan)."""

    def __init__(
        self,
        generation: int,
        added: tuple[Article, ...] = (),
        removed: tuple[str, ...] = (),
        skipped: tuple[SkippedFile, ...] | None = None,
        more_skipped: tuple[SkippedFile, ...] = (),
        reset: bool = False,
        busy: str = "",
        done: bool = False,
        next_check: float | None = None,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.added = added
        self.removed = removed
        self.skipped = skipped  # the whole list, when the sender knows it
        self.more_skipped = more_skipped
        self.reset = reset
        self.busy = busy
        self.done = done
        self.next_check = next_check


class LibraryNotice(Message):
    """Something the reader should be told about the library (no index, unreadable)."""

    def __init__(self, generation: int, text: str, index_available: bool = True) -> None:
        super().__init__()
        self.generation = generation
        self.text = text
        self.index_available = index_available


class ViewReady(Message):
    """The filtered, sorted article list is ready to show."""

    def __init__(self, generation: int, articles: list[Article], complete: bool) -> None:
        super().__init__()
        self.generation = generation
        self.articles = articles
        self.complete = complete


class ArticleLoaded(Message):
    """An article's body was read and analysed."""

    def __init__(self, document: ArticleText, analysis: Analysis) -> None:
        super().__init__()
        self.document = document
        self.analysis = analysis


class ArticleFailed(Message):
    """An article could not be read (deleted, changed, unreadable)."""

    def __init__(self, article: Article, reason: str) -> None:
        super().__init__()
        self.article = article
        self.reason = reason


class StateLoaded(Message):
    """The reading state of the library being opened was read from disk."""

    def __init__(self, generation: int, state: ReadingState) -> None:
        super().__init__()
        self.generation = generation
        self.state = state


class CrossReady(Message):
    """The articles that name, quote or cite what the reader chose in the sidebar."""

    def __init__(self, generation: int, label: str, counts: list[tuple[str, int]]) -> None:
        super().__init__()
        self.generation = generation
        self.label = label
        self.counts = counts
