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

Tables (``newsreader export --table``), one row per item of every exported article, in path
order, then position in the article; each row ends with its article's ``article_id``,
``title``, ``outlet`` (the name shown), ``date`` and ``url``:

* ``quotes``: ``speaker`` (as written), ``resolved_speaker`` (the name shown, shared by every
  way of writing it), ``quote`` (the quotation on one line, marks included)
* ``entities``: ``entity`` (the name shown), ``label``, ``mentions``
* ``citations``: ``source`` (the name shown), ``kind``, ``passage`` (the sentence citing it:
  see :func:`newsreader.index.research.quotes_by`)

A query (``--query``, the grammar of ``newsreader search``) exports the matching articles only.

The reader's corrections (:mod:`newsreader.userdata.corrections`) apply to the tables: a merged
name is exported as the name it is merged into (an article's entities merged into one name are
one row, their mentions summed); a speaker marked wrong in an article is exported unattributed;
an entity or cited source marked wrong is left out. When the library has corrections, each
table ends with a ``corrected`` column saying what was corrected in the row ("merged from Aune",
"speaker marked wrong: Aune"), empty for rows left as found.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from newsreader.library.outlets import display_outlet
from newsreader.library.sanitize import clean_line

from .query import Query
from .research import citing_passage, has_citation_offsets
from .tables import unpack_body
from .writer import AUTHOR_SEP

if TYPE_CHECKING:
    from newsreader.userdata.corrections import Corrections

FIELDS = ("id", "path", "entry", "title", "authors", "role", "outlet", "outlet_as_written", "date", "url",
          "word_count", "format", "entities", "quotes", "citations")
#: The columns with ``body`` asked for: the text last, where a CSV reader looks for it.
FIELDS_WITH_BODY = (*FIELDS, "body")
_LISTS = ("authors", "entities", "quotes", "citations")
_ARTICLE_FIELDS = ("article_id", "title", "outlet", "date", "url")
#: The columns of each table, in order.
TABLES = {
    "quotes": ("speaker", "resolved_speaker", "quote", *_ARTICLE_FIELDS),
    "entities": ("entity", "label", "mentions", *_ARTICLE_FIELDS),
    "citations": ("source", "kind", "passage", *_ARTICLE_FIELDS),
}


def table_fields(table: str, corrections: Corrections | None = None) -> tuple[str, ...]:
    """The columns of ``table``: :data:`TABLES`, and ``corrected`` when there are ``corrections``."""
    return (*TABLES[table], "corrected") if corrections else TABLES[table]


def query_filter(query: Query | None) -> tuple[str, list[object]]:
    """The SQL conditions (`` AND ...``, over ``articles a``) keeping the articles ``query`` matches."""
    if query is None:
        return "", []
    conditions = [condition.format(doc="a.doc") for condition in query.where]
    params: list[object] = list(query.params)
    if query.match is not None:
        conditions.insert(0, "a.doc IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
        params.insert(0, query.match)
    return "".join(f" AND {condition}" for condition in conditions), params


def _chunks(conn: sqlite3.Connection, columns: str, query: Query | None, chunk: int) -> Iterator[list[Any]]:
    """Rows of ``a.doc, a.path, a.entry, <columns>`` of the exported articles, ``chunk`` at a time, in path order.

    One statement lists the docs in order (SQLite sorts the bare ids: no index orders by path, and
    a sort per chunk would read the whole table each time); each chunk's columns are read by id.
    """
    where, params = query_filter(query)
    order = conn.execute(f"SELECT a.doc FROM articles a WHERE 1{where} ORDER BY a.path, a.entry", params)
    while docs := [doc for (doc,) in order.fetchmany(chunk)]:
        rows = {row[0]: row for row in conn.execute(
            f"SELECT a.doc, a.path, a.entry, {columns} FROM articles a JOIN outlets o ON o.id = a.outlet "
            f"JOIN texts t ON t.doc = a.doc WHERE a.doc IN ({', '.join('?' * len(docs))})", docs)}
        yield [rows[doc] for doc in docs if doc in rows]


def iter_records(conn: sqlite3.Connection, chunk: int = 1000, body: bool = False,
                 query: Query | None = None) -> Iterator[dict[str, Any]]:
    """Every article's record (of the articles ``query`` matches, when given), in path order;
    streams ``chunk`` articles at a time, so memory stays flat.

    With ``body`` each record ends with the article's text (see the module docstring).
    """
    columns = "a.id, a.title, a.authors, a.role, o.name, a.date, a.url, a.word_count, a.format, t.body"
    for articles in _chunks(conn, columns, query, chunk):
        for doc, path, entry, ident, title, authors, role, outlet, date, url, words, fmt, packed in articles:
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


def iter_table(conn: sqlite3.Connection, table: str, query: Query | None = None,
               chunk: int = 500, corrections: Corrections | None = None) -> Iterator[dict[str, Any]]:
    """The rows of ``table`` (a key of :data:`TABLES`) of every article (or those ``query``
    matches), in path order, then position; streams ``chunk`` articles at a time. With
    ``corrections`` (the library's), corrected as the module docstring says."""
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    rows_of = {"quotes": _quote_rows, "entities": _entity_rows, "citations": _citation_rows}[table]
    offsets = has_citation_offsets(conn)
    for articles in _chunks(conn, "a.id, a.title, o.name, a.date, a.url, t.body", query, chunk):
        docs = [row[0] for row in articles]
        marks = ", ".join("?" * len(docs))
        found: dict[int, list[tuple[Any, ...]]] = {}
        for row in rows_of(conn, marks, docs, offsets):
            found.setdefault(row[0], []).append(row[1:])
        for doc, _path, _entry, ident, title, outlet, date, url, packed in articles:
            items = found.get(doc)
            if not items:
                continue
            tail = {"article_id": ident, "title": title, "outlet": display_outlet(outlet) if outlet else None,
                    "date": date, "url": url}
            records = _table_records(table, items, unpack_body(packed) if table != "entities" else "", tail)
            yield from _corrected(table, records, ident, corrections) if corrections else records


def _quote_rows(conn: sqlite3.Connection, marks: str, docs: list[int], offsets: bool) -> sqlite3.Cursor:
    return conn.execute(
        "SELECT q.doc, w.name, s.name, q.start, q.end FROM quotes q LEFT JOIN names s ON s.id = q.speaker "
        f"LEFT JOIN names w ON w.id = q.written WHERE q.doc IN ({marks}) ORDER BY q.doc, q.start, q.rowid", docs)


def _entity_rows(conn: sqlite3.Connection, marks: str, docs: list[int], offsets: bool) -> sqlite3.Cursor:
    return conn.execute(
        "SELECT e.doc, n.name, e.label, e.mentions FROM entities e JOIN names n ON n.id = e.name "
        f"WHERE e.doc IN ({marks}) ORDER BY e.doc, e.mentions DESC, n.name", docs)


def _citation_rows(conn: sqlite3.Connection, marks: str, docs: list[int], offsets: bool) -> sqlite3.Cursor:
    spans = "c.start, c.end" if offsets else "NULL, NULL"
    return conn.execute(
        f"SELECT c.doc, n.name, c.kind, {spans} FROM citations c JOIN names n ON n.id = c.name "
        f"WHERE c.doc IN ({marks}) ORDER BY c.doc, c.rowid", docs)


def _table_records(table: str, items: list[tuple[Any, ...]], body: str,
                   tail: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if table == "quotes":
        for written, resolved, start, end in items:
            yield {"speaker": written, "resolved_speaker": resolved, "quote": clean_line(body[start:end]), **tail}
    elif table == "entities":
        for name, label, mentions in items:
            yield {"entity": name, "label": label, "mentions": mentions, **tail}
    else:
        ranks: dict[str, int] = {}
        located = sorted(items, key=lambda item: (item[2] is None, item[2] or 0))
        for name, kind, start, end in located:
            rank = ranks[name] = ranks.get(name, -1) + 1
            low, high = citing_passage(body, start, end, name, rank)
            yield {"source": name, "kind": kind, "passage": clean_line(body[low:high]), **tail}


def _corrected(table: str, records: Iterable[dict[str, Any]], article_id: str,
               corrections: Corrections) -> Iterator[dict[str, Any]]:
    """``records`` of one article with the reader's corrections applied (a ``corrected`` field added)."""
    name_field = {"quotes": "resolved_speaker", "entities": "entity", "citations": "source"}[table]
    kind = {"quotes": "speaker", "entities": "entity", "citations": "source"}[table]
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for record in records:
        name = record[name_field] or (record["speaker"] if table == "quotes" else None)
        record["corrected"] = ""
        if name and corrections.is_wrong(article_id, kind, name):
            if table != "quotes":
                continue
            record.update(speaker=None, resolved_speaker=None, corrected=f"speaker marked wrong: {name}")
        elif name and (shown := corrections.canonical(name)) != name:
            record[name_field], record["corrected"] = shown, f"merged from {name}"
        if table == "entities":
            # one row per name shown and label: the mentions of the names merged into it summed
            same = merged.get((record["entity"], record["label"]))
            if same is None:
                merged[(record["entity"], record["label"])] = record
            else:
                same["mentions"] += record["mentions"]
                notes = [note for note in (same["corrected"], record["corrected"]) if note]
                same["corrected"] = "; ".join(notes)
            continue
        yield record
    yield from sorted(merged.values(), key=lambda r: (-r["mentions"], r["entity"]))


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write one JSON object per line; returns the number written."""
    encode = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps makes one encoder a call
    write = out.write
    count = 0
    for record in records:
        write(encode(record) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, body: bool = False,
              fields: Sequence[str] | None = None) -> int:
    """Write a header and one row per record (list fields as JSON; the ``body``
    column when asked; ``fields``, a table's columns, instead of the articles'); returns the rows written."""
    writer = csv.writer(out)
    fields = fields or (FIELDS_WITH_BODY if body else FIELDS)
    writer.writerow(fields)
    count = 0
    for record in records:
        writer.writerow([
            json.dumps(record[name], ensure_ascii=False) if name in _LISTS else record[name] for name in fields
        ])
        count += 1
    return count
