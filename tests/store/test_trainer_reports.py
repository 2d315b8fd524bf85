"""The dashboard's reads on real SQLite and PostgreSQL: filters, chart series, and the 0003 migration."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from store_helpers import add_call, card

from simulator.store import migrate, open_store, queries

SHANGHAI = timezone(timedelta(hours=8))


def at(day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, 1, day, hour, minute, tzinfo=UTC)


def _seed(store) -> None:
    add_call(store, "alice", at(1), card(80, rules=("CN-INSULT",)))
    add_call(store, "alice", at(2), card(60), persona="cooperative")
    add_call(store, "alice", at(3, 23, 30), card(40, "fail"))
    add_call(store, "alice", at(4), None)  # in progress: in the status counts, not the figures
    add_call(store, "bob", at(2, 12), card(90), persona="cooperative")
    add_call(store, "bob", at(5, 12), card(30, "fail", rules=("CN-THREAT", "CN-THREAT")))


def test_cohort_filters_by_persona_and_both_ends_of_the_period(db_url: str) -> None:
    with open_store(db_url) as store:
        _seed(store)
        rows = {r["trainee"]: r for r in queries.cohort(store)}
        assert rows["alice"]["calls"] == 3 and rows["alice"]["last"] == at(3, 23, 30)
        assert rows["bob"]["violations_per_call"] == pytest.approx(1.0) and rows["bob"]["last"] == at(5, 12)
        angry = {r["trainee"]: r for r in queries.cohort(store, persona="angry")}
        assert angry["alice"]["calls"] == 2 and angry["alice"]["avg_score"] == pytest.approx(60.0)
        assert angry["alice"]["violations_per_call"] == pytest.approx(0.5)
        assert angry["alice"]["violations_by_rule"] == pytest.approx({"CN-INSULT": 0.5})
        assert angry["bob"]["violations_by_rule"] == pytest.approx({"CN-THREAT": 2.0})
        assert angry["bob"]["weakest"] == {"skill": "compliance", "rate": 0.0, "rule": "CN-THREAT"}
        assert angry["alice"]["trend"]["recent"] == pytest.approx(60.0)
        day2 = queries.cohort(store, since=at(2, 0), until=datetime.combine(date(2026, 1, 2), datetime.max.time(), UTC))
        assert [(r["trainee"], r["calls"], r["avg_score"]) for r in day2] == [("alice", 1, 60.0), ("bob", 1, 90.0)]
        edge = queries.cohort(store, since=at(3, 23, 30), until=at(3, 23, 30))
        assert [(r["trainee"], r["calls"]) for r in edge] == [("alice", 1)], "both ends included"
        assert queries.cohort(store, persona="nobody") == []
        assert queries.cohort(store, at(5)) == queries.cohort(store, since=at(5)), "positional since still works"


def test_progress_and_sessions_take_the_same_filters(db_url: str) -> None:
    with open_store(db_url) as store:
        _seed(store)
        coop = queries.progress(store, "alice", persona="cooperative")
        assert coop["calls"] == 1 and coop["avg_score"] == pytest.approx(60.0) and coop["violations_by_rule"] == {}
        assert coop["statuses"] == {"complete": 1, "in_progress": 0, "abandoned": 0}
        angry = queries.progress(store, "alice", since=at(1), until=at(3, 12), persona="angry")
        assert angry["calls"] == 1 and angry["violations_by_rule"] == pytest.approx({"CN-INSULT": 1.0})
        assert angry["last"] == at(1)
        everything = queries.progress(store, "alice")
        assert everything["statuses"]["in_progress"] == 1 and everything["last"] == at(3, 23, 30)
        listed = queries.list_sessions(store, until=at(2, 23), persona="cooperative")
        assert [(r["trainee"], r["persona"]) for r in listed] == [("bob", "cooperative"), ("alice", "cooperative")]
        assert len(queries.list_sessions(store, "alice", since=at(3))) == 2
        assert queries.trainee_names(store) == ["alice", "bob"]


def test_score_series_oldest_first(db_url: str) -> None:
    with open_store(db_url) as store:
        _seed(store)
        series = queries.score_series(store, "alice")
        assert [(p["started"], p["score"], p["passed"], p["persona"]) for p in series] == [
            (at(1), 80, True, "angry"), (at(2), 60, True, "cooperative"), (at(3, 23, 30), 40, False, "angry")]
        assert [p["score"] for p in queries.score_series(store, "alice", persona="angry")] == [80, 40]
        assert [p["score"] for p in queries.score_series(store, "alice", since=at(2), until=at(3))] == [60]
        assert queries.score_series(store, "nobody") == []


def test_cohort_daily_groups_calls_by_the_viewers_day(db_url: str) -> None:
    with open_store(db_url) as store:
        _seed(store)
        utc = queries.cohort_daily(store, tz=UTC)
        assert [(d["day"], d["calls"], d["average"], d["pass_rate"]) for d in utc] == [
            (date(2026, 1, 1), 1, 80.0, 1.0), (date(2026, 1, 2), 2, 75.0, 1.0), (date(2026, 1, 3), 1, 40.0, 0.0),
            (date(2026, 1, 5), 1, 30.0, 0.0)]
        local = queries.cohort_daily(store, tz=SHANGHAI)  # 23:30 UTC on the 3rd is the 4th in Shanghai
        assert [d["day"].day for d in local] == [1, 2, 4, 5]
        angry = queries.cohort_daily(store, since=at(2), persona="angry", tz=UTC)
        assert [(d["day"].day, d["calls"]) for d in angry] == [(3, 1), (5, 1)]


def test_migration_0003_up_down_up_backfills_the_persona(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine, inspect, select

    from simulator.store.schema import metadata, scorecards, violations
    from simulator.store.url import resolve

    with open_store(db_url) as store:
        _seed(store)
        queries.add_assignment(store, "angry", "cn-card-wanglei", None, None, "coach")
    engine = create_engine(resolve(db_url).url)
    try:
        with engine.begin() as conn:
            migrate.downgrade(conn, "0002")
            assert migrate.current_version(conn) == "0002"
            assert "assignments" not in inspect(conn).get_table_names()
            assert "persona" not in {c["name"] for c in inspect(conn).get_columns("scorecards")}
    finally:
        engine.dispose()
    with open_store(db_url) as store:  # opening upgrades again, with the backfill
        with store.read() as conn:
            assert migrate.current_version(conn) == migrate.HEAD
            assert sorted(conn.execute(select(scorecards.c.persona)).scalars()) == ["angry"] * 3 + ["cooperative"] * 2
            assert set(conn.execute(select(violations.c.persona)).scalars()) == {"angry"}
        assert queries.list_assignments(store) == []
        assert {r["trainee"]: r["calls"] for r in queries.cohort(store, persona="angry")} == {"alice": 2, "bob": 1}
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
