"""The TOML config: defaults, per-key fallbacks, problems instead of exceptions, careful edits."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader import catalog
from newsreader.userdata import settings as config
from newsreader.userdata.settings import (
    DEFAULT_CONFIG_TEXT,
    SORT_CHOICES,
    Config,
    config_path,
    load_config,
    save_settings,
    set_theme,
    write_default_config,
)
from newsreader.userdata.toml_edit import same_value, toml_document

HYPOTHESIS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def write(text: str | bytes) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def parsed() -> dict:
    return tomllib.loads(config_path().read_text(encoding="utf-8"))


def test_config_lives_under_newsreader_home(newsreader_home: Path) -> None:
    assert config_path() == newsreader_home / "config" / "config.toml"


def test_missing_file_gives_defaults_and_writes_nothing() -> None:
    result = load_config()
    assert result == Config()
    assert (result.theme, result.default_sort) == ("textual-dark", "date")
    assert result.highlight_entities is True and result.highlight_quotes is True
    assert dict(result.keys) == {} and result.problem is None
    assert not config_path().exists()


def test_sort_choices_match_the_catalog() -> None:
    assert set(SORT_CHOICES) == {order.value for order in catalog.SortOrder}


def test_default_config_file_is_commented_and_gives_the_defaults() -> None:
    path = write_default_config()
    assert path == config_path()
    assert path.read_text(encoding="utf-8") == DEFAULT_CONFIG_TEXT
    assert "#" in DEFAULT_CONFIG_TEXT and "[keys]" in DEFAULT_CONFIG_TEXT
    assert load_config() == Config()


def test_default_config_never_replaces_a_users_file_unless_asked() -> None:
    write('theme = "nord"\n')
    write_default_config()
    assert load_config().theme == "nord"
    write_default_config(overwrite=True)
    assert load_config().theme == "textual-dark"
    assert config_path().with_name("config.toml.bak").read_text(encoding="utf-8") == 'theme = "nord"\n'


def test_full_file_is_read() -> None:
    write(
        'theme = "gruvbox"\ndefault_sort = "outlet"\nhighlight_entities = false\nhighlight_quotes = false\n'
        '[keys]\nquit = "ctrl+q"\nfilter = "/"\n'
    )
    result = load_config()
    assert result == Config("gruvbox", "outlet", False, False, {"quit": "ctrl+q", "filter": "/"})
    assert result.problem is None


def test_config_is_frozen_and_keys_read_only() -> None:
    write('[keys]\nquit = "q"\n')
    result = load_config()
    with pytest.raises(AttributeError):
        result.theme = "nord"  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.keys["quit"] = "x"  # type: ignore[index]


def test_sort_value_is_forgiving_about_case_and_spaces() -> None:
    write('default_sort = " Title "\ntheme = " nord "\n')
    result = load_config()
    assert (result.default_sort, result.theme, result.problem) == ("title", "nord", None)


@pytest.mark.parametrize(
    ("line", "field", "fragment"),
    [
        ("theme = 3", "theme", "theme should be"),
        ('theme = ""', "theme", "theme should be"),
        ("theme = [\"nord\"]", "theme", "theme should be"),
        ('default_sort = "size"', "default_sort", "default_sort should be one of date, title, outlet"),
        ("default_sort = 1", "default_sort", "default_sort"),
        ('highlight_entities = "yes"', "highlight_entities", "highlight_entities should be true or false"),
        ("highlight_quotes = 1", "highlight_quotes", "highlight_quotes should be true or false"),
        ("keys = 5", "keys", "keys should be a table"),
    ],
)
def test_wrong_type_falls_back_for_that_key_only(line: str, field: str, fragment: str) -> None:
    good = {
        "theme": 'theme = "nord"',
        "default_sort": 'default_sort = "title"',
        "highlight_entities": "highlight_entities = false",
        "highlight_quotes": "highlight_quotes = false",
        "keys": 'keys = {quit = "ctrl+q"}',
    }
    good[field] = line
    path = write("\n".join(good.values()) + "\n")
    result = load_config()
    expected = Config("nord", "title", False, False, {"quit": "ctrl+q"})
    assert replace(result, problem=None) == replace(expected, **{field: getattr(Config(), field)})
    assert result.problem is not None
    assert fragment in result.problem and str(path) in result.problem
    assert "\n" not in result.problem


def test_bad_key_binding_drops_only_that_binding() -> None:
    write('[keys]\nquit = 1\nfilter = "/"\nhelp = ""\n')
    result = load_config()
    assert dict(result.keys) == {"filter": "/"}
    assert "keys.quit" in (result.problem or "") and "keys.help" in (result.problem or "")


def test_unknown_settings_are_reported_but_harmless() -> None:
    write('theme = "nord"\nhighlight_qoutes = false\n')
    result = load_config()
    assert result.theme == "nord"
    assert result.problem is not None and "'highlight_qoutes'" in result.problem and "ignoring" in result.problem


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('theme = "nord"\n[keys\n', "is not valid TOML"),
        ("theme = 'unterminated\n", "is not valid TOML"),
        (b"theme = \"\xff\xfe\"\n", "is not UTF-8"),
        ("a = " + "[" * 5000, "is not valid TOML"),
        ("x" * (config.MAX_CONFIG_BYTES + 10), "larger than"),
    ],
)
def test_unusable_file_gives_defaults_and_a_one_line_problem(content: str | bytes, fragment: str) -> None:
    path = write(content)
    result = load_config()
    assert replace(result, problem=None) == Config()
    assert result.problem is not None and fragment in result.problem and str(path) in result.problem
    assert "\n" not in result.problem


def test_byte_order_mark_is_accepted() -> None:
    write(b'\xef\xbb\xbftheme = "nord"\n')
    assert load_config() == Config(theme="nord")


def test_unreadable_file_gives_defaults_and_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    path = write('theme = "nord"\n')
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    result = load_config()
    assert result.problem is not None and "Permission denied" in result.problem
    assert replace(result, problem=None) == Config()
    assert save_settings(Config(theme="dracula")) is False
    assert set_theme("dracula") is False


# -- saving ----------------------------------------------------------------------------
def test_save_settings_round_trip_creates_a_small_file() -> None:
    assert save_settings(Config(theme="nord", default_sort="title", highlight_quotes=False)) is True
    assert load_config() == Config(theme="nord", default_sort="title", highlight_quotes=False)
    # settings still at their default are not written into a new file
    assert set(parsed()) == {"theme", "default_sort", "highlight_quotes"}


def test_save_settings_with_defaults_and_no_file_writes_nothing() -> None:
    assert save_settings(Config()) is True
    assert set_theme("textual-dark") is True
    assert not config_path().exists()


USER_FILE = """\
# My newsreader settings
theme = "nord"  # the blue one
default_sort = "date"
shiny_future_option = [1, 2, {a = "b"}]

# Key bindings
[keys]
quit = "ctrl+q"   # muscle memory
filter = "/"

[plugins.extra]
when = 2024-05-01
"""


def test_save_settings_keeps_keys_unknown_keys_and_comments() -> None:
    write(USER_FILE)
    before = parsed()
    current = load_config()
    assert save_settings(replace(current, default_sort="outlet", highlight_entities=False)) is True
    text = config_path().read_text(encoding="utf-8")
    for line in USER_FILE.splitlines():
        if line.startswith(("#", "quit", "filter", "shiny", "[", "when", "theme")):
            assert line in text.splitlines()
    assert 'default_sort = "outlet"' in text
    after = parsed()
    assert after == {**before, "default_sort": "outlet", "highlight_entities": False}
    assert load_config() == replace(current, default_sort="outlet", highlight_entities=False)


def test_set_theme_changes_only_the_theme_and_keeps_its_comment() -> None:
    write(USER_FILE)
    before = parsed()
    assert set_theme("tokyo-night") is True
    text = config_path().read_text(encoding="utf-8")
    assert 'theme = "tokyo-night"  # the blue one' in text.splitlines()
    assert text.replace('"tokyo-night"', '"nord"') == USER_FILE
    assert parsed() == {**before, "theme": "tokyo-night"}


@pytest.mark.parametrize(
    "original",
    [
        "",
        "# just a comment\n",
        "# heading\n\n# Key bindings\n[keys]\nquit = \"q\"\n",
        '[keys]\nquit = "q"\n',
        'default_sort = "title"\n[keys]\ntheme = "not this one"\n',
        'default_sort = "title"',  # no final newline
        "default_sort = 'title'\r\n[keys]\r\nquit = 'q'\r\n",
        'note = """\ntheme = "inside a string"\n[keys]\n"""\n[keys]\nquit = "q"\n',
        '"theme" = \'nord\'\n',
        "theme.variant = 'dark'\n",  # theme as a table: the file is rewritten from its content
        "other = 1\ntheme = 'x' # c\ntheme2 = 2\n",
    ],
)
def test_set_theme_adds_or_replaces_only_the_theme(original: str) -> None:
    write(original)
    before = tomllib.loads(original)
    assert set_theme("dracula") is True
    text = config_path().read_bytes().decode("utf-8")
    assert tomllib.loads(text) == {**before, "theme": "dracula"}
    assert load_config().theme == "dracula"
    if "\r\n" in original:
        assert text.count("\r\n") == text.count("\n")
    for line in original.splitlines():
        if line.startswith("#"):
            assert line in text.splitlines()


def test_set_theme_with_odd_names() -> None:
    for name in ['quote"and\\slash', "tab\there", "ünï", "  padded  "]:
        assert set_theme(name) is True
        assert load_config().theme == name.strip()
    assert set_theme("") is False and set_theme("   ") is False


def test_unchanged_settings_do_not_write(monkeypatch: pytest.MonkeyPatch) -> None:
    write(USER_FILE)
    writes: list[Path] = []
    monkeypatch.setattr(config, "atomic_write_text", lambda path, text: writes.append(path))
    assert save_settings(load_config()) is True
    assert set_theme("nord") is True
    assert writes == []


def test_saving_over_a_broken_file_refuses_and_keeps_it() -> None:
    broken = 'theme = "nord"\n[keys\nquit = "q"\n'
    write(broken)
    assert save_settings(Config(theme="dracula")) is False
    assert set_theme("dracula") is False
    assert config_path().read_text(encoding="utf-8") == broken


def test_saving_fixes_a_wrongly_typed_setting() -> None:
    write('theme = 3\nhighlight_quotes = "no"\n[keys]\nquit = "q"\n')
    current = load_config()
    assert current.problem
    assert save_settings(replace(current, highlight_quotes=False)) is True
    result = load_config()
    assert result.problem is None
    assert (result.theme, result.highlight_quotes, dict(result.keys)) == ("textual-dark", False, {"quit": "q"})


def test_invalid_settings_are_not_saved() -> None:
    assert save_settings(Config(default_sort="size")) is False  # type: ignore[arg-type]
    assert save_settings(Config(theme="")) is False
    assert not config_path().exists()


def test_read_only_config_dir_returns_false(monkeypatch: pytest.MonkeyPatch) -> None:
    write(USER_FILE)

    def refuse(path: Path, text: str) -> None:
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(config, "atomic_write_text", refuse)
    assert save_settings(Config(theme="dracula")) is False
    assert set_theme("dracula") is False
    assert config_path().read_text(encoding="utf-8") == USER_FILE


def test_os_replace_failure_returns_false(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsreader.userdata.paths

    def refuse(src: object, dst: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(newsreader.userdata.paths.os, "replace", refuse)
    assert set_theme("dracula") is False
    assert not config_path().exists()


def test_symlinked_config_stays_a_symlink_and_keeps_its_mode(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles" / "newsreader.toml"
    dotfiles.parent.mkdir()
    dotfiles.write_text(USER_FILE, encoding="utf-8")
    dotfiles.chmod(0o644)
    config_path().parent.mkdir(parents=True)
    config_path().symlink_to(dotfiles)
    assert set_theme("dracula") is True
    assert config_path().is_symlink()
    assert tomllib.loads(dotfiles.read_text(encoding="utf-8"))["theme"] == "dracula"
    assert dotfiles.stat().st_mode & 0o777 == 0o644


# -- properties ------------------------------------------------------------------------
FRAGMENTS = st.sampled_from(
    ["theme", "default_sort", "highlight_entities", "highlight_quotes", "keys", "[keys]", " = ", "=", '"', "'",
     '"""', "'''", "[", "]", "[[", "]]", "{", "}", ",", ".", "#", "\n", "\r\n", "\t", " ", "true", "false", "1",
     "-1.5e3", "nan", "inf", "nord", "title", "date", "outlet", "quit", "ctrl+q", "\\", "\\u00e9", "1979-05-27",
     "\x00", "\ufeff", "é"]
)
TOMLISH = st.lists(FRAGMENTS | st.text(max_size=6), max_size=40).map("".join)


@HYPOTHESIS
@given(text=TOMLISH)
def test_tomlish_text_never_raises(text: str) -> None:
    write(text.encode("utf-8", "surrogatepass"))
    result = load_config()
    assert isinstance(result, Config)
    assert result.default_sort in SORT_CHOICES and isinstance(result.theme, str) and result.theme
    assert result.problem is None or "\n" not in result.problem


@HYPOTHESIS
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    write(raw)
    result = load_config()
    assert isinstance(result, Config)
    assert result.problem is None or ("\n" not in result.problem and str(config_path()) in result.problem)


@HYPOTHESIS
@given(text=TOMLISH, name=st.text(max_size=12))
def test_set_theme_on_any_text_keeps_everything_else(text: str, name: str) -> None:
    path = write(text.encode("utf-8", "surrogatepass"))
    try:
        before = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError:
        before = None
    old_bytes = path.read_bytes()
    ok = set_theme(name)
    if before is None or not name.strip():
        assert ok is False and path.read_bytes() == old_bytes
    else:
        assert ok is True
        # same_value: TOML's nan must equal nan here (plain == says it does not).
        assert same_value(tomllib.loads(path.read_text(encoding="utf-8")), {**before, "theme": name.strip()}) or (
            before.get("theme") == name.strip() and path.read_bytes() == old_bytes
        )


SCALARS = (
    st.text(max_size=8) | st.booleans() | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)
DOCUMENTS = st.dictionaries(st.text(max_size=8), VALUES, max_size=6)


@HYPOTHESIS
@given(document=DOCUMENTS, comment=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20))
def test_toml_writer_round_trips_and_save_keeps_other_keys(document: dict, comment: str) -> None:
    text = "# " + comment + "\n" + toml_document(document)
    assert tomllib.loads(text) == document
    write(text)
    current = load_config()
    new = replace(current, theme="rose-pine", highlight_quotes=not current.highlight_quotes)
    assert save_settings(new) is True
    after = parsed()
    assert {k: v for k, v in after.items() if k not in config.SETTINGS} == {
        k: v for k, v in document.items() if k not in config.SETTINGS
    }
    assert after["theme"] == "rose-pine"
    assert load_config().highlight_quotes is new.highlight_quotes
    if not any(isinstance(document.get(name), dict) for name in config.SETTINGS):
        assert "# " + comment + "\n" in config_path().read_text(encoding="utf-8")


def test_nan_in_a_users_file_does_not_block_saving() -> None:
    write("limit = nan\n")
    assert set_theme("nord") is True
    assert load_config().theme == "nord"


def test_module_does_not_import_textual() -> None:
    code = (
        "import sys, newsreader.userdata.settings\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_environment_moves_the_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "elsewhere"))
    assert config_path() == tmp_path / "elsewhere" / "config" / "config.toml"
    assert os.fspath(config_path()).startswith(str(tmp_path))
