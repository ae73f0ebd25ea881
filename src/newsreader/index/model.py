"""Records the index hands out: refresh progress and summary, search hits."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsreader.library.model import Article, SkippedFile

#: Phases a refresh goes through, in order (``RefreshProgress.phase``).
PHASES = ("scanning", "removing", "indexing", "analysing", "done")


@dataclass(frozen=True, slots=True)
class RefreshProgress:
    """One step of a refresh, reported after each committed batch.

    ``done``/``total`` count files to process in this phase. ``added`` and
    ``removed`` are the articles this batch put in or took out of the index;
    a changed file's articles appear in both, so apply ``removed`` (by id)
    before ``added``.
    """

    phase: str
    done: int
    total: int
    added: tuple[Article, ...] = ()
    removed: tuple[Article, ...] = ()


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    """What one refresh did, counted in articles; ``skipped`` is every skipped file now."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: tuple[SkippedFile, ...] = ()
    seconds: float = 0.0
    #: True when ``should_stop`` ended the refresh early (the next one resumes).
    stopped: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result.

    ``score`` is SQLite's bm25 rank negated, so higher is better (0.0 when the
    query had only field filters). ``snippet`` is plain text as (text, is_hit)
    pairs, never markup.
    """

    article_id: str
    score: float
    snippet: tuple[tuple[str, bool], ...] = field(default_factory=tuple)
    article: Article | None = None
