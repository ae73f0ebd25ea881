"""Child process for bench_startup: run one app headless and report when it painted.

Prints ``PAINT`` as soon as the first frame is drawn, then a JSON line with the
time the list showed rows, the time the scan finished and the peak RSS.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

START = time.perf_counter()


def bare_app():  # type: ignore[no-untyped-def]
    """The baseline: a Textual app with the same three-pane layout and nothing in it."""
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal
    from textual.widgets import Footer, Static

    class Bare(App[None]):
        CSS = """
        #top { height: 1; }
        Horizontal { height: 1fr; }
        .pane { border: round $accent; height: 1fr; width: 1fr; }
        #side { width: 28; }
        """

        def compose(self) -> ComposeResult:
            yield Static("bare", id="top")
            with Horizontal():
                yield Static("", id="side", classes="pane")
                yield Static("", classes="pane")
                yield Static("", classes="pane")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(painted, self)

    return Bare()


def painted(app) -> None:  # type: ignore[no-untyped-def]
    print("PAINT", time.perf_counter() - START, flush=True)
    if not hasattr(app, "by_id"):
        finish(app, {})
        return
    marks: dict[str, float] = {}

    def poll() -> None:
        now = time.perf_counter() - START
        if "rows" not in marks and app.article_list.row_count:
            marks["rows"] = now
        if not app.scanning and app.article_list.row_count == len(app.by_id):
            marks.setdefault("rows", now)
            marks["scanned"] = now
            finish(app, marks)

    app.set_interval(0.01, poll)


def finish(app, marks: dict[str, float]) -> None:  # type: ignore[no-untyped-def]
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({**marks, "peak_mb": peak_kb / 1024}), flush=True)
    app.exit()


def main() -> None:
    kind, path = sys.argv[1], Path(sys.argv[2])
    if kind == "bare":
        app = bare_app()
    else:
        from newsreader.ui.app import NewsreaderApp

        class Probed(NewsreaderApp):
            def on_mount(self) -> None:
                # Textual also runs NewsreaderApp.on_mount (handlers run along the MRO).
                self.call_after_refresh(painted, self)

        app = Probed(path)
    app.run(headless=True, size=(120, 40))


if __name__ == "__main__":
    main()
