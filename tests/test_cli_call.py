"""``debtsim call`` end to end: the real console script, stdin pipes and script files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

SCRIPTS = Path(__file__).parent / "data" / "scripts"
TRANSCRIPT_KEYS = {"format", "id", "language", "scenario", "persona", "turns", "record"}
DEBTOR_KEYS = {"mood", "trust", "hung_up", "outcome", "agreed_amount", "agreed_date", "means"}


def debtsim(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh interpreter, as a trainee's shell would."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "simulator", *argv], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def call_json(*argv: str, stdin: str = "") -> dict[str, Any]:
    done = debtsim(*argv, "--json", stdin=stdin)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, "--json prints exactly one JSON object on stdout"
    return json.loads(lines[0])


@pytest.mark.parametrize(("lang", "case"), [("zh", "cn-card-wanglei"), ("en", "us-card-turner")])
def test_model_call_passes_with_a_promise_within_means(lang: str, case: str) -> None:
    script = SCRIPTS / f"model-cooperative-{lang}.txt"
    out = call_json("--lang", lang, "call", "--persona", "cooperative", "--case", case, "--seed", "0",
                    "--script", str(script))
    assert set(out) == TRANSCRIPT_KEYS | {"scorecard", "debtor"}
    card, debtor = out["scorecard"], out["debtor"]
    assert card["overall"]["result"] == "pass", card["overall"]
    assert not card["violations"]
    assert set(debtor) == DEBTOR_KEYS
    assert debtor["outcome"] == "promise_to_pay" and not debtor["hung_up"]
    assert 0 < debtor["agreed_amount"] <= debtor["means"]["lump_sum_now"]
    assert date.fromisoformat(debtor["agreed_date"]) >= date.fromisoformat(debtor["means"]["earliest_date"])
    debtor_turns = [t for t in out["turns"] if t["speaker"] == "debtor"]
    assert debtor_turns and all("intent" in t and isinstance(t["slots"], dict) for t in debtor_turns)
    assert "accept_plan" in {t["intent"] for t in debtor_turns}
    assert card["record_accurate"] is True


@pytest.mark.parametrize(
    ("lang", "case", "lines", "rules"),
    [
        ("zh", "cn-card-wanglei",
         ["王磊是吧？你信用卡欠了一万两千多，真是个老赖。今天不还，我们明天就去你单位找你，让你领导同事都知道！"],
         {"CN-INSULT", "CN-THREAT"}),
        ("en", "us-card-turner",
         ["Dana Turner? You owe $4,872.19, you deadbeat. Pay today or we'll have you arrested and tell your boss."],
         {"US-ABUSE", "US-FALSE-THREAT"}),
    ],
)
def test_rude_unverified_call_fails(lang: str, case: str, lines: list[str], rules: set[str]) -> None:
    out = call_json("--lang", lang, "call", "--persona", "angry", "--case", case, "--seed", "3",
                    stdin="\n".join(lines) + "\n")
    card = out["scorecard"]
    assert card["overall"]["result"] == "fail"
    assert rules <= {v["rule"] for v in card["violations"]}, card["violations"]
    assert out["debtor"]["hung_up"] is True, "the angry debtor hangs up on threats and insults"
    assert out["debtor"]["agreed_amount"] is None


def test_same_seed_same_call() -> None:
    script = str(SCRIPTS / "model-cooperative-zh.txt")
    first = debtsim("call", "--persona", "angry", "--case", "cn-card-wanglei", "--seed", "11", "--script", script,
                    "--json")
    second = debtsim("call", "--persona", "angry", "--case", "cn-card-wanglei", "--seed", "11", "--script", script,
                     "--json")
    assert first.returncode == 0 and first.stdout == second.stdout


def test_hang_up_then_only_record_is_accepted() -> None:
    lines = ["你个老赖，再不还钱我们就上门找你家里人！", "喂？还在吗？我还没说完", "/record outcome=hung_up notes=客户挂断"]
    done = debtsim("call", "--persona", "angry", "--case", "cn-card-wanglei", "--seed", "1", "--json",
                   stdin="\n".join(lines) + "\n")
    out = json.loads(done.stdout)
    assert out["debtor"]["hung_up"] is True
    assert out["turns"][-1]["intent"] == "hang_up"
    assert all(t["text"] != "喂？还在吗？我还没说完" for t in out["turns"]), "no turn after the hang-up"
    assert "只接受 /record" in done.stderr
    assert out["record"] == {"outcome": "hung_up", "notes": "客户挂断"}


def test_bad_record_gets_a_second_chance_and_loses_nothing() -> None:
    lines = ["您好，我是云港银行信用卡中心的小李，请问是王磊先生吗？", "/record outcome=promise amount=abc",
             "/record outcome=callback date=2026-02-30", '/record outcome=callback date=2026-03-05 notes="晚上再打"',
             "/end", "还在吗？"]
    done = debtsim("--lang", "en", "call", "--persona", "cooperative", "--case", "cn-card-wanglei", "--seed", "2",
                   "--json", stdin="\n".join(lines) + "\n")
    out = json.loads(done.stdout)
    assert "outcome: must be one of" in done.stderr and "date: not a date" in done.stderr
    assert out["record"] == {"outcome": "callback", "promised_date": "2026-03-05", "notes": "晚上再打"}
    assert [t["speaker"] for t in out["turns"]] == ["debtor", "agent", "debtor"], "/end stops new turns"


def test_plain_output_prints_replies_and_the_scorecard() -> None:
    done = debtsim("call", "--persona", "confused", "--case", "cn-huabei-elderly", "--seed", "5",
                   stdin="您好，我是花呗的客服小王，请问是本人吗？\n/hint\n/help\n/nonsense\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("客户：") >= 2
    assert "提示：" in done.stdout and "/record" in done.stdout and "未知命令 /nonsense" in done.stdout
    assert "五步流程" in done.stdout and "未填写通话记录" in done.stdout


def test_unknown_persona_names_the_valid_ones() -> None:
    done = debtsim("call", "--persona", "cooperativ", "--case", "cn-card-wanglei")
    assert done.returncode == 2
    assert "did you mean 'cooperative'" in done.stderr and "angry" in done.stderr


def test_every_persona_plays_every_case_of_its_list_in_both_languages() -> None:
    """A short call per persona x listed case x language through the real CLI path."""
    from simulator.catalog.search import load_catalog
    from simulator.session import CallSession

    catalog = load_catalog()
    played = 0
    for case_entry in catalog.cases.values():
        case = case_entry.model
        for persona_id in case.personas:
            for lang in ("zh", "en"):
                session = CallSession(catalog.persona(persona_id), case, lang, seed=played)
                assert session.pick_up().text
                name = case.debtor_name.get(lang)
                for line in (f"您好，请问是{name}吗？" if lang == "zh" else f"Hello, may I speak with {name}?",
                             "麻烦报一下身份证后四位。" if lang == "zh" else "Could you confirm your date of birth?",
                             "再见。" if lang == "zh" else "Thanks, goodbye."):
                    if session.over:
                        break
                    assert session.say(line).text.strip()
                played += 1
    assert played >= 40
