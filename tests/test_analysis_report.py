"""The JSON dict and rich tables built from an Analysis."""

from __future__ import annotations

import json

from rich.console import Console

from newsreader.analysis import analyze
from newsreader.analysis.report import analysis_table, analysis_to_dict

TEXT = 'Ines Varga [red]spoke[/red] in Oslo. "We will [b]rebuild[/b]," she said, according to Reuters.'


def test_dict_is_json_ready_and_carries_quote_text() -> None:
    data = analysis_to_dict(TEXT, analyze(TEXT))
    json.dumps(data)
    assert data["quotes"][0]["text"] == '"We will [b]rebuild[/b],"'
    assert data["quotes"][0]["speaker_key"] == "Ines Varga"
    assert {"source": "Reuters", "kind": "outlet"}.items() <= data["citations"][-1].items()


def test_table_renders_article_text_literally() -> None:
    console = Console(width=160, record=True)
    console.print(analysis_table(TEXT, analyze(TEXT)))
    out = console.export_text()
    assert "[b]rebuild[/b]" in out
    assert "Ines Varga" in out
