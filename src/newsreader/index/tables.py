"""The index's tables (see :mod:`newsreader.index.schema` for what each holds) and body packing."""

from __future__ import annotations

import zlib

#: The layout of the tables (bump on any schema change): ``PRAGMA user_version``.
LAYOUT_VERSION = 3
SCHEMA_VERSION = LAYOUT_VERSION
#: Private-use characters that mark hits in FTS5 snippets; removed from all
#: indexed text so that splitting on them is unambiguous.
HIT_OPEN = "\ue000"
HIT_CLOSE = "\ue001"
#: The sort key of "no outlet": after every name.
NO_OUTLET_KEY = "\U0010ffff"

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    status TEXT NOT NULL,
    reasons TEXT,
    hash TEXT,
    mark TEXT
);
CREATE TABLE outlets (
    id INTEGER PRIMARY KEY,
    name TEXT UNIQUE,
    key TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outlets_key ON outlets(key, id);
CREATE TABLE articles (
    doc INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    file INTEGER NOT NULL,
    path TEXT NOT NULL,
    entry INTEGER NOT NULL,
    title TEXT NOT NULL,
    authors TEXT NOT NULL,
    role TEXT,
    outlet INTEGER NOT NULL,
    date TEXT,
    url TEXT,
    word_count INTEGER NOT NULL,
    format TEXT NOT NULL,
    hash TEXT NOT NULL,
    analysed INTEGER NOT NULL DEFAULT 0,
    offset INTEGER
);
CREATE INDEX articles_file ON articles(file);
CREATE INDEX articles_date ON articles(date DESC, path, entry);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE, path, entry);
CREATE INDEX articles_outlet ON articles(outlet, date DESC, path, entry);
CREATE TABLE texts (
    doc INTEGER PRIMARY KEY,
    body BLOB NOT NULL
);
CREATE VIEW fts_source(doc, title, body, authors, outlet) AS
    SELECT a.doc, a.title, unpack_body(t.body), replace(a.authors, char(31), ', '), coalesce(o.name, '')
    FROM articles a JOIN texts t ON t.doc = a.doc JOIN outlets o ON o.id = a.outlet;
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, authors, outlet,
    content='fts_source', content_rowid='doc',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE names (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    norm TEXT NOT NULL
);
CREATE INDEX names_norm ON names(norm);
CREATE TABLE forms (
    form TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (form, norm)
) WITHOUT ROWID;
CREATE TABLE entities (
    name INTEGER NOT NULL,
    label TEXT NOT NULL,
    doc INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (name, label, doc)
) WITHOUT ROWID;
CREATE INDEX entities_doc ON entities(doc);
CREATE TABLE quotes (
    doc INTEGER NOT NULL,
    speaker INTEGER,
    written INTEGER,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_speaker ON quotes(speaker) WHERE speaker IS NOT NULL;
CREATE TABLE citations (
    doc INTEGER NOT NULL,
    name INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER,
    end INTEGER
);
CREATE INDEX citations_doc ON citations(doc);
CREATE INDEX citations_name ON citations(name);
CREATE TABLE marks (
    id TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO outlets(id, name, key) VALUES (0, NULL, '\U0010ffff');
"""


def pack_body(body: str) -> bytes:
    """``body`` deflated (raw deflate: no header or checksum to store)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(body.encode("utf-8", "surrogatepass")) + packer.flush()


def unpack_body(data: bytes | None) -> str:
    """The text :func:`pack_body` packed ("" for NULL)."""
    if not data:
        return ""
    return zlib.decompress(data, -15).decode("utf-8", "surrogatepass")


