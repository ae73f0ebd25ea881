"""Messages that workers post to the app (thread-safe, handled on the event loop)."""

from __future__ import annotations

from textual.message import Message

from newsreader.analysis import Analysis
from newsreader.library.model import Article, ArticleText, SkippedFile
from newsreader.reading_state import ReadingState


class ScanBatch(Message):
    """A batch of articles (and skipped files) found by the library scan."""

    def __init__(self, generation: int, articles: list[Article], skipped: list[SkippedFile], done: bool) -> None:
        super().__init__()
        self.generation = generation
        self.articles = articles
        self.skipped = skipped
        self.done = done


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
