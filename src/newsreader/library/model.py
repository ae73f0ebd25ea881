"""Immutable records for articles, their bodies and the files a scan skipped."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    """Metadata of one article: everything the list needs, nothing of the body.

    ``path`` is the file relative to the library root (POSIX separators);
    ``entry`` is the article's position inside a collection file (``.jsonl``,
    ``.csv``), 0 for single-article files; ``offset`` says where a streamed
    collection's entry starts. ``outlet`` is kept as written so it
    matches across files; use :func:`newsreader.library.outlets.display_outlet`
    to show it. ``date`` is an ISO ``YYYY-MM-DD`` string or ``None``.
    """

    id: str
    path: str
    title: str
    authors: tuple[str, ...] = ()
    role: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    word_count: int = 0
    format: str = "txt"
    entry: int = 0
    #: Where the entry starts in a streamed collection (bytes into the uncompressed
    #: stream; rows for Parquet), so its body can be read again without the rest of
    #: the file; None when the entry is found by parsing the whole (small) file.
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class TextStyle:
    """A styled stretch of a body that its source marked up (Markdown emphasis,
    links, headings): ``start``/``end`` are character offsets into
    :attr:`ParsedArticle.body`; ``kind`` is "emphasis", "strong", "strike",
    "code", "link" or "heading"; ``href`` is a link's URL, as written."""

    start: int
    end: int
    kind: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """A parser's full result: the metadata plus the body paragraphs."""

    title: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...] = ()
    role: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    # Position in a collection file; entries that fail to parse keep their number,
    # so the others' stay stable.
    entry: int = 0
    # What the source's markup meant (Markdown emphasis, links, headings), in
    # reading order; offsets into ``body``.
    styles: tuple[TextStyle, ...] = ()

    @property
    def body(self) -> str:
        """The body as analysis sees it: paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article with its body loaded (read lazily, when it is opened), and what
    its source's markup meant (``styles``, offsets into ``body``)."""

    article: Article
    paragraphs: tuple[str, ...] = field(default_factory=tuple)
    styles: tuple[TextStyle, ...] = ()

    @property
    def body(self) -> str:
        """The body as analysis sees it: paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file the scan did not turn into an article, and why."""

    path: str
    reason: str
