"""What the trainer panes read and write, behind plain functions of :class:`Services`.

Everything here blocks (SQL, YAML), so panes call it from thread workers only. Kept apart
from ``services.py`` so the trainee's half of the app never imports the trainer's queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from simulator.app.services import Services


@dataclass(frozen=True)
class CohortFilter:
    """The dashboard's filters: a date range (local days, both ends included) and a persona."""

    since: date | None = None
    until: date | None = None
    persona: str | None = None

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """The range as aware datetimes: from the start of ``since`` to the end of ``until``."""
        local = datetime.now().astimezone().tzinfo or UTC
        start = datetime.combine(self.since, time.min, local) if self.since else None
        end = datetime.combine(self.until, time.max, local) if self.until else None
        return start, end


@dataclass(frozen=True)
class CohortView:
    """One load of the dashboard: a row per trainee, the cohort per day, the scorer's agreement."""

    rows: list[dict[str, Any]]
    daily: list[dict[str, Any]]
    agreement: dict[str, Any]
    personas: list[str]


def cohort(services: Services, where: CohortFilter) -> CohortView:
    from simulator.store import queries

    since, until = where.bounds()
    store = services.store
    rows = queries.cohort(store, since=since, until=until, persona=where.persona)
    daily = queries.cohort_daily(store, since=since, until=until, persona=where.persona)
    agreement = queries.review_agreement(store, since=since)
    return CohortView(rows, daily, agreement, sorted(services.catalog.personas))


def trainee_names(services: Services) -> list[str]:
    """Everyone who has trained here, by name (the assignment form's choices)."""
    from simulator.store import queries

    return queries.trainee_names(services.store)


def add_review(services: Services, session_id: str, finding: str, verdict: str, comment: str,
               trainer: str) -> tuple[dict[str, Any], ...]:
    """Store a trainer's verdict on one finding; returns the call's reviews, oldest first."""
    from simulator.store import queries

    queries.add_review(services.store, session_id, finding, verdict, comment, trainer)
    return tuple(queries.reviews_for(services.store, session_id))


def assignments(services: Services) -> list[dict[str, Any]]:
    from simulator.store import queries

    return queries.list_assignments(services.store)


def assign(services: Services, persona: str, case: str, difficulty: str | None, trainee: str | None,
           trainer: str, due: date | None, note: str) -> int:
    from simulator.store import queries

    return queries.add_assignment(services.store, persona, case, difficulty, trainee, trainer, due, note)


def unassign(services: Services, assignment_id: int) -> bool:
    from simulator.store import queries

    return queries.remove_assignment(services.store, assignment_id)


def parse_day(text: str) -> date | None:
    """``YYYY-MM-DD`` (or empty) from a filter field; ``ValueError`` for anything else."""
    text = text.strip()
    return date.fromisoformat(text) if text else None
