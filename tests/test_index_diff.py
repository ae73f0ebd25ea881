"""The streaming comparison of folder and index: nested folders, removed folders, files at every depth."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsreader.index import LibraryIndex


def write(root: Path, rel: str, title: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\n---\nThe {title.lower()} story.\n", encoding="utf-8")


def test_nested_and_removed_folders_are_followed(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    for rel in ("top.md", "a/one.md", "a/b/two.md", "a/b/c/three.md", "a/b-sib/four.md", "a0.md", "z/five.md"):
        write(root, rel, rel.replace("/", " ").replace(".md", ""))
    with LibraryIndex.open(root) as index:
        assert index.refresh().added == 7
        shutil.rmtree(root / "a" / "b")  # a folder with a subfolder, gone
        write(root, "a/b2/six.md", "six")
        (root / "z" / "five.md").unlink()
        write(root, "a/one.md", "one changed")
        summary = index.refresh()
        assert (summary.added, summary.changed, summary.removed, summary.unchanged) == (1, 1, 3, 3)
        assert sorted(a.path for a in index.articles()) == ["a/b-sib/four.md", "a/b2/six.md", "a/one.md",
                                                             "a0.md", "top.md"]
        again = index.refresh()
        assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 5)


def test_a_walk_stopped_half_way_calls_nothing_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.index import diff as diff_module

    root = tmp_path / "lib"
    for rel in ("a/one.md", "b/two.md", "c/three.md"):
        write(root, rel, rel.replace("/", " ").replace(".md", ""))
    with LibraryIndex.open(root) as index:
        index.refresh()
        shutil.rmtree(root / "c")
        monkeypatch.setattr(diff_module, "STOP_CHECK", 1)
        calls = iter(range(100))
        summary = index.refresh(should_stop=lambda: next(calls) >= 1)  # stops at the walk's second entry
        assert summary.stopped and summary.removed == 0 and len(index.articles()) == 3
        assert index.refresh().removed == 1 and len(index.articles()) == 2
