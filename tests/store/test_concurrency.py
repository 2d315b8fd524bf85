"""Eight terminals, one SQLite file: 8 processes x 200 calls, nothing lost, never "database is locked"."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from simulator.store import open_store, queries
from simulator.store.schema import scorecards, sessions, turns

WORKER = Path(__file__).with_name("concurrency_worker.py")
PROCESSES, SESSIONS, TURNS = 8, 200, 4


def test_eight_processes_share_one_sqlite_file(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"  # created by the workers themselves: the first open races too
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    start = time.monotonic()
    procs = [subprocess.Popen([sys.executable, str(WORKER), str(db), str(w), str(SESSIONS), str(TURNS)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for w in range(PROCESSES)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    elapsed = time.monotonic() - start
    for code, err in results:
        assert "locked" not in err.lower(), err
        assert code == 0, err
    with open_store(str(db)) as store, store.read() as conn:
        assert conn.execute(select(func.count()).select_from(sessions)).scalar() == PROCESSES * SESSIONS
        assert conn.execute(select(func.count()).select_from(turns)).scalar() == PROCESSES * SESSIONS * TURNS
        assert conn.execute(select(func.count()).select_from(scorecards)).scalar() == PROCESSES * SESSIONS
        per_session = conn.execute(select(turns.c.session_id, func.count(), func.max(turns.c.idx))
                                   .group_by(turns.c.session_id)).all()
        assert all(n == TURNS and top == TURNS - 1 for _, n, top in per_session), "0 lost turns, no gaps"
        statuses = conn.execute(select(sessions.c.status).distinct()).scalars().all()
    assert statuses == ["complete"]
    with open_store(str(db)) as store:
        cohort = queries.cohort(store)
    assert sum(row["calls"] for row in cohort) == PROCESSES * SESSIONS
    print(f"{PROCESSES} x {SESSIONS} sessions in {elapsed:.1f} s")
