"""The store on a real SQLite file and a real PostgreSQL database: journal, reports, exchange, versions."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from store_helpers import add_call, card

from simulator.catalog.search import load_catalog
from simulator.session import CallSession
from simulator.store import StoreError, exchange, migrate, open_store, queries
from simulator.store.journal import Journal

SCRIPT = Path(__file__).resolve().parents[1] / "data" / "scripts" / "model-cooperative-zh.txt"


def agent_lines() -> list[str]:
    return [line for line in SCRIPT.read_text("utf-8").splitlines() if line and not line.startswith(("#", "/"))]


def play(store, trainee: str = "alice", seed: int = 0, lines: int | None = None, finish: bool = True) -> tuple:
    catalog = load_catalog()
    session = CallSession(catalog.persona("cooperative"), catalog.case("cn-card-wanglei"), "zh", seed=seed)
    journal = Journal.start(store, session, trainee)
    journal.attach(session)
    _ = session.pick_up().text
    for line in agent_lines()[:lines]:
        if session.over:
            break
        _ = session.say(line).text
    if finish:
        session.file_record("promise_to_pay", 2900, "2026-03-07")
        journal.finish(session.scorecard().to_dict(), session.record.as_json(), session.summary())
    return session, journal


def test_every_turn_is_journaled_as_it_is_kept(db_url: str) -> None:
    with open_store(db_url) as store:
        catalog = load_catalog()
        session = CallSession(catalog.persona("cooperative"), catalog.case("cn-card-wanglei"), "zh", seed=0)
        journal = Journal.start(store, session, "alice")
        journal.attach(session)
        _ = session.pick_up().text
        reply = session.say(agent_lines()[0])
        # The agent's turn is stored before the debtor has said a word.
        stored = queries.load_session(store, journal.session_id)["turns"]
        assert [t["speaker"] for t in stored] == ["debtor", "agent"]
        _ = reply.text
        stored = queries.load_session(store, journal.session_id)
        assert [t["text"] for t in stored["turns"]] == [t["text"] for t in session.turns]
        assert stored["turns"][2]["intent"] == session.turns[2]["intent"]
        assert stored["turns"][2]["latency_ms"] >= 0
        assert stored["row"]["status"] == "in_progress" and stored["scorecard"] is None


def test_finished_call_stores_the_scorecard_and_report_columns(db_url: str) -> None:
    with open_store(db_url) as store:
        session, journal = play(store)
        loaded = queries.load_session(store, journal.session_id)
        expected = {**session.scorecard().to_dict(), "id": journal.session_id}
        assert loaded["scorecard"] == expected
        assert loaded["row"]["status"] == "complete" and loaded["record"]["promised_amount"] == 2900
        assert [t["text"] for t in loaded["turns"]] == [t["text"] for t in session.turns]
        listed = queries.list_sessions(store, "alice")
        assert listed[0]["id"] == journal.session_id and listed[0]["score"] == expected["overall"]["score"]
        assert queries.transcript_of(loaded)["turns"] == session.transcript()["turns"]


def _seed_progress(store) -> None:
    """Figures computed by hand below (see test_progress_figures_match_hand_computed_values)."""
    d1, d2 = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)
    add_call(store, "alice", d1, card(80, not_done=("support",), promise=1000, mood="calmer"), mood=(-0.5, 0.0),
             affordable=2000)
    add_call(store, "alice", d2.replace(day=2),
             card(40, "fail", not_done=("closing",), not_applicable=("reminder", "negotiation", "support"),
                  rules=("CN-INSULT", "CN-THREAT"), tone="poor", mood="angrier"), mood=(0.0, -0.4))
    add_call(store, "alice", d2.replace(day=3),
             card(60, not_done=("support", "closing"), rules=("CN-INSULT",), tone="acceptable", promise=500),
             mood=(0.2, 0.3), affordable=3000)
    add_call(store, "alice", d2.replace(day=4), None)  # in progress: no scorecard, not counted
    for i, score in enumerate((10, 20, 30, 40, 50, 60, 70)):  # bob improves: 10 .. 70
        add_call(store, "bob", (d1 if i < 2 else d2).replace(hour=i), card(score, "pass" if score >= 50 else "fail"))


def test_progress_figures_match_hand_computed_values(db_url: str) -> None:
    with open_store(db_url) as store:
        _seed_progress(store)
        p = queries.progress(store, "alice")
    assert p["calls"] == 3
    assert p["statuses"] == {"complete": 3, "in_progress": 1, "abandoned": 0}
    assert p["pass_rate"] == pytest.approx(2 / 3)
    assert p["avg_score"] == pytest.approx(60.0)
    # reminder/negotiation count only where applicable (calls 1 and 3); support 0 of 2; closing 1 of 3.
    assert p["steps"] == pytest.approx({"identity": 1.0, "reminder": 1.0, "negotiation": 1.0, "support": 0.0,
                                        "closing": 1 / 3})
    assert p["violations_per_call"] == pytest.approx(1.0)
    assert p["violations_by_rule"] == pytest.approx({"CN-INSULT": 2 / 3, "CN-THREAT": 1 / 3})
    assert p["tone"] == {"good": 1, "acceptable": 1, "poor": 1}
    assert p["promise_rate"] == pytest.approx(2 / 3)
    assert p["promised_vs_affordable"] == pytest.approx(1500 / 5000)
    assert p["mood_change"] == pytest.approx((0.5 - 0.4 + 0.1) / 3)
    assert p["calmer_rate"] == pytest.approx(1 / 3)
    assert p["trend"]["recent"] == pytest.approx(60.0) and p["trend"]["before"] is None
    assert p["weakest"] == {"skill": "support", "rate": 0.0}


def test_trend_cohort_and_since(db_url: str) -> None:
    with open_store(db_url) as store:
        _seed_progress(store)
        bob = queries.progress(store, "bob")
        assert bob["trend"]["recent"] == pytest.approx((30 + 40 + 50 + 60 + 70) / 5)
        assert bob["trend"]["before"] == pytest.approx(15.0) and bob["trend"]["change"] == pytest.approx(35.0)
        assert bob["weakest"] is None, "all steps done, no violations, good tone"
        since = queries.progress(store, "bob", since=datetime(2026, 1, 15, tzinfo=UTC))
        assert since["calls"] == 5 and since["avg_score"] == pytest.approx(50.0)
        rows = queries.cohort(store)
        assert [r["trainee"] for r in rows] == ["alice", "bob"]
        assert rows[0]["calls"] == 3 and rows[0]["avg_score"] == pytest.approx(60.0)
        assert rows[0]["weakest"]["skill"] == "support"
        assert rows[1]["pass_rate"] == pytest.approx(3 / 7) and rows[1]["trend"]["change"] == pytest.approx(35.0)
        assert queries.progress(store, "nobody")["calls"] == 0


def test_export_then_import_into_an_empty_database_round_trips_exactly(db_url: str, tmp_path: Path) -> None:
    with open_store(db_url) as store:
        play(store, "alice", seed=0)
        play(store, "alice", seed=1, lines=3, finish=False)  # in progress
        _, abandoned = play(store, "alice", seed=2, lines=2, finish=False)
        abandoned.abandon()
        done = queries.list_sessions(store, status="complete")[0]["id"]
        queries.add_review(store, done, "step:support", "overturn", "渠道其实说过了", "trainer-li")
        first = io.StringIO()
        exchange.write_jsonl(exchange.iter_export(store), first)
        first_csv = io.StringIO()
        exchange.write_csv(exchange.iter_export(store), first_csv)
    lines = [json.loads(x) for x in first.getvalue().splitlines()]
    assert sorted(x["session"]["status"] for x in lines) == ["abandoned", "complete", "in_progress"]
    assert all(("scorecard" in x) == (x["session"]["status"] == "complete") for x in lines)
    assert "王磊" in first.getvalue(), "JSON is unescaped UTF-8"
    with open_store(str(tmp_path / "other.db")) as other:
        for line in lines:
            exchange.import_line(other, line, "alice")
        second = io.StringIO()
        exchange.write_jsonl(exchange.iter_export(other), second)
        second_csv = io.StringIO()
        exchange.write_csv(exchange.iter_export(other), second_csv)
        with pytest.raises(exchange.ImportProblem):
            exchange.import_line(other, lines[0], "alice")
    assert second.getvalue() == first.getvalue()
    assert second_csv.getvalue() == first_csv.getvalue()


def test_schema_matches_the_table_definitions(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from simulator.store.schema import metadata

    with open_store(db_url) as store, store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diffs == []


def test_an_older_database_is_migrated_keeping_its_calls(db_url: str) -> None:
    from sqlalchemy import create_engine, text

    from simulator.store.url import resolve

    engine = create_engine(resolve(db_url).url)
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
        conn.execute(text("INSERT INTO trainees (name, created_at) VALUES ('old', '2025-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO sessions (id, trainee_id, call_id, language, scenario, started_at, status) "
                          "VALUES ('s1', 1, 'c', 'zh', '{}', '2025-01-01 00:00:00', 'in_progress')"))
    engine.dispose()
    with open_store(db_url) as store:
        with store.read() as conn:
            assert migrate.current_version(conn) == migrate.HEAD
        assert queries.list_sessions(store, "old")[0]["id"] == "s1"
        queries.add_review(store, "s1", "tone", "uphold", "ok", "t")  # the 0002 table exists


def test_a_newer_database_is_refused_and_left_alone(db_url: str) -> None:
    from sqlalchemy import create_engine, text

    from simulator.store.url import resolve

    open_store(db_url).close()
    engine = create_engine(resolve(db_url).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    with pytest.raises(StoreError) as info:
        open_store(db_url)
    assert info.value.key == "store.newer" and "0999" in info.value.message("en")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0999"
    engine.dispose()
