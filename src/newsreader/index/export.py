"""Export an index: one record per article, as JSON Lines or CSV.

Fields of each record (JSON Lines; CSV has the same columns, in this order,
with list fields holding JSON text):

* ``id``: the article's stable id (16 hex digits, from its path and entry)
* ``path``: file relative to the library root; ``entry``: position in a
  collection file (0 for single-article files)
* ``title``, ``authors`` (list), ``role``, ``outlet``, ``date`` (YYYY-MM-DD or
  null), ``url``, ``word_count``, ``format`` (txt, md, json, jsonl, csv)
* ``entities``: list of {``key``, ``label``, ``mentions``}: named entities
  (PERSON, ORG, GPE, LOC, NORP; numbers and dates are left out), most
  mentioned first
* ``quotes``: list of {``speaker``, ``speaker_key``, ``text``} in reading
  order; speaker fields are null when nobody is credited
* ``citations``: list of {``source``, ``kind``}, kind being one of outlet,
  official, document, statement, anonymous, person
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from .writer import AUTHOR_SEP

FIELDS = ("id", "path", "entry", "title", "authors", "role", "outlet", "date", "url", "word_count", "format",
          "entities", "quotes", "citations")
_LISTS = ("authors", "entities", "quotes", "citations")


def iter_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every article's record, in path order; streams, so memory stays flat."""
    articles = conn.execute(
        "SELECT doc, id, path, entry, title, authors, role, outlet, date, url, word_count, format "
        "FROM articles ORDER BY path, entry"
    ).fetchall()
    for doc, ident, path, entry, title, authors, role, outlet, date, url, words, fmt in articles:
        entities = conn.execute(
            "SELECT key, label, mentions FROM entities WHERE doc = ? ORDER BY mentions DESC, key", (doc,))
        quotes = conn.execute("SELECT speaker, speaker_key, text FROM quotes WHERE doc = ? ORDER BY rowid", (doc,))
        citations = conn.execute("SELECT source, kind FROM citations WHERE doc = ? ORDER BY rowid", (doc,))
        yield {
            "id": ident, "path": path, "entry": entry, "title": title,
            "authors": authors.split(AUTHOR_SEP) if authors else [], "role": role, "outlet": outlet,
            "date": date, "url": url, "word_count": words, "format": fmt,
            "entities": [{"key": k, "label": lb, "mentions": n} for k, lb, n in entities],
            "quotes": [{"speaker": sp, "speaker_key": sk, "text": t} for sp, sk, t in quotes],
            "citations": [{"source": src, "kind": k} for src, k in citations],
        }


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write one JSON object per line; returns the number written."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write a header and one row per record (list fields as JSON); returns the rows written."""
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    count = 0
    for record in records:
        writer.writerow([
            json.dumps(record[name], ensure_ascii=False) if name in _LISTS else record[name] for name in FIELDS
        ])
        count += 1
    return count
