"""Everything newsreader keeps about its user, outside any library folder.

* :mod:`.paths`: where the files live (``$NEWSREADER_HOME`` or the platform's
  user directories) and how they are written (atomically, under a lock);
* :mod:`.recent`: the libraries opened most recently;
* :mod:`.reading_state`: per library, read and starred articles and the last position;
* :mod:`.settings`: the user's TOML settings file (theme, sort, highlights, keys),
  edited in place by :mod:`.toml_edit`.

Domain code: no Textual import. Nothing here writes into a library folder.
Submodules are imported on their own (this package imports none of them), so
starting the app pays only for what it uses.
"""
