"""Building stored calls with exactly the figures a test wants (no scorer in the way)."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from datetime import datetime
from typing import Any

from simulator.store import converters
from simulator.store.core import Store, new_session_id
from simulator.store.journal import write_card
from simulator.store.schema import sessions, turns

STEPS = ("identity", "reminder", "negotiation", "support", "closing")
BASE_CARD: dict[str, Any] = {
    "id": "x",
    "steps": {s: {"done": True, "applicable": True, "turns": [], "tip": None} for s in STEPS},
    "step_order_ok": True,
    "violations": [],
    "tone": {"level": "good", "score": 90, "findings": []},
    "record_accurate": True,
    "outcome": {"promise_to_pay": False, "amount": None, "date": None, "debtor_final_mood": "same"},
    "overall": {"score": 80, "result": "pass", "reasons": []},
}
SCENARIO = {"product": "credit_card", "debtor_name": "王磊", "amount_due": 12350.0, "currency": "CNY",
            "days_overdue": 47}


def card(score: int, result: str = "pass", *, not_done: tuple[str, ...] = (), not_applicable: tuple[str, ...] = (),
         rules: tuple[str, ...] = (), tone: str = "good", promise: float | None = None, mood: str = "same") -> dict:
    out = copy.deepcopy(BASE_CARD)
    for s in not_done:
        out["steps"][s]["done"] = False
    for s in not_applicable:
        out["steps"][s].update(done=False, applicable=False)
    out["violations"] = [{"rule": r, "turn": i, "quote": "…", "severity": "critical", "source": "x"}
                         for i, r in enumerate(rules)]
    out["tone"]["level"] = tone
    out["outcome"].update(promise_to_pay=promise is not None, amount=promise, debtor_final_mood=mood)
    out["overall"].update(score=score, result=result)
    return out


def add_call(store: Store, trainee: str, started: datetime, scorecard: dict | None, *, mood: tuple[float, float] = (0.0, 0.0),
             affordable: float | None = 1000.0, n_turns: int = 2, status: str | None = None, persona: str = "angry",
             case: str = "cn-card-wanglei", difficulty: str | None = None) -> str:
    session_id = new_session_id()
    with store.write() as conn:
        conn.execute(sessions.insert().values(
            id=session_id, trainee_id=store.trainee_id(conn, trainee), call_id=session_id, persona=persona,
            case_id=case, difficulty=difficulty, seed=1, language="zh", scenario=converters.dumps(SCENARIO),
            started_at=converters.to_db_time(started), ended_at=None if scorecard is None else converters.to_db_time(started),
            status=status or ("complete" if scorecard else "in_progress"), mood_start=mood[0], mood_end=mood[1],
            affordable=affordable))
        conn.execute(turns.insert(), [converters.turn_row(session_id, i, {"speaker": "agent" if i % 2 else "debtor",
                                                                          "text": f"第{i}句"},
                                                          converters.to_db_time(started), None)
                                      for i in range(n_turns)])
        if scorecard is not None:
            write_card(conn, session_id, scorecard, converters.to_db_time(started))
    return session_id


def debtsim(*argv: str, stdin: str = "", env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real CLI in a fresh interpreter."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "simulator", *argv], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", env=full_env, timeout=timeout)


def cli(*argv: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``debtsim`` run in this process (no interpreter start-up, the analyser already compiled).

    Same result shape as :func:`debtsim`; the crash and concurrency tests use real processes.
    """
    import contextlib
    import io

    from simulator.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_env = {k: os.environ.get(k) for k in (env or {})}
    saved_stdin = sys.stdin
    os.environ.update(env or {})
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exc:  # argparse errors
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = saved_stdin
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return subprocess.CompletedProcess(list(argv), code, out.getvalue(), err.getvalue())
