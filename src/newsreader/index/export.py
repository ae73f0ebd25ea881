"""Export an index: one record per article, as JSON Lines or CSV.

Fields of each record (JSON Lines; CSV has the same columns, in this order,
with list fields holding JSON text):

* ``id``: the article's stable id (16 hex digits, from its path and entry)
* ``path``: file relative to the library root; ``entry``: position in a
  collection file (0 for single-article files)
* ``title``, ``authors`` (list), ``role``, ``outlet`` (the name shown, "Coastal
  Bulletin"), ``outlet_as_written`` ("Coastalbulletin"), ``date`` (YYYY-MM-DD or
  null), ``url``, ``word_count``, ``format`` (txt, md, json, jsonl, csv, html, ...)
* ``entities``: list of {``key``, ``label``, ``mentions``}: named entities
  (PERSON, ORG, GPE, LOC, NORP; numbers and dates are left out), most
  mentioned first
* ``quotes``: list of {``speaker``, ``speaker_key``, ``text``} in reading
  order; speaker fields are null when nobody is credited
* ``citations``: list of {``source``, ``kind``}, kind being one of outlet,
  official, document, statement, anonymous, person
* ``body`` (only when asked, ``newsreader export --body``): the article's text
  as newsreader extracted it, paragraphs separated by a blank line

Titles are whole: a title derived from the lede is its first sentence, never cut.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from newsreader.library.outlets import display_outlet

from .tables import unpack_body
from .writer import AUTHOR_SEP

FIELDS = ("id", "path", "entry", "title", "authors", "role", "outlet", "outlet_as_written", "date", "url",
          "word_count", "format", "entities", "quotes", "citations")
#: The columns with ``body`` asked for: the text last, where a CSV reader looks for it.
FIELDS_WITH_BODY = (*FIELDS, "body")
_LISTS = ("authors", "entities", "quotes", "citations")


def iter_records(conn: sqlite3.Connection, chunk: int = 1000, body: bool = False) -> Iterator[dict[str, Any]]:
    """Every article's record, in path order; streams ``chunk`` articles at a time, so memory stays flat.

    With ``body`` each record ends with the article's text (see the module docstring).
    """
    after: tuple[str, int] = ("", -1)
    while True:
        articles = conn.execute(
            "SELECT a.doc, a.id, a.path, a.entry, a.title, a.authors, a.role, o.name, a.date, a.url, a.word_count, "
            "a.format, t.body FROM articles a JOIN outlets o ON o.id = a.outlet JOIN texts t ON t.doc = a.doc "
            "WHERE (a.path, a.entry) > (?, ?) ORDER BY a.path, a.entry LIMIT ?", (*after, chunk)).fetchall()
        if not articles:
            return
        after = (articles[-1][2], articles[-1][3])
        for doc, ident, path, entry, title, authors, role, outlet, date, url, words, fmt, packed in articles:
            record = _record(conn, doc, packed, {
                "id": ident, "path": path, "entry": entry, "title": title,
                "authors": authors.split(AUTHOR_SEP) if authors else [], "role": role,
                "outlet": display_outlet(outlet) if outlet else None, "outlet_as_written": outlet,
                "date": date, "url": url, "word_count": words, "format": fmt})
            if body:
                record["body"] = "\n\n".join(unpack_body(packed).split("\n"))
            yield record


def _record(conn: sqlite3.Connection, doc: int, packed: bytes, record: dict[str, Any]) -> dict[str, Any]:
    entities = conn.execute(
        "SELECT n.name, e.label, e.mentions FROM entities e JOIN names n ON n.id = e.name WHERE e.doc = ? "
        "ORDER BY e.mentions DESC, n.name", (doc,))
    record["entities"] = [{"key": k, "label": lb, "mentions": n} for k, lb, n in entities]
    quotes = conn.execute(
        "SELECT w.name, s.name, q.start, q.end FROM quotes q LEFT JOIN names s ON s.id = q.speaker "
        "LEFT JOIN names w ON w.id = q.written WHERE q.doc = ? ORDER BY q.rowid", (doc,)).fetchall()
    body = unpack_body(packed) if quotes else ""
    record["quotes"] = [{"speaker": sp, "speaker_key": sk, "text": body[start:end]} for sp, sk, start, end in quotes]
    citations = conn.execute(
        "SELECT n.name, c.kind FROM citations c JOIN names n ON n.id = c.name WHERE c.doc = ? ORDER BY c.rowid",
        (doc,))
    record["citations"] = [{"source": src, "kind": k} for src, k in citations]
    return record


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write one JSON object per line; returns the number written."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, body: bool = False) -> int:
    """Write a header and one row per record (list fields as JSON; the ``body``
    column when asked); returns the rows written."""
    writer = csv.writer(out)
    fields = FIELDS_WITH_BODY if body else FIELDS
    writer.writerow(fields)
    count = 0
    for record in records:
        writer.writerow([
            json.dumps(record[name], ensure_ascii=False) if name in _LISTS else record[name] for name in fields
        ])
        count += 1
    return count
