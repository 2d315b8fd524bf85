"""score(): Scorecard shape, calibration labels, odd input, trainer rule packs, evaluation."""

import json
import time
from pathlib import Path

import pytest
from scoring_helpers import call

from scoring import load_rubric, score
from scoring.evaluate import evaluate
from scoring.transcript import parse_transcript

CALIBRATION = sorted(Path("/work/shared/calibration").glob("*.json"))
SHARED = pytest.mark.skipif(not CALIBRATION, reason="shared calibration set not present")


def test_scorecard_json_keys_and_order():
    card = score(call("zh", [("agent", "您这张卡欠款8640元，逾期35天。"), ("debtor", "好")]))
    d = card.to_dict()
    assert list(d) == ["id", "steps", "step_order_ok", "violations", "tone", "record_accurate", "outcome", "overall"]
    assert list(d["steps"]) == ["identity", "reminder", "negotiation", "support", "closing"]
    assert all(list(s) == ["done", "applicable", "turns", "tip"] for s in d["steps"].values())
    assert list(d["tone"]) == ["level", "score", "findings"]
    assert list(d["outcome"]) == ["promise_to_pay", "amount", "date", "debtor_final_mood"]
    assert list(d["overall"]) == ["score", "result", "reasons"]
    json.dumps(d, ensure_ascii=False)
    assert d["steps"]["reminder"]["tip"] and "征信" in d["steps"]["reminder"]["tip"]  # tip in the call's language
    assert d["steps"]["identity"]["tip"] is None


@SHARED
@pytest.mark.parametrize("path", CALIBRATION, ids=lambda p: p.stem)
def test_calibration_call_scores_as_labelled(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    expected = raw["expected"]
    d = score(raw).to_dict()
    assert {s: r["done"] for s, r in d["steps"].items()} == expected["steps"]
    assert sorted(s for s, r in d["steps"].items() if not r["applicable"]) == sorted(expected["steps_not_applicable"])
    assert d["step_order_ok"] == expected["step_order_ok"]
    assert sorted((v["rule"], v["turn"]) for v in d["violations"]) == \
        sorted((v["rule"], v["turn"]) for v in expected["violations"])
    assert d["tone"]["level"] == expected["tone"]
    assert d["record_accurate"] == expected["record_accurate"]
    assert d["overall"]["result"] == expected["overall"]


@SHARED
def test_evaluate_report_on_calibration():
    report = evaluate(parse_transcript(json.loads(p.read_text(encoding="utf-8"))) for p in CALIBRATION)
    d = report.to_dict()
    assert d["calls"] == len(CALIBRATION) and d["overall_accuracy"] == 1.0 and d["disagreements"] == []
    assert d["violations"]["recall"] == 1.0 and "US-REPRESENTED" in d["violations_by_rule"]


def test_evaluate_lists_disagreements():
    raw = call("zh", [("agent", "您好"), ("debtor", "嗯")])
    raw["expected"] = {"steps": {"identity": True}, "steps_not_applicable": [], "step_order_ok": True,
                       "violations": [{"rule": "CN-INSULT", "turn": 4}], "tone": "good", "record_accurate": False,
                       "overall": "pass"}
    report = evaluate([parse_transcript(raw)])
    whats = {d.what for d in report.disagreements}
    assert "violation" in whats and "overall" in whats and report.violations.recall == 0.0


def test_empty_turns_and_no_agent():
    empty = score(call("zh", [], opening=False))
    assert empty.overall.result == "fail" and not empty.steps["identity"].done
    only_debtor = score(call("en", [("debtor", "Hello?"), ("system", "[hold music]"), ("debtor", "")], opening=False))
    assert only_debtor.violations == () and only_debtor.tone.level == "good"
    blanks = score(call("zh", [("agent", ""), ("debtor", "   ")]))
    assert blanks.to_dict()["id"] == "t"


def test_ten_thousand_turns_is_linear():
    turns = [("agent", "您好，这边想跟您确认一下还款安排，您看方便吗？"), ("debtor", "嗯，你说吧。")] * 5000
    raw = call("zh", turns)
    start = time.perf_counter()
    card = score(raw)
    elapsed = time.perf_counter() - start
    assert len(raw["turns"]) == 10004 and card.overall.result in ("pass", "fail")
    assert elapsed < 10, elapsed


def test_trainer_pack_adds_a_rule_and_bad_file_is_reported(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "extra.yaml").write_text(
        "pack: trainer\njurisdiction: CN\nrules:\n"
        "  - id: CN-TRAINER-SLANG\n    severity: minor\n    source: 培训规范\n"
        "    title: {zh: 口头禅, en: Filler slang}\n    check: pattern\n    params: {zh: ['哥们儿']}\n",
        encoding="utf-8")
    (rules / "bad.yaml").write_text(
        "pack: bad\njurisdiction: CN\nrules:\n  - id: CN-BAD\n    sevrity: minor\n    source: x\n"
        "    title: {zh: a, en: b}\n", encoding="utf-8")
    rubric, problems = load_rubric(extra_dirs=[tmp_path])
    messages = [str(p) for p in problems.errors]
    assert any("bad.yaml:5: rules.0.sevrity: unknown key 'sevrity'; did you mean 'severity'?" in m for m in messages)
    card = score(call("zh", [("agent", "哥们儿，您这张卡欠款8640元。"), ("debtor", "嗯")]), rubric)
    found = [v for v in card.violations if v.rule == "CN-TRAINER-SLANG"]
    assert found and found[0].severity == "minor" and found[0].turn == 4
    assert card.overall.result == "fail" or "CN-TRAINER-SLANG" in " ".join(card.overall.reasons)


def test_record_checked_against_the_call():
    turns = [("agent", "您这张卡欠款8640元，逾期35天，会按合同计利息，也会报送征信。"), ("debtor", "月底能先还3000。"),
             ("agent", "好的，那就这样，5月31号前先还3000。"), ("debtor", "可以。"),
             ("agent", "在云港银行App里点“信用卡”再点“还款”就行。"), ("debtor", "好。"),
             ("agent", "跟您确认一下：5月31号前还3000，在App里还。谢谢您，再见。"), ("debtor", "再见。")]
    good = score(call("zh", turns, record={"outcome": "promise_to_pay", "promised_amount": 3000,
                                           "promised_date": "2026-05-31"}))
    assert good.record_accurate and good.outcome.promise_to_pay and good.outcome.amount == 3000.0
    assert good.outcome.date == "2026-05-31" and all(s.done for s in good.steps.values())
    assert good.overall.result == "pass"
    wrong = score(call("zh", turns, record={"outcome": "promise_to_pay", "promised_amount": 3000,
                                            "promised_date": "2026-06-30"}))
    assert not wrong.record_accurate and wrong.overall.result == "pass"
    none = score(call("zh", turns))
    assert not none.record_accurate and not none.steps["closing"].done
