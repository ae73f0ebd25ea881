"""The quick filter on broad views: walk the list's order and test each row's text in Python.

:func:`word_test` follows the FTS5 table's tokenizer (``unicode61 remove_diacritics 2``)
(tokens are runs of letters and digits, lower-cased, diacritics removed; each filter word
must start some token of the title, body, authors or outlet). It folds as FTS5 does (lower
case and canonical decomposition: "ß" stays "ß", "ﬁ" stays "ﬁ"; ``casefold`` and NFKD would
make "ss" and "fi", and a walk would list rows the index does not match), and it finds each word with ``str.find``, looking at the character before it,
instead of a regular expression that starts with a look-behind (tried at every position:
~7 times slower on a 400-word body).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence

from .tables import unpack_body

_TOKEN_RE = re.compile(r"[^\W_]+")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")

Test = Callable[[str, str, "str | None", bytes], bool]


def fold(text: str) -> str:
    """``text`` as the FTS5 tokenizer folds it: lower case, diacritics removed ("Écoles" -> "ecoles")."""
    low = text.lower()
    if low.isascii():
        return low
    # Only the runs of non-ASCII characters change (a mark follows its letter in the same run):
    # folding a body character by character cost ~1 ms, this a few microseconds.
    return _NON_ASCII_RE.sub(_fold_run, low)


def _fold_run(found: re.Match[str]) -> str:
    run = unicodedata.normalize("NFD", found.group())
    return "".join(ch for ch in run if not unicodedata.combining(ch))


def starts_token(text: str, word: str) -> bool:
    """True when ``word`` occurs in ``text`` at the start of a token (after no letter or digit)."""
    at = text.find(word)
    while at > 0 and text[at - 1].isalnum():  # [^\W_] is exactly str.isalnum()
        at = text.find(word, at + 1)
    return at >= 0


def word_test(words: str) -> Test:
    """A test of (title, authors, outlet, packed body): True when every word of ``words``
    starts a token of one of them (as the quick filter's FTS5 prefix query matches). No
    words: always True."""
    wanted = [fold(token) for token in _TOKEN_RE.findall(words)]

    def test(title: str, authors: str, outlet: str | None, packed: bytes) -> bool:
        head = fold(f"{title} {authors} {outlet or ''}")
        missing = [word for word in wanted if not starts_token(head, word)]
        if not missing:
            return True
        body = unpack_body(packed)
        text = fold(body)
        return all(starts_token(text, word) for word in missing)

    return test


class Walk:
    """Rows of ``rows`` (article columns, then the packed body) that pass ``test``: ``skip`` of
    them are passed over, then up to ``limit`` kept (without their body) in ``found``."""

    def __init__(self, rows: Iterator[Sequence[object]], test: Test, skip: int, limit: int) -> None:
        self.rows, self.test, self.skip, self.limit = rows, test, skip, limit
        self.found: list[Sequence[object]] = []
        self.tested = 0
        self.passed = 0
        self.done = False

    def run(self, budget: int | None = None) -> bool:
        """Test rows until the page is full, the rows end or ``budget`` more rows were tested
        (then False: call again to go on)."""
        if self.done:
            return True
        stop = None if budget is None else self.tested + budget
        for row in self.rows:
            self.tested += 1
            if self.test(row[2], row[3], row[5], row[-1]):  # type: ignore[arg-type]
                self.passed += 1
                if self.skip:
                    self.skip -= 1
                else:
                    self.found.append(row[:-1])
                    if len(self.found) >= self.limit:
                        break
            if stop is not None and self.tested >= stop:
                return False
        self.done = True
        return True
