"""The reader's corrections of one library: names merged, and names marked wrong in an article.

A correction is stored with the reading state (one small JSON file per library under
``data_dir()/libraries/``, next to the reading state, never in the library folder) and
applied whenever the analysis or the index is read, so it survives a re-index::

    {"version": 1, "library": "/home/ana/news",
     "merges": {"Aune": "Per Aune"},
     "wrong": [["3f2a…", "speaker", "Liv Aas"]]}

* A merge shows a name as another ("Mr. Trump" as "Donald J. Trump"), in every article and
  for every kind of row. Names compare as the index compares them
  (:func:`newsreader.index.writer.norm_key`); chains resolve ("A" -> "B" -> "C"), and a
  merge that would make a cycle is refused.
* A wrong mark says a name is wrong in one article: a wrong speaker's quotes are shown
  unattributed, a wrong entity or cited source is dropped.

Loading never raises (an unusable file gives no corrections, ``problem`` set, and a copy
kept as ``<name>.damaged``); saving returns ``False`` when it cannot write.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from newsreader.analysis.model import Analysis
from newsreader.index.writer import norm_key
from newsreader.userdata.damaged import Damaged, move_aside, read_state, set_aside, versioned_object
from newsreader.userdata.paths import atomic_write_text, data_dir, locked_folder
from newsreader.userdata.reading_state import LIBRARIES_DIR, library_key

FORMAT_VERSION = 1
#: The kinds of row a name can be marked wrong as.
KINDS = ("speaker", "entity", "source")
__all__ = ["FORMAT_VERSION", "KINDS", "Corrections", "apply_to_analysis", "corrections_file"]


def corrections_file(root: Path) -> Path:
    """Where the corrections of the library at ``root`` are kept (beside its reading state)."""
    return data_dir() / LIBRARIES_DIR / f"{library_key(root)}.corrections.json"



class Corrections:
    """Merges and wrong marks of one library (``root``), saved to ``path`` (None: not saved)."""

    def __init__(self, root: Path | None = None, path: Path | None = None) -> None:
        self.root = root
        self.path = path
        self.problem: str | None = None
        #: Name as shown when merged -> the name it is merged into (as typed or chosen).
        self.merges: dict[str, str] = {}
        #: (article id, kind, name): this name is wrong in this article. Both change through the
        #: methods below (they keep the normalised lookups in step).
        self.wrong: set[tuple[str, str, str]] = set()
        self._into: dict[str, str] = {}  # norm of a merged name -> the name it is merged into
        self._wrong: set[tuple[str, str, str]] = set()  # (article id, kind, norm)
        self._preserve_pending = False

    # -- loading ---------------------------------------------------------------------
    @classmethod
    def load(cls, root: Path) -> Corrections:
        """The saved corrections of the library at ``root``; none (never an error) when unusable."""
        found = cls(root, corrections_file(root))
        assert found.path is not None
        raw, found.problem = read_state(found.path, "Corrections")
        found._preserve_pending = found.problem is not None
        if raw is None:
            return found
        try:
            found._parse(raw)
        except Damaged as error:
            found.merges.clear()
            found.wrong.clear()
            found._reindex()
            found.problem, found._preserve_pending = set_aside(found.path, raw, "Corrections", error)
        return found

    def _parse(self, raw: bytes) -> None:
        data = versioned_object(raw, FORMAT_VERSION)
        merges, wrong = data.get("merges", {}), data.get("wrong", [])
        if not isinstance(merges, dict) or not all(isinstance(v, str) for v in merges.values()):
            raise Damaged("'merges' is not an object of names")
        if not isinstance(wrong, list) or not all(
                isinstance(item, list) and len(item) == 3 and all(isinstance(part, str) for part in item)
                and item[1] in KINDS for item in wrong):
            raise Damaged("'wrong' is not a list of [article, kind, name]")
        for name, into in merges.items():
            self.merge(name, into)  # a cycle written by hand is dropped, not followed
        self.wrong = {(a, k, n) for a, k, n in wrong}
        self._reindex()

    def _reindex(self) -> None:
        self._into = {norm_key(name): into for name, into in self.merges.items()}
        self._wrong = {(article, kind, norm_key(name)) for article, kind, name in self.wrong}

    # -- queries ---------------------------------------------------------------------
    def __bool__(self) -> bool:
        return bool(self.merges or self.wrong)

    def canonical(self, name: str) -> str:
        """The name ``name`` is shown as: the end of its chain of merges (itself when not merged)."""
        seen = {norm_key(name)}
        while (into := self._into.get(norm_key(name))) is not None and norm_key(into) not in seen:
            seen.add(norm_key(into))
            name = into
        return name

    def names_for(self, name: str) -> list[str]:
        """The name ``name`` is shown as, then every name merged into it (directly or not): the keys
        to ask the index for."""
        shown = self.canonical(name)
        target = norm_key(shown)
        names, norms = [shown], {target}
        for merged in self.merges:
            if norm_key(merged) not in norms and norm_key(self.canonical(merged)) == target:
                names.append(merged)
                norms.add(norm_key(merged))
        return names

    def grouped(self, counts: Mapping[str, int]) -> list[tuple[str, int, list[tuple[str, int]]]]:
        """``counts`` of names as (name shown, its total, [(name merged into it, count), ...]), most first."""
        totals: Counter[str] = Counter()
        merged: dict[str, list[tuple[str, int]]] = {}
        for name, count in sorted(counts.items(), key=lambda item: -item[1]):
            shown = self.canonical(name)
            totals[shown] += count
            if shown != name:
                merged.setdefault(shown, []).append((name, count))
        return [(shown, total, merged.get(shown, [])) for shown, total in totals.most_common()]

    def merged_into(self, name: str) -> str | None:
        """What ``name`` itself is merged into (one step), or None."""
        return self._into.get(norm_key(name))

    def is_wrong(self, article_id: str, kind: str, name: str) -> bool:
        """Whether ``name`` (as written, or as shown after merges) is marked wrong in the article."""
        return ((article_id, kind, norm_key(name)) in self._wrong
                or (article_id, kind, norm_key(self.canonical(name))) in self._wrong)

    def wrong_pairs(self, kind: str, names: Iterable[str]) -> list[tuple[str, str]]:
        """(article id, norm of a name) for each of ``names`` that is wrong in an article: the rows a
        listing of ``names`` leaves out."""
        norms = {norm_key(name): name for name in names}
        return sorted({(article, norm) for article, k, _ in self._wrong if k == kind
                       for norm, name in norms.items() if self.is_wrong(article, kind, name)})

    # -- changes ---------------------------------------------------------------------
    def merge(self, name: str, into: str) -> bool:
        """Show ``name`` as ``into`` from now on. False (nothing changes) when either is blank,
        they are one name, or ``into`` is (through its merges) shown as ``name``: a cycle."""
        name, into = name.strip(), into.strip()
        key = norm_key(name)
        if not key or not norm_key(into) or key == norm_key(into):
            return False
        step: str | None = into
        seen: set[str] = set()
        while step is not None and norm_key(step) not in seen:
            if norm_key(step) == key:
                return False
            seen.add(norm_key(step))
            step = self._into.get(norm_key(step))
        self.merges = {n: i for n, i in self.merges.items() if norm_key(n) != key}
        self.merges[name] = into
        self._reindex()
        return True

    def unmerge(self, name: str) -> bool:
        """Show ``name`` as itself again; False when it was not merged."""
        key = norm_key(name)
        kept = {n: i for n, i in self.merges.items() if norm_key(n) != key}
        if len(kept) == len(self.merges):
            return False
        self.merges = kept
        self._reindex()
        return True

    def toggle_wrong(self, article_id: str, kind: str, name: str) -> bool:
        """Mark ``name`` wrong in the article, or unmark it; returns whether it is now marked."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        key = (article_id, kind, norm_key(name))
        marked = key not in self._wrong
        self.wrong = {item for item in self.wrong if (item[0], item[1], norm_key(item[2])) != key}
        if marked:
            self.wrong.add((article_id, kind, name))
        self._reindex()
        return marked

    # -- saving ----------------------------------------------------------------------
    def to_json(self) -> str:
        """The file's text."""
        return json.dumps({"version": FORMAT_VERSION, "library": str(self.root) if self.root else None,
                           "merges": dict(sorted(self.merges.items())),
                           "wrong": [list(item) for item in sorted(self.wrong)]}, indent=0, ensure_ascii=False)

    def save(self) -> bool:
        """Write the corrections (0600, atomically). False when they could not be written."""
        if self.path is None:
            return False
        try:
            if self._preserve_pending:
                if move_aside(self.path) is None:
                    return False
                self._preserve_pending = False
            with locked_folder(self.path):
                atomic_write_text(self.path, self.to_json())
        except (OSError, ValueError):
            return False
        return True


def apply_to_analysis(analysis: Analysis, article_id: str, corrections: Corrections | None) -> Analysis:
    """``analysis`` of the article ``article_id`` as corrected: a wrong speaker's quotes
    unattributed, wrong entities and cited sources dropped, merged names shown as the name
    they are merged into. Returns ``analysis`` itself when nothing is corrected."""
    if not corrections:
        return analysis
    quotes = []
    for quote in analysis.quotes:
        name = quote.name_shown
        if name and corrections.is_wrong(article_id, "speaker", name):
            quote = replace(quote, speaker=None, speaker_key=None)
        elif name and (shown := corrections.canonical(name)) != name:
            quote = replace(quote, speaker_key=shown)
        quotes.append(quote)
    entities = tuple(
        entity if (shown := corrections.canonical(entity.key)) == entity.key else replace(entity, key=shown)
        for entity in analysis.entities if not corrections.is_wrong(article_id, "entity", entity.key))
    citations = tuple(
        cited if (shown := corrections.canonical(cited.name)) == cited.name else replace(cited, key=shown)
        for cited in analysis.citations if not corrections.is_wrong(article_id, "source", cited.name))
    return Analysis(entities, tuple(quotes), citations)
