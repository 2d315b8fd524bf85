"""Reading the store: the session list, one session, and the progress and cohort reports.

Reports are SQL aggregates (``avg``, ``count``, ``group by``, a ``row_number()`` window for
the trend) over the report columns of ``scorecards``: a cohort of 10,000 calls is one
grouped scan, never 10,000 JSON documents loaded into Python (``benchmarks/store_speed.py``).
Every report takes the same filters: ``since`` / ``until`` (aware datetimes, both ends
included, on the call's start) and ``persona``.

The trainer's other reads live in their own modules and are re-exported here, so callers
need one import: :mod:`~simulator.store.assignments`, :mod:`~simulator.store.agreement`
(reviews against the scorer) and :mod:`~simulator.store.series` (chart data).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from simulator.store import converters, filters, findings
from simulator.store.agreement import review_agreement
from simulator.store.assignments import add_assignment, assignments_for, list_assignments, remove_assignment
from simulator.store.core import Store
from simulator.store.schema import (
    STEPS,
    reviews,
    scorecard_documents,
    scorecards,
    sessions,
    trainees,
    turns,
    violations,
)
from simulator.store.series import cohort_daily, score_series

TREND_N = 5
"""The trend compares the last N scored calls with the N before them."""
SKILLS = (*STEPS, "tone", "compliance")


# --- sessions -------------------------------------------------------------------------


def list_sessions(store: Store, trainee: str | None = None, status: str | None = None,
                  since: datetime | None = None, limit: int | None = None, until: datetime | None = None,
                  persona: str | None = None) -> list[dict[str, Any]]:
    """Sessions, newest first; ``started`` / ``ended`` are ISO text (they go straight into JSON lines)."""
    turn_count = (select(func.count()).where(turns.c.session_id == sessions.c.id).scalar_subquery())
    query = (select(sessions.c.id, trainees.c.name.label("trainee"), sessions.c.persona, sessions.c.case_id,
                    sessions.c.language, sessions.c.status, sessions.c.started_at, sessions.c.ended_at,
                    scorecards.c.score, scorecards.c.passed, turn_count.label("turns"))
             .join(trainees, trainees.c.id == sessions.c.trainee_id)
             .outerjoin(scorecards, scorecards.c.session_id == sessions.c.id)
             .order_by(sessions.c.started_at.desc(), sessions.c.id))
    if trainee is not None:
        query = query.where(trainees.c.name == trainee)
    if status is not None:
        query = query.where(sessions.c.status == status)
    query = query.where(filters.period(sessions, since, until, persona))
    if limit is not None:
        query = query.limit(limit)
    with store.read() as conn:
        rows = conn.execute(query).mappings().all()
    return [{"id": r["id"], "trainee": r["trainee"], "persona": r["persona"], "case": r["case_id"],
             "language": r["language"], "status": r["status"], "started": converters.from_db_time(r["started_at"]),
             "ended": converters.from_db_time(r["ended_at"]), "turns": r["turns"], "score": r["score"],
             "result": None if r["passed"] is None else ("pass" if r["passed"] else "fail")} for r in rows]


def best_scores(store: Store, trainee: str) -> dict[str, int]:
    """The trainee's best score against each persona (the home screen's persona cards)."""
    query = (select(sessions.c.persona, func.max(scorecards.c.score).label("best"))
             .join(scorecards, scorecards.c.session_id == sessions.c.id)
             .join(trainees, trainees.c.id == sessions.c.trainee_id)
             .where(trainees.c.name == trainee, sessions.c.persona.is_not(None))
             .group_by(sessions.c.persona))
    with store.read() as conn:
        return {r["persona"]: int(r["best"]) for r in conn.execute(query).mappings()}


def load_session(store: Store, session_id: str) -> dict[str, Any] | None:
    """One session: its row (as a dict), trainee, turns, record, scorecard and reviews; None if unknown."""
    with store.read() as conn:
        row = conn.execute(select(sessions, trainees.c.name.label("trainee"))
                           .join(trainees, trainees.c.id == sessions.c.trainee_id)
                           .where(sessions.c.id == session_id)).mappings().first()
        if row is None:
            return None
        turn_rows = conn.execute(select(turns).where(turns.c.session_id == session_id)
                                 .order_by(turns.c.idx)).mappings().all()
        card = conn.execute(select(scorecard_documents.c.card)
                            .where(scorecard_documents.c.session_id == session_id)).scalar()
        review_list = _reviews(conn, session_id)
    return {"row": dict(row), "trainee": row["trainee"], "turns": [converters.turn_dict(t) for t in turn_rows],
            "record": converters.loads(row["record"]), "scorecard": converters.loads(card),
            "reviews": review_list}


def transcript_of(loaded: dict[str, Any]) -> dict[str, Any]:
    """A loaded session as a TRANSCRIPT.md transcript whose ``id`` is the session id."""
    row = loaded["row"]
    out: dict[str, Any] = {"format": "debtsim.transcript/1", "id": row["id"], "language": row["language"],
                           "scenario": converters.loads(row["scenario"])}
    if row["persona"] is not None:
        out["persona"] = row["persona"]
    out["turns"] = [{k: v for k, v in t.items() if k not in ("at", "latency_ms")} for t in loaded["turns"]]
    if loaded["record"] is not None:
        out["record"] = loaded["record"]
    return out


VERDICTS = ("overturn", "uphold")


def add_review(store: Store, session_id: str, finding: str, verdict: str, comment: str, trainer: str) -> None:
    """A trainer's verdict on one finding of a stored call; the scorecard itself is never edited.

    ``ValueError`` for a verdict other than overturn/uphold or a finding key that does not parse
    (:mod:`~simulator.store.findings`); ``LookupError`` when the session is not in the store.
    """
    from simulator.store.core import utcnow

    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    findings.parse(finding)
    with store.write() as conn:
        if conn.execute(select(sessions.c.id).where(sessions.c.id == session_id)).first() is None:
            raise LookupError(session_id)
        conn.execute(reviews.insert().values(session_id=session_id, finding=finding.strip(), verdict=verdict,
                                             comment=comment, trainer=trainer, created_at=utcnow()))


def reviews_for(store: Store, session_id: str) -> list[dict[str, Any]]:
    """The reviews of one call, oldest first (``finding, verdict, comment, trainer, at``); as in :func:`load_session`."""
    with store.read() as conn:
        return _reviews(conn, session_id)


def _reviews(conn: Connection, session_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(reviews).where(reviews.c.session_id == session_id)
                        .order_by(reviews.c.created_at, reviews.c.id)).mappings().all()
    return [converters.review_dict(r) for r in rows]


def trainee_names(store: Store) -> list[str]:
    """Everyone the store knows, by name: who trained here, or was assigned work by name."""
    with store.read() as conn:
        return list(conn.execute(select(trainees.c.name).order_by(trainees.c.name)).scalars())


# --- progress -------------------------------------------------------------------------


def _figures_columns() -> list[Any]:
    sc = scorecards.c
    return [
        func.count().label("calls"),
        func.avg(sc.passed).label("pass_rate"),
        func.avg(sc.score).label("avg_score"),
        *(func.avg(sc[f"step_{s}"]).label(f"step_{s}") for s in STEPS),
        func.avg(sc.violations).label("violations_per_call"),
        func.avg(case((sc.violations == 0, 1), else_=0)).label("compliance"),
        func.avg(case((sc.tone_level == "poor", 0), else_=1)).label("tone"),
        func.avg(sc.promise_to_pay).label("promise_rate"),
        func.sum(case((sc.promise_to_pay == 1, sc.promised_amount))).label("promised"),
        func.sum(case((sc.promise_to_pay == 1, sc.affordable))).label("affordable"),
        func.avg(sc.mood_change).label("mood_change"),
        func.avg(case((sc.final_mood == "calmer", 1), else_=0)).label("calmer_rate"),
        func.max(sc.started_at).label("last"),
    ]


def _figures(row: Any) -> dict[str, Any]:
    promised, affordable = converters.number(row["promised"]), converters.number(row["affordable"])
    return {
        "calls": int(row["calls"] or 0),
        "pass_rate": converters.number(row["pass_rate"]),
        "avg_score": converters.number(row["avg_score"]),
        "steps": {s: converters.number(row[f"step_{s}"]) for s in STEPS},
        "violations_per_call": converters.number(row["violations_per_call"]),
        "compliance": converters.number(row["compliance"]),
        "tone_ok": converters.number(row["tone"]),
        "promise_rate": converters.number(row["promise_rate"]),
        "promised_total": promised,
        "affordable_total": affordable,
        "promised_vs_affordable": (promised / affordable) if promised is not None and affordable else None,
        "mood_change": converters.number(row["mood_change"]),
        "calmer_rate": converters.number(row["calmer_rate"]),
        "last": converters.aware(row["last"]),  # the latest call's start (aware UTC), None without calls
    }


def _trend_query(where: Any, n: int = TREND_N) -> Any:
    """Average score of the last ``n`` scored calls and of the ``n`` before, per trainee.

    ``where`` is a :func:`simulator.store.filters.scored` condition on ``scorecards``.
    """
    sc = scorecards.c
    ranked = (select(sc.trainee_id, sc.score,
                     func.row_number().over(partition_by=sc.trainee_id,
                                            order_by=(sc.started_at.desc(), sc.session_id.desc())).label("rn"))
              .where(where).subquery())
    bucket = case((ranked.c.rn <= n, "recent"), else_="before").label("bucket")
    return (select(ranked.c.trainee_id, bucket, func.avg(ranked.c.score).label("avg"), func.count().label("n"))
            .where(ranked.c.rn <= 2 * n).group_by(ranked.c.trainee_id, bucket))


def _trends(conn: Connection, where: Any) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for row in conn.execute(_trend_query(where)).mappings():
        entry = out.setdefault(row["trainee_id"], {"n": TREND_N, "recent": None, "before": None})
        entry[row["bucket"]] = converters.number(row["avg"])
    for entry in out.values():
        entry["change"] = (entry["recent"] - entry["before"]
                           if entry["recent"] is not None and entry["before"] is not None else None)
    return out


def _rule_counts(conn: Connection, where: Any) -> dict[int, dict[str, int]]:
    """Violations per trainee and rule (``where``: :func:`filters.scored` on ``violations``)."""
    query = (select(violations.c.trainee_id, violations.c.rule, func.count().label("n"))
             .where(where).group_by(violations.c.trainee_id, violations.c.rule))
    out: dict[int, dict[str, int]] = {}
    for row in conn.execute(query).mappings():
        out.setdefault(row["trainee_id"], {})[row["rule"]] = int(row["n"])
    return out


def weakest(figures: dict[str, Any], rules: dict[str, int]) -> dict[str, Any] | None:
    """The skill with the lowest success rate: a step (completion), tone (not poor) or compliance."""
    rates: dict[str, float] = {s: r for s, r in figures["steps"].items() if r is not None}
    for skill, key in (("tone", "tone_ok"), ("compliance", "compliance")):
        if figures[key] is not None:
            rates[skill] = figures[key]
    if not rates:
        return None
    skill = min(SKILLS, key=lambda s: (rates.get(s, 2.0), SKILLS.index(s)))
    if rates[skill] >= 1.0:
        return None  # every skill at 100 %: nothing to single out
    out: dict[str, Any] = {"skill": skill, "rate": rates[skill]}
    if skill == "compliance" and rules:
        out["rule"] = max(sorted(rules), key=lambda r: rules[r])
    return out


def progress(store: Store, trainee: str, since: datetime | None = None, until: datetime | None = None,
             persona: str | None = None) -> dict[str, Any]:
    """One trainee's figures (see ``debtsim progress``); zero calls gives empty figures."""
    with store.read() as conn:
        trainee_id = store.find_trainee(conn, trainee)
        if trainee_id is None:
            trainee_id = -1
        cards = filters.scored(scorecards, trainee_id, since, until, persona)
        row = conn.execute(select(*_figures_columns()).where(cards)).mappings().one()
        figures = _figures(row)
        status_q = (select(sessions.c.status, func.count().label("n"))
                    .where(sessions.c.trainee_id == trainee_id, filters.period(sessions, since, until, persona)))
        statuses = {r["status"]: int(r["n"]) for r in conn.execute(status_q.group_by(sessions.c.status)).mappings()}
        tone = {r["tone_level"]: int(r["n"]) for r in conn.execute(
            select(scorecards.c.tone_level, func.count().label("n")).where(cards)
            .group_by(scorecards.c.tone_level)).mappings()}
        rules = _rule_counts(conn, filters.scored(violations, trainee_id, since, until, persona)).get(trainee_id, {})
        trend = _trends(conn, cards).get(trainee_id, {"n": TREND_N, "recent": None, "before": None, "change": None})
    calls = figures["calls"]
    figures.update({
        "trainee": trainee,
        "statuses": {s: statuses.get(s, 0) for s in ("complete", "in_progress", "abandoned")},
        "tone": {level: tone.get(level, 0) for level in ("good", "acceptable", "poor")},
        "violations_by_rule": {r: rules[r] / calls for r in sorted(rules)} if calls else {},
        "trend": trend,
        "weakest": weakest(figures, rules),
    })
    return figures


def cohort(store: Store, since: datetime | None = None, until: datetime | None = None,
           persona: str | None = None) -> list[dict[str, Any]]:
    """One row of figures per trainee with at least one scored call in the filters, by name.

    Each row: the :func:`progress` figures (``calls``, ``pass_rate``, ``avg_score``, ``steps``,
    ``violations_per_call``, ``compliance``, ``tone_ok``, ``promise_rate``, ..., ``last``) plus
    ``trainee``, ``trend``, ``violations_by_rule`` and ``weakest``.
    """
    cards = filters.scored(scorecards, None, since, until, persona)
    figures = (select(scorecards.c.trainee_id, *_figures_columns()).where(cards)
               .group_by(scorecards.c.trainee_id).subquery())
    query = (select(trainees.c.name, figures).join(figures, figures.c.trainee_id == trainees.c.id)
             .order_by(trainees.c.name))
    with store.read() as conn:
        rows = conn.execute(query).mappings().all()
        trends = _trends(conn, cards)
        rules = _rule_counts(conn, filters.scored(violations, None, since, until, persona))
    out = []
    for row in rows:
        figures = _figures(row)
        trainee_rules = rules.get(row["trainee_id"], {})
        calls = figures["calls"]
        figures.update({"trainee": row["name"], "trend": trends.get(row["trainee_id"]),
                        "violations_by_rule": {r: trainee_rules[r] / calls for r in sorted(trainee_rules)},
                        "weakest": weakest(figures, trainee_rules)})
        out.append(figures)
    return out


__all__ = [
    "SKILLS", "TREND_N", "VERDICTS", "add_assignment", "add_review", "assignments_for", "best_scores", "cohort",
    "cohort_daily", "list_assignments", "list_sessions", "load_session", "progress", "remove_assignment",
    "review_agreement", "reviews_for", "score_series", "trainee_names", "transcript_of", "weakest",
]
