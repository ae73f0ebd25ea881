"""Moved to :mod:`newsreader.userdata.reading_state`; a re-export kept only while UI modules import this name."""

from newsreader.userdata.reading_state import FORMAT_VERSION, LIBRARIES_DIR, ReadingState, library_key, state_file

__all__ = ["FORMAT_VERSION", "LIBRARIES_DIR", "ReadingState", "library_key", "state_file"]
