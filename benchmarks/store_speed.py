"""The progress store: journaling one turn (p50 / p99) and ``debtsim progress --cohort`` over 10,000 calls.

    python benchmarks/store_speed.py [--db URL|PATH] [--sessions 10000] [--turns 20] [--journal 2000]

**Journal**: one turn written through :class:`simulator.store.journal.Journal` exactly as a
live call does (its own ``BEGIN IMMEDIATE`` ... ``COMMIT`` on a WAL SQLite file), timed from
the call to the commit. Target: p99 < 5 ms on SQLite.

**Cohort**: 10,000 complete sessions of 20 turns each, spread over 50 trainees and 8
personas, with their scorecards and violations, then :func:`simulator.store.queries.cohort`
(the SQL behind ``debtsim progress --cohort`` and the trainer's dashboard) timed on a warm
database, median and worst of 20 runs: unfiltered, by persona, and by persona and a week.
Target: < 50 ms for the query. Then the dashboard's other reads (``cohort_daily``,
``review_agreement``, ``list_assignments``) and the persona filter two ways: the
``persona`` column revision 0003 copied into ``scorecards`` against a join with ``sessions``
(why the column: see the figures).

With no ``--db`` a fresh SQLite file in a temporary folder is used (and removed).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import func, select

from simulator.store import converters, open_store, queries
from simulator.store.core import new_session_id
from simulator.store.journal import Journal, write_card
from simulator.store.schema import scorecards, sessions, turns

STEPS = ("identity", "reminder", "negotiation", "support", "closing")
RULES = ("CN-INSULT", "CN-THREAT", "CN-DISCLOSE", "CN-HOURS")
PERSONAS = ("angry", "cooperative", "evasive", "hardship", "confused", "disputer", "abusive", "relative")
SCENARIO = {"product": "credit_card", "debtor_name": "王磊", "amount_due": 12350.0, "currency": "CNY",
            "days_overdue": 47}


def _card(rng: random.Random) -> dict:
    promise = rng.random() < 0.5
    score = rng.randrange(20, 101)
    return {
        "id": "x",
        "steps": {s: {"done": rng.random() < 0.8, "applicable": rng.random() < 0.95, "turns": [], "tip": None}
                  for s in STEPS},
        "step_order_ok": True,
        "violations": [{"rule": rng.choice(RULES), "turn": 3, "quote": "…", "severity": "critical", "source": "x"}
                       for _ in range(rng.choice((0, 0, 0, 1, 2)))],
        "tone": {"level": rng.choice(("good", "acceptable", "poor")), "score": score, "findings": []},
        "record_accurate": rng.random() < 0.7,
        "outcome": {"promise_to_pay": promise, "amount": 2000.0 if promise else None, "date": None,
                    "debtor_final_mood": rng.choice(("calmer", "same", "angrier"))},
        "overall": {"score": score, "result": "pass" if score >= 60 else "fail", "reasons": []},
    }


def fill(store, n_sessions: int, n_turns: int, trainees: int = 50) -> None:
    rng = random.Random(6)
    batch = 500
    for first in range(0, n_sessions, batch):
        with store.write() as conn:
            ids = [store.trainee_id(conn, f"trainee-{i:02d}") for i in range(trainees)]
            session_rows, turn_rows, cards = [], [], []
            for n in range(first, min(first + batch, n_sessions)):
                sid = new_session_id()
                at = converters.to_db_time(start + timedelta(minutes=n))
                session_rows.append({
                    "id": sid, "trainee_id": ids[n % trainees], "call_id": sid, "persona": PERSONAS[n // trainees % 8],
                    "case_id": "cn-card-wanglei", "difficulty": None, "seed": n, "voice": "template",
                    "language": "zh", "scenario": converters.dumps(SCENARIO), "started_at": at, "ended_at": at,
                    "status": "complete", "record": None, "mood_start": rng.uniform(-1, 0.5),
                    "mood_end": rng.uniform(-1, 1), "affordable": 5000.0, "debtor": None})
                turn_rows.extend(converters.turn_row(sid, i, {"speaker": "agent" if i % 2 else "debtor",
                                                              "text": "您好，请问是王磊先生吗？"}, at, None)
                                 for i in range(n_turns))
                cards.append((sid, _card(rng), at))
            conn.execute(sessions.insert(), session_rows)
            conn.execute(turns.insert(), turn_rows)
            for sid, card, at in cards:
                write_card(conn, sid, card, at)


def bench_journal(store, n: int) -> list[float]:
    fake = SimpleNamespace(
        id="bench", persona=SimpleNamespace(id="angry"), seed=0, lang="zh", on_turn=[],
        case=SimpleNamespace(id="cn-card-wanglei", scenario=lambda lang: SCENARIO),
        debtor=SimpleNamespace(state=SimpleNamespace(mood=0.0), profile=SimpleNamespace(
            means=SimpleNamespace(lump_sum_now=5000.0))))
    journal = Journal.start(store, fake, "bench")
    times = []
    for i in range(n):
        turn = {"speaker": "agent" if i % 2 else "debtor", "text": "您好，我是云港银行信用卡中心的小李，请问是王磊先生吗？"}
        if i % 2 == 0:
            turn.update(intent="answer", slots={})
        t0 = time.perf_counter()
        journal.on_turn(turn)
        times.append((time.perf_counter() - t0) * 1000)
    return times


start = datetime(2026, 1, 1, tzinfo=UTC)


def timed(read, n: int = 20) -> tuple[list[float], object]:
    """Times of ``n`` warm runs of ``read`` (after one to warm caches) and its last result."""
    out = read()
    runs = []
    for _ in range(n):
        t0 = time.perf_counter()
        out = read()
        runs.append((time.perf_counter() - t0) * 1000)
    return runs, out


def compare_persona_filter(store) -> None:
    """The cohort's grouped scan filtered by persona: the copied column, and a join with ``sessions``."""
    sc = scorecards.c
    figures = (sc.trainee_id, func.count(), func.avg(sc.score), func.avg(sc.passed), func.avg(sc.violations),
               func.max(sc.started_at))
    column = select(*figures).where(sc.persona == "angry").group_by(sc.trainee_id)
    joined = (select(*figures).join(sessions, sessions.c.id == sc.session_id)
              .where(sessions.c.persona == "angry").group_by(sc.trainee_id))
    with store.read() as conn:
        for label, query in (("column", column), ("join", joined)):
            runs, _ = timed(lambda q=query: conn.execute(q).all())
            print(f"persona filter as a {label}: median {statistics.median(runs):.1f} ms")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL or SQLite path (default: a temporary SQLite file)")
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--journal", type=int, default=2000, help="turns to journal for the p99")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        with open_store(db) as store:
            times = bench_journal(store, args.journal)
            print(f"journal one turn ({store.engine.dialect.name}, {args.journal} turns): "
                  f"p50 {pct(times, 0.5):.2f} ms, p99 {pct(times, 0.99):.2f} ms, max {max(times):.2f} ms")
            t0 = time.perf_counter()
            fill(store, args.sessions, args.turns)
            print(f"filled {args.sessions} sessions x {args.turns} turns in {time.perf_counter() - t0:.1f} s")
            week = (start + timedelta(days=2), start + timedelta(days=9))
            for label, kwargs in (("all", {}), ("persona", {"persona": "angry"}),
                                  ("persona + week", {"persona": "angry", "since": week[0], "until": week[1]})):
                runs, rows = timed(lambda kw=kwargs: queries.cohort(store, **kw))
                print(f"progress --cohort query, {label} ({len(rows)} trainees, {sum(r['calls'] for r in rows)} "
                      f"calls): median {statistics.median(runs):.1f} ms, worst {max(runs):.1f} ms")
            for label, read in (("cohort_daily", lambda: queries.cohort_daily(store)),
                                ("review_agreement", lambda: queries.review_agreement(store)),
                                ("list_assignments", lambda: queries.list_assignments(store))):
                runs, _ = timed(read)
                print(f"{label}: median {statistics.median(runs):.1f} ms")
            compare_persona_filter(store)
            runs = []
            for _ in range(20):
                t0 = time.perf_counter()
                queries.progress(store, "trainee-07")
                runs.append((time.perf_counter() - t0) * 1000)
            print(f"progress (one trainee, {args.sessions // 50} calls): median {statistics.median(runs):.1f} ms")


if __name__ == "__main__":
    main()
