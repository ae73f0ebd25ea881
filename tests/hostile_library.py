"""A hostile library, written by the tests: every kind of file that tries to break a reader.

:func:`build` writes the folder and returns a :class:`Hostile` describing it: which
files must be listed (and under what title), which must be skipped (and why), and the
marker strings that must never reach a terminal. :func:`fingerprint` hashes a folder
(names, kinds, modes, contents, link targets) so tests can prove it was not changed.

Markers are distinctive ASCII payloads: an escape sequence that leaked whole, or its
payload left behind as text, shows up as a marker in the bytes the app writes.
"""

from __future__ import annotations

import base64
import codecs
import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"

#: Payloads hidden inside escape sequences: none may appear in the app's output.
CLIP_MARKER = "NRCLIPMARKER"  # OSC 52 clipboard write (base64 of this)
CLIP_PAYLOAD = base64.b64encode(CLIP_MARKER.encode()).decode()
TITLE_MARKER = "NRTITLEMARKER"  # OSC 0 window title
LINK_MARKER = "nr-link-marker.example"  # OSC 8 hyperlink target
NAME_MARKER = "NRNAMEMARKER"  # OSC 0 in a file *name*
DCS_MARKER = "NRDCSMARKER"  # DCS string
MARKERS = (CLIP_MARKER, CLIP_PAYLOAD, TITLE_MARKER, LINK_MARKER, NAME_MARKER, DCS_MARKER)

ESCAPES = (
    f"{ESC}]52;c;{CLIP_PAYLOAD}{BEL}"  # clipboard write
    f"{ESC}]0;{TITLE_MARKER}{BEL}"  # window title
    f"{ESC}]8;;https://{LINK_MARKER}/{ST}click me{ESC}]8;;{ST}"  # hyperlink
    f"{ESC}[2J{ESC}[10;10H{ESC}[?1049h{ESC}[?25l"  # clear, cursor move, alt screen, hide cursor
    f"{ESC}[31;1mred{ESC}[0m"  # colours
    f"{ESC}P{DCS_MARKER}{ST}"  # device control string
    "\x9b5A"  # 8-bit CSI cursor up
)

#: Rich/Textual markup that must show as literal text (and never run or link).
MARKUP = "[red]not red[/red] [link=file:///etc/passwd]passwd[/link] [/] lone [ bracket [@click=app.quit]quit[/]"

BIG_FILE_BYTES = 50 * 1024 * 1024
LONG_LINE_CHARS = 2 * 1024 * 1024
NESTED_DEPTH = 120


@dataclass
class Hostile:
    """What :func:`build` wrote."""

    root: Path
    #: shown relative path -> a title word that must be in the list
    listed: dict[str, str] = field(default_factory=dict)
    #: shown relative path -> a fragment of the reason the skipped-files view must give
    skipped: dict[str, str] = field(default_factory=dict)
    #: how many tiny files were written into crowd/
    crowd: int = 0
    #: files the test must make unreadable itself (as a non-root user): shown path -> raw path
    unreadable: dict[str, Path] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {"listed": len(self.listed), "skipped": len(self.skipped), "crowd": self.crowd}


def _write(root: Path, rel: str | bytes, data: bytes) -> Path:
    raw = os.path.join(os.fsencode(root), rel if isinstance(rel, bytes) else os.fsencode(rel))
    os.makedirs(os.path.dirname(raw), exist_ok=True)
    with open(raw, "wb") as handle:
        handle.write(data)
    return Path(os.fsdecode(raw))


def build(root: Path, *, crowd: int = 0, big: bool = True, nested: int = NESTED_DEPTH) -> Hostile:
    """Write the hostile library under ``root`` (created); see the module docstring.

    ``crowd`` tiny files go into ``crowd/``; ``big`` adds the 50 MB file (sparse,
    so it costs no disk); ``nested`` is the depth of the deepest folder.
    """
    root.mkdir(parents=True, exist_ok=True)
    h = Hostile(root)

    # -- escape sequences and markup, in every format --------------------------------------
    _write(root, "escapes/escapes.txt", (
        f"Escapes everywhere {ESCAPES}\n\nBody with {ESCAPES} inside, twice {ESCAPES}.\n").encode())
    h.listed["escapes/escapes.txt"] = "Escapes everywhere"
    _write(root, "escapes/byline.txt", (
        f"By Eve {ESC}]0;{TITLE_MARKER}{BEL}Mallory, Reporter. Media: Evil{ESC}[5mPost\n"
        f"Byline escapes lede sentence here {ESCAPES}.\n").encode())
    h.listed["escapes/byline.txt"] = "Byline escapes"
    _write(root, "escapes/front.md", (
        f"---\ntitle: \"Front matter escapes {ESC}]52;c;{CLIP_PAYLOAD}{BEL}\"\n"
        f"author: \"{ESC}]8;;https://{LINK_MARKER}/{ST}Linky{ESC}]8;;{ST}\"\nsource: Evil\n---\n"
        f"Body {ESCAPES}\n").encode())
    h.listed["escapes/front.md"] = "Body"  # raw controls make the YAML invalid: front matter dropped
    _write(root, "escapes/article.json", json.dumps({
        "title": f"JSON escapes {ESC}]0;{TITLE_MARKER}{BEL}", "authors": [f"{ESC}[31mRed Author"],
        "maintext": f"JSON body {ESCAPES}", "source_domain": f"evil{ESC}]8;;https://{LINK_MARKER}/{ST}.example",
        "url": f"https://x.example/{ESC}]52;c;{CLIP_PAYLOAD}{BEL}"}).encode())
    h.listed["escapes/article.json"] = "JSON escapes"
    _write(root, "markup/markup.txt", f"Markup title {MARKUP}\n\nBody {MARKUP}\n".encode())
    h.listed["markup/markup.txt"] = "Markup title"
    _write(root, "markup/markup.md", f"---\ntitle: \"[bold]Markup front[/bold] [@click=app.quit]x[/]\"\n"
                                     f"author: \"[link=file:///etc/passwd]Mallory[/link]\"\n---\n{MARKUP}\n".encode())
    h.listed["markup/markup.md"] = "Markup front"

    # -- bytes and encodings -------------------------------------------------------------
    _write(root, "bytes/nul.txt", b"\x00\x01\x02binary\x00\x00\xff\xfe\x00" * 100)
    h.skipped["bytes/nul.txt"] = "binary file"
    _write(root, "bytes/late-nul.txt", b"Late NUL title\n\n" + b"text " * 2000 + b"\x00 after the sniff\n")
    h.listed["bytes/late-nul.txt"] = "Late NUL"
    _write(root, "bytes/invalid-utf8.txt", b"Invalid UTF-8 \xff\xfe\xc3\x28 title\n\nBody \xed\xa0\x80 lone surrogate.\n")
    h.listed["bytes/invalid-utf8.txt"] = "Invalid UTF"
    _write(root, "bytes/utf16.txt", codecs.BOM_UTF16_LE + "UTF-16 title café\n\nBody in UTF-16 ☃.\n".encode("utf-16-le"))
    h.listed["bytes/utf16.txt"] = "UTF-16 title"
    _write(root, "bytes/cp1252.txt", "Windows-1252 title café “quoted” – dash\n\nBody naïve.\n".encode("cp1252"))
    h.listed["bytes/cp1252.txt"] = "Windows-1252 title"
    _write(root, "bytes/empty.txt", b"")
    h.skipped["bytes/empty.txt"] = "empty file"
    _write(root, "bytes/blank.md", b"   \n\n\t\n")
    h.skipped["bytes/blank.md"] = "empty file"
    _write(root, "bytes/long-line.txt", b"Long line title\n\n" + b"word " * (LONG_LINE_CHARS // 5))
    h.listed["bytes/long-line.txt"] = "Long line title"
    if big:
        path = _write(root, "bytes/huge.txt", b"")
        with open(path, "r+b") as handle:
            handle.truncate(BIG_FILE_BYTES)  # sparse: 50 MB of NULs that take no disk
        h.skipped["bytes/huge.txt"] = "too large"

    # -- names ---------------------------------------------------------------------------
    _write(root, b"names/new\nline.txt", b"Newline name title\n\nBody.\n")
    h.listed["names/new line.txt"] = "Newline name"
    _write(root, "names/emoji-📰🔥.txt", b"Emoji name title\n\nBody.\n")
    h.listed["names/emoji-📰🔥.txt"] = "Emoji name"
    _write(root, b"names/bad-\xff\xfe-bytes.txt", b"Bad bytes name title\n\nBody.\n")
    h.listed["names/bad--bytes.txt"] = "Bad bytes name"  # undecodable bytes are not shown
    _write(root, f"names/{ESC}]0;{NAME_MARKER}{BEL}escape-name.txt", b"Escape name title\n\nBody.\n")
    h.listed["names/escape-name.txt"] = "Escape name"

    # -- types that lie ------------------------------------------------------------------
    _write(root, "types/front.md", (
        b"---\ntitle: [1, 2, 3]\nauthor: {name: Mallory, age: 3}\ndate: 2024-13-45\nsource: 12345\n"
        b"url: true\nauthors: 7\n---\n# Lying front matter heading\n\nBody.\n"))
    h.listed["types/front.md"] = "Lying front"
    _write(root, "types/toml.md", b"+++\ntitle = 5\ndate = 1979-05-27T07:32:00Z\nauthor = [1, {a = 2}]\n+++\n"
                                  b"TOML lies body.\n")
    h.listed["types/toml.md"] = "5"  # a number as title is shown as written
    _write(root, "types/broken-front.md", b"---\ntitle: [unclosed\n  - : :\n---\nBroken front body.\n")
    h.listed["types/broken-front.md"] = "Broken front"
    _write(root, "types/article.json", json.dumps({
        "title": 12, "authors": {"x": 1}, "maintext": ["JSON lies body", 3, None, {"a": 1}],
        "date_publish": [], "source_domain": False, "url": 5}).encode())
    h.listed["types/article.json"] = "12"
    _write(root, "types/list.jsonl", b'{"title": "JSONL good", "text": "Good body."}\n'
                                     b'[1, 2]\n"a string"\n{"title": null, "text": 5}\nnot json\n')
    h.listed["types/list.jsonl"] = "JSONL good"
    h.skipped["types/list.jsonl"] = "(skipped)"
    _write(root, "types/scalar.json", b"42")
    h.skipped["types/scalar.json"] = "JSON holds no article"
    _write(root, "types/deep.json", b"[" * 100000 + b"]" * 100000)
    h.skipped["types/deep.json"] = "invalid JSON"
    _write(root, "types/nul.csv", b'title,content\n"unclosed,\x00quote\n')
    h.skipped["types/nul.csv"] = "binary file"
    _write(root, "types/unclosed.csv", b'title,content\nCSV unclosed,"quote that never ends\nmore\n')
    h.listed["types/unclosed.csv"] = "CSV unclosed"

    # -- folders -------------------------------------------------------------------------
    deep = "/".join(f"d{i}" for i in range(nested))
    _write(root, f"{deep}/deepest.txt", b"Deepest file title\n\nBody.\n")
    h.listed[f"{deep}/deepest.txt"] = "Deepest file"
    os.makedirs(root / "loop", exist_ok=True)
    _write(root, "loop/inside.txt", b"Loop inside title\n\nBody.\n")
    h.listed["loop/inside.txt"] = "Loop inside"
    os.symlink("..", root / "loop" / "parent")
    h.skipped["loop/parent/"] = "already scanned"
    os.symlink("nowhere/missing.txt", root / "dangling.txt")
    h.skipped["dangling.txt"] = "broken symlink"
    os.mkfifo(root / "fifo.txt")
    h.skipped["fifo.txt"] = "not a regular file"
    _write(root, "unsupported.pdf", b"%PDF-1.4")
    h.skipped["unsupported.pdf"] = "unsupported type .pdf"

    # -- unreadable (made so by the test, which knows whether it is root) ------------------
    h.unreadable["private/secret.txt"] = _write(root, "private/secret.txt", b"Secret title\n\nBody.\n")
    _write(root, "locked/inside.txt", b"Locked inside\n\nBody.\n")
    h.unreadable["locked/"] = root / "locked"

    # -- many files ----------------------------------------------------------------------
    for i in range(crowd):
        _write(root, f"crowd/{i:05d}.txt", f"Crowd {i}\n\nTiny body {i}.\n".encode())
    h.crowd = crowd
    return h


def lock_unreadable(h: Hostile) -> None:
    """Take every permission off the files and folders meant to be unreadable."""
    for path in h.unreadable.values():
        os.chmod(path, 0)
    for shown in h.unreadable:
        h.skipped[shown] = "permission denied"


def unlock(h: Hostile) -> None:
    """Give the unreadable entries their permissions back (so tmp dirs can be removed)."""
    for path in h.unreadable.values():
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def fingerprint(root: Path) -> str:
    """A hash of everything under ``root``: names, kinds, modes, sizes, contents, link targets.

    Does not follow symlinks; reads unreadable entries only if the caller can.
    """
    digest = hashlib.sha256()
    top = os.fsencode(root)
    for folder, dirs, files in os.walk(top, followlinks=False):
        dirs.sort()
        for name in sorted(dirs + files):
            path = os.path.join(folder, name)
            info = os.lstat(path)
            digest.update(os.path.relpath(path, top) + b"\0")
            digest.update(f"{stat.S_IFMT(info.st_mode)} {stat.S_IMODE(info.st_mode)} {info.st_size} "
                          f"{info.st_mtime_ns}\0".encode())
            if stat.S_ISLNK(info.st_mode):
                digest.update(os.readlink(path))
            elif stat.S_ISREG(info.st_mode) and info.st_size <= 4 * 1024 * 1024:
                try:
                    with open(path, "rb") as handle:
                        digest.update(hashlib.sha256(handle.read()).digest())
                except PermissionError:
                    digest.update(b"<unreadable>")
    return digest.hexdigest()
