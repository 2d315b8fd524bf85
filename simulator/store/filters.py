"""The report filters every query shares: a period on the call's start, a persona, a trainee.

Kept apart from :mod:`~simulator.store.queries` so the trainer's modules (assignments,
agreement, series) use the very same conditions without importing each other.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, true

from simulator.store import converters


def period(table: Any, since: datetime | None = None, until: datetime | None = None,
           persona: str | None = None) -> Any:
    """Rows of any table carrying ``started_at`` and ``persona``, both ends of the period included."""
    conds = []
    if since is not None:
        conds.append(table.c.started_at >= converters.to_db_time(since))
    if until is not None:
        conds.append(table.c.started_at <= converters.to_db_time(until))
    if persona is not None:
        conds.append(table.c.persona == persona)
    return and_(true(), *conds)


def scored(table: Any, trainee_id: Any = None, since: datetime | None = None, until: datetime | None = None,
           persona: str | None = None) -> Any:
    """Rows of ``scorecards`` or ``violations`` (both carry trainee, start time and persona) to report on.

    A scorecard exists only for a complete call, so no join with ``sessions`` is needed.
    """
    cond = period(table, since, until, persona)
    return cond if trainee_id is None else and_(table.c.trainee_id == trainee_id, cond)
