"""Run the installed ``newsreader`` in a real pseudo-terminal and read its screen back.

:class:`Terminal` starts the command on a fresh pty (its controlling terminal, with a
window size), keeps every byte the program writes (``raw``), and feeds them to a VT
emulator (pyte) so tests can read the screen as a person would. Keys are typed as a
terminal sends them. Nothing sleeps for a fixed time: :meth:`Terminal.wait_for` polls
the screen until the text appears or a deadline passes (then it fails with the screen).
"""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Self

import pyte

DEADLINE = float(os.environ.get("NEWSREADER_PTY_DEADLINE", "20"))

KEYS = {
    "enter": b"\r",
    "escape": b"\x1b",
    "tab": b"\t",
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "ctrl+f": b"\x06",
    "ctrl+u": b"\x15",
    "backspace": b"\x7f",
}


def newsreader_command() -> list[str]:
    """The installed console script (next to this interpreter), else ``python -m newsreader``."""
    script = Path(sys.executable).with_name("newsreader")
    if script.exists():
        return [str(script)]
    found = shutil.which("newsreader")
    return [found] if found else [sys.executable, "-m", "newsreader"]


def without_file_privileges() -> list[str] | None:
    """A command prefix that makes file permissions bite, or None if none is possible.

    Not root: nothing is needed (``[]``). Root: ``setpriv`` (util-linux) drops the
    capabilities that let root read anything (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH),
    so a file of mode 000 is unreadable to it as to anyone, while root keeps reaching
    its own 0700 home (where the interpreter may live).
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    caps = "-dac_override,-dac_read_search"
    prefix = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]
    with tempfile.NamedTemporaryFile() as locked:
        os.chmod(locked.name, 0)
        probe = subprocess.run([*prefix, "test", "-r", locked.name], check=False, capture_output=True)
    return prefix if probe.returncode == 1 else None


class Terminal:
    """One program on one pty of ``columns`` x ``lines``."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str], *, columns: int = 120, lines: int = 40,
                 cwd: Path | None = None) -> None:
        self.columns, self.lines = columns, lines
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.settings_before = termios.tcgetattr(self.slave)
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self._lock = threading.Lock()
        full_env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8", **env}

        def child_setup() -> None:
            # Make the pty the controlling terminal of the new session, as a terminal
            # emulator does (so the app gets SIGWINCH and job control like a real one).
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            list(argv), stdin=self.slave, stdout=self.slave, stderr=self.slave, env=full_env, cwd=cwd,
            start_new_session=True, preexec_fn=child_setup, close_fds=True)  # noqa: PLW1509 - one ioctl
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- output -------------------------------------------------------------------------
    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.1)
                if not ready:
                    if self.process.poll() is not None and not self._pending():
                        return
                    continue
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the other side is gone
                return
            if not chunk:
                return
            with self._lock:
                self.raw.extend(chunk)
                self.stream.feed(chunk)

    def _pending(self) -> bool:
        ready, _, _ = select.select([self.master], [], [], 0.05)
        return bool(ready)

    def text(self) -> str:
        """The screen as lines of text."""
        with self._lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, *needles: str, timeout: float = DEADLINE, absent: bool = False) -> str:
        """Poll until every needle is on screen (or, with ``absent``, none is); returns the screen."""
        return self.wait_until(lambda s: all((n in s) != absent for n in needles),
                               f"{'absence of ' if absent else ''}{needles!r}", timeout)

    def wait_until(self, ready: Callable[[str], bool], what: str, timeout: float = DEADLINE) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if ready(screen):
                return screen
            if self.process.poll() is not None:
                self._reader.join(2)
                screen = self.text()
                if ready(screen):
                    return screen
                raise AssertionError(f"newsreader exited ({self.process.returncode}) while waiting for {what}:\n"
                                     f"{screen}\n--- raw tail ---\n{bytes(self.raw[-2000:])!r}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what}; screen:\n{screen}")
            time.sleep(0.05)

    def press_until(self, key: str, *needles: str, timeout: float = DEADLINE) -> str:
        """Press ``key`` until every needle shows: a key typed while the app is still
        starting (or a screen is still opening) may be dropped, as a person would see."""
        deadline = time.monotonic() + timeout
        while True:
            self.press(key)
            try:
                return self.wait_for(*needles, timeout=min(2.0, max(deadline - time.monotonic(), 0.1)))
            except AssertionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise

    # -- input --------------------------------------------------------------------------
    def press(self, *keys: str) -> None:
        """Type keys: names from KEYS, or literal text."""
        for key in keys:
            os.write(self.master, KEYS.get(key, key.encode()))
            if key == "escape":
                # A lone ESC is told apart from an escape sequence by what follows it;
                # give the app a moment so the next key is not read as Alt+key.
                time.sleep(0.15)

    # -- ending -------------------------------------------------------------------------
    def wait_exit(self, timeout: float = DEADLINE) -> int:
        """Wait for the program to end and for its last bytes; returns its exit status."""
        code = self.process.wait(timeout)
        self._reader.join(timeout)
        return code

    def quit(self, key: str = "q", timeout: float = DEADLINE) -> int:
        """Press ``key`` (again, if a key was eaten: e.g. read as Alt+q right after Esc)
        until the program ends; returns its exit status."""
        deadline = time.monotonic() + timeout
        while True:
            self.press(key)
            try:
                return self.wait_exit(timeout=2.0)
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    raise

    def settings_after(self) -> list:  # type: ignore[type-arg]
        return termios.tcgetattr(self.slave)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        self._reader.join(5)
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
