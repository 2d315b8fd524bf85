"""Chart data: one trainee's scores over time, and the cohort's calls per day.

Days are the viewer's days, not UTC's: a call at 07:00 in Shanghai is 23:00 UTC the day
before. ``cohort_daily`` therefore groups in SQL by UTC hour (``extract``, which SQLAlchemy
compiles for each dialect: ``EXTRACT`` on PostgreSQL, ``strftime`` on SQLite) and folds the
hours into local days here: at most 24 small rows a day cross into Python, never the calls.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from typing import Any

from sqlalchemy import extract, func, select

from simulator.store import converters, filters
from simulator.store.core import Store
from simulator.store.schema import scorecards


def score_series(store: Store, trainee: str, since: datetime | None = None, until: datetime | None = None,
                 persona: str | None = None) -> list[dict[str, Any]]:
    """``trainee``'s scored calls, oldest first (a trend chart).

    Each: ``started`` (aware UTC), ``score``, ``passed`` (bool), ``persona``, ``session_id``.
    """
    sc = scorecards.c
    with store.read() as conn:
        trainee_id = store.find_trainee(conn, trainee)
        if trainee_id is None:
            return []
        rows = conn.execute(select(sc.session_id, sc.started_at, sc.score, sc.passed, sc.persona)
                            .where(filters.scored(scorecards, trainee_id, since, until, persona))
                            .order_by(sc.started_at, sc.session_id)).mappings().all()
    return [{"started": converters.aware(r["started_at"]), "score": int(r["score"]), "passed": bool(r["passed"]),
             "persona": r["persona"], "session_id": r["session_id"]} for r in rows]


def cohort_daily(store: Store, since: datetime | None = None, until: datetime | None = None,
                 persona: str | None = None, tz: tzinfo | None = None) -> list[dict[str, Any]]:
    """Every trainee's scored calls per day, oldest first: ``day`` (a date in ``tz``), ``calls``,
    ``average`` and ``pass_rate``. Days without calls are left out. ``tz``: default the machine's zone.
    """
    sc = scorecards.c
    parts = {field: extract(field, sc.started_at) for field in ("year", "month", "day", "hour")}
    query = (select(*(part.label(field) for field, part in parts.items()), func.count().label("calls"),
                    func.sum(sc.score).label("score"), func.sum(sc.passed).label("passed"))
             .where(filters.scored(scorecards, None, since, until, persona))
             .group_by(*parts.values()))
    with store.read() as conn:
        rows = conn.execute(query).mappings().all()
    zone = tz or datetime.now().astimezone().tzinfo or UTC
    days: dict[date, list[float]] = {}
    for r in rows:
        hour = datetime(int(r["year"]), int(r["month"]), int(r["day"]), int(r["hour"]), tzinfo=UTC)
        totals = days.setdefault(hour.astimezone(zone).date(), [0, 0.0, 0.0])
        totals[0] += int(r["calls"])
        totals[1] += float(r["score"] or 0)
        totals[2] += float(r["passed"] or 0)
    return [{"day": day, "calls": int(n), "average": score / n, "pass_rate": passed / n}
            for day, (n, score, passed) in sorted(days.items())]
