"""Reading the store: the session list, one session, and the progress and cohort reports.

Reports are SQL aggregates (``avg``, ``count``, ``group by``, a ``row_number()`` window for
the trend) over the report columns of ``scorecards``: a cohort of 10,000 calls is one
grouped scan, never 10,000 JSON documents loaded into Python (``benchmarks/store_speed.py``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, select, true
from sqlalchemy.engine import Connection

from simulator.store import converters
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

TREND_N = 5
"""The trend compares the last N scored calls with the N before them."""
SKILLS = (*STEPS, "tone", "compliance")


# --- sessions -------------------------------------------------------------------------


def list_sessions(store: Store, trainee: str | None = None, status: str | None = None,
                  since: datetime | None = None, limit: int | None = None) -> list[dict[str, Any]]:
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
    if since is not None:
        query = query.where(sessions.c.started_at >= converters.to_db_time(since))
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
        review_rows = conn.execute(select(reviews).where(reviews.c.session_id == session_id)
                                   .order_by(reviews.c.id)).mappings().all()
    return {"row": dict(row), "trainee": row["trainee"], "turns": [converters.turn_dict(t) for t in turn_rows],
            "record": converters.loads(row["record"]), "scorecard": converters.loads(card),
            "reviews": [converters.review_dict(r) for r in review_rows]}


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


def add_review(store: Store, session_id: str, finding: str, verdict: str, comment: str, trainer: str) -> None:
    from simulator.store.core import utcnow

    with store.write() as conn:
        conn.execute(reviews.insert().values(session_id=session_id, finding=finding, verdict=verdict,
                                             comment=comment, trainer=trainer, created_at=utcnow()))


# --- progress -------------------------------------------------------------------------


def _scored(table: Any, trainee_id: Any = None, since: datetime | None = None) -> Any:
    """Rows of ``table`` (scorecards or violations: both carry trainee and start time) to report on.

    A scorecard exists only for a complete call, so no join with ``sessions`` is needed.
    """
    conds = []
    if trainee_id is not None:
        conds.append(table.c.trainee_id == trainee_id)
    if since is not None:
        conds.append(table.c.started_at >= converters.to_db_time(since))
    return and_(true(), *conds)


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
    }


def _trend_query(since: datetime | None, trainee_id: Any = None, n: int = TREND_N) -> Any:
    """Average score of the last ``n`` scored calls and of the ``n`` before, per trainee."""
    sc = scorecards.c
    ranked = (select(sc.trainee_id, sc.score,
                     func.row_number().over(partition_by=sc.trainee_id,
                                            order_by=(sc.started_at.desc(), sc.session_id.desc())).label("rn"))
              .where(_scored(scorecards, trainee_id, since)).subquery())
    bucket = case((ranked.c.rn <= n, "recent"), else_="before").label("bucket")
    return (select(ranked.c.trainee_id, bucket, func.avg(ranked.c.score).label("avg"), func.count().label("n"))
            .where(ranked.c.rn <= 2 * n).group_by(ranked.c.trainee_id, bucket))


def _trends(conn: Connection, since: datetime | None, trainee_id: Any = None) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for row in conn.execute(_trend_query(since, trainee_id)).mappings():
        entry = out.setdefault(row["trainee_id"], {"n": TREND_N, "recent": None, "before": None})
        entry[row["bucket"]] = converters.number(row["avg"])
    for entry in out.values():
        entry["change"] = (entry["recent"] - entry["before"]
                           if entry["recent"] is not None and entry["before"] is not None else None)
    return out


def _rule_counts(conn: Connection, since: datetime | None, trainee_id: Any = None) -> dict[int, dict[str, int]]:
    query = (select(violations.c.trainee_id, violations.c.rule, func.count().label("n"))
             .where(_scored(violations, trainee_id, since)).group_by(violations.c.trainee_id, violations.c.rule))
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


def progress(store: Store, trainee: str, since: datetime | None = None) -> dict[str, Any]:
    """One trainee's figures (see ``debtsim progress``); zero calls gives empty figures."""
    with store.read() as conn:
        trainee_id = store.find_trainee(conn, trainee)
        if trainee_id is None:
            trainee_id = -1
        row = conn.execute(select(*_figures_columns()).where(_scored(scorecards, trainee_id, since))).mappings().one()
        figures = _figures(row)
        status_q = select(sessions.c.status, func.count().label("n")).where(sessions.c.trainee_id == trainee_id)
        if since is not None:
            status_q = status_q.where(sessions.c.started_at >= converters.to_db_time(since))
        statuses = {r["status"]: int(r["n"]) for r in conn.execute(status_q.group_by(sessions.c.status)).mappings()}
        tone = {r["tone_level"]: int(r["n"]) for r in conn.execute(
            select(scorecards.c.tone_level, func.count().label("n")).where(_scored(scorecards, trainee_id, since))
            .group_by(scorecards.c.tone_level)).mappings()}
        rules = _rule_counts(conn, since, trainee_id).get(trainee_id, {})
        trend = _trends(conn, since, trainee_id).get(trainee_id, {"n": TREND_N, "recent": None, "before": None,
                                                                    "change": None})
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


def cohort(store: Store, since: datetime | None = None) -> list[dict[str, Any]]:
    """One row of figures per trainee with at least one scored call, by name."""
    figures = (select(scorecards.c.trainee_id, *_figures_columns()).where(_scored(scorecards, None, since))
               .group_by(scorecards.c.trainee_id).subquery())
    query = (select(trainees.c.name, figures).join(figures, figures.c.trainee_id == trainees.c.id)
             .order_by(trainees.c.name))
    with store.read() as conn:
        rows = conn.execute(query).mappings().all()
        trends = _trends(conn, since)
        rules = _rule_counts(conn, since)
    out = []
    for row in rows:
        figures = _figures(row)
        trainee_rules = rules.get(row["trainee_id"], {})
        figures.update({"trainee": row["name"], "trend": trends.get(row["trainee_id"]),
                        "weakest": weakest(figures, trainee_rules)})
        out.append(figures)
    return out
