"""Result types of :func:`newsreader.analysis.analyze`.

All offsets are character offsets into the analysed text (``end`` exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "CARDINAL", "PERCENT", "MONEY", "QUANTITY")
NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
CITATION_KINDS = ("outlet", "official", "document", "statement", "anonymous", "person")
#: Bumped whenever the analyser's output changes, so indexes built by an older one are rebuilt.
ANALYSER_VERSION = 4


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention; ``key`` is shared by every mention of one entity."""

    start: int
    end: int
    label: str
    text: str
    key: str


#: Speaker phrases that name nobody until they are resolved.
_BARE_PRONOUNS = frozenset("he she they we i it you".split())


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, its marks included, and who said it."""

    start: int
    end: int
    speaker: str | None = None
    speaker_key: str | None = None
    cue: str | None = None

    @property
    def name_shown(self) -> str | None:
        """Who the reader is told said it: the resolved name, else the speaker as written unless
        that is a bare pronoun no one was found for ("she"), which names nobody (then None)."""
        if self.speaker_key:
            return self.speaker_key
        return self.speaker if self.speaker and self.speaker.lower() not in _BARE_PRONOUNS else None


@dataclass(frozen=True, slots=True)
class Citation:
    """A source the article rests on ("according to Axios", "officials said").

    ``source`` is the phrase as written; ``key`` the name shown for it, shared with the entity or speaker
    it resolves to ("he said in a statement" -> "Lena Holt"), or the phrase itself.
    """

    start: int
    end: int
    source: str
    kind: str
    key: str = ""

    @property
    def name(self) -> str:
        """The name shown: ``key`` when resolved, else ``source``."""
        return self.key or self.source


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything :func:`analyze` found in one text, each list sorted by start."""

    entities: tuple[Entity, ...] = field(default_factory=tuple)
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    citations: tuple[Citation, ...] = field(default_factory=tuple)
