"""The trainer's store commands end to end (``debtsim assign``, ``reviews``, ``demo-data``, ``progress`` filters),
on a demo cohort of real, scored calls (:mod:`simulator.store.demo`)."""

from __future__ import annotations

import json
import shutil
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from store_helpers import cli as debtsim

from simulator.catalog.search import load_catalog
from simulator.store import open_store, queries
from simulator.store.demo import seed_cohort

TRAINEES = ("王芳", "李强", "Alice", "Bob")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], float]:
    """One demo database for the module (tests copy it): the path, the session ids, the seconds it took."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    catalog = load_catalog()
    with open_store(str(path)) as store:
        t0 = time.perf_counter()
        ids = seed_cohort(store, catalog, TRAINEES, calls_per=4, seed=0)
        took = time.perf_counter() - t0
    return path, ids, took


@pytest.fixture
def db(seeded: tuple[Path, list[str], float], tmp_path: Path) -> str:
    target = tmp_path / "copy.db"
    shutil.copy(seeded[0], target)
    return str(target)


def test_the_demo_cohort_is_real_varied_and_spread_over_days(seeded: tuple[Path, list[str], float]) -> None:
    path, ids, took = seeded
    assert len(ids) == 16 and took < 10, f"16 calls took {took:.1f} s"  # ~1.6 s on a 2-core VM
    with open_store(str(path)) as store:
        calls = queries.list_sessions(store)
        rows = {r["trainee"]: r for r in queries.cohort(store)}
        loaded = queries.load_session(store, ids[0])
    assert {c["status"] for c in calls} == {"complete"} and len(calls) == 16
    assert set(rows) == set(TRAINEES) and all(r["calls"] == 4 for r in rows.values())
    assert len({c["started"][:10] for c in calls}) >= 4, "spread over several days"
    assert len({c["score"] for c in calls}) >= 6 and {c["result"] for c in calls} == {"pass", "fail"}
    assert sum(r["violations_per_call"] for r in rows.values()) > 0, "some calls break rules"
    assert Counter(c["persona"] for c in calls)["cooperative"] >= 2
    assert loaded["scorecard"]["id"] == ids[0] and len(loaded["turns"]) > 4
    first, last = loaded["turns"][0]["at"], loaded["turns"][-1]["at"]
    row = loaded["row"]
    assert row["started_at"].isoformat()[:16] == first[:16] and first <= last, "turns dated with the call"
    assert timedelta() <= row["ended_at"] - row["started_at"] < timedelta(minutes=1), "ended with it, not today"
    assert {c["language"] for c in calls} == {"zh", "en"}


def test_demo_data_command_and_filtered_cohort(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    done = debtsim("--lang", "en", "demo-data", "--db", db, "--calls", "2", "--trainee", "Amy", "--trainee", "王芳")
    assert done.returncode == 0, done.stderr
    assert "4 demo call(s) for 2 trainee(s)" in done.stdout
    assert debtsim("demo-data").returncode == 2, "--db is required: demo calls never land in a real database"
    rows = json.loads(debtsim("progress", "--cohort", "--db", db, "--json").stdout)
    assert [r["trainee"] for r in rows] == ["Amy", "王芳"] and all(r["last"] for r in rows)
    first_day = min(r["last"] for r in rows)[:10]
    text = debtsim("--lang", "en", "progress", "--cohort", "--db", db, "--persona", "cooperative").stdout
    assert "Cohort (" in text and "Last" in text
    none = json.loads(debtsim("progress", "--cohort", "--db", db, "--json", "--persona", "nobody").stdout)
    assert none == []
    early = json.loads(debtsim("progress", "--cohort", "--db", db, "--json", "--until", "2000-01-01").stdout)
    assert early == []
    amy = json.loads(debtsim("progress", "--trainee", "Amy", "--db", db, "--json", "--until", first_day).stdout)
    assert amy["calls"] <= 2
    bad = debtsim("--lang", "en", "progress", "--cohort", "--db", db, "--until", "soon")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr


def test_assign_list_and_remove_through_the_cli(db: str) -> None:
    saved = debtsim("--lang", "en", "assign", "angry", "cn-card-wanglei", "--all", "--due", "2030-01-31",
                    "--note", "先练共情", "--trainer", "李老师", "--db", db)
    assert saved.returncode == 0, saved.stderr
    assert "Assignment #1" in saved.stdout and "everyone" in saved.stdout
    one = debtsim("assign", "cooperative", "us-card-turner", "--trainee", "Alice", "--difficulty", "hard", "--db", db)
    assert one.returncode == 0 and "Alice" in one.stdout
    rows = json.loads(debtsim("assign", "--list", "--json", "--db", db).stdout)
    assert [(r["id"], r["trainee"], r["done_by"], r["of"]) for r in rows] == [(2, "Alice", 0, 1), (1, None, 0, 4)]
    assert rows[1]["due"] == "2030-01-31" and rows[1]["trainer"] == "李老师" and rows[1]["note"] == "先练共情"
    table = debtsim("--lang", "en", "assign", "--list", "--db", db).stdout
    assert "Assignments (2)" in table and "0/4" in table
    # A real call after the assignment completes it for that trainee.
    script = Path(__file__).resolve().parents[1] / "data" / "scripts" / "model-cooperative-zh.txt"
    call = debtsim("call", "--persona", "angry", "--case", "cn-card-wanglei", "--seed", "1", "--script", str(script),
                   "--trainee", "王芳", "--db", db)
    assert call.returncode == 0, call.stderr
    rows = json.loads(debtsim("assign", "--list", "--json", "--db", db).stdout)
    assert (rows[1]["done_by"], rows[1]["of"]) == (1, 4)
    with open_store(db) as store:
        mine = queries.assignments_for(store, "王芳")
    assert [(r["id"], r["done"]) for r in mine] == [(1, True)] and mine[0]["session_id"]
    removed = debtsim("--lang", "en", "assign", "--remove", "2", "--db", db)
    assert removed.returncode == 0 and "#2 removed" in removed.stdout
    again = debtsim("--lang", "en", "assign", "--remove", "2", "--db", db)
    assert again.returncode == 1 and "no assignment #2" in again.stderr


@pytest.mark.parametrize(("argv", "lang", "expected"), [
    (("assign", "angyr", "cn-card-wanglei", "--all"), "en", "no persona angyr; did you mean angry?"),
    (("assign", "angry", "cn-card-wangle", "--all"), "zh", "没有案件 cn-card-wangle；是不是 cn-card-wanglei？"),
    (("assign", "angry", "cn-card-wanglei"), "en", "--trainee NAME, or use --all"),
    (("assign", "angry"), "en", "usage: debtsim assign"),
    (("assign", "angry", "cn-card-wanglei", "--all", "--due", "tomorrow"), "en", "YYYY-MM-DD"),
])
def test_assign_refuses_bad_input_in_one_line(db: str, argv: tuple[str, ...], lang: str, expected: str) -> None:
    done = debtsim("--lang", lang, *argv, "--db", db)
    assert done.returncode == 2 and expected in done.stderr and done.stderr.count("\n") == 1
    assert json.loads(debtsim("assign", "--list", "--json", "--db", db).stdout) == []


def test_reviews_command_reports_agreement_per_rule(db: str) -> None:
    empty = debtsim("--lang", "en", "reviews", "--db", db)
    assert empty.returncode == 0 and "No trainer reviews yet" in empty.stdout
    calls = [json.loads(x) for x in debtsim("sessions", "--all", "--db", db, "--json").stdout.splitlines()]
    first, second = calls[0]["id"], calls[1]["id"]
    for session_id, finding, verdict in ((first, "step:support", "overturn"), (second, "step:support", "overturn"),
                                         (first, "tone", "uphold"), (second, "violation:US-CEASE@13", "overturn"),
                                         (second, "violation:US-CEASE@13", "uphold")):
        done = debtsim("review", session_id, "--finding", finding, "--verdict", verdict, "--comment", "…",
                       "--trainer", "李老师", "--db", db)
        assert done.returncode == 0, done.stderr
    bad = debtsim("--lang", "en", "review", first, "--finding", "insult", "--verdict", "overturn", "--comment", "x",
                  "--db", db)
    assert bad.returncode == 2 and "not a finding: insult" in bad.stderr
    figures = json.loads(debtsim("reviews", "--json", "--db", db).stdout)
    assert (figures["reviewed"], figures["overturned"], figures["worst"]) == (4, 2, "step:support")
    assert figures["by_rule"][0]["finding"] == "step:support" and figures["by_rule"][0]["flagged"] >= 2
    en = debtsim("--lang", "en", "reviews", "--db", db).stdout
    assert "agreement 50%" in en and "US-CEASE" in en
    assert "The scorer most often disagrees with trainers on step:support" in " ".join(en.split())
    zh = debtsim("reviews", "--db", db).stdout
    assert "评分器与培训师分歧最多的是 step:support" in zh
    assert json.loads(debtsim("reviews", "--json", "--db", db, "--since", "2999-01-01").stdout)["reviewed"] == 0
