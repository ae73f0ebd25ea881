"""Byte-level views of a web archive file: the hash of its first bytes, and an archive gzipped whole.

:class:`PrefixHash` tells whether a file still starts with the bytes an earlier
read saw (a grown archive is read on from there); :class:`Gunzipped` is what
warcio reads when an archive is one gzip stream (``gzip crawl.warc``) rather
than the standard gzip member per record.
"""

from __future__ import annotations

import gzip
import hashlib
import zlib
from typing import BinaryIO

_CHUNK = 1 << 16


class PrefixHash:
    """The BLAKE2b-96 hash of the file's first bytes, read on (from a second handle) as far as asked."""

    def __init__(self, handle: BinaryIO, rewind: bool = False) -> None:
        if rewind:
            handle.seek(0)
        self._handle = handle
        self._hash = hashlib.blake2b(digest_size=12)
        self._pos = 0

    def digest_at(self, size: int) -> str | None:
        """The digest of the first ``size`` bytes (not before the bytes already hashed); None past the end."""
        while self._pos < size:
            chunk = self._handle.read(min(1 << 20, size - self._pos))
            if not chunk:
                return None
            self._hash.update(chunk)
            self._pos += len(chunk)
        return self._hash.hexdigest() if self._pos == size else None

    def whole(self) -> str:
        """The digest of the whole file (as far as it goes now)."""
        while chunk := self._handle.read(1 << 20):
            self._hash.update(chunk)
            self._pos += len(chunk)
        return self._hash.hexdigest()


class Gunzipped:
    """An archive gzipped whole, decompressed as warcio reads it; a cut or corrupt stream ends
    where the good data ends (``damaged``). ``tell()``: the bytes handed out."""

    def __init__(self, raw: BinaryIO) -> None:
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self._pos = 0
        self.damaged = False

    def read(self, size: int = -1) -> bytes:
        """At most ``size`` bytes (a chunk if negative); b"" at the end or the damage."""
        if self.damaged:
            return b""
        try:
            chunk = self._gzip.read1(size if size > 0 else _CHUNK)  # read() drops what precedes a cut
        except (EOFError, OSError, zlib.error):
            self.damaged = True
            return b""
        self._pos += len(chunk)
        return chunk

    def skip(self, count: int) -> None:
        """Read and drop ``count`` bytes (fewer at the end)."""
        while self._pos < count and self.read(min(_CHUNK, count - self._pos)):
            pass

    def tell(self) -> int:
        """The decompressed bytes handed out."""
        return self._pos
