"""Bare ``debtsim`` in a real (pseudo-)terminal: the home screen paints, fills, and ctrl+q exits with 0.

The other app tests drive the app in-process (``run_test``); this one starts the console entry
as a person would, so the driver, the terminal size and the exit path are the real ones.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
TIMEOUT_S = 20.0


def screen_text(raw: bytes) -> str:
    return ESCAPES.sub("", raw.decode("utf-8", "replace"))


def test_bare_debtsim_starts_the_app_and_ctrl_q_quits(isolated_home: Path) -> None:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30", "DEBTSIM_HOME": str(isolated_home)}
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "--lang", "en"], stdin=slave, stdout=slave,
                            stderr=slave, env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    raw = b""

    def read(timeout: float) -> bool:
        nonlocal raw
        if select.select([master], [], [], timeout)[0]:
            try:
                raw += os.read(master, 65536)
            except OSError:  # EIO: the app closed the terminal
                return False
        return True

    try:
        deadline = time.monotonic() + TIMEOUT_S
        # "Practice" is the home screen's title (painted at once); a case id means the catalog loaded too
        while not all(s in screen_text(raw) for s in ("Practice", "cn-card-wanglei")):
            assert time.monotonic() < deadline, f"no home screen after {TIMEOUT_S:.0f} s:\n{screen_text(raw)[-2000:]}"
            assert read(0.05) and proc.poll() is None, f"debtsim ended early:\n{screen_text(raw)[-2000:]}"
        os.write(master, b"\x11")  # ctrl+q
        while proc.poll() is None and time.monotonic() < deadline + TIMEOUT_S and read(0.05):
            pass  # keep reading: a full terminal buffer would hold up the exit
        assert proc.wait(TIMEOUT_S) == 0, screen_text(raw)[-2000:]
        assert "Traceback" not in screen_text(raw)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
