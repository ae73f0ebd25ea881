"""Helpers for driving the app with Textual's Pilot."""

from __future__ import annotations

from textual.pilot import Pilot

from newsreader.ui.app import NewsreaderApp


async def settle(pilot: Pilot[None]) -> None:
    """Wait until scanning, view building and article loading have all finished."""
    app = pilot.app
    assert isinstance(app, NewsreaderApp)
    main = app.main
    for _ in range(200):
        await app.workers.wait_for_complete()
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
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
