"""Opening a library on the main screen, and the one error policy of its workers.

:class:`LibraryOpening` replaces the screen's library (from a prefetch read while the app
started, else from its index), takes the first rows, counts and reading state in one
message, starts the check for changed files once they are drawn, and turns every failed
worker into what the reader sees (:meth:`~newsreader.ui.loader.Loader.failed` says what).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

from newsreader.ui import messages as msg
from newsreader.ui.loader import opened_message
from newsreader.ui.rows import Prefetch
from newsreader.userdata.reading_state import ReadingState, state_file

if TYPE_CHECKING:
    from newsreader.ui.screens.main import MainScreen


class LibraryOpening:
    """Opens libraries for one main screen and answers its workers' ends."""

    def __init__(self, screen: MainScreen, early: Prefetch | None = None) -> None:
        self.screen = screen
        #: The first screenful, read while the app started (cli.app), for the first opening only.
        self._early = early
        #: The worker opening the library (its check starts when it ends), and whether it is a first opening.
        self._opening: Worker[None] | None = None
        self._opening_first = True

    def open(self, root: Path) -> None:
        """Replace the current library with ``root``: list it from its index, then refresh it."""
        screen = self.screen
        session, loader = screen.session, screen.loader
        if session.generation:
            screen.reading_flow.remember_position()
            loader.save_reading(screen.reading)
        loader.close()
        session.open(root.resolve())
        screen.reader_column.root = session.root
        screen.reading = ReadingState(session.root, state_file(session.root))
        screen.listing.use_marks()
        screen.reading_flow.restore_pending = True
        screen.filter_box.value = ""
        screen.article_list.show_view(session.view, 0, {})
        screen.reader_column.show(None)
        screen.sidebar.set_article(None)
        screen.listing.redraw()
        early, self._early = self._early, None
        if early is not None and (early.root != session.root or early.spec != session.spec):
            early = None  # (read for another library or order: open it afresh)
        found = early.ready() if early is not None else None
        if early is not None and found is not None:  # read already: shown in the first frame
            early.taken = True
            loader.location = found.location
            self.opened(opened_message(session.generation, session.view, found))
        self._opening = loader.open_library(session.root, session.generation, session.view, session.spec,
                                            early=early)
        self._opening_first = True

    def opened(self, message: msg.LibraryOpened) -> None:
        """The index is open: its first rows, counts and reading state come together (one redraw)."""
        screen = self.screen
        if message.generation != screen.session.generation:
            return
        state = message.state
        if state is not None:
            if state.problem:
                screen.notify(state.problem, severity="warning", markup=False, timeout=8)
            screen.reading = state
            screen.listing.use_marks()
        if message.notice:
            screen.notify(message.notice, severity="warning", markup=False, timeout=8)
        screen.session.index_available = not message.location.memory
        screen.session.counted(message.outlets, message.total, message.read)
        screen.listing.loaded(msg.ViewLoaded(message.view, message.count, message.pages, message.exact))
        if message.view != screen.session.view:  # the reader changed the view meanwhile
            screen.listing.view_changed()

    def worker_changed(self, event: Worker.StateChanged) -> None:
        """The one error policy: every worker that raised ends up here. (And once the library is
        open and its first rows drawn, the check for changed files starts: the walk would compete
        with them.)"""
        screen = self.screen
        session, loader = screen.session, screen.loader
        if event.state is WorkerState.SUCCESS and event.worker is self._opening:
            self._opening = None
            screen.call_after_refresh(loader.check, session.root, session.generation, True, self._opening_first)
        if event.state is not WorkerState.ERROR:
            return
        what, text = loader.failed(event.worker)
        if what == "memory":
            session.index_available = False
            loader.close()
            notice = (f"No index file ({text}); indexing the folder in memory for this session "
                      "(nothing is kept, search still works).")
            keep_id = screen.reading.last_article if screen.reading_flow.restore_pending else None
            self._opening = loader.open_library(session.root, session.generation, session.view, session.spec,
                                                first=False, memory=True, notice=notice, keep_id=keep_id)
            self._opening_first = False
        elif what == "stopped":
            screen.notify(text or "", severity="warning", markup=False, timeout=8)
            session.checked(session.skipped)
            screen.listing.redraw()
        elif what == "notify":
            screen.notify(text or "", severity="warning", markup=False, timeout=6)
