"""Compressed collections that expand far beyond their size: a clear reason, bounded memory, no hang."""

from __future__ import annotations

import resource
import zlib
from pathlib import Path

import pytest

from newsreader.library.ingest import ingest_file

MB = 1 << 20


def _bomb(path: Path, unit: bytes, megabytes: int) -> None:
    """``megabytes`` MB of ``unit`` repeated, gzip-compressed (about 1,000 times smaller)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = unit * (MB // len(unit))
    with path.open("wb") as out:
        for _ in range(megabytes):
            out.write(packer.compress(block))
        out.write(packer.flush())


@pytest.mark.parametrize(
    ("name", "unit", "reason"),
    [
        ("zeros.jsonl.gz", b"\x00", "binary file"),
        ("blank.jsonl.gz", b" ", "line 1: too large (60 MB > 20 MB limit)"),
        ("one-record.jsonl.gz", b"a", "line 1: too large (60 MB > 20 MB limit)"),
    ],
)
def test_gzip_bombs_end_with_a_reason_in_bounded_memory(tmp_path: Path, name: str, unit: bytes, reason: str) -> None:
    path = tmp_path / name
    _bomb(path, unit, 60)
    assert path.stat().st_size < MB // 5
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ingested = ingest_file(str(path), name)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert ingested.articles == ()
    assert ingested.reasons[0].startswith(reason.split(" (")[0])
    assert reason in ingested.reasons[0] or reason == "binary file"
    assert grown_mb < 40  # never the 60 MB it expands to, let alone a copy of it
