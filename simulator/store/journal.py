"""The journal of a live call: each turn is written, in its own transaction, as it is kept.

``CallSession`` calls :meth:`Journal.on_turn` from ``on_turn`` when it keeps a turn: the
agent's turn before the debtor steps, the debtor's before ``debtsim call`` shows a word of
it. A committed SQLite transaction in WAL mode survives ``kill -9``, so whatever the
trainee has seen on screen is in the database (``tests/store/test_crash.py``). Elia and
oterm save after the reply and lose it on a crash; this is the difference.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select

from simulator.store import converters
from simulator.store.core import Store, new_session_id, utcnow
from simulator.store.schema import scorecard_documents, scorecards, sessions, turns, violations

if TYPE_CHECKING:
    from simulator.session import CallSession

# The SET clause comes from the parameters given; the statement compiles once per set of columns.
_UPDATE_SESSION = sessions.update().where(sessions.c.id == bindparam("_id"))
_SESSION_FACTS = (select(sessions.c.id, sessions.c.trainee_id, sessions.c.started_at, sessions.c.persona,
                         sessions.c.mood_start, sessions.c.mood_end, sessions.c.affordable)
                  .where(sessions.c.id == bindparam("_id")))


class Journal:
    """Writes one call into the store: :meth:`start` (or :meth:`reopen`), turns, record, :meth:`finish`."""

    def __init__(self, store: Store, session_id: str, next_index: int = 0, shift: timedelta = timedelta()) -> None:
        self.store, self.session_id, self.next_index = store, session_id, next_index
        self.shift = shift  # added to every time written: a call dated in the past (demo data)
        self._agent_kept_at: float | None = None

    def now(self) -> datetime:
        """The time to write (naive UTC): now, or now moved to the call's given start."""
        return utcnow() + self.shift

    @classmethod
    def start(cls, store: Store, session: CallSession, trainee: str, *, voice: str = "template",
              difficulty: str | None = None, at: datetime | None = None) -> Journal:
        """A new ``in_progress`` session row for ``session``; attach with :meth:`attach`.

        ``at`` (aware, or naive UTC) dates the call: its start, turns and end are written as if
        it began then, with the real time between them. Demo and test data use it; a live call
        never does, so stored times are never edited afterwards.
        """
        started = utcnow()
        shift = timedelta() if at is None else converters.to_db_time(at) - started
        session_id = new_session_id()
        debtor = session.debtor
        row = {
            "id": session_id, "call_id": session.id, "persona": session.persona.id, "case_id": session.case.id,
            "difficulty": difficulty, "seed": session.seed, "voice": voice, "language": session.lang,
            "scenario": converters.dumps(session.case.scenario(session.lang)), "started_at": started + shift,
            "status": "in_progress", "mood_start": float(debtor.state.mood),
            "affordable": float(debtor.profile.means.lump_sum_now),
        }
        with store.write() as conn:
            row["trainee_id"] = store.trainee_id(conn, trainee)
            conn.execute(sessions.insert(), row)
        return cls(store, session_id, shift=shift)

    @classmethod
    def reopen(cls, store: Store, session_id: str, next_index: int) -> Journal:
        """Go on journaling a resumed call after its ``next_index`` stored turns."""
        with store.write() as conn:
            conn.execute(sessions.update().where(sessions.c.id == session_id)
                         .values(status="in_progress", ended_at=None))
        return cls(store, session_id, next_index)

    def attach(self, session: CallSession, *, skip: int = 0) -> None:
        """Listen to ``session``'s turns; the first ``skip`` kept turns are already stored (a replay)."""
        remaining = [skip]

        def listener(turn: dict[str, Any]) -> None:
            if remaining[0] > 0:
                remaining[0] -= 1
                if turn["speaker"] == "agent":
                    self._agent_kept_at = time.perf_counter()
                return
            self.on_turn(turn)

        session.on_turn.append(listener)

    def on_turn(self, turn: Mapping[str, Any]) -> None:
        now = time.perf_counter()
        latency = None
        if turn["speaker"] == "agent":
            self._agent_kept_at = now
        elif self._agent_kept_at is not None:
            latency = (now - self._agent_kept_at) * 1000
            self._agent_kept_at = None
        row = converters.turn_row(self.session_id, self.next_index, turn, self.now(), latency)
        with self.store.write() as conn:
            # Parameters, not .values(**row): the compiled INSERT is cached, ~1 ms less per turn.
            conn.execute(turns.insert(), row)
        self.next_index += 1

    def record(self, record: Mapping[str, Any] | None) -> None:
        """The call record as filed so far (re-filing replaces it)."""
        with self.store.write() as conn:
            conn.execute(_UPDATE_SESSION, {"_id": self.session_id,
                                           "record": None if record is None else converters.dumps(record)})

    def finish(self, card: Mapping[str, Any], record: Mapping[str, Any] | None = None,
               debtor: Mapping[str, Any] | None = None) -> None:
        """Mark the call complete and store its scorecard, in one transaction."""
        store_card(self.store, self.session_id, card, record=record, debtor=debtor, at=self.now())

    def abandon(self) -> None:
        with self.store.write() as conn:
            conn.execute(_UPDATE_SESSION, {"_id": self.session_id, "status": "abandoned", "ended_at": self.now()})


def store_card(store: Store, session_id: str, card: Mapping[str, Any], *, record: Mapping[str, Any] | None = None,
               debtor: Mapping[str, Any] | None = None, at: datetime | None = None) -> None:
    """Complete session ``session_id`` with ``card``, in one transaction (``at``: when, naive UTC; default now)."""
    at = at or utcnow()
    values: dict[str, Any] = {"status": "complete", "ended_at": at,
                              "record": None if record is None else converters.dumps(record)}
    if debtor is not None:
        values["debtor"] = converters.dumps(debtor)
        values["mood_end"] = debtor.get("mood")
    with store.write() as conn:
        conn.execute(_UPDATE_SESSION, {"_id": session_id, **values})
        write_card(conn, session_id, card, at)


def write_card(conn: Any, session_id: str, card: Mapping[str, Any], scored_at: Any) -> None:
    """(Re)place the scorecard rows of ``session_id``; the card's ``id`` becomes the session id."""
    card = {**card, "id": session_id}
    session = conn.execute(_SESSION_FACTS, {"_id": session_id}).mappings().one()
    for table in (scorecards, scorecard_documents, violations):
        conn.execute(table.delete().where(table.c.session_id == bindparam("_id")), {"_id": session_id})
    conn.execute(scorecards.insert(), converters.card_row(session, card, scored_at))
    conn.execute(scorecard_documents.insert(), {"session_id": session_id, "card": converters.dumps(card)})
    rows = converters.violation_rows(session, card)
    if rows:
        conn.execute(violations.insert(), rows)
