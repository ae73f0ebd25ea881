"""Body agreement of newsreader's saved-page reading with trafilatura.extract on the same pages.

    python benchmarks/html_agreement.py [PAGE.html ...]   (default: tests/pages/ and sample_articles/saved-pages/)

Bag-of-words F1 per page, then the mean and the minimum. newsreader extracts with trafilatura
too, after sanitising the page and collapsing inlined data: URIs, and drops a headline repeated
as the first paragraph, so a page scores below 1.0 by what those steps change.
"""

from __future__ import annotations

import collections
import glob
import re
import sys

import trafilatura

from newsreader.library.parsers import parse_document


def words(text: str) -> collections.Counter[str]:
    """The text's words, lower-cased, with their counts."""
    return collections.Counter(re.findall(r"\w+", text.lower()))


def f1(ours: collections.Counter[str], reference: collections.Counter[str]) -> float:
    """Bag-of-words F1 of ``ours`` against ``reference``."""
    shared = sum((ours & reference).values())
    precision = shared / max(1, sum(ours.values()))
    recall = shared / max(1, sum(reference.values()))
    return 2 * precision * recall / max(1e-9, precision + recall)


def main() -> None:
    pages = sys.argv[1:] or sorted(glob.glob("tests/pages/*.html") + glob.glob("sample_articles/saved-pages/*.html"))
    scores = []
    for path in pages:
        data = open(path, "rb").read()
        ours = " ".join(article.body for article in parse_document(path.rsplit("/", 1)[-1], data)[0])
        reference = trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False) or ""
        scores.append(f1(words(ours), words(reference)))
        print(f"{scores[-1]:.3f}  {path}")
    print(f"pages {len(scores)}  mean F1 {sum(scores) / len(scores):.3f}  min {min(scores):.3f}")


if __name__ == "__main__":
    main()
