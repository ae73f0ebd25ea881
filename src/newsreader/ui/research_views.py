"""The main screen's ways into the whole library: search, every quote of a speaker or passage
citing a source, the library at a glance, and the list exported as a CSV file.

:class:`ResearchViews` pushes those screens over the main screen and acts on what is chosen
in them (an article opens, an outlet is listed); the lookups they need run as the loader's
workers (:mod:`newsreader.ui.lookups`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsreader.ui import corrections_flow
from newsreader.ui.messages import Exported

if TYPE_CHECKING:
    from newsreader.ui.screens.main import MainScreen

#: The search field that opens each kind of research view.
FIELDS = {"speaker": "quoted", "source": "cites"}
#: A value written bare in a query: one run of characters that are not spaces, quotes,
#: parentheses, a star or a colon.
_BARE = re.compile(r"[^\s\"“”„«»()*:]+")


def research_query(kind: str, name: str) -> str:
    """The search that opens the research view of ``kind`` for ``name``: ``quoted:beaumont``,
    ``quoted:"Harold Beaumont"``, ``cites:"Fjord Safety Board"``."""
    value = " ".join(name.split())
    if not _BARE.fullmatch(value):
        value = '"' + re.sub(r'["“”„«»]', "", value) + '"'
    return f"{FIELDS[kind]}:{value}"


class ResearchViews:
    """Opens the search and research screens of one main screen and follows their choices."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def search(self, query: str = "") -> None:
        """Search the whole library (in memory too, when the cache folder failed), starting
        from ``query``. A research view opened from it goes back to it (the query it was
        opened by) on Esc."""
        from newsreader.ui.screens.search import SearchScreen

        screen = self.screen
        if screen.loader.location is None:
            screen.action_filter()
            return

        def chosen(result: str | tuple[str, str] | None) -> None:
            if isinstance(result, tuple):  # quoted:NAME or cites:NAME alone: every quote or passage
                kind, name = result
                self.quotes_by(kind, name, back=lambda: self.search(research_query(kind, name)))
            elif result is not None:
                screen.lookups.find(result, screen.session.spec)
        screen.app.push_screen(SearchScreen(screen.loader.location, query), chosen)

    def quotes_by(self, kind: str, name: str, back: Callable[[], None] | None = None) -> None:
        """List every quote by speaker ``name`` (``kind`` "speaker") or every passage citing
        source ``name`` ("source") across the library; the one chosen opens at that place.
        ``back``: run when the view is left with Esc (reopens what it was opened from)."""
        from newsreader.ui.screens.quotes import QuotesScreen

        screen = self.screen
        if screen.loader.location is None:
            return

        def chosen(result: tuple[str, int] | None) -> None:
            if result is not None:
                screen.reading_flow.open_at = result[1]
                screen.lookups.find(result[0], screen.session.spec)
            elif back is not None:
                back()
        screen.app.push_screen(QuotesScreen(screen.loader.location, kind, [name], name,
                                            corrections_flow.corrections_of(screen)), chosen)

    def glance(self) -> None:
        """The library at a glance: most-quoted people, most-cited sources, outlets, articles per
        month; an item chosen opens its quotes, passages or outlet list."""
        from newsreader.ui.screens.glance import GlanceScreen

        screen = self.screen
        if screen.loader.location is None:
            return

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None and choice[0] == "outlet":
                screen.listing.outlet_chosen(choice[1])
            elif choice is not None:
                self.quotes_by(*choice, back=self.glance)
        screen.app.push_screen(GlanceScreen(screen.loader.location, corrections_flow.corrections_of(screen)), chosen)

    def export_view(self) -> None:
        """Export the articles the list shows, in its order, to a CSV file in the user's
        downloads folder; a notification says where."""
        from newsreader.userdata.exports import export_path

        screen = self.screen
        if screen.loader.location is None:
            return
        path = export_path(screen.session.root, "list")
        screen.notify(f"Exporting {screen.session.shown:,} articles…", markup=False)
        screen.lookups.export_view(screen.session.spec, path)

    def exported(self, message: Exported) -> None:
        """The export is written: say where."""
        self.screen.notify(f"Exported {message.rows:,} articles to {message.path}", markup=False, timeout=10)
