"""How often trainers agree with the scorer, per rule, step and tone: where the scorer needs work.

A trainer's review upholds or overturns one finding of one call (:mod:`~simulator.store.findings`).
When a finding was reviewed more than once, only the latest review counts: a trainer who
changes their mind is not two opinions. Findings are grouped by rule (a violation at any
turn), by step, and tone; each group is set against how often the scorer raised it in the
same calls (``flagged``): the ``violations`` table for a rule, the scorecards where a step
applied for a step, every scorecard for tone. The period (``since``) is on the call's start,
so ``flagged`` and ``reviewed`` count the same calls.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from simulator.store import filters, findings
from simulator.store.core import Store
from simulator.store.schema import STEPS, reviews, scorecards, sessions, violations


def _latest_reviews(since: datetime | None) -> Any:
    """(finding, verdict) of the latest review of each finding of each call started since ``since``."""
    ranked = (select(reviews.c.finding, reviews.c.verdict,
                     func.row_number().over(partition_by=(reviews.c.session_id, reviews.c.finding),
                                            order_by=(reviews.c.created_at.desc(), reviews.c.id.desc())).label("rn"))
              .join(sessions, sessions.c.id == reviews.c.session_id)
              .where(filters.period(sessions, since)).subquery())
    return select(ranked.c.finding, ranked.c.verdict).where(ranked.c.rn == 1)


def review_agreement(store: Store, since: datetime | None = None) -> dict[str, Any]:
    """``reviewed``, ``overturned``, ``agreement`` (upheld / reviewed, None without reviews), ``worst``
    (the finding the scorer is most often overturned on, None if never) and ``by_rule``: one entry per
    reviewed finding group, ``{finding, kind, flagged, reviewed, overturned, upheld, agreement}``,
    worst agreement first. Reviews whose key does not parse (an old import) are left out.
    """
    sc = scorecards.c
    with store.read() as conn:
        latest = conn.execute(_latest_reviews(since)).all()
        rule_counts = dict(conn.execute(select(violations.c.rule, func.count())
                                        .where(filters.period(violations, since))
                                        .group_by(violations.c.rule)).all())
        judged = conn.execute(select(func.count().label("tone"), *(func.count(sc[f"step_{s}"]).label(s)
                                                                  for s in STEPS))
                              .where(filters.period(scorecards, since))).mappings().one()
    groups: dict[str, dict[str, Any]] = {}
    for finding, verdict in latest:
        try:
            kind, ident, _ = findings.parse(finding)
        except findings.FindingError:
            continue
        if verdict not in ("overturn", "uphold"):
            continue
        name = findings.group(finding)
        if name not in groups:
            flagged = rule_counts.get(ident, 0) if kind == "violation" else judged["tone" if kind == "tone" else ident]
            groups[name] = {"finding": name, "kind": kind, "flagged": int(flagged or 0), "reviewed": 0,
                            "overturned": 0, "upheld": 0}
        entry = groups[name]
        entry["reviewed"] += 1
        entry["overturned" if verdict == "overturn" else "upheld"] += 1
    for entry in groups.values():
        entry["agreement"] = entry["upheld"] / entry["reviewed"]
    by_rule = sorted(groups.values(), key=lambda e: (e["agreement"], -e["overturned"], e["finding"]))
    reviewed = sum(e["reviewed"] for e in by_rule)
    overturned = sum(e["overturned"] for e in by_rule)
    disputed = [e for e in by_rule if e["overturned"]]
    worst = (min(disputed, key=lambda e: (-e["overturned"], e["agreement"], e["finding"]))["finding"]
             if disputed else None)
    return {"reviewed": reviewed, "overturned": overturned,
            "agreement": (reviewed - overturned) / reviewed if reviewed else None, "worst": worst, "by_rule": by_rule}
