"""User settings from ``config_dir()/config.toml`` (documented in docs/config.md).

The file is the user's: newsreader only reads it, except

* :func:`write_default_config` (the user asked for a commented starting file),
* :func:`save_settings` and :func:`set_theme`, which change just the plain
  settings (theme, default sort, highlight toggles) by editing their lines in
  place. Comments, blank lines, the ``[keys]`` table and keys newsreader does
  not know all stay as they were. Only in a file whose layout defeats the line
  editor (say, ``theme`` defined as a dotted key) is the whole file rewritten
  from its parsed content; then its comments are lost, never its settings.

Loading never raises: a bad file (not UTF-8, not TOML, wrong types, unknown
sort) gives the defaults for the bad parts and a one-line ``problem``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newsreader.catalog import SortOrder
from newsreader.userdata.paths import atomic_write_text, config_dir
from newsreader.userdata.toml_edit import same_value, toml_string, updated_text

#: The values ``default_sort`` may take: the catalog's sort orders, by name.
SORT_CHOICES: tuple[str, ...] = tuple(order.value for order in SortOrder)
DEFAULT_THEME = "textual-dark"
CONFIG_NAME = "config.toml"
MAX_CONFIG_BYTES = 1_000_000
SETTINGS = ("theme", "default_sort", "highlight_entities", "highlight_quotes")
KNOWN_KEYS = frozenset((*SETTINGS, "keys"))


def config_path() -> Path:
    """Where the config file lives (it may not exist)."""
    return config_dir() / CONFIG_NAME


@dataclass(frozen=True)
class Config:
    """The settings in effect.

    ``default_sort`` is the value of a :class:`~newsreader.catalog.SortOrder`
    ("date", "title", "outlet"); ``keys`` maps action names to Textual key strings;
    ``problem`` is a one-line message about the file, or ``None``.
    """

    theme: str = DEFAULT_THEME
    default_sort: str = SortOrder.DATE.value
    highlight_entities: bool = True
    highlight_quotes: bool = True
    keys: Mapping[str, str] = field(default_factory=dict)
    problem: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", MappingProxyType(dict(self.keys)))


DEFAULTS = Config()


# -- reading ---------------------------------------------------------------------------
def _read_document(path: Path) -> tuple[str, dict[str, Any] | None, str | None]:
    """The file's text, its parsed table (``None`` if unusable) and what is wrong with it."""
    import tomllib  # imported here: start-up time counts, and most starts have no file

    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return "", {}, None
    except OSError as error:
        return "", None, f"could not be read ({error.strerror or error})"
    if len(raw) > MAX_CONFIG_BYTES:
        return "", None, f"is larger than {MAX_CONFIG_BYTES // 1_000_000} MB"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "", None, "is not UTF-8 text"
    try:
        return text, tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        return text, None, f"is not valid TOML: {error}"
    except (RecursionError, ValueError):
        return text, None, "is not valid TOML: nested too deeply"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _from_document(data: Mapping[str, Any]) -> tuple[Config, list[str], list[str]]:
    """The config in ``data``, what was wrong with its values, and the unknown top-level keys."""
    values: dict[str, Any] = {}
    issues: list[str] = []

    theme = data.get("theme", DEFAULT_THEME)
    if isinstance(theme, str) and theme.strip():
        values["theme"] = theme.strip()
    else:
        issues.append(f"theme should be a theme name such as \"{DEFAULT_THEME}\", not {_short(theme)}")

    sort = data.get("default_sort", DEFAULTS.default_sort)
    if isinstance(sort, str) and sort.strip().lower() in SORT_CHOICES:
        values["default_sort"] = sort.strip().lower()
    else:
        issues.append(f"default_sort should be one of {', '.join(SORT_CHOICES)}, not {_short(sort)}")

    for name in ("highlight_entities", "highlight_quotes"):
        flag = data.get(name, getattr(DEFAULTS, name))
        if isinstance(flag, bool):
            values[name] = flag
        else:
            issues.append(f"{name} should be true or false, not {_short(flag)}")

    keys = data.get("keys", {})
    if isinstance(keys, dict):
        good: dict[str, str] = {}
        for action, key in keys.items():
            if isinstance(key, str) and key.strip():
                good[action] = key.strip()
            else:
                issues.append(f"keys.{action} should be a key such as \"ctrl+q\", not {_short(key)}")
        values["keys"] = good
    else:
        issues.append(f"keys should be a table of action = \"key\", not {_short(keys)}")

    unknown = [name for name in data if name not in KNOWN_KEYS]
    return Config(**values), issues, unknown


def _problem(path: Path, issues: list[str], unknown: list[str]) -> str:
    parts = []
    if issues:
        parts.append("; ".join(issues) + "; using the defaults for those")
    if unknown:
        parts.append("ignoring unknown setting" + ("s " if len(unknown) > 1 else " ") + ", ".join(map(repr, unknown)))
    message = f"Config file {path}: {'; '.join(parts)}."
    return " ".join(message.split())  # always one line


def load_config() -> Config:
    """The settings from the config file, or defaults. Never raises."""
    path = config_path()
    try:
        _text, data, trouble = _read_document(path)
        if data is None:
            return Config(problem=" ".join(f"Config file {path} {trouble}; using the default settings.".split()))
        config, issues, unknown = _from_document(data)
    except Exception as error:  # noqa: BLE001 - a settings file must never stop the app
        return Config(problem=f"Config file {path} could not be read ({type(error).__name__}); using the defaults.")
    if issues or unknown:
        return replace(config, problem=_problem(path, issues, unknown))
    return config


# -- writing TOML ----------------------------------------------------------------------
def _write_user_file(path: Path, text: str) -> bool:
    """Atomically replace the user's file, following a symlink and keeping its permissions."""
    try:
        target = path.resolve() if path.is_symlink() else path
        mode = target.stat().st_mode & 0o7777 if target.exists() else None
        atomic_write_text(target, text)
        if mode is not None:
            os.chmod(target, mode)
    except OSError:
        return False
    return True


def _apply(changes: dict[str, object]) -> bool:
    try:
        return _apply_unguarded(changes)
    except Exception:  # noqa: BLE001 - saving settings must never stop the app
        return False


def _apply_unguarded(changes: dict[str, object]) -> bool:
    path = config_path()
    text, data, _trouble = _read_document(path)
    if data is None:
        return False  # never replace a file we cannot read or parse: the user must fix it
    pending: dict[str, object] = {}
    for key, value in changes.items():
        if key in data:
            if not same_value(data[key], value):
                pending[key] = value
        elif value != getattr(DEFAULTS, key):
            pending[key] = value
    if not pending:
        return True
    if not text:
        text = "# newsreader settings: see docs/config.md for what goes here.\n\n"
    new_text = updated_text(text, data, pending)
    return new_text is not None and _write_user_file(path, new_text)


def _valid_settings(config: Config) -> bool:
    return (
        isinstance(config.theme, str)
        and bool(config.theme.strip())
        and config.default_sort in SORT_CHOICES
        and isinstance(config.highlight_entities, bool)
        and isinstance(config.highlight_quotes, bool)
    )


def save_settings(config: Config) -> bool:
    """Store theme, default_sort and the highlight toggles of ``config``.

    Only lines whose value changes are touched (a setting still at its default and
    absent from the file is not added). ``[keys]``, unknown keys and comments are
    kept. Returns ``False``, writing nothing, when the file cannot be read or parsed
    (the user's file is never replaced then), ``config`` holds invalid values, or
    writing fails. Never raises.
    """
    if not _valid_settings(config):
        return False
    return _apply({name: getattr(config, name) for name in SETTINGS})


def set_theme(name: str) -> bool:
    """Store ``name`` as the theme, changing nothing else in the file. Never raises."""
    if not isinstance(name, str) or not name.strip():
        return False
    return _apply({"theme": name.strip()})


# -- the starting file -----------------------------------------------------------------
DEFAULT_CONFIG_TEXT = f"""\
# newsreader settings. Delete a line to go back to its default.
# See docs/config.md for where this file lives and what each setting does.

# Colour theme: any Textual theme name, such as "textual-dark", "textual-light",
# "nord", "gruvbox", "tokyo-night", "dracula", "monokai", "solarized-light".
theme = {toml_string(DEFAULT_THEME)}

# How the article list is sorted when a library opens: "date", "title" or "outlet".
default_sort = "date"

# Highlight people, organisations and places in the reading pane.
highlight_entities = true

# Highlight quotations and who said them in the reading pane.
highlight_quotes = true

# Key bindings: action = "key". Several keys for one action are separated by commas
# ("q,ctrl+q"). Key names are Textual's: "ctrl+q", "f1", "escape", "/", "question_mark".
[keys]
# quit = "q"
# help = "question_mark"
# filter = "/"
# open_folder = "o"
# cycle_sort = "s"
# toggle_entities = "e"
# toggle_quotes = "u"
"""


def write_default_config(overwrite: bool = False) -> Path:
    """Write the commented default config file and return its path.

    An existing file is left alone unless ``overwrite``; then it is first kept as
    ``config.toml.bak``. Raises ``OSError`` when the file cannot be written (the
    user asked for it, so they should hear why).
    """
    path = config_path()
    if path.exists() or path.is_symlink():
        if not overwrite:
            return path
        target = path.resolve() if path.is_symlink() else path
        shutil.copyfile(target, path.with_name(path.name + ".bak"))
        atomic_write_text(target, DEFAULT_CONFIG_TEXT)
        return path
    atomic_write_text(path, DEFAULT_CONFIG_TEXT)
    return path
