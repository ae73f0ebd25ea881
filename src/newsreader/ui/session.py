"""The open library as the reader sees it: a pure model, no Textual.

:class:`Session` holds what the reader asked the list for (order, outlet,
quick-filter words, starred or unread only, a name chosen in the sidebar) and
what is known about the library (counts, skipped files, what is running). The
main screen changes it through its methods and draws from it; each change of
what the list shows gets a new ``view`` number, so rows fetched for an older
view are dropped. Tested without the UI (``tests/test_ui_session.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from newsreader.catalog import SortOrder
from newsreader.index.views import ViewSpec
from newsreader.library.model import SkippedFile

_VERBS = {"entity": "naming", "speaker": "quoting", "source": "citing"}


@dataclass(frozen=True, slots=True)
class LibraryStatus:
    """What the header reports about the open library (counts in articles)."""

    root: Path
    total: int = 0
    shown: int = 0
    unread: int = 0
    skipped: int = 0
    busy: str = ""
    #: ``shown`` is the rows known so far, the count is on its way.
    more: bool = False


@dataclass(frozen=True, slots=True)
class Cross:
    """The sidebar choice the list is narrowed to: ``kind`` (entity, speaker, source) and ``key``,
    with how many articles have it and how often (None until counted)."""

    kind: str
    key: str
    articles: int | None = None
    mentions: int | None = None

    @property
    def label(self) -> str:
        """``3 naming Petra Holm (5×)``, or ``naming Petra Holm`` before the count arrives."""
        text = f"{_VERBS.get(self.kind, 'with')} {self.key}"
        if self.articles is None:
            return text
        return f"{self.articles} {text} ({self.mentions}×)"


class Session:
    """One library opening: the list's view and the library's counts."""

    def __init__(self, root: Path, order: SortOrder = SortOrder.DATE) -> None:
        self.root = root
        self.generation = 0
        self.view = 0
        self.spec = ViewSpec(order)
        self.cross: Cross | None = None
        self.total = 0
        self.shown = 0
        self.shown_exact = True
        self.read = 0
        self.outlets: list[tuple[str, int]] = []
        self.skipped: list[SkippedFile] = []
        self.busy = "opening…"
        #: True until the first refresh of this opening has ended.
        self.scanning = True
        #: False when the index lives in memory for this session (the cache folder failed).
        self.index_available = True

    # -- opening -------------------------------------------------------------------
    def open(self, root: Path) -> None:
        """Start over on the library at ``root``: filters cleared, counts unknown."""
        self.root = root
        self.generation += 1
        self.spec = ViewSpec(self.spec.order)
        self.cross = None
        self.total = self.shown = self.read = 0
        self.outlets, self.skipped = [], []
        self.busy, self.scanning, self.index_available = "opening…", True, True
        self.view += 1

    def progress(self, busy: str) -> None:
        """A refresh is running: ``busy`` says what it does."""
        self.busy = busy

    def checked(self, skipped: list[SkippedFile]) -> None:
        """The refresh ended; ``skipped`` is every skipped file now."""
        self.skipped = skipped
        self.busy = ""
        self.scanning = False

    # -- what the list shows ---------------------------------------------------------
    def _set(self, spec: ViewSpec) -> bool:
        if spec == self.spec:
            return False
        self.spec = spec
        self.view += 1
        return True

    def cycle_sort(self) -> SortOrder:
        """Next order (date, title, outlet); returns it."""
        self._set(replace(self.spec, order=self.spec.order.next()))
        return self.spec.order

    def choose_outlet(self, outlet: str | None) -> bool:
        """List only ``outlet`` (None: every outlet)."""
        return self._set(replace(self.spec, outlet=outlet))

    def set_words(self, words: str) -> bool:
        """The quick filter's text (every word, as a prefix)."""
        return self._set(replace(self.spec, words=words))

    def toggle_starred(self) -> bool:
        """Starred only, or all again; returns the new setting."""
        self._set(replace(self.spec, starred_only=not self.spec.starred_only))
        return self.spec.starred_only

    def toggle_unread(self) -> bool:
        """Unread only, or all again; returns the new setting."""
        self._set(replace(self.spec, unread_only=not self.spec.unread_only))
        return self.spec.unread_only

    def set_cross(self, kind: str, key: str) -> bool:
        """List the articles that name (``entity``), quote (``speaker``) or cite (``source``) ``key``."""
        self.cross = Cross(kind, key)
        return self._set(replace(self.spec, cross=(kind, key)))

    def counted_cross(self, kind: str, key: str, articles: int, mentions: int) -> bool:
        """The counts of the current sidebar choice arrived; False if it is no longer chosen."""
        if self.cross is None or (self.cross.kind, self.cross.key) != (kind, key):
            return False
        self.cross = Cross(kind, key, articles, mentions)
        return True

    def clear_cross(self) -> bool:
        self.cross = None
        return self._set(replace(self.spec, cross=None))

    def show_all(self) -> bool:
        """Every article again, in the same order (filters and the sidebar's choice cleared);
        False if nothing was filtered."""
        self.cross = None
        return self._set(ViewSpec(self.spec.order))

    def viewed(self, view: int, count: int, exact: bool = True) -> bool:
        """Rows of ``view`` arrived with its count (``exact`` False: at least that many); False
        (ignore them) if the view changed since."""
        if view != self.view:
            return False
        self.shown, self.shown_exact = count, exact
        return True

    def counted(self, outlets: list[tuple[str, int]], total: int, read: int) -> None:
        self.outlets, self.total, self.read = outlets, total, read

    def step_read(self, now_read: bool) -> None:
        """One article's read mark changed (counts follow before the index says so)."""
        self.read = max(0, min(self.total, self.read + (1 if now_read else -1)))

    # -- what is shown -------------------------------------------------------------------
    @property
    def list_title(self) -> str:
        """The list's border title: its order and filters."""
        spec = self.spec
        title = f"Articles · {spec.order.label}"
        if spec.outlet is not None:
            title += " · outlet filter"
        if spec.starred_only:
            title += " · starred"
        if spec.unread_only:
            title += " · unread"
        if self.cross is not None:
            title += f" · {self.cross.label}"
        if spec.words:
            title += " · filtered"
        return title

    def status(self) -> LibraryStatus:
        """The header's facts."""
        return LibraryStatus(self.root, self.total, self.shown, max(0, self.total - self.read), len(self.skipped),
                             self.busy if self.scanning else "", not self.shown_exact)


def progress_text(phase: str, done: int, total: int) -> str:
    """The header's words for a refresh step (phases of :class:`~newsreader.index.RefreshProgress`)."""
    if phase == "scanning":
        return "checking for changes…"
    if phase == "analysing":
        return f"analysing {100 * done // max(total, 1)}%"
    if phase == "done":
        return ""
    return f"indexing {100 * done // max(total, 1)}%"
