"""One browser tab's app under ``debtsim serve``: bare ``debtsim`` with the same argv, plus a watchdog.

textual-serve ends a tab's app by a message on its stdin. If the server itself dies without
sending it (``kill -9``, the OOM killer), Textual's web driver only stops reading input and the
app would live on, orphaned, holding memory and a database connection. The watchdog notices
that the server (our parent) is gone and ends the app as the server would have.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

WATCH_EVERY_S = 1.0


def watch_parent(parent: int, every: float = WATCH_EVERY_S) -> None:
    """Send ourselves SIGTERM once ``parent`` is no longer our parent (the web driver quits on it)."""
    while os.getppid() == parent:
        time.sleep(every)
    os.kill(os.getpid(), signal.SIGTERM)


def main() -> int:
    from simulator.cli import main as debtsim

    if os.name != "nt":  # no re-parenting to watch for on Windows
        threading.Thread(target=watch_parent, args=(os.getppid(),), name="debtsim-serve-watchdog", daemon=True).start()
    return debtsim(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
