"""Domain code never imports the UI toolkit: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

DOMAIN_MODULES = ("newsreader.library", "newsreader.analysis", "newsreader.catalog", "newsreader.userdata",
                  "newsreader.userdata.paths", "newsreader.userdata.recent", "newsreader.userdata.toml_edit",
                  "newsreader.userdata.reading_state", "newsreader.userdata.settings",
                  "newsreader.labels", "newsreader.cli", "newsreader.index")


def test_domain_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    __import__(name)\n"
        "import newsreader.library.scanner, newsreader.library.outlets\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_domain_sources_have_no_textual_import_lines() -> None:
    from pathlib import Path

    import newsreader

    package = Path(newsreader.__file__).parent
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "ui" not in path.relative_to(package).parts
        and any(line.lstrip().startswith(("import textual", "from textual")) for line in path.read_text().splitlines())
    ]
    assert offenders == []
