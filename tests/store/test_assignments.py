"""Assignments on a real SQLite file and a real PostgreSQL database: when one is done, and the counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from store_helpers import add_call, card

from simulator.store import open_store, queries


def soon(minutes: int = 1) -> datetime:
    """A call start after any assignment made now (the done rule counts calls from its creation on)."""
    return datetime.now(UTC) + timedelta(minutes=minutes)


def test_done_needs_a_complete_scored_call_after_creation_at_the_named_difficulty(db_url: str) -> None:
    with open_store(db_url) as store:
        add_call(store, "alice", soon(-60), card(90), difficulty="hard")  # before the assignment: never counts
        hard = queries.add_assignment(store, "angry", "cn-card-wanglei", "hard", "alice", "coach")
        anyone = queries.add_assignment(store, "angry", "cn-card-wanglei", None, None, "coach",
                                        due=date(2026, 3, 1), note="先练共情")

        def status() -> dict[int, dict]:
            return {a["id"]: a for a in queries.assignments_for(store, "alice")}

        assert {i: a["done"] for i, a in status().items()} == {hard: False, anyone: False}
        add_call(store, "alice", soon(1), card(55, "fail"), difficulty="easy")  # wrong difficulty for `hard`
        add_call(store, "alice", soon(2), None, difficulty="hard", status="abandoned")  # abandoned: no scorecard
        add_call(store, "alice", soon(3), None, difficulty="hard")  # still in progress
        add_call(store, "alice", soon(4), card(99), persona="cooperative", difficulty="hard")  # other persona
        add_call(store, "alice", soon(5), card(99), case="us-card-turner", difficulty="hard")  # other case
        now = status()
        assert now[hard]["done"] is False and now[hard]["session_id"] is None and now[hard]["score"] is None
        assert now[anyone]["done"] is True and now[anyone]["score"] == 55, "any difficulty counts, a fail too"
        first = add_call(store, "alice", soon(6), card(70), difficulty="hard")
        add_call(store, "alice", soon(7), card(85), difficulty="hard")
        now = status()
        assert now[hard]["done"] and now[hard]["session_id"] == first, "the first call that completed it"
        assert now[hard]["score"] == 85, "the best score on it"
        assert now[anyone]["score"] == 85


def test_fields_order_and_a_later_trainee(db_url: str) -> None:
    with open_store(db_url) as store:
        add_call(store, "alice", soon(-60), card(80))
        first = queries.add_assignment(store, "angry", "cn-card-wanglei", None, None, "coach", due=date(2026, 3, 1),
                                       note="先练共情")
        second = queries.add_assignment(store, "evasive", "cn-card-liuyang", "easy", "alice", "coach")
        add_call(store, "alice", soon(1), card(80))  # completes `first`
        rows = queries.assignments_for(store, "alice")
        assert [r["id"] for r in rows] == [second, first], "not done first"
        row = rows[1]
        assert set(row) == {"id", "persona", "case", "difficulty", "trainee", "trainer", "created", "due", "note",
                            "done", "session_id", "score"}
        assert row["trainee"] is None and row["trainer"] == "coach" and row["note"] == "先练共情"
        assert row["due"] == date(2026, 3, 1) and row["difficulty"] is None
        assert row["created"].tzinfo is not None and abs(row["created"] - datetime.now(UTC)) < timedelta(minutes=5)
        assert rows[0]["trainee"] == "alice" and rows[0]["difficulty"] == "easy" and rows[0]["due"] is None
        # Everyone includes a trainee who joins after the assignment was made.
        assert [(r["id"], r["done"]) for r in queries.assignments_for(store, "zoe")] == [(first, False)]
        add_call(store, "zoe", soon(2), card(40, "fail"))
        assert [(r["id"], r["done"]) for r in queries.assignments_for(store, "zoe")] == [(first, True)]


def test_list_counts_and_remove(db_url: str) -> None:
    with open_store(db_url) as store:
        for name in ("alice", "bob", "carol"):
            add_call(store, name, soon(-60), card(50))
        everyone = queries.add_assignment(store, "angry", "cn-card-wanglei", None, None, "coach")
        bob_only = queries.add_assignment(store, "angry", "cn-card-wanglei", "hard", "bob", "coach")
        new_name = queries.add_assignment(store, "angry", "cn-card-wanglei", None, "dave", "coach")
        assert "dave" in queries.trainee_names(store), "assigning by name makes the trainee known"
        add_call(store, "alice", soon(1), card(60))
        add_call(store, "alice", soon(2), card(70))  # twice: still one trainee
        add_call(store, "bob", soon(3), card(60), difficulty="hard")
        listed = {a["id"]: a for a in queries.list_assignments(store)}
        assert [a["id"] for a in queries.list_assignments(store)] == [new_name, bob_only, everyone], "newest first"
        assert (listed[everyone]["done_by"], listed[everyone]["of"]) == (2, 4)
        assert (listed[bob_only]["done_by"], listed[bob_only]["of"]) == (1, 1)
        assert (listed[new_name]["done_by"], listed[new_name]["of"]) == (0, 1)
        assert listed[bob_only]["trainee"] == "bob" and listed[everyone]["trainee"] is None
        assert queries.remove_assignment(store, bob_only) is True
        assert queries.remove_assignment(store, bob_only) is False
        assert [a["id"] for a in queries.list_assignments(store)] == [new_name, everyone]


def test_bad_assignments_are_refused(tmp_path) -> None:
    with open_store(str(tmp_path / "a.db")) as store:
        with pytest.raises(ValueError):
            queries.add_assignment(store, "angry", "cn-card-wanglei", "impossible", None, "coach")
        with pytest.raises(ValueError):
            queries.add_assignment(store, "angry", " ", None, None, "coach")
        with pytest.raises(ValueError):
            queries.add_assignment(store, "angry", "cn-card-wanglei", None, "  ", "coach")
        assert queries.list_assignments(store) == []
