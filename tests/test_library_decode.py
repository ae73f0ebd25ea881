"""Bytes to text (BOMs, legacy encodings, binary) and date normalisation."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from newsreader.library.dates import normalize_date
from newsreader.library.decode import binary_kind, decode_bytes
from newsreader.library.errors import ParseError
from newsreader.library.parsers import parse_bytes

TEXT = "Grüße from the “harbour” — café\nSecond line"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16"),  # BOM in native order
        TEXT.encode("utf-16-le"),  # no BOM: recognised by its NUL pattern
        TEXT.encode("cp1252"),
    ],
)
def test_decodes_common_encodings(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_latin1_bytes() -> None:
    assert decode_bytes("Le café était très bon".encode("latin-1")) == "Le café était très bon"


def test_short_cp1252_word_is_not_misread() -> None:
    # charset-normalizer alone reads this as UTF-16 or cp1250.
    assert decode_bytes(b"caf\xe9") == "café"


def test_other_legacy_encodings_are_guessed() -> None:
    russian = "Совет депутатов одобрил бюджет города на следующий год."
    assert decode_bytes(russian.encode("cp1251")) == russian


def test_undefined_cp1252_bytes_fall_back_to_latin1() -> None:
    assert decode_bytes(b"\xff\x81\x8d")  # never raises; some text comes out


def test_line_ends_are_normalised() -> None:
    assert decode_bytes(b"a\r\nb\rc\n") == "a\nb\nc\n"


def test_binary_is_refused() -> None:
    with pytest.raises(ParseError, match="binary file"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    with pytest.raises(ParseError, match="binary file"):
        decode_bytes(bytes(range(256)) * 4)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-05-02", "2024-05-02"),
        ("2024-05-02T09:30:00Z", "2024-05-02"),
        ("2024-05-02T23:30:00-05:00", "2024-05-02"),  # the date as published, not UTC
        ("2024-05-02 09:30:00", "2024-05-02"),
        ("2024/5/2", "2024-05-02"),
        ("May 2, 2024", "2024-05-02"),
        ("Thursday, May 2nd 2024", "2024-05-02"),
        ("Sept. 12, 2024", "2024-09-12"),
        ("2 May 2024", "2024-05-02"),
        ("Thu, 02 May 2024 09:30:00 +0000", "2024-05-02"),
        ("05/02/2024", "2024-05-02"),
        ("25/12/2024", "2024-12-25"),
        ("02.05.2024", "2024-05-02"),
        ("20240502", "2024-05-02"),
        (1714642200, "2024-05-02"),
        (1714642200000, "2024-05-02"),
        ("1714642200", "2024-05-02"),
        (dt.date(2024, 5, 2), "2024-05-02"),
        (dt.datetime(2024, 5, 2, 9, 30), "2024-05-02"),
    ],
)
def test_dates_normalise(value: object, iso: str) -> None:
    assert normalize_date(value) == iso


@pytest.mark.parametrize(
    "value",
    ["yesterday", "2024-13-45", "Feb 30, 2024", "", "2024", None, True, 42, 3.5, float("nan"), {}, [], "99/99/2024"],
)
def test_unreadable_dates_are_none(value: object) -> None:
    assert normalize_date(value) is None


# Issue 10: binary content under a text extension is skipped as binary, however named.
_BINARY_HEADS = {
    "report.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "binary file (PDF document)"),
    "notes.md": (b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 20, "binary file (ZIP archive or office document)"),
    "photo.txt": (b"\xff\xd8\xff\xe0JFIF" + bytes(range(1, 255)) * 4, "binary file (JPEG image)"),
    "dump.csv": (b"SQLite format 3\x00" + b"\x10\x00" * 50, "binary file (SQLite database)"),
    "clip.json": (b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 100, "binary file (MP4 or QuickTime video)"),
}


@pytest.mark.parametrize("name", sorted(_BINARY_HEADS))
def test_binary_signatures_are_named(name: str) -> None:
    data, reason = _BINARY_HEADS[name]
    with pytest.raises(ParseError) as caught:
        parse_bytes(name, data)
    assert caught.value.reason == reason


def test_binary_without_nul_or_signature() -> None:
    # Compressed or encrypted bytes need hold no NUL and no known signature.
    data = bytes((i * 97 + 13) % 255 + 1 for i in range(6000))
    assert b"\x00" not in data
    with pytest.raises(ParseError, match="^binary file$"):
        parse_bytes("cipher.txt", data)


@pytest.mark.parametrize(
    "data",
    [
        b"The ferry left at nine.\n" * 50,
        "Caf\u00e9 Norvik re-opened.\n".encode("cp1252") * 50,
        "\u041f\u0430\u0440\u043e\u043c \u043f\u0440\u0438\u0431\u044b\u043b.\n".encode("cp1251") * 50,
        "\ufeffThe ferry left.\n".encode("utf-16"),
        b"Colour: \x1b[31mred\x1b[0m and a bell \x07.\n" * 20,  # hostile text, not binary
        b"MZ is the ferry's call sign.\n",  # starts like a Windows program: "MZ" then text
    ],
)
def test_text_is_not_binary(data: bytes) -> None:
    assert binary_kind(data) is None
    assert decode_bytes(data)
