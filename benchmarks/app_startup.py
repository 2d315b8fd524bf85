"""Time bare ``debtsim`` in a real terminal: launch to the first painted home screen, and to ready.

    python benchmarks/app_startup.py [--runs 5] [--lang zh]

Each run starts ``python -m simulator`` in a 100x30 pseudo-terminal (TERM=xterm-256color,
a fresh DEBTSIM_HOME), reads what it writes, and notes two moments: **painted**, when the
home screen's title is on screen (what a person sees first), and **ready**, when the
persona list is filled (the catalog and the store were loaded in a worker). Then it sends
ctrl+q and waits for the process to exit. Target: painted < 1 s.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

COLUMNS, LINES = 100, 30
PAINTED = {"zh": "开始练习", "en": "Practice"}  # the home screen's title, in the header
READY = "cn-card-wanglei"  # a case id: the lists are filled
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
TIMEOUT_S = 30.0


def launch(lang: str, home: str) -> tuple[subprocess.Popen[bytes], int]:
    """``python -m simulator --lang LANG`` on the slave side of a COLUMNS x LINES pty; returns it and the master."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(LINES),
           "DEBTSIM_HOME": home}
    env.pop("DEBTSIM_DB", None)
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "--lang", lang], stdin=slave, stdout=slave,
                            stderr=slave, env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    return proc, master


class Screen:
    """What the app has written to the terminal so far, as text (escape sequences dropped)."""

    def __init__(self, master: int) -> None:
        self.master, self.raw = master, b""

    def read(self, timeout: float) -> bool:
        """Read what is there within ``timeout`` seconds; False once the app has closed the terminal."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                self.raw += os.read(self.master, 65536)
            except OSError:  # EIO: the app is gone
                return False
        return True

    def wait_for(self, wanted: str, deadline: float) -> bool:
        while time.perf_counter() < deadline:
            if wanted in ESCAPES.sub("", self.raw.decode("utf-8", "replace")):
                return True
            if not self.read(0.02):
                return False
        return False


def one_run(lang: str) -> tuple[float, float, float]:
    """Seconds to painted, to ready, and from ctrl+q to exit."""
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        proc, master = launch(lang, home)
        screen = Screen(master)
        try:
            deadline = start + TIMEOUT_S
            if not screen.wait_for(PAINTED[lang], deadline):
                raise SystemExit(f"no home screen after {TIMEOUT_S:.0f} s")
            painted = time.perf_counter() - start
            if not screen.wait_for(READY, deadline):
                raise SystemExit(f"no persona list after {TIMEOUT_S:.0f} s")
            ready = time.perf_counter() - start
            quit_at = time.perf_counter()
            os.write(master, b"\x11")  # ctrl+q
            while proc.poll() is None and screen.read(0.02):  # drain: a full pty would block the exit
                if time.perf_counter() - quit_at > TIMEOUT_S:
                    raise SystemExit("ctrl+q did not end the app")
            proc.wait(TIMEOUT_S)
            closed = time.perf_counter() - quit_at
            if proc.returncode != 0:
                raise SystemExit(f"the app exited with {proc.returncode}")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            os.close(master)
    return painted, ready, closed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args()
    one_run(args.lang)  # warm the file cache and the bytecode
    runs = [one_run(args.lang) for _ in range(args.runs)]
    print(f"bare debtsim --lang {args.lang}, {COLUMNS}x{LINES} pty, {args.runs} runs (after one warm-up)")
    print("| moment | median | max |")
    print("| --- | ---: | ---: |")
    names = ("home screen painted", "catalog and store ready", "ctrl+q to exit")
    for name, values in zip(names, zip(*runs, strict=True), strict=True):
        print(f"| {name} | {statistics.median(values) * 1000:.0f} ms | {max(values) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
