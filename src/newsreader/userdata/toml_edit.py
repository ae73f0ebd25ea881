"""Small TOML writing and in-place editing for newsreader's config file.

Writing: :func:`toml_document` turns a flat mapping (strings, booleans,
numbers, dates and tables of them) into TOML. Editing: :func:`updated_text`
changes the values of given top-level keys by rewriting just their lines, so
comments and everything else the user wrote stay as they were.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else toml_string(key)


def toml_value(value: object) -> str:
    """A TOML inline value for str, bool, int, float, dates/times, lists and dicts."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def toml_document(data: Mapping[str, Any], newline: str = "\n") -> str:
    """A whole TOML document: plain values first, then one ``[table]`` per dict."""
    lines: list[str] = []

    def emit(prefix: list[str], table: Mapping[str, Any]) -> None:
        plain = [(k, v) for k, v in table.items() if not isinstance(v, dict)]
        tables = [(k, v) for k, v in table.items() if isinstance(v, dict)]
        if prefix and (plain or not tables):
            if lines:
                lines.append("")
            lines.append("[" + ".".join(_toml_key(part) for part in prefix) + "]")
        lines.extend(f"{_toml_key(k)} = {toml_value(v)}" for k, v in plain)
        for key, sub in tables:
            emit([*prefix, key], sub)

    emit([], data)
    return newline.join(lines) + newline if lines else ""


def same_value(a: object, b: object) -> bool:
    """Equality of parsed TOML values, where types matter (1 is not true) and nan equals nan."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def parses(text: str) -> dict[str, Any] | None:
    """``text`` parsed as TOML, or ``None`` when it is not valid TOML."""
    import tomllib  # loaded on first use: it is not needed to start the app

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None


_HEADER = re.compile(r"\s*\[")
_COMMENT_OR_BLANK = re.compile(r"\s*(#.*)?\Z", re.DOTALL)


def edit_lines(text: str, changes: Mapping[str, object]) -> str:
    """``text`` with each root-level ``key = value`` line in ``changes`` replaced or added."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline

    # The root table ends at the first header line that is not inside a multi-line value.
    root_end = len(lines)
    for index, line in enumerate(lines):
        if _HEADER.match(line) and parses("".join(lines[:index])) is not None:
            root_end = index
            break

    additions: list[str] = []
    for key, value in changes.items():
        new_line = f"{_toml_key(key)} = {toml_value(value)}"
        pattern = re.compile(r"(\s*)(?:" + "|".join(map(re.escape, {key, f'"{key}"', f"'{key}'"})) + r")\s*=")
        for index in range(root_end):
            line = lines[index]
            match = pattern.match(line)
            if not match:
                continue
            alone = parses(line)
            if alone is None or list(alone) != [key] or parses("".join(lines[:index])) is None:
                continue  # not a whole assignment, or a line inside a multi-line value
            body = line.rstrip("\r\n")
            ending = line[len(body):]
            comment = ""
            for hash_at in (i for i, char in enumerate(body) if char == "#"):
                before = parses(body[:hash_at])
                if before is not None and same_value(before, alone):
                    comment = body[len(body[:hash_at].rstrip()):]  # the comment and the space before it
                    break
            lines[index] = match.group(1) + new_line + comment + ending
            break
        else:
            additions.append(new_line + newline)

    if additions:
        insert_at = 0
        for index in range(root_end):
            if not _COMMENT_OR_BLANK.match(lines[index]):
                insert_at = index + 1
        if insert_at == 0:
            # No settings yet: go after the opening comment block, or before a header's own comments.
            insert_at = root_end
            while insert_at > 0 and lines[insert_at - 1].strip().startswith("#"):
                insert_at -= 1
            if insert_at == 0 and root_end > 0 and root_end == len(lines):
                insert_at = root_end
        if insert_at < len(lines) and lines[insert_at].strip():
            additions.append(newline)
        lines[insert_at:insert_at] = additions
    return "".join(lines)


def updated_text(text: str, data: dict[str, Any], changes: Mapping[str, object]) -> str | None:
    """The new file text, checked to parse to ``data`` plus ``changes``; ``None`` if impossible."""
    expected = {**data, **changes}
    candidates: list[Callable[[], str]] = [
        lambda: edit_lines(text, changes),
        lambda: "# newsreader settings (rewritten by newsreader; comments were lost)\n" + toml_document(expected),
    ]
    for make in candidates:
        try:
            new_text = make()
        except (TypeError, ValueError):
            continue
        parsed = parses(new_text)
        if parsed is not None and same_value(parsed, expected):
            return new_text
    return None


