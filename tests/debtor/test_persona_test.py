"""``debtsim persona-test``: every built-in persona passes; a persona broken each way is caught."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from debtor_matrix import CATALOG

from simulator import locations
from simulator.cli import main
from simulator.selfcheck import CHECKS, EXPECTATIONS, SCRIPTS, check, persona_test

BUILTIN = sorted(p.stem for p in (locations.builtin_catalog() / "personas").glob("*.yaml"))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["persona-test", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = _run(capsys, *argv, "--json")
    return code, json.loads(out)


@pytest.mark.parametrize("persona", BUILTIN)
def test_every_builtin_persona_passes(capsys: pytest.CaptureFixture[str], persona: str) -> None:
    code, out, err = _run(capsys, persona)
    assert code == 0, out + err
    assert "全部检查通过" in out
    for lang_name in ("中文", "英文"):
        assert f"{lang_name} · 案件" in out
    rows = [line.split()[0] for line in out.splitlines() if line.strip()]
    for label in ("规范通话", "强硬催全款", "威胁辱骂", "满口术语", "不核实身份", "向接听人透露"):
        assert rows.count(label) == 2, label  # a row in each language's table


def test_the_table_in_english_and_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "angry", "--lang", "en")
    assert code == 0
    assert "Chinese · case" in out and "English · case" in out and "All checks passed." in out
    assert "(b) agrees to an affordable plan in the model call: pass" in out
    code, data = _json(capsys, "angry", "--case", "uk-loan-pryce")
    assert code == 0 and data["ok"]
    assert data["cases"] == {"zh": data["cases"]["zh"], "en": "uk-loan-pryce"}
    assert CATALOG.case(data["cases"]["zh"]).jurisdiction.value == "CN"
    assert {(c["script"], c["lang"]) for c in data["calls"]} == {(s, lang) for s in SCRIPTS for lang in ("zh", "en")}
    model = next(c for c in data["calls"] if c["script"] == "model" and c["lang"] == "en")
    assert model["agreed_amount"] <= model["means_lump"] and model["within_means"] is True
    assert data["checks"] == {"agrees_to_anything": "pass", "no_affordable_deal": "pass",
                              "no_hang_up_under_abuse": "pass", "non_holder_agrees": "n/a"}


def test_seed_and_difficulty_are_used_and_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    runs = [_json(capsys, "evasive", "--seed", "3", "--difficulty", "easy")[1] for _ in range(2)]
    assert runs[0] == runs[1]
    assert runs[0]["seed"] == 3 and runs[0]["difficulty"] == "easy"


def test_unknown_persona_or_case_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "angy", "--lang", "en")
    assert code == 2 and out == ""
    assert "did you mean 'angry'" in err
    code, _, err = _run(capsys, "angry", "--case", "nope")
    assert code == 2 and "没有 id 为“nope”的案件" in err


# --- personas broken on purpose: each check must be able to fail ------------------------------


def _broken(root: Path, new_id: str, base: str, change: Any) -> None:
    data = yaml.safe_load((locations.builtin_catalog() / "personas" / f"{base}.yaml").read_text("utf-8"))
    data["id"] = new_id
    data["hang_up_when"]["on"] = data["hang_up_when"].pop(True)  # PyYAML reads the key `on` as YAML 1.1 true
    change(data)
    folder = root / "personas"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{new_id}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _pushover(data: dict[str, Any]) -> None:
    """Can pay it all today and says yes to whoever insists: agrees to the pushy demand."""
    data["truth"]["means"] = {"lump_sum_now": "100%", "monthly": "100%", "earliest_in_days": 0, "full_by_days": 0}
    data["agree_when"] = {"min_trust": 0.0, "min_mood": -1.0, "needs": []}
    data["objections"] = []
    data["reactions"] = {k: v for k, v in data["reactions"].items() if all(x >= 0 for x in v.values())}


def _unwinnable(data: dict[str, Any]) -> None:
    """Trust can only fall and the bar is high: no model call can ever win her."""
    data["temperament"]["trust"] = 0.2
    data["agree_when"]["min_trust"] = 0.9
    data["reactions"] = {k: {**v, "trust": min(0.0, v.get("trust", 0.0))} for k, v in data["reactions"].items()}


def _doormat(data: dict[str, Any]) -> None:
    """No hang-up triggers and endless patience: sits through any abuse."""
    data["hang_up_when"] = {"on": [], "mood_below": -1.0, "when_patience_runs_out": False}
    data["temperament"]["patience"] = 60


@pytest.mark.parametrize(("change", "failed", "reason"), [
    (_pushover, "agrees_to_anything", "in a call of pure pressure"),
    (_unwinnable, "no_affordable_deal", "a good agent cannot win them; check agree_when"),
    (_doormat, "no_hang_up_under_abuse", "turns of threats and insults without hanging up"),
])
def test_a_broken_persona_is_flagged(capsys: pytest.CaptureFixture[str], tmp_path: Path, change: Any, failed: str,
                                     reason: str) -> None:
    _broken(tmp_path, "broken", "cooperative", change)
    assert main(["check", "--catalog", str(tmp_path)]) == 0, capsys.readouterr().out  # valid, just wrong
    capsys.readouterr()
    code, out, _ = _run(capsys, "broken", "--catalog", str(tmp_path), "--lang", "en")
    assert code == 1
    assert f"✗ {EXPECTED_LABEL[failed]}: FAILED" in out
    assert reason in out and "check(s) failed." in out
    code, data = _json(capsys, "broken", "--catalog", str(tmp_path))
    assert code == 1 and data["checks"][failed] == "fail"
    assert {f["check"] for f in data["failures"]} == {failed}, data["failures"]


EXPECTED_LABEL = {
    "agrees_to_anything": "(a) does not agree to anything: no deal under pressure, no deal beyond means",
    "no_affordable_deal": "(b) agrees to an affordable plan in the model call",
    "no_hang_up_under_abuse": "(c) hangs up under threats and insults",
}


def test_a_relative_who_agrees_is_flagged() -> None:
    """The schema and the policy both stop a relative from agreeing, so (d) is shown on the
    real relative's calls with one call's result changed as if the persona had said yes."""
    relative = CATALOG.persona("relative")
    report = persona_test(CATALOG, "relative")
    assert report.ok and report.kinds == {"zh": "relative", "en": "relative"}
    calls = list(report.calls)
    calls[0] = replace(calls[0], agreed_amount=100.0, within_means=True, intents=(*calls[0].intents, "accept_plan"))
    _, failures = check(relative, calls)
    assert [(f.check, f.lang, f.script) for f in failures] == [("non_holder_agrees", calls[0].lang, calls[0].script)]
    calls = list(report.calls)
    calls[3] = replace(calls[3], intents=("confirm_identity",))
    assert [f.check for f in check(relative, calls)[1]] == ["non_holder_agrees"]


def test_an_agreement_beyond_means_is_flagged() -> None:
    report = persona_test(CATALOG, "cooperative")
    calls = [replace(c, agreed_amount=c.means_lump * 3, within_means=False) if c.script == "jargon" else c
             for c in report.calls]
    failures = check(CATALOG.persona("cooperative"), calls)[1]
    assert {(f.check, f.key) for f in failures} == {("agrees_to_anything", "pt.fail.beyond_means")}
    assert len(failures) == 2  # once per language


def test_the_expectations_table_covers_every_kind_and_check() -> None:
    assert set(EXPECTATIONS) == {"holder", "disputer", "holder_without_means", "relative", "wrong_party"}
    assert all(not e.agrees_under_pressure and e.hangs_up_under_abuse for e in EXPECTATIONS.values())
    assert [k for k, e in EXPECTATIONS.items() if not e.may_agree] == ["relative", "wrong_party"]
    assert len(CHECKS) == 4


def test_a_trainer_copy_can_be_tested(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["new", "persona", "--from", "disputer", "my_disputer", "--catalog", str(tmp_path)]) == 0
    capsys.readouterr()
    code, data = _json(capsys, "my_disputer", "--catalog", str(tmp_path))
    assert code == 0, data["failures"]
    assert data["kinds"] == {"zh": "disputer", "en": "disputer"}
