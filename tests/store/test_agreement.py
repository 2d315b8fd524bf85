"""Finding keys, and the scorer-against-trainers agreement figures (latest review counts)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from store_helpers import add_call, card

from scoring.vocab import Step
from simulator.store import findings, open_store, queries
from simulator.store.core import utcnow
from simulator.store.schema import reviews


@pytest.mark.parametrize(("key", "parsed"), [
    ("violation:CN-INSULT@6", ("violation", "CN-INSULT", 6)),
    ("violation:US-FALSE-THREAT@12", ("violation", "US-FALSE-THREAT", 12)),
    ("step:support", ("step", "support", None)),
    ("tone", ("tone", "tone", None)),
])
def test_finding_keys_round_trip(key: str, parsed: tuple) -> None:
    assert findings.parse(key) == parsed
    kind, ident, turn = parsed
    built = {"violation": lambda: findings.violation_key(ident, turn), "step": lambda: findings.step_key(ident),
             "tone": findings.tone_key}[kind]()
    assert built == key and findings.is_valid(key)


@pytest.mark.parametrize("bad", ["", "violation:CN-INSULT", "violation:@6", "violation:CN INSULT@6",
                                 "violation:CN-INSULT@six", "step:smile", "step", "tones", "other:x"])
def test_bad_finding_keys_are_refused(bad: str) -> None:
    assert not findings.is_valid(bad)
    with pytest.raises(findings.FindingError):
        findings.parse(bad)


def test_keys_from_scorer_values_and_groups() -> None:
    assert findings.step_key(Step.SUPPORT) == "step:support"
    assert findings.group("violation:CN-INSULT@6") == "CN-INSULT"
    assert findings.group("step:closing") == "step:closing" and findings.group("tone") == "tone"


def _review(store, session_id: str, finding: str, verdict: str) -> None:
    queries.add_review(store, session_id, finding, verdict, "…", "coach")


def test_agreement_per_rule_with_the_latest_review_counting(db_url: str) -> None:
    day = datetime(2026, 1, 1, tzinfo=UTC)
    with open_store(db_url) as store:
        assert queries.review_agreement(store) == {"reviewed": 0, "overturned": 0, "agreement": None, "worst": None,
                                                   "by_rule": []}
        a = add_call(store, "alice", day, card(50, "fail", rules=("CN-INSULT", "CN-THREAT")))
        b = add_call(store, "bob", day.replace(day=2),
                     card(50, "fail", rules=("CN-INSULT",), not_applicable=("support",)))
        c = add_call(store, "bob", day.replace(day=3), card(90, rules=("CN-INSULT",)))
        _review(store, a, "violation:CN-INSULT@0", "overturn")
        _review(store, a, "violation:CN-INSULT@0", "uphold")  # changed their mind: only this one counts
        _review(store, b, "violation:CN-INSULT@0", "overturn")
        _review(store, c, "violation:CN-INSULT@0", "overturn")
        _review(store, a, "violation:CN-THREAT@1", "uphold")
        _review(store, a, "step:support", "overturn")
        _review(store, b, "tone", "uphold")
        with store.write() as conn:  # an old import with a key nobody can read: left out
            conn.execute(reviews.insert().values(session_id=a, finding="free text", verdict="overturn", comment="",
                                                 trainer="x", created_at=utcnow()))
        figures = queries.review_agreement(store)
        assert (figures["reviewed"], figures["overturned"]) == (6, 3)
        assert figures["agreement"] == pytest.approx(0.5)
        by = {e["finding"]: e for e in figures["by_rule"]}
        assert by["CN-INSULT"] == {"finding": "CN-INSULT", "kind": "violation", "flagged": 3, "reviewed": 3,
                                   "overturned": 2, "upheld": 1, "agreement": pytest.approx(1 / 3)}
        assert by["CN-THREAT"]["flagged"] == 1 and by["CN-THREAT"]["agreement"] == 1.0
        assert by["step:support"]["kind"] == "step" and by["step:support"]["flagged"] == 2, "judged where it applied"
        assert by["tone"]["flagged"] == 3 and by["tone"]["kind"] == "tone"
        assert [e["finding"] for e in figures["by_rule"]] == ["step:support", "CN-INSULT", "CN-THREAT", "tone"]
        assert figures["worst"] == "CN-INSULT", "most overturned, not merely lowest agreement on one review"
        later = queries.review_agreement(store, since=day.replace(day=2))
        assert (later["reviewed"], later["overturned"]) == (3, 2)
        assert {e["finding"]: e["flagged"] for e in later["by_rule"]} == {"CN-INSULT": 2, "tone": 2}


def test_add_review_checks_verdict_finding_and_session(tmp_path) -> None:
    with open_store(str(tmp_path / "r.db")) as store:
        sid = add_call(store, "alice", datetime(2026, 1, 1, tzinfo=UTC), card(80))
        with pytest.raises(ValueError):
            queries.add_review(store, sid, "tone", "maybe", "x", "coach")
        with pytest.raises(ValueError):
            queries.add_review(store, sid, "violation:nope", "uphold", "x", "coach")
        with pytest.raises(LookupError):
            queries.add_review(store, "no-such-id", "tone", "uphold", "x", "coach")
        queries.add_review(store, sid, "tone", "uphold", "x", "coach")
        queries.add_review(store, sid, "step:support", "overturn", "渠道说过了", "coach")
        assert [r["finding"] for r in queries.load_session(store, sid)["reviews"]] == ["tone", "step:support"]
        assert queries.reviews_for(store, sid) == queries.load_session(store, sid)["reviews"]
