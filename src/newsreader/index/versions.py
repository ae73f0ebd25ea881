"""What a newer parser, outlet-key rule or name-form rule makes an existing index do.

An index outlives the code that wrote it. Before each refresh,
:func:`sync_versions` brings what older code stored up to this code's rules,
each step cheap when nothing changed (a ``meta`` row or a small table compared):

- outlet sort keys (:func:`newsreader.index.views.sync_outlet_keys`): recomputed
  where :func:`newsreader.catalog.outlet_key` now gives another key;
- name forms (:func:`newsreader.index.writer.sync_name_forms`): every stored name
  given the forms of the current ``FORMS_VERSION``;
- citation offsets (:func:`newsreader.index.writer.sync_citation_offsets`): the
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

from newsreader.library.ingest import PARSER_VERSION

from .views import sync_outlet_keys
from .writer import sync_citation_offsets, sync_name_forms


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
