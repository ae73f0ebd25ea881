"""What a newer parser, outlet-key rule or name-form rule makes an existing index do.

An index outlives the code that wrote it. Before each refresh,
:func:`sync_versions` brings what older code stored up to this code's rules,
each step cheap when nothing changed (a ``meta`` row or a small table compared):

- outlet sort keys (:func:`sync_outlet_keys`): recomputed
  where :func:`newsreader.catalog.outlet_key` now gives another key;
- name forms (:func:`sync_name_forms`): every stored name
  given the forms of the current :data:`FORMS_VERSION`;
- citation offsets (:func:`sync_citation_offsets`): the
  columns added, and citing articles marked for the analysis pass to fill;
- the parser (:func:`sync_parser_version`): every file marked changed when
  ``PARSER_VERSION`` differs, so the refresh re-reads them all.

A newer analyser (``ANALYSER_VERSION``) needs no step here: the refresh's
analysis pass re-analyses every article stored with another version. A newer
schema or table layout is not synced at all: :mod:`newsreader.index.schema`
deletes and rebuilds the index.
"""

from __future__ import annotations

import sqlite3

from newsreader.catalog import outlet_key
from newsreader.library.ingest import PARSER_VERSION

from .writer import name_forms

#: Bump when :func:`~newsreader.index.writer.name_forms` changes: :func:`sync_name_forms` then adds the
#: new forms of every name already stored.
FORMS_VERSION = "2"


def sync_versions(conn: sqlite3.Connection) -> None:
    """Bring what older code stored up to the rules of this one, before a refresh: outlet
    sort keys, name forms, citation offsets, and files read by another parser.

    ``conn`` is the index's writing connection, outside a transaction (the steps that
    need one open and end their own). Raises ``sqlite3.Error`` as the connection does;
    a step that fails inside its transaction rolls it back.
    """
    sync_outlet_keys(conn)
    sync_name_forms(conn)
    sync_citation_offsets(conn)
    sync_parser_version(conn)


def sync_parser_version(conn: sqlite3.Connection) -> None:
    """An index whose files were read by another parser (``PARSER_VERSION``) has every file
    marked changed, in one transaction with the new version: the refresh then re-reads them all
    (titles, dates and bodies as this version reads them), and a refresh stopped half-way
    leaves the rest marked for the next one.

    A new, empty index only records the version. Raises ``sqlite3.Error`` (after rolling
    back) when the index cannot be written.
    """
    row = conn.execute("SELECT value FROM meta WHERE key = 'parser'").fetchone()
    if row is not None and row[0] == str(PARSER_VERSION):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if row is not None or conn.execute("SELECT count(*) FROM files").fetchone()[0]:
            conn.execute("UPDATE files SET size = -1, hash = NULL, mark = NULL")
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('parser', ?)", (str(PARSER_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def sync_outlet_keys(conn: sqlite3.Connection) -> int:
    """Recompute each outlet's sort key (:func:`newsreader.catalog.outlet_key`)
    where it changed, so an index made before the key's rule changed sorts as
    the rule says now; returns how many changed. One row per outlet: cheap."""
    rows = conn.execute("SELECT id, name, key FROM outlets WHERE id != 0").fetchall()
    keys = ((outlet_key(name), ident, key) for ident, name, key in rows)
    changed = [(new, ident) for new, ident, key in keys if new != key]
    if changed:
        conn.executemany("UPDATE outlets SET key = ? WHERE id = ?", changed)
    return len(changed)


def sync_name_forms(conn: sqlite3.Connection) -> bool:
    """Give every stored name the forms :func:`~newsreader.index.writer.name_forms` makes now, once per
    :data:`FORMS_VERSION` (an index made before a change would otherwise not
    find names by their new forms). Returns whether it ran. One pass over the
    names table: a few thousand rows per 10,000 articles."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'forms'").fetchone()
    if row is not None and row[0] == FORMS_VERSION:
        return False
    norms = [norm for (norm,) in conn.execute("SELECT DISTINCT norm FROM names")]
    conn.executemany("INSERT OR IGNORE INTO forms(form, norm) VALUES (?, ?)",
                     [(form, norm) for norm in norms for form in name_forms(norm)])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('forms', ?)", (FORMS_VERSION,))
    return True


def sync_citation_offsets(conn: sqlite3.Connection) -> bool:
    """Give an index made before citations kept their offsets the ``start``/``end`` columns, and mark
    the articles that cite anything for analysis, so the refresh's analysis pass fills them in the
    background (the layout version stays: a new layout would delete the index). Returns whether it ran."""
    if any(row[1] == "start" for row in conn.execute("PRAGMA table_info(citations)")):
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("ALTER TABLE citations ADD COLUMN start INTEGER")
        conn.execute("ALTER TABLE citations ADD COLUMN end INTEGER")
        conn.execute("UPDATE articles SET analysed = 0 WHERE doc IN (SELECT doc FROM citations)")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True
