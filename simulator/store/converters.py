"""Rows <-> plain dicts: the only place that knows how a scorecard or a turn is laid out in tables.

Keeps persistence apart from the domain: ``CallSession`` and ``Scorecard`` never see a row,
and the tables never see a dataclass.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from simulator.store.schema import STEPS


def dumps(value: Any) -> str:
    """JSON as unescaped UTF-8 (Chinese stays readable in the database and in exports)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def to_db_time(value: datetime | str | None) -> datetime | None:
    """Aware or ISO text -> the naive UTC the tables store."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def from_db_time(value: datetime | str | None) -> str | None:
    """A stored time as ISO 8601 UTC text (``2026-03-02T11:30:00.123456+00:00``)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def aware(value: datetime | str | None) -> datetime | None:
    """A stored time as an aware UTC datetime (what screens format in the viewer's zone)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def turn_row(session_id: str, idx: int, turn: Mapping[str, Any], at: datetime, latency_ms: float | None) -> dict:
    slots = turn.get("slots")
    return {"session_id": session_id, "idx": idx, "speaker": turn["speaker"], "text": turn["text"],
            "intent": turn.get("intent"), "slots": None if slots is None else dumps(slots), "at": at,
            "latency_ms": latency_ms, "voice": turn.get("voice"), "fallback": turn.get("fallback")}


def turn_dict(row: Mapping[str, Any], *, with_times: bool = True) -> dict[str, Any]:
    """A stored turn in TRANSCRIPT.md form (debtor turns keep ``intent`` and ``slots``)."""
    out: dict[str, Any] = {"speaker": row["speaker"], "text": row["text"]}
    if row["intent"] is not None:
        out["intent"] = row["intent"]
    if row["slots"] is not None:
        out["slots"] = loads(row["slots"])
    for key in ("voice", "fallback"):  # revision 0004; NULL on older turns
        if row.get(key) is not None:
            out[key] = row[key]
    if with_times:
        out["at"] = from_db_time(row["at"])
        if row["latency_ms"] is not None:
            out["latency_ms"] = round(float(row["latency_ms"]), 3)
    return out


def card_row(session: Mapping[str, Any], card: Mapping[str, Any], scored_at: datetime) -> dict[str, Any]:
    """The report columns of a scorecard (TRANSCRIPT.md's JSON) and the session facts reports group by."""
    steps = card["steps"]
    outcome = card.get("outcome") or {}
    moods = (session["mood_start"], session["mood_end"])
    row: dict[str, Any] = {
        "session_id": session["id"],
        "trainee_id": session["trainee_id"],
        "started_at": session["started_at"],
        "persona": session["persona"],
        "affordable": session["affordable"],
        "mood_change": None if None in moods else moods[1] - moods[0],
        "score": int(card["overall"]["score"]),
        "passed": int(card["overall"]["result"] == "pass"),
        "step_order_ok": int(bool(card["step_order_ok"])),
        "violations": len(card["violations"]),
        "critical": sum(1 for v in card["violations"] if v["severity"] == "critical"),
        "tone_level": card["tone"]["level"],
        "tone_score": int(card["tone"]["score"]),
        "record_accurate": int(bool(card["record_accurate"])),
        "promise_to_pay": int(bool(outcome.get("promise_to_pay"))),
        "promised_amount": outcome.get("amount"),
        "final_mood": outcome.get("debtor_final_mood"),
        "scored_at": scored_at,
    }
    for name in STEPS:
        step = steps.get(name) or {}
        row[f"step_{name}"] = int(bool(step.get("done"))) if step.get("applicable", True) else None
    return row


def violation_rows(session: Mapping[str, Any], card: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [{"session_id": session["id"], "idx": i, "trainee_id": session["trainee_id"],
             "started_at": session["started_at"], "persona": session["persona"], "rule": v["rule"],
             "turn": int(v["turn"]), "severity": v["severity"]} for i, v in enumerate(card["violations"])]


def session_meta(row: Mapping[str, Any], trainee: str) -> dict[str, Any]:
    """The ``session`` block of an export line: everything about the call that is not the transcript."""
    return {
        "trainee": trainee,
        "status": row["status"],
        "call_id": row["call_id"],
        "case": row["case_id"],
        "difficulty": row["difficulty"],
        "seed": row["seed"],
        "voice": row["voice"],
        "started": from_db_time(row["started_at"]),
        "ended": from_db_time(row["ended_at"]),
        "mood_start": row["mood_start"],
        "mood_end": row["mood_end"],
        "affordable": row["affordable"],
        "debtor": loads(row["debtor"]),
    }


def review_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"finding": row["finding"], "verdict": row["verdict"], "comment": row["comment"],
            "trainer": row["trainer"], "at": from_db_time(row["created_at"])}


def number(value: Any) -> float | None:
    """An aggregate as a float (PostgreSQL returns ``Decimal``), ``None`` stays ``None``."""
    return None if value is None else float(value)
