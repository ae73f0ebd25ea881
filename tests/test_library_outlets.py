"""display_outlet: squashed names, domains and unknown outlets made readable."""

from __future__ import annotations

import pytest

from newsreader.library.outlets import display_outlet


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Washingtonexaminer", "Washington Examiner"),
        ("Nytimes", "The New York Times"),
        ("Foxnews", "Fox News"),
        ("Coastalbulletin", "Coastal Bulletin"),
        ("Riversidepost", "Riverside Post"),
        ("Northernwire", "Northern Wire"),
        ("Valleyherald", "Valley Herald"),
        ("Metrodispatch", "Metro Dispatch"),
        ("Thecontinentalreview", "The Continental Review"),
        ("bbc.co.uk", "BBC"),
        ("https://www.bbc.com/news/world", "BBC"),
        ("www.theguardian.com", "The Guardian"),
        ("nytimes.com", "The New York Times"),
        ("abc.net.au", "ABC News (Australia)"),
        ("www.midlands-observer.co.uk", "Midlands Observer"),
        ("lakeportledger.example", "Lakeportledger"),
        ("kestrel valley times", "Kestrel Valley Times"),
        ("PINECREST COURIER", "Pinecrest Courier"),
        ("Kestrel Valley Times", "Kestrel Valley Times"),
        ("HuffPost", "HuffPost"),
        ("BBC", "BBC"),
        ("The Guardian", "The Guardian"),
        ("  Coastal\x1b[31m\nBulletin ", "Coastal Bulletin"),
        (None, ""),
        ("", ""),
    ],
)
def test_display_outlet(name: str | None, shown: str) -> None:
    assert display_outlet(name) == shown
