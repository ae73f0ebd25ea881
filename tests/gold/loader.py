"""Parse the inline gold markup used by ``tests/gold/*.gold.txt``.

Markup (see ``tests/gold/README.md`` for the annotation conventions):

* ``[[text|LABEL]]`` or ``[[text|LABEL|canonical key]]`` -- an entity; the key
  defaults to the text.
* ``{{“quoted words,”|Speaker Key}}`` -- a direct quote. The span is everything
  between ``{{`` and the *last* ``|`` (quote marks included); the speaker key
  ``-`` means unattributed. A quote may run over a paragraph break.
* ``((text|kind))`` -- a citation of a source; ``kind`` is one of
  :data:`CITATION_KINDS`.

Entities may be nested inside quotes and citations; nothing else nests.
All offsets in :class:`Gold` are character offsets (``end`` exclusive) into
:attr:`Gold.text`, the text with the markup stripped.

Import as ``from gold.loader import load_gold`` (pytest puts ``tests/`` on
``sys.path``) or ``from tests.gold.loader import load_gold`` from the repo root.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ENTITY_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
)
CITATION_KINDS: frozenset[str] = frozenset(
    {"outlet", "official", "document", "statement", "anonymous", "person"}
)
#: Platform lines that may trail an article body (compared after ``strip()``).
BOILERPLATE: frozenset[str] = frozenset({"Discussion about this post", "Share", "Subscribe", "Comments", "Like"})

GOLD_DIR: Path = Path(__file__).resolve().parent
REPO_ROOT: Path = GOLD_DIR.parent.parent
SAMPLES_DIR: Path = REPO_ROOT / "sample_articles"
GOLD_ARTICLES_DIR: Path = GOLD_DIR / "articles"
GOLD_SUFFIX = ".gold.txt"

Entity = tuple[int, int, str, str]  # start, end, label, key
QuoteSpan = tuple[int, int, "str | None"]  # start, end, speaker key (None = unattributed)
CitationSpan = tuple[int, int, str, str]  # start, end, kind, source text

_OPENERS = ("[[", "{{", "((")
_CLOSERS = ("]]", "}}", "))")


@dataclass(frozen=True)
class Gold:
    """One annotated text: stripped text plus entity, quote and citation spans."""

    text: str
    entities: list[tuple[int, int, str, str]] = field(default_factory=list)
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    citations: list[tuple[int, int, str, str]] = field(default_factory=list)
    path: Path | None = None

    def span(self, start: int, end: int) -> str:
        """Return the stripped text between two offsets."""
        return self.text[start:end]


class _Parser:
    """Single-use parser for one markup string."""

    def __init__(self, raw: str, source: str) -> None:
        self.raw = raw
        self.source = source
        self.out: list[str] = []
        self.length = 0
        self.entities: list[tuple[int, int, str, str]] = []
        self.quotes: list[tuple[int, int, str | None]] = []
        self.citations: list[tuple[int, int, str, str]] = []

    # -- helpers -----------------------------------------------------------
    def error(self, pos: int, message: str) -> ValueError:
        """Build a ValueError naming the 1-based line and column of ``pos``."""
        line = self.raw.count("\n", 0, pos) + 1
        column = pos - (self.raw.rfind("\n", 0, pos) + 1) + 1
        return ValueError(f"{self.source}:{line}:{column}: {message}")

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.length += len(text)

    # -- grammar -----------------------------------------------------------
    def parse(self) -> Gold:
        """Parse the whole string at top level."""
        self.parse_plain(0, len(self.raw), context="text")
        text = "".join(self.out)
        return Gold(
            text=text,
            entities=sorted(self.entities, key=lambda e: (e[0], e[1])),
            quotes=sorted(self.quotes, key=lambda q: (q[0], q[1])),
            citations=sorted(self.citations, key=lambda c: (c[0], c[1])),
        )

    def parse_plain(self, start: int, stop: int, context: str) -> None:
        """Copy ``raw[start:stop]`` to the output, handling markup.

        ``context`` is ``"text"`` at top level (all markup allowed, no stray
        ``|``) or ``"quote"``/``"citation"`` (only entities allowed inside).
        """
        raw = self.raw
        i = start
        while i < stop:
            two = raw[i : i + 2]
            if two == "[[":
                i = self.parse_entity(i, stop)
            elif two in ("{{", "(("):
                if context != "text":
                    raise self.error(i, f"{two!r} cannot be nested inside a {context}")
                i = self.parse_container(i, two)
            elif two in _CLOSERS:
                raise self.error(i, f"unmatched {two!r}")
            elif raw[i] == "|" and context == "text":
                raise self.error(i, "stray '|' outside markup")
            else:
                self.emit(raw[i])
                i += 1

    def parse_entity(self, i: int, stop: int) -> int:
        """Parse ``[[text|LABEL(|key)]]`` at ``i``; return the index after it."""
        end = self.raw.find("]]", i + 2, stop)
        if end < 0:
            raise self.error(i, "unclosed '[[' (no ']]')")
        inner = self.raw[i + 2 : end]
        for token in _OPENERS + ("}}", "))", "\n"):
            at = inner.find(token)
            if at >= 0:
                raise self.error(i + 2 + at, f"{token!r} not allowed inside an entity")
        parts = inner.split("|")
        if len(parts) not in (2, 3):
            raise self.error(i, f"entity needs [[text|LABEL]] or [[text|LABEL|key]], got [[{inner}]]")
        text, label = parts[0], parts[1]
        key = parts[2] if len(parts) == 3 else text
        if not text or text != text.strip():
            raise self.error(i, f"entity text {text!r} is empty or has surrounding whitespace")
        if label not in ENTITY_LABELS:
            raise self.error(i, f"unknown entity label {label!r}")
        if not key or key != key.strip():
            raise self.error(i, f"entity key {key!r} is empty or has surrounding whitespace")
        start = self.length
        self.emit(text)
        self.entities.append((start, self.length, label, key))
        return end + 2

    def parse_container(self, i: int, opener: str) -> int:
        """Parse a quote ``{{...|speaker}}`` or citation ``((...|kind))`` at ``i``."""
        closer = "}}" if opener == "{{" else "))"
        what = "quote" if opener == "{{" else "citation"
        end = self.raw.find(closer, i + 2)
        if end < 0:
            raise self.error(i, f"unclosed {opener!r} (no {closer!r})")
        bar = self.raw.rfind("|", i + 2, end)
        meta = self.raw[bar + 1 : end] if bar >= 0 else ""
        if bar < 0 or any(t in meta for t in ("[[", "]]", "\n")):
            raise self.error(i, f"{what} is missing its '|{'speaker' if what == 'quote' else 'kind'}' part")
        if what == "citation" and "\n" in self.raw[i:end]:
            raise self.error(i, "a citation cannot span a line break")
        body_start = self.length
        self.parse_plain(i + 2, bar, context=what)
        body_end = self.length
        if body_start == body_end:
            raise self.error(i, f"empty {what}")
        body = "".join(self.out)[body_start:body_end]
        if body != body.strip():
            raise self.error(i, f"{what} span {body!r} has surrounding whitespace")
        if what == "quote":
            if not meta or meta != meta.strip():
                raise self.error(bar, f"bad speaker key {meta!r}")
            self.quotes.append((body_start, body_end, None if meta == "-" else meta))
        else:
            if meta not in CITATION_KINDS:
                raise self.error(bar, f"unknown citation kind {meta!r}")
            self.citations.append((body_start, body_end, meta, body))
        return end + 2


def parse_gold(markup: str, source: str = "<string>") -> Gold:
    """Parse gold ``markup``; ``source`` names it in error messages.

    Raises ValueError (``source:line:column: message``) on malformed markup.
    """
    return _Parser(markup, source).parse()


def load_gold(path: str | Path) -> Gold:
    """Load one ``*.gold.txt`` file; trailing newlines are ignored."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8").rstrip("\n")
    gold = parse_gold(raw, source=str(path))
    return Gold(gold.text, gold.entities, gold.quotes, gold.citations, path=path)


def gold_files() -> list[Path]:
    """All gold files in ``tests/gold``, sorted by name."""
    return sorted(GOLD_DIR.glob("*" + GOLD_SUFFIX))


def gold_stem(path: str | Path) -> str:
    """``tests/gold/foo.gold.txt`` -> ``foo``."""
    name = Path(path).name
    return name[: -len(GOLD_SUFFIX)] if name.endswith(GOLD_SUFFIX) else Path(path).stem


def matching_articles(path: str | Path) -> list[Path]:
    """Articles (any extension, any outlet subfolder) with the gold file's stem: a bundled sample, or a
    gold-only article under ``tests/gold/articles/`` (the bundled library stays at 15-25 articles)."""
    stem = gold_stem(path)
    return sorted(p for root in (SAMPLES_DIR, GOLD_ARTICLES_DIR) for p in root.rglob(stem + ".*")
                  if p.is_file() and p.stem == stem)


def article_body(path: str | Path) -> str:
    """Body of a users'-format article: lines 2.., trailing boilerplate/blank lines dropped."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")[1:]
    while lines and (not lines[-1].strip() or lines[-1].strip() in BOILERPLATE):
        lines.pop()
    return "\n".join(lines)
