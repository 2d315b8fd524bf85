"""One terminal of the concurrency test: ``python concurrency_worker.py DB WORKER SESSIONS TURNS``.

Journals SESSIONS calls of TURNS turns each through the real :class:`Journal`, as fast as it
can, into the shared database. The debtor engine is left out (its cost is not the store's):
a minimal stand-in gives the journal what it reads from a ``CallSession``.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

from simulator.store import open_store
from simulator.store.journal import Journal

CARD = {
    "id": "x",
    "steps": {s: {"done": True, "applicable": True, "turns": [], "tip": None}
              for s in ("identity", "reminder", "negotiation", "support", "closing")},
    "step_order_ok": True, "violations": [{"rule": "CN-INSULT", "turn": 1, "quote": "…", "severity": "critical",
                                           "source": "x"}],
    "tone": {"level": "good", "score": 90, "findings": []}, "record_accurate": True,
    "outcome": {"promise_to_pay": True, "amount": 100.0, "date": "2026-03-07", "debtor_final_mood": "calmer"},
    "overall": {"score": 80, "result": "pass", "reasons": []},
}


def fake_session(worker: int, n: int) -> SimpleNamespace:
    case = SimpleNamespace(id="cn-card-wanglei", scenario=lambda lang: {"product": "credit_card", "debtor_name": "王磊",
                                                                        "amount_due": 100.0, "currency": "CNY",
                                                                        "days_overdue": 3})
    debtor = SimpleNamespace(state=SimpleNamespace(mood=0.1), profile=SimpleNamespace(
        means=SimpleNamespace(lump_sum_now=1000.0)))
    return SimpleNamespace(id=f"w{worker}-{n}", persona=SimpleNamespace(id="angry"), case=case, seed=n, lang="zh",
                           debtor=debtor, on_turn=[])


def main() -> int:
    db, worker, sessions, n_turns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    with open_store(db) as store:
        for n in range(sessions):
            session = fake_session(worker, n)
            journal = Journal.start(store, session, f"trainee-{worker % 4}")
            for i in range(n_turns):
                speaker = "agent" if i % 2 else "debtor"
                journal.on_turn({"speaker": speaker, "text": f"w{worker} s{n} t{i} 您好", "intent": None})
            journal.finish(CARD, {"outcome": "promise_to_pay"}, {"mood": 0.5})
    return 0


if __name__ == "__main__":
    sys.exit(main())
