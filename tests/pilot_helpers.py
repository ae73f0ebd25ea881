"""Helpers for driving the app with Textual's Pilot."""

from __future__ import annotations

from textual.pilot import Pilot

from newsreader.ui.app import NewsreaderApp


async def settle(pilot: Pilot[None]) -> None:
    """Wait until scanning, view building and article loading have all finished."""
    app = pilot.app
    assert isinstance(app, NewsreaderApp)
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.scanning and not app._view_dirty and not any(w.is_running for w in app.workers):
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
    listing = app.article_list
    listing.move_to(next(i for i, article in enumerate(listing.articles) if article.path == path))
    listing.focus()
    await pilot.press("enter")
    await settle(pilot)
