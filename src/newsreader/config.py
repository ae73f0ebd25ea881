"""Moved to :mod:`newsreader.userdata.settings`; a re-export kept only while UI modules import this name."""

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

__all__ = ["DEFAULT_CONFIG_TEXT", "SORT_CHOICES", "Config", "config_path", "load_config", "save_settings",
           "set_theme", "write_default_config"]
