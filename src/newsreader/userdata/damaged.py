"""Reading a state file, and keeping an unusable one aside before anything replaces it.

A reading-state file that cannot be read or understood is never overwritten
in place: its bytes are kept as ``<name>.damaged`` (or ``.damaged.2`` ... up to
a bound, then the oldest name is reused), so a user can recover their marks.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DAMAGED_SUFFIX = ".damaged"
_MAX_DAMAGED_COPIES = 20


def damaged_names(path: Path) -> Iterator[Path]:
    """The names a damaged ``path`` may be kept under, in the order they are tried."""
    yield path.with_name(path.name + DAMAGED_SUFFIX)
    for number in range(2, _MAX_DAMAGED_COPIES + 1):
        yield path.with_name(f"{path.name}{DAMAGED_SUFFIX}.{number}")


def copy_aside(path: Path, raw: bytes) -> Path | None:
    """Keep ``raw`` (the content of ``path``) as ``<name>.damaged``; ``None`` if that failed.

    An existing ``.damaged`` copy with other content is not replaced: the next free
    ``.damaged.N`` name is used instead (up to a bound, then the oldest is reused).
    Never raises.
    """
    for candidate in damaged_names(path):
        try:
            if candidate.read_bytes() == raw:
                return candidate
            continue
        except FileNotFoundError:
            pass
        except OSError:
            continue
        return candidate if _write_copy(raw, candidate) else None
    candidate = next(damaged_names(path))
    return candidate if _write_copy(raw, candidate) else None


def _write_copy(raw: bytes, target: Path) -> bool:
    """Write ``raw`` to ``target`` via a temporary file, so a crash never leaves half a copy."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_bytes(raw)
        os.replace(tmp, target)
        return True
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False


def move_aside(path: Path) -> Path | None:
    """Rename an unusable (possibly unreadable) file to a free ``.damaged`` name.

    Returns the new name (``path`` itself when there was nothing to move), or
    ``None`` when the rename failed. Never raises.
    """
    if not path.exists() and not path.is_symlink():
        return path
    for candidate in damaged_names(path):
        if not candidate.exists() and not candidate.is_symlink():
            break
    else:
        candidate = next(damaged_names(path))
    try:
        os.replace(path, candidate)
    except OSError:
        return None
    return candidate


class Damaged(Exception):
    """A state file exists but cannot be used; the message says why."""


def versioned_object(raw: bytes, newest: int) -> dict[str, Any]:
    """``raw`` read as a state file's JSON object whose ``version`` is 1 to ``newest``.

    Raises Damaged when it is not UTF-8 JSON, not an object, has no version, or comes
    from a newer newsreader (``version`` above ``newest``)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise Damaged("not valid JSON") from error
    if not isinstance(data, dict):
        raise Damaged("not a JSON object")
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise Damaged("no format version")
    if version > newest:
        raise Damaged(f"format version {version} is from a newer newsreader")
    return data


def read_state(path: Path, what: str) -> tuple[bytes | None, str | None]:
    """The bytes of the state file ``path`` (None when missing or unreadable) and, when it
    exists but cannot be read, a notice naming it as ``what`` ("Reading state"). Never raises."""
    try:
        return path.read_bytes(), None
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, f"Could not read {what.lower()} {path}: {error.strerror or error}"


def set_aside(path: Path, raw: bytes, what: str, error: Damaged) -> tuple[str, bool]:
    """Keep the unusable ``raw`` of ``path`` aside (see :func:`copy_aside`); returns the notice
    for the reader and whether the file must still be moved aside before it is replaced."""
    kept = copy_aside(path, raw)
    where = f"; kept a copy as {kept.name}" if kept else ""
    return f"{what} {path} is unusable ({error}); starting afresh{where}", kept is None
