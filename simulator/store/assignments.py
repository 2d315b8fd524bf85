"""Assignments: a trainer sets a persona + case (+ difficulty) to one trainee or to everyone.

Whether an assignment is done is never stored: it is read from the calls. A trainee has done
it when they have a complete, scored call with that persona and case (and that difficulty,
when the assignment names one) that started at or after the assignment was made. So a call
that is deleted, re-imported or scored later changes the answer by itself, and an assignment
to everyone (``trainee_id`` NULL) applies to trainees who join later without a row per trainee.

A session's difficulty is what the trainee picked (NULL: the persona's own level); an
assignment naming a difficulty counts only calls played at exactly that one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Integer, and_, case, func, or_, select
from sqlalchemy.sql import ColumnElement

from simulator.store import converters
from simulator.store.core import Store, utcnow
from simulator.store.schema import assignments, scorecards, sessions, trainees

DIFFICULTIES = ("easy", "medium", "hard")
_CALLS = sessions.join(scorecards, scorecards.c.session_id == sessions.c.id)


def add_assignment(store: Store, persona: str, case: str, difficulty: str | None, trainee: str | None,
                   trainer: str, due: date | None = None, note: str = "") -> int:
    """Assign ``persona`` + ``case`` to ``trainee`` (``None``: everyone); returns the new id.

    The store does not know the catalog: the caller checks that the persona and case exist.
    ``ValueError`` for an empty persona/case/trainer or an unknown difficulty.
    """
    persona, case, trainer = persona.strip(), case.strip(), trainer.strip()
    if not (persona and case and trainer):
        raise ValueError("persona, case and trainer are required")
    if difficulty is not None and difficulty not in DIFFICULTIES:
        raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}, not {difficulty!r}")
    name = None if trainee is None else trainee.strip()
    if name == "":
        raise ValueError("trainee name is empty (None assigns to everyone)")
    with store.write() as conn:
        trainee_id = None if name is None else store.trainee_id(conn, name)
        result = conn.execute(assignments.insert().values(
            persona=persona, case_id=case, difficulty=difficulty, trainee_id=trainee_id, trainer=trainer,
            created_at=utcnow(), due=due, note=note or ""))
        return int(result.inserted_primary_key[0])


def remove_assignment(store: Store, assignment_id: int) -> bool:
    """Delete one assignment; ``False`` when there was none with that id."""
    with store.write() as conn:
        return conn.execute(assignments.delete().where(assignments.c.id == int(assignment_id))).rowcount > 0


def _completes(trainee_id: Any) -> ColumnElement[bool]:
    """Calls (``sessions`` joined to ``scorecards``) by ``trainee_id`` that complete the outer assignment row."""
    a, s = assignments.c, sessions.c
    return and_(s.trainee_id == trainee_id, s.status == "complete", s.persona == a.persona, s.case_id == a.case_id,
                or_(a.difficulty.is_(None), s.difficulty == a.difficulty), s.started_at >= a.created_at)


def _base(row: Any) -> dict[str, Any]:
    return {"id": int(row["id"]), "persona": row["persona"], "case": row["case_id"], "difficulty": row["difficulty"],
            "trainee": row["trainee"], "trainer": row["trainer"], "created": converters.aware(row["created_at"]),
            "due": _day(row["due"]), "note": row["note"]}


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def assignments_for(store: Store, trainee: str) -> list[dict[str, Any]]:
    """What ``trainee`` has been assigned (by name or as everyone), not-done first, then oldest first.

    Each: ``id, persona, case, difficulty, trainee`` (``None``: everyone), ``trainer, created``
    (aware UTC), ``due`` (date or None), ``note, done, session_id`` (the first call that
    completed it) and ``score`` (the best score among the calls that did).
    """
    with store.read() as conn:
        trainee_id = store.find_trainee(conn, trainee)
        who = -1 if trainee_id is None else trainee_id
        first = (select(sessions.c.id).select_from(_CALLS).where(_completes(who))
                 .order_by(sessions.c.started_at, sessions.c.id).limit(1).correlate(assignments).scalar_subquery())
        best = (select(func.max(scorecards.c.score)).select_from(_CALLS).where(_completes(who))
                .correlate(assignments).scalar_subquery())
        query = (select(assignments, trainees.c.name.label("trainee"), first.label("session_id"), best.label("score"))
                 .outerjoin(trainees, trainees.c.id == assignments.c.trainee_id)
                 .where(or_(assignments.c.trainee_id.is_(None), assignments.c.trainee_id == who)))
        rows = conn.execute(query).mappings().all()
    out = []
    for row in rows:
        item = _base(row)
        item.update(done=row["session_id"] is not None, session_id=row["session_id"],
                    score=None if row["score"] is None else int(row["score"]))
        out.append(item)
    out.sort(key=lambda r: (r["done"], r["created"], r["id"]))
    return out


def list_assignments(store: Store) -> list[dict[str, Any]]:
    """Every assignment for the trainer, newest first, with ``done_by`` of ``of`` trainees.

    ``of`` is 1 for a named trainee and, for everyone, every trainee the store knows now.
    """
    done_by = (select(func.count(sessions.c.trainee_id.distinct())).select_from(_CALLS)
               .where(_completes(func.coalesce(assignments.c.trainee_id, sessions.c.trainee_id)))
               .correlate(assignments).scalar_subquery())
    everyone = select(func.count()).select_from(trainees).scalar_subquery()
    of = case((assignments.c.trainee_id.is_(None), everyone), else_=1).cast(Integer)
    query = (select(assignments, trainees.c.name.label("trainee"), done_by.label("done_by"), of.label("of"))
             .outerjoin(trainees, trainees.c.id == assignments.c.trainee_id)
             .order_by(assignments.c.created_at.desc(), assignments.c.id.desc()))
    with store.read() as conn:
        rows = conn.execute(query).mappings().all()
    return [{**_base(row), "done_by": int(row["done_by"] or 0), "of": int(row["of"] or 0)} for row in rows]
