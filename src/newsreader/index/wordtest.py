"""The quick filter's words tested on one article's text in Python, as FTS5 matches them.

For broad views (:func:`newsreader.index.views.page`): walking the list in order and
testing each row is cheaper than listing every match when most articles match. The
test follows the FTS5 table's tokenizer (``unicode61 remove_diacritics 2``): tokens
are runs of letters and digits, case-folded, diacritics removed; each filter word
must start some token of the title, body, authors or outlet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .tables import unpack_body

_TOKEN_RE = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """``text`` case-folded without diacritics ("Écoles" -> "ecoles")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def word_test(words: str) -> Callable[[str, str, str | None, bytes], bool]:
    """A test of (title, authors, outlet, packed body): True when every word of ``words``
    starts a token of one of them. No words: always True."""
    wanted = [fold(token) for token in _TOKEN_RE.findall(words)]
    patterns = [re.compile(r"(?<![^\W_])" + re.escape(word)) for word in wanted]

    def test(title: str, authors: str, outlet: str | None, packed: bytes) -> bool:
        head = fold(f"{title} {authors} {outlet or ''}")
        missing = [pattern for pattern in patterns if not pattern.search(head)]
        if not missing:
            return True
        body = unpack_body(packed)
        text = body.lower() if body.isascii() else fold(body)
        return all(pattern.search(text) for pattern in missing)

    return test
