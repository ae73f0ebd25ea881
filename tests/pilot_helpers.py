"""Helpers for driving the app with Textual's Pilot."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot

from newsreader.ui.app import NewsreaderApp


async def settle(pilot: Pilot[None]) -> None:
    """Wait until scanning, view building and article loading have all finished."""
    app = pilot.app
    assert isinstance(app, NewsreaderApp)
    main = app.main
    for _ in range(200):
        await _wait_for_workers(app)
        await pilot.pause()
        if (not main.session.scanning and not main._rows_stale and main.article_list.cache.view == main.session.view
                and not any(w.is_running for w in app.workers)):
            await pilot.pause()
            return
    raise AssertionError("the app did not settle")


def screen_text(app: NewsreaderApp) -> str:
    """Everything on screen as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def open_path(pilot: Pilot[None], path: str) -> None:
    """Move the list cursor to the article at ``path``, open it and wait until it is shown."""
    app = pilot.app
    assert isinstance(app, NewsreaderApp)
    listing = app.main.article_list
    listing.move_to(next(i for i, article in enumerate(listing.articles) if article.path == path))
    listing.focus()
    await pilot.press("enter")
    await settle(pilot)


async def settle_search(pilot: Pilot[None]) -> None:
    """Let the search screen's debounce timer fire (Textual's clock, not a sleep) and its worker finish."""
    await pilot.pause(0.2)
    await _wait_for_workers(pilot.app)
    await pilot.pause()


async def _wait_for_workers(app: object) -> None:
    """Wait for every worker to end. A worker that raised is the app's to handle: workers just
    raise, and the main screen's one Worker.StateChanged policy decides what a failure means
    (the index in memory, a notice). Whether Textual still lists such a worker when we ask
    is a race, so its WorkerFailed is not the test's failure: the tests assert the outcome."""
    from textual.worker import WorkerFailed

    assert isinstance(app, App)
    try:
        await app.workers.wait_for_complete()
    except WorkerFailed:
        others = [w for w in app.workers if w.state.name != "ERROR"]
        if others:  # (an empty list would mean "every worker" to Textual)
            await app.workers.wait_for_complete(others)
