"""kill -9 in the middle of ``debtsim call``: nothing shown is lost, and ``--resume`` finishes the same call.

The call runs in a real subprocess fed through a pipe, as a trainee's terminal would; it
is killed with SIGKILL at random points (right after a reply, or while a reply is being
typed out). ``DEBTSIM_CRASH_SEED`` replays a failing draw.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_helpers import debtsim

from simulator.store import open_store, queries

SCRIPT = Path(__file__).resolve().parents[1] / "data" / "scripts" / "model-cooperative-zh.txt"
LINES = [x for x in SCRIPT.read_text("utf-8").splitlines() if x and not x.startswith("#")]
AGENT = [x for x in LINES if not x.startswith("/")]
CALL = ("call", "--persona", "cooperative", "--case", "cn-card-wanglei", "--seed", "0", "--trainee", "kim")
PREFIX = "客户："
SEED = int(os.environ.get("DEBTSIM_CRASH_SEED", random.SystemRandom().randrange(1_000_000)))


class Terminal:
    """A ``debtsim call`` subprocess and everything it has shown so far."""

    def __init__(self, db: Path) -> None:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "DEBTSIM_TYPING_DELAY": "0.004"}
        self.proc = subprocess.Popen([sys.executable, "-m", "simulator", *CALL, "--db", str(db)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self.shown = b""

    def read_until(self, done, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not done(self.shown.decode("utf-8", "ignore")):
            assert time.monotonic() < deadline, self.shown.decode("utf-8", "ignore")
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                assert chunk, "debtsim call ended early: " + self.shown.decode("utf-8", "ignore")
                self.shown += chunk

    def replies(self, text: str | None = None) -> tuple[int, bool]:
        """(complete replies shown, whether one is half shown)."""
        text = self.shown.decode("utf-8", "ignore") if text is None else text
        lines = text.split("\n")
        complete = sum(1 for x in lines[:-1] if x.startswith(PREFIX))
        return complete, lines[-1].startswith(PREFIX) and len(lines[-1]) > len(PREFIX)

    def say(self, line: str) -> None:
        self.proc.stdin.write((line + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    def kill(self) -> str:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        rest = self.proc.stdout.read()  # what was already in the pipe was on screen too
        self.shown += rest
        return self.shown.decode("utf-8", "ignore")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The same call, never killed."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    done = debtsim(*CALL, "--db", str(db), "--json", stdin="\n".join(LINES) + "\n")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(("draw", "where"), [(0, "after_turn"), (1, "mid_reply"), (2, "either")])
def test_kill_then_resume(draw: int, where: str, tmp_path: Path, reference: dict) -> None:
    rng = random.Random(SEED * 10 + draw)
    if where == "either":
        where = rng.choice(["after_turn", "mid_reply"])
    kill_at = rng.randrange(0 if where == "mid_reply" else 1, len(AGENT))  # agent lines said before the kill
    info = f"DEBTSIM_CRASH_SEED={SEED} draw={draw} {where} after {kill_at} agent lines"
    db = tmp_path / "progress.db"
    term = Terminal(db)
    term.read_until(lambda s: term.replies(s)[0] >= 1)  # the debtor picked up
    for i in range(kill_at):
        term.say(AGENT[i])
        term.read_until(lambda s, n=i + 2: term.replies(s)[0] >= n)
    if where == "mid_reply":
        term.say(AGENT[kill_at])
        term.read_until(lambda s: term.replies(s)[1])  # some of the reply is on screen, not all of it
        time.sleep(rng.random() * 0.02)
    shown = term.kill()

    complete, partial = term.replies(shown)
    shown_replies = [x[len(PREFIX):] for x in shown.split("\n") if x.startswith(PREFIX)]
    with open_store(str(db)) as store:
        (row,) = queries.list_sessions(store, "kim")
        loaded = queries.load_session(store, row["id"])
    assert row["status"] == "in_progress", info
    debtor = [t["text"] for t in loaded["turns"] if t["speaker"] == "debtor"]
    agent = [t["text"] for t in loaded["turns"] if t["speaker"] == "agent"]
    # Every reply shown, whole or in part, is stored whole; every line that got a reply is stored.
    assert debtor[:complete] == shown_replies[:complete], info
    if partial:
        assert debtor[complete].startswith(shown_replies[complete]), info
    said = complete + int(partial) - 1
    assert agent[:said] == AGENT[:said], info

    resumed = debtsim("call", "--resume", row["id"], "--db", str(db), "--json",
                      stdin="\n".join(LINES[len(agent):]) + "\n")
    assert resumed.returncode == 0, resumed.stderr
    out = json.loads(resumed.stdout)
    assert out["scorecard"] == reference["scorecard"], info
    assert out["turns"] == reference["turns"] and out["record"] == reference["record"], info
    assert out["debtor"] == reference["debtor"], info
    with open_store(str(db)) as store:
        loaded = queries.load_session(store, row["id"])
        progress = queries.progress(store, "kim")
    assert loaded["row"]["status"] == "complete"
    assert [t["text"] for t in loaded["turns"]] == [t["text"] for t in reference["turns"]], "no turn stored twice"
    assert loaded["scorecard"] == {**reference["scorecard"], "id": row["id"]}
    assert progress["calls"] == 1, "the trainee's progress survived the kill"
