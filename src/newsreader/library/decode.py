"""Bytes to text: BOMs, UTF-8, guessed legacy encodings, binary detection."""

from __future__ import annotations

import codecs
import re

from .errors import ParseError

_SNIFF = 8192  # how much of the head decides "binary" and "UTF-16 without BOM"

# BOMs, longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# charset-normalizer guesses badly on short Western text (it reads cp1252 "café"
# as UTF-16 or cp1250), and most legacy files in an English-language reader are
# cp1252. So cp1252 is tried first, and kept when the result looks Western: its
# non-ASCII characters are Latin-1 letters or typographic punctuation, and they are
# a minority of the letters (Cyrillic read as cp1252 is *all* accented letters).
_WESTERN_EXTRA = re.compile(
    "[^\x00-\x7f\u00a0-\u00b0\u00b4-\u00b7\u00ba-\u00bf\u00c0-\u00ff"
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_ACCENTED = re.compile("[\u00c0-\u00ff]")
_ASCII_LETTER = re.compile("[A-Za-z]")
_MAX_ACCENTED_SHARE = 0.3
_TIE = 0.01


# The signatures of the binary files people leave in article folders (documents,
# archives, images, audio and video, databases, programs): whatever their name,
# they are not text. (Each is checked at offset 0, except "ftyp" at 4.) Two-byte
# signatures that text can start with ("MZ", "BZh") are left to the control-byte
# test, which such files fail anyway.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP, WAV or AVI)"),
    (b"ID3\x02", "MP3 audio"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska or WebM video"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"\x7fELF", "program"),
    (b"\xca\xfe\xba\xbe", "program"),
    (b"\xcf\xfa\xed\xfe", "program"),
    (b"\x00asm", "WebAssembly"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
# Text, in any encoding this module reads, has almost no C0 controls besides tab,
# newline, carriage return, form feed and escape (hostile text has escapes; they
# are stripped later). Random or compressed bytes have ~10% of them.
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
_MAX_REPLACEMENT_SHARE = 0.05


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes to text with ``\\n`` line ends.

    Order: a BOM, else UTF-8, else charset-normalizer's guess, else cp1252,
    else Latin-1 (which cannot fail). Raises ``ParseError("binary file")``, or
    ``ParseError("binary file (PDF document)")`` when the kind is known, for
    bytes that are not text whatever the file's name: a known binary signature,
    NUL bytes that are not UTF-16 text, many control bytes, or a decoding that
    is mostly replacement characters.
    """
    binary = binary_kind(data)
    if binary is not None:
        raise ParseError(f"binary file ({binary})" if binary else "binary file")
    text = _decode(data)
    head = text[:_SNIFF]
    if head.count("\ufffd") > _MAX_REPLACEMENT_SHARE * max(len(head), 1):
        raise ParseError("binary file")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def binary_kind(data: bytes) -> str | None:
    """None when ``data``'s head may be text; else what it is ("PDF document"),
    or "" when it is binary of no known kind. UTF-16 and UTF-32 text with a BOM,
    and BOM-less UTF-16, are text."""
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return None
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[4:8] == b"ftyp":
        return "MP4 or QuickTime video"
    head = data[:_SNIFF]
    if b"\x00" in head:
        return None if _utf16_without_bom(head) is not None else ""
    if len(_CONTROL_BYTES.findall(head)) > _MAX_CONTROL_SHARE * max(len(head), 1):
        return ""
    return None


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    head = data[:_SNIFF]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:  # binary_kind() has ruled this out
            raise ParseError("binary file")
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _western(data)
    if text is not None:
        return text
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # five bytes are undefined in cp1252
        return data.decode("latin-1")


def _utf16_without_bom(head: bytes) -> str | None:
    """Name the UTF-16 flavour of BOM-less text, or None if it looks binary.

    Text in UTF-16 of Latin script has NUL in (nearly) every other byte on one
    side only; binary files have NULs scattered or in runs.
    """
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    pairs = len(head) // 2
    if pairs < 2:
        return None
    if odd >= 0.4 * pairs and even <= 0.02 * pairs:
        encoding = "utf-16-le"
    elif even >= 0.4 * pairs and odd <= 0.02 * pairs:
        encoding = "utf-16-be"
    else:
        return None
    sample = head[: len(head) - len(head) % 2]
    try:
        sample.decode(encoding)
    except UnicodeDecodeError:
        # A surrogate pair cut at the sample's end is fine; anything else is not text.
        try:
            sample[:-2].decode(encoding)
        except UnicodeDecodeError:
            return None
    return encoding


def _western(data: bytes) -> str | None:
    """``data`` read as cp1252 if that gives plausible Western text, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _WESTERN_EXTRA.search(text):
        return None
    accented = len(_ACCENTED.findall(text))
    if accented > _MAX_ACCENTED_SHARE * (accented + len(_ASCII_LETTER.findall(text))):
        return None
    return text


def _guess(data: bytes) -> str | None:
    """charset-normalizer's reading of ``data``, biased to cp1252 on ties."""
    from charset_normalizer import from_bytes  # only paid for when UTF-8 fails

    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos + _TIE]
    # Among equally clean readings prefer cp1252, then the other Windows code
    # pages: files written on Windows are far commoner than Mac OS 9 ones.
    for match in tied:
        if match.encoding == "cp1252":
            return str(match)
    for match in tied:
        if match.encoding.startswith("cp125"):
            return str(match)
    return str(best)
