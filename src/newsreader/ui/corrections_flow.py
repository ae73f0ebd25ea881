"""The main screen's side of corrections: load the library's, show an opened article with them,
save and apply them again when the sidebar changes them, and hand them to the research views.

The corrections live on the sidebar (:attr:`SourcesSidebar.corrections`), loaded the first time
an article of the library is shown; the reading pane gets the analysis with them applied
(:func:`newsreader.userdata.corrections.apply_to_analysis`), the sidebar the analysis as
analysed, so it can show what was corrected and undo it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from newsreader.userdata.corrections import Corrections

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from newsreader.analysis import Analysis
    from newsreader.library.model import ArticleText
    from newsreader.ui.session import Session
    from newsreader.ui.widgets.reader_column import ReaderColumn
    from newsreader.ui.widgets.reading_pane import ReadingPane
    from newsreader.ui.widgets.sidebar import SourcesSidebar


class MainScreen(Protocol):
    """What of the main screen these functions use."""

    session: Session
    sidebar: SourcesSidebar
    reader: ReadingPane
    reader_column: ReaderColumn

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Say something to the reader."""


def corrections_of(screen: MainScreen) -> Corrections:
    """The corrections of the screen's library (read from the user's data the first time)."""
    found = screen.sidebar.corrections
    if found is None or found.root != screen.session.root:
        found = screen.sidebar.corrections = Corrections.load(screen.session.root)
        if found.problem:
            screen.notify(found.problem, severity="warning", markup=False, timeout=8)
    return found


def show_article(screen: MainScreen, document: ArticleText, analysis: Analysis, scroll: int = 0,
                 at: int | None = None) -> None:
    """Show an opened article: the sidebar describes ``analysis`` with its corrections marked, the
    reading pane shows it corrected."""
    screen.sidebar.set_article(analysis, document.article.id, corrections_of(screen))
    screen.reader_column.show(document, screen.sidebar.corrected, scroll=scroll, at=at)


def correction_made(screen: MainScreen, message: SourcesSidebar.CorrectionMade) -> None:
    """The sidebar changed the corrections: save them and show the article with them.

    Saved at once, not in a worker: a correction is one deliberate key, its file is small, and
    quitting right after it must not lose it."""
    corrections = message.corrections
    if not corrections.save():
        screen.notify(f"Could not save corrections to {corrections.path}.", severity="error", markup=False)
    reader = screen.reader
    corrected = screen.sidebar.corrected
    if reader.document is not None and corrected is not None \
            and reader.document.article.id == screen.sidebar.article_id:
        reader.analysis = corrected
        reader.relayout()
