"""Export every session (JSONL transcripts with scorecards, or CSV rows) and import JSONL.

An export line is a TRANSCRIPT.md transcript (``id`` is the session id; turns keep their
``intent``/``slots`` and add ``at``/``latency_ms``) plus three keys the scorer ignores:
``session`` (status, trainee, case, seed, times, ...), ``scorecard`` (complete calls only)
and ``reviews``. Importing that line into an empty database and exporting again gives the
same bytes (``tests/store/test_exchange.py``). Sessions stream out in pages, never all at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select

from simulator.store import converters
from simulator.store.core import Store, utcnow
from simulator.store.schema import STEPS, reviews, scorecard_documents, sessions, trainees, turns

PAGE = 500
CSV_COLUMNS = ("id", "trainee", "status", "persona", "case", "language", "started", "ended", "turns", "score",
               "result", *(f"step_{s}" for s in STEPS), "violations", "rules", "tone_level", "tone_score",
               "record_accurate", "promise_to_pay", "promised_amount", "affordable", "mood_start", "mood_end")


def iter_export(store: Store, trainee: str | None = None, since: datetime | None = None,
                session_id: str | None = None) -> Iterator[dict[str, Any]]:
    """Every matching session as an export dict, oldest first (``session_id``: just that one)."""
    query = (select(sessions, trainees.c.name.label("trainee"), scorecard_documents.c.card)
             .join(trainees, trainees.c.id == sessions.c.trainee_id)
             .outerjoin(scorecard_documents, scorecard_documents.c.session_id == sessions.c.id)
             .order_by(sessions.c.started_at, sessions.c.id))
    if trainee is not None:
        query = query.where(trainees.c.name == trainee)
    if since is not None:
        query = query.where(sessions.c.started_at >= converters.to_db_time(since))
    if session_id is not None:
        query = query.where(sessions.c.id == session_id)
    offset = 0
    while True:
        with store.read() as conn:
            page = conn.execute(query.limit(PAGE).offset(offset)).mappings().all()
            ids = [r["id"] for r in page]
            turn_rows = conn.execute(select(turns).where(turns.c.session_id.in_(ids))
                                     .order_by(turns.c.session_id, turns.c.idx)).mappings().all() if ids else []
            review_rows = conn.execute(select(reviews).where(reviews.c.session_id.in_(ids))
                                       .order_by(reviews.c.id)).mappings().all() if ids else []
        by_session: dict[str, list[dict[str, Any]]] = {}
        for t in turn_rows:
            by_session.setdefault(t["session_id"], []).append(converters.turn_dict(t))
        reviews_by: dict[str, list[dict[str, Any]]] = {}
        for r in review_rows:
            reviews_by.setdefault(r["session_id"], []).append(converters.review_dict(r))
        for row in page:
            yield _line(row, by_session.get(row["id"], []), reviews_by.get(row["id"], []))
        if len(page) < PAGE:
            return
        offset += PAGE


def _line(row: Any, turn_list: list[dict[str, Any]], review_list: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"format": "debtsim.transcript/1", "id": row["id"], "language": row["language"],
                           "scenario": converters.loads(row["scenario"])}
    if row["persona"] is not None:
        out["persona"] = row["persona"]
    out["turns"] = turn_list
    if row["record"] is not None:
        out["record"] = converters.loads(row["record"])
    out["session"] = converters.session_meta(row, row["trainee"])
    if row["card"] is not None:
        out["scorecard"] = converters.loads(row["card"])
    out["reviews"] = review_list
    return out


def write_jsonl(lines: Iterable[dict[str, Any]], out: io.TextIOBase | Any) -> int:
    count = 0
    for line in lines:
        out.write(converters.dumps(line) + "\n")
        count += 1
    return count


def write_csv(lines: Iterable[dict[str, Any]], out: Any) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for line in lines:
        meta, card = line["session"], line.get("scorecard")
        row: dict[str, Any] = {
            "id": line["id"], "trainee": meta["trainee"], "status": meta["status"], "persona": line.get("persona"),
            "case": meta["case"], "language": line["language"], "started": meta["started"], "ended": meta["ended"],
            "turns": len(line["turns"]), "affordable": meta["affordable"], "mood_start": meta["mood_start"],
            "mood_end": meta["mood_end"],
        }
        if card is not None:
            row.update({
                "score": card["overall"]["score"], "result": card["overall"]["result"],
                **{f"step_{s}": _step_cell(card["steps"].get(s)) for s in STEPS},
                "violations": len(card["violations"]), "rules": " ".join(v["rule"] for v in card["violations"]),
                "tone_level": card["tone"]["level"], "tone_score": card["tone"]["score"],
                "record_accurate": int(card["record_accurate"]),
                "promise_to_pay": int(card["outcome"]["promise_to_pay"]),
                "promised_amount": card["outcome"]["amount"],
            })
        writer.writerow(["" if row.get(c) is None else row[c] for c in CSV_COLUMNS])
        count += 1
    return count


def _step_cell(step: dict[str, Any] | None) -> str:
    if not step or not step.get("applicable", True):
        return "n/a"
    return "1" if step.get("done") else "0"


class ImportProblem(ValueError):
    """One line that could not be imported; ``key`` and ``slots`` make the translated message."""

    def __init__(self, key: str, **slots: object) -> None:
        self.key, self.slots = key, slots
        super().__init__(key)


def import_line(store: Store, raw: dict[str, Any], trainee: str) -> str:
    """Store (and score, when complete) one transcript; returns the session id.

    A line from ``debtsim export`` keeps its id, status, times and reviews; a real call
    from a QA team's tool becomes a complete session scored now.
    """
    import scoring
    from scoring.transcript import TranscriptError, parse_transcript

    try:
        parse_transcript(raw)
    except TranscriptError as exc:
        raise ImportProblem("import.bad", error=str(exc)) from None
    meta = raw.get("session") if isinstance(raw.get("session"), dict) else {}
    status = meta.get("status") or "complete"
    if status not in ("in_progress", "complete", "abandoned"):
        raise ImportProblem("import.bad", error=f"session.status: unknown status {status!r}")
    session_id = str(raw["id"])
    now = utcnow()
    started = converters.to_db_time(meta.get("started")) or now
    ended = converters.to_db_time(meta.get("ended"))
    if status != "in_progress" and ended is None:
        ended = started
    transcript = {k: v for k, v in raw.items() if k not in ("session", "scorecard", "reviews")}
    transcript["turns"] = [{k: v for k, v in t.items() if k not in ("at", "latency_ms")} for t in raw["turns"]]
    card = scoring.score(transcript).to_dict() if status == "complete" else None
    row = {
        "id": session_id, "call_id": meta.get("call_id") or session_id, "persona": raw.get("persona"),
        "case_id": meta.get("case"), "difficulty": meta.get("difficulty"), "seed": meta.get("seed"),
        "voice": meta.get("voice"), "language": raw["language"], "scenario": converters.dumps(raw["scenario"]),
        "started_at": started, "ended_at": ended, "status": status,
        "record": None if raw.get("record") is None else converters.dumps(raw["record"]),
        "mood_start": meta.get("mood_start"), "mood_end": meta.get("mood_end"), "affordable": meta.get("affordable"),
        "debtor": None if meta.get("debtor") is None else converters.dumps(meta["debtor"]),
    }
    from sqlalchemy.exc import IntegrityError

    from simulator.store.journal import write_card

    try:
        with store.write() as conn:
            if conn.execute(select(sessions.c.id).where(sessions.c.id == session_id)).first() is not None:
                raise ImportProblem("import.exists", id=session_id)
            row["trainee_id"] = store.trainee_id(conn, trainee)
            conn.execute(sessions.insert().values(**row))
            turn_rows = [converters.turn_row(session_id, i, t, converters.to_db_time(t.get("at")) or started,
                                             t.get("latency_ms")) for i, t in enumerate(raw["turns"])]
            if turn_rows:
                conn.execute(turns.insert(), turn_rows)
            if card is not None:
                write_card(conn, session_id, card, now)
            for review in raw.get("reviews") or []:
                conn.execute(reviews.insert().values(
                    session_id=session_id, finding=review["finding"], verdict=review["verdict"],
                    comment=review.get("comment", ""), trainer=review.get("trainer", ""),
                    created_at=converters.to_db_time(review.get("at")) or now))
    except IntegrityError:
        raise ImportProblem("import.exists", id=session_id) from None
    return session_id
