"""Reading state and settings as a user meets them: remembered across runs."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import open_path, screen_text, settle

from newsreader.ui.app import NewsreaderApp
from newsreader.userdata.settings import config_path, load_config


async def test_read_marks_last_article_and_scroll_survive_a_restart(small_library: Path) -> None:
    long_story = small_library / "coastal" / "long.txt"
    long_story.write_text("By Kai Sato. Media: Coastalbulletin\n" + "\n".join(
        f"Paragraph {n} of the council's long budget story, with more words to wrap." for n in range(80)) + "\n")
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "6 unread" in screen_text(app)
        await open_path(pilot, "coastal/long.txt")
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        scroll = round(app.main.reader.scroll_offset.y)
        assert scroll > 10
        assert "5 unread" in screen_text(app)
        opened_id = app.main.reader.document.article.id
    again = NewsreaderApp(small_library)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert again.main.reader.document is not None and again.main.reader.document.article.id == opened_id
        assert round(again.main.reader.scroll_offset.y) == scroll
        assert opened_id in again.main.article_list.read_ids
        assert "5 unread" in screen_text(again)


async def test_r_toggles_read_and_star_filters(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.main.article_list.current
        assert first is not None
        await pilot.press("r")
        assert first.id in app.main.reading.read_ids
        await pilot.press("r")
        assert first.id not in app.main.reading.read_ids
        await pilot.press("asterisk", "j", "j", "asterisk")
        starred = set(app.main.reading.starred_ids)
        assert len(starred) == 2 and first.id in starred
        assert "★" in app.main.article_list.render_line(0).text
        await pilot.press("S")
        await settle(pilot)
        assert {a.id for a in app.main.article_list.articles} == starred
        assert "Starred" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.article_list.row_count == 5
    again = NewsreaderApp(small_library)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert set(again.main.reading.starred_ids) == starred


async def test_highlight_switches_are_remembered(small_library: Path) -> None:
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e", "u")
        await app.workers.wait_for_complete()
    config = load_config()
    assert (config.highlight_entities, config.highlight_quotes) == (False, False)
    again = NewsreaderApp(small_library)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert (again.main.reader.show_entities, again.main.reader.show_quotes) == (False, False)


async def test_theme_from_config_and_bad_config_is_survived(small_library: Path) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('theme = "nord"\nhighlight_quotes = "yes"\n[keys]\nquit = "ctrl+q"\nnot_an_action = "k"\n')
    app = NewsreaderApp(small_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "highlight_quotes" in messages and "not_an_action" in messages
        await pilot.press("q")  # remapped: q no longer quits
        assert app.is_running
        await pilot.press("ctrl+q")
    assert app.return_code == 0
