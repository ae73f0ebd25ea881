"""Collection files as byte streams: decompression, and a line reader that knows where it is.

A collection (``.jsonl``, ``.csv``, a JSON array) can be of any size, so it is
never read whole: :func:`open_stream` gives its bytes (``.gz`` and ``.zst``
decompressed on the fly), and :class:`ByteReader` hands them out a line or a
block at a time while it counts the bytes consumed (``pos``, in the
*uncompressed* stream), the lines, and hashes them. What it consumed is what it
hashed, exactly, so a caller can say "the records read so far end at byte N and
the bytes before N hash to H" and check that claim on a later read.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import zlib
from typing import Protocol

from .errors import ParseError

#: Bytes read from a file at a time; from a decompressor, less: a truncated stream fails the
#: whole read() that meets its end, and what that read had decompressed is lost.
CHUNK = 1 << 20
COMPRESSED_CHUNK = 1 << 16
#: Compressed variants: the suffix after the format's own (``feed.jsonl.gz``).
COMPRESSIONS = (".gz", ".zst")


class Readable(Protocol):
    """What a stream of bytes needs to be here: a file, a GzipFile, a zstd reader."""

    def read(self, size: int = -1, /) -> bytes: ...

    def close(self) -> None: ...


def split_name(name: str) -> tuple[str, str]:
    """(the format's extension, the compression suffix or ""): "a.JSONL.gz" gives (".jsonl", ".gz")."""
    stem, extension = os.path.splitext(name)
    extension = extension.lower()
    if extension in COMPRESSIONS:
        return os.path.splitext(stem)[1].lower(), extension
    return extension, ""


def open_stream(path: str, compression: str) -> Readable:
    """The file at ``path`` as a stream of its (decompressed) bytes.

    Raises OSError when it cannot be opened; damaged compressed data raises
    ParseError later, from :class:`ByteReader`.
    """
    raw = open(path, "rb")  # noqa: SIM115 - handed to the caller, who closes it
    if compression == ".gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if compression == ".zst":
        import zstandard  # only paid for by .zst files

        # Datasets are often written as several frames (zstd -c a b > c): read them all.
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
        return reader
    return raw


def damaged_reason(compression: str) -> str:
    """What a decompression error is called: "damaged or truncated gzip data"."""
    return f"damaged or truncated {'gzip' if compression == '.gz' else 'zstd'} data"


class ByteReader:
    """Lines and blocks of a byte stream, counting and hashing what is consumed.

    ``pos`` is the number of bytes consumed, ``lines`` the number of line ends
    among them. ``digest_at(pos)`` is the BLAKE2b-96 hex digest of the bytes
    before ``pos``, for ``pos`` at the end of the stream or before a last,
    unterminated line. Decompression errors raise ParseError.
    """

    def __init__(self, stream: Readable, compression: str = "") -> None:
        self._stream = stream
        self._compression = compression
        self._buf = b""
        self._at = 0
        self._eof = False
        self._hash = hashlib.blake2b(digest_size=12)
        # The digest before an unterminated last line, taken as that line is consumed.
        self._tail: tuple[int, str] | None = None
        self.pos = 0
        self.lines = 0
        #: True when what was consumed last ended a line (or nothing was consumed).
        self.at_line_start = True

    def close(self) -> None:
        """Close the underlying stream."""
        self._stream.close()

    def _fill(self) -> bool:
        """Append a chunk to the buffer (dropping what was consumed); False at the end."""
        if self._eof:
            return False
        try:
            chunk = self._stream.read(COMPRESSED_CHUNK if self._compression else CHUNK)
        except (OSError, EOFError, zlib.error) as error:
            if isinstance(error, OSError) and not isinstance(error, gzip.BadGzipFile) and error.errno is not None:
                raise  # a real read error: the caller says "unreadable"
            raise ParseError(damaged_reason(self._compression)) from None
        except Exception as error:  # zstandard.ZstdError, without importing zstandard for plain files
            if type(error).__name__ == "ZstdError":
                raise ParseError(damaged_reason(self._compression)) from None
            raise
        if not chunk:
            self._eof = True
            return False
        self._buf = self._buf[self._at:] + chunk
        self._at = 0
        return True

    def _consume(self, data: bytes) -> bytes:
        if data and not data.endswith(b"\n"):
            self._tail = (self.pos, self._hash.hexdigest())
        if data:
            self.at_line_start = data.endswith(b"\n")
        self._hash.update(data)
        self.pos += len(data)
        self.lines += data.count(b"\n")
        return data

    def readline(self, limit: int) -> bytes:
        """The next line with its b"\\n" (none on the last); at most ``limit`` bytes of it
        (then the rest of that line stays unread); b"" at the end."""
        search = self._at
        while True:
            end = self._buf.find(b"\n", search, self._at + limit)
            if end >= 0:
                line = self._buf[self._at:end + 1]
                break
            if len(self._buf) - self._at >= limit:
                line = self._buf[self._at:self._at + limit]
                break
            search = len(self._buf)
            at = self._at
            if not self._fill():
                line = self._buf[self._at:]
                break
            search -= at
        self._at += len(line)
        return self._consume(line)

    def skip_line(self) -> int:
        """Consume the rest of the current line (without keeping it); the bytes skipped."""
        skipped = 0
        while True:
            end = self._buf.find(b"\n", self._at)
            if end >= 0:
                skipped += len(self._consume(self._buf[self._at:end + 1]))
                self._at = end + 1
                return skipped
            skipped += len(self._consume(self._buf[self._at:]))
            self._at = len(self._buf)
            if not self._fill():
                return skipped

    def read_block(self) -> bytes:
        """The buffered bytes, or the next chunk; b"" at the end."""
        if self._at >= len(self._buf) and not self._fill():
            return b""
        block = self._buf[self._at:]
        self._at = len(self._buf)
        return self._consume(block)

    def skip_to(self, target: int) -> bool:
        """Consume bytes up to ``pos == target``; False if the stream ends first."""
        while self.pos < target:
            if self._at >= len(self._buf) and not self._fill():
                return False
            take = min(len(self._buf) - self._at, target - self.pos)
            self._consume(self._buf[self._at:self._at + take])
            self._at += take
        return True

    def peek(self, size: int) -> bytes:
        """Up to ``size`` bytes ahead, without consuming them."""
        while len(self._buf) - self._at < size and self._fill():
            pass
        return self._buf[self._at:self._at + size]

    def digest_at(self, pos: int) -> str | None:
        """The digest of the bytes before ``pos`` (see the class docstring), or None when unknown."""
        if pos == self.pos:
            return self._hash.hexdigest()
        if self._tail is not None and self._tail[0] == pos:
            return self._tail[1]
        return None


def memory_reader(data: bytes) -> ByteReader:
    """A ByteReader over bytes in memory (small files and tests)."""
    return ByteReader(io.BytesIO(data))
