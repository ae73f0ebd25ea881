"""Parquet datasets (Hugging Face style news datasets), read a batch of rows at a time.

Needs ``pyarrow``, the optional extra ``newsreader[parquet]``; without it a
``.parquet`` file is skipped with :data:`NEEDS_EXTRA` as its reason. A dataset
directory (``data/train-00000-of-00004.parquet``, ...) is a folder of such
files, each read as a collection. A row's ``offset`` is its row number, which
:func:`read_parquet_row` reads again alone (one row group, not the file).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .errors import ParseError
from .records import Record, too_large

NEEDS_EXTRA = "needs the parquet extra: pip install 'newsreader[parquet]'"
#: Rows decoded at a time: a batch holds their text, so keep it small.
BATCH_ROWS = 256


def _parquet() -> Any:
    """``pyarrow.parquet``, or ParseError(NEEDS_EXTRA)."""
    try:
        import pyarrow.parquet as pq  # the optional extra: imported only for .parquet files
    except ImportError:
        raise ParseError(NEEDS_EXTRA) from None
    return pq


def _open(path: str) -> Any:
    pq = _parquet()
    import pyarrow

    try:
        return pq.ParquetFile(path)
    except (pyarrow.ArrowException, ValueError) as error:
        raise ParseError(f"not a readable Parquet file ({type(error).__name__})") from None


def parquet_records(path: str, limit: int) -> Iterator[Record]:
    """Each row of the file at ``path`` as a dict (column names as keys), a batch at a time.

    Raises ParseError at once (:data:`NEEDS_EXTRA`, not a Parquet file), or when
    iterated (damaged data); a row whose text is over ``limit`` bytes becomes a
    too-large record.
    """
    return _rows(_open(path), limit)


def _rows(dataset: Any, limit: int) -> Iterator[Record]:
    import pyarrow

    row = 0
    try:
        for batch in dataset.iter_batches(batch_size=BATCH_ROWS):
            for values in batch.to_pylist():
                size = sum(len(value) for value in values.values() if isinstance(value, (str, bytes)))
                label = f"row {row + 1}"
                yield Record(row, label, row, too_large(size, limit) if size > limit else values)
                row += 1
    except (pyarrow.ArrowException, OSError, ValueError) as error:
        raise ParseError(f"damaged Parquet data ({type(error).__name__})") from None


def read_parquet_row(path: str, row: int, entry: int) -> Record:
    """Row ``row`` of the file at ``path``, reading only its row group. Raises ParseError."""
    dataset = _open(path)
    first = 0
    for group in range(dataset.metadata.num_row_groups):
        rows = dataset.metadata.row_group(group).num_rows
        if row < first + rows:
            values = dataset.read_row_group(group).slice(row - first, 1).to_pylist()[0]
            return Record(entry, f"row {row + 1}", row, values)
        first += rows
    raise ParseError(f"no longer holds entry {entry + 1}")
