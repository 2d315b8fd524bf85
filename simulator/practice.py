"""A practice call with the progress store behind it: start, resume, record, finish.

``debtsim call`` and the app both run calls through here, so a call journaled by one can be
resumed by the other. No UI: callers show what they like.

A resumed call is rebuilt by replaying the journal's agent turns into a fresh
:class:`CallSession` with the stored persona, case, language, seed and difficulty: the engine
is deterministic per seed, so the debtor comes back in exactly the state it was in. Turns the
journal already holds are not written twice; a debtor reply lost to a crash (the agent's line
was stored, the reply was not) is regenerated and stored.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime

    from scoring.scorecard import Scorecard
    from simulator.catalog import Catalog
    from simulator.session import CallSession, Record
    from simulator.store.core import Store
    from simulator.store.journal import Journal
    from simulator.voices.base import Voice


class PracticeError(LookupError):
    """A call cannot be started or resumed; ``key`` and ``slots`` are an i18n message."""

    def __init__(self, key: str, **slots: object) -> None:
        self.key, self.slots = key, slots
        super().__init__(key)

    def message(self, lang: str) -> str:
        from simulator.i18n import t

        slots = dict(self.slots)
        if "status" in slots:  # a session status word, said in the reader's language
            slots["status"] = t(f"status.{slots['status']}", lang)
        return t(self.key, lang, **slots)


@dataclass(frozen=True)
class CallSpec:
    """What to practise: a persona against a case, in a language, at a difficulty."""

    persona: str
    case: str
    lang: str = "zh"
    difficulty: str | None = None
    seed: int | None = None  # None: a fresh random seed (it is stored, so the call replays)
    voice: str = "template"
    max_minutes: float | None = None

    def with_seed(self) -> CallSpec:
        if self.seed is not None:
            return self
        return replace(self, seed=random.SystemRandom().randrange(1_000_000))


@dataclass
class Practice:
    """One journaled call: the session, and the journal that stores each turn as it is kept."""

    spec: CallSpec
    session: CallSession
    journal: Journal | None
    trainee: str
    resumed_turns: int = 0  # turns that were already stored when this call was resumed
    diverged_at: int | None = None  # a replayed turn that came out different (catalog edited since)
    card: Scorecard | None = field(default=None, repr=False)

    @property
    def session_id(self) -> str | None:
        return None if self.journal is None else self.journal.session_id

    def record(self, outcome: str, amount: Any = None, when: Any = None, notes: str = "") -> Record:
        """File (or re-file) the call record and store it; ``RecordError`` names a bad field."""
        record = self.session.file_record(outcome, amount, when, notes)
        self.keep_record(record)
        return record

    def keep_record(self, record: Record) -> None:
        """Store a record already filed on the session (``debtsim call``'s ``/record``)."""
        if self.journal is not None:
            self.journal.record(record.as_json())

    def finish(self) -> Scorecard:
        """End the call, score it and store the scorecard; the card is kept on ``self.card``."""
        self.session.end()
        card = self.session.scorecard()
        if self.journal is not None:
            record = None if self.session.record is None else self.session.record.as_json()
            self.journal.finish(card.to_dict(), record, self.session.summary())
        self.card = card
        return card

    def abandon(self) -> None:
        """Keep an unfinished call as ``abandoned``: it can be resumed later."""
        if self.journal is not None and self.card is None:
            self.journal.abandon()


def new_session(catalog: Catalog, spec: CallSpec, voice: Voice | None = None,
                clock: Callable[[], float] = time.monotonic) -> CallSession:
    """A fresh (unjournaled) session; ``KeyError`` names an unknown persona or case."""
    from simulator.session import CallSession  # the engine: not loaded by those that only need a CallSpec

    persona, case = catalog.persona(spec.persona), catalog.case(spec.case)
    return CallSession(persona, case, spec.lang, seed=spec.seed or 0, difficulty=spec.difficulty, voice=voice,
                       max_minutes=spec.max_minutes, clock=clock)


def start(store: Store | None, catalog: Catalog, spec: CallSpec, trainee: str,
          voice: Voice | None = None, clock: Callable[[], float] = time.monotonic,
          at: datetime | None = None) -> Practice:
    """A new call, journaled from its first turn (``store=None``: not stored, e.g. a trainer's test).

    ``at`` dates the stored call in the past (demo data: :mod:`simulator.store.demo`).
    """
    from simulator.store.journal import Journal

    spec = spec.with_seed()
    session = new_session(catalog, spec, voice, clock)
    journal = None
    if store is not None:
        journal = Journal.start(store, session, trainee, voice=spec.voice, difficulty=spec.difficulty, at=at)
        journal.attach(session)
    return Practice(spec, session, journal, trainee)


def load(store: Store, session_id: str) -> dict[str, Any]:
    """The stored call ``session_id`` if it can be resumed; :class:`PracticeError` otherwise."""
    from simulator.store import queries

    loaded = queries.load_session(store, session_id)
    if loaded is None:
        raise PracticeError("store.no_session", id=session_id, where=store.where)
    row = loaded["row"]
    if row["status"] == "complete" or row["case_id"] is None or row["persona"] is None:
        raise PracticeError("call.resume_done", id=session_id, status=row["status"])
    return loaded


def spec_of(loaded: dict[str, Any]) -> CallSpec:
    """The settings a stored call was made with."""
    row = loaded["row"]
    return CallSpec(row["persona"], row["case_id"], row["language"], row["difficulty"], row["seed"],
                    row["voice"] or "template")


def resume(store: Store, catalog: Catalog, loaded: dict[str, Any], voice: Voice | None = None,
           clock: Callable[[], float] = time.monotonic) -> Practice:
    """Rebuild the stored call ``loaded`` (from :func:`load`) and go on journaling it."""
    from simulator.store.journal import Journal

    spec = spec_of(loaded)
    session = new_session(catalog, spec, voice, clock)
    stored = loaded["turns"]
    journal = Journal.reopen(store, loaded["row"]["id"], len(stored))
    journal.attach(session, skip=len(stored))
    diverged = replay(session, stored)
    record = loaded["record"]
    if record:
        session.file_record(record["outcome"], record.get("promised_amount"), record.get("promised_date"),
                            record.get("notes", ""))
    return Practice(spec, session, journal, loaded["trainee"], len(stored), diverged)


def replay(session: CallSession, stored: list[dict[str, Any]]) -> int | None:
    """Play the stored agent turns into ``session``; the first turn that came out different, if any."""
    diverged: list[int] = []

    def compare(turn: dict[str, Any]) -> None:
        index = len(session.turns) - 1
        if index < len(stored) and stored[index]["text"] != turn["text"] and not diverged:
            diverged.append(index)

    session.on_turn.append(compare)
    try:
        _ = session.pick_up().text
        for turn in stored:
            if turn["speaker"] == "agent" and not session.over:
                _ = session.say(turn["text"]).text
    finally:
        session.on_turn.remove(compare)
    return diverged[0] if diverged else None


def mood_trace(catalog: Catalog, loaded: dict[str, Any]) -> list[float]:
    """The debtor's mood after each of their turns in a stored call, rebuilt by replay.

    Empty when the call cannot be replayed (an imported call, or a persona since removed).
    """
    row = loaded["row"]
    if row["persona"] is None or row["case_id"] is None or row["seed"] is None:
        return []
    try:
        session = new_session(catalog, spec_of(loaded))
    except KeyError:
        return []
    replay(session, loaded["turns"])
    return list(session.moods)
