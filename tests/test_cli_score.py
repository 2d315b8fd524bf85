"""``debtsim score`` and ``debtsim eval`` through the real CLI entry point."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from simulator.cli import main

DATA = Path(__file__).resolve().parent / "data" / "calls"
SCORECARD_KEYS = ["id", "steps", "step_order_ok", "violations", "tone", "record_accurate", "outcome", "overall"]


@pytest.fixture
def some_calls(tmp_path: Path) -> Path:
    folder = tmp_path / "calls"
    folder.mkdir()
    for path in sorted((DATA / "dev").glob("*.json"))[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def test_score_json_prints_one_scorecard_per_line(capsys: pytest.CaptureFixture[str], some_calls: Path) -> None:
    assert main(["score", str(some_calls), "--json"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 3
    for line in lines:
        card = json.loads(line)
        assert list(card) == SCORECARD_KEYS
        assert list(card["steps"]) == ["identity", "reminder", "negotiation", "support", "closing"]
        for step in card["steps"].values():
            assert step["turns"] == sorted(set(step["turns"]))
    assert "3" in captured.err  # the summary goes to stderr, never into the JSON stream


def test_bad_transcripts_are_named_and_the_batch_goes_on(capsys: pytest.CaptureFixture[str], some_calls: Path) -> None:
    good = json.loads(next(some_calls.glob("*.json")).read_text("utf-8"))
    missing = dict(good, id="missing-scenario-key")
    missing["scenario"] = {k: v for k, v in good["scenario"].items() if k != "amount_due"}
    (some_calls / "missing.json").write_text(json.dumps(missing, ensure_ascii=False), "utf-8")
    bad_speaker = dict(good, id="bad-speaker", turns=[{"speaker": "bot", "text": "hi"}])
    (some_calls / "batch.jsonl").write_text(
        json.dumps(dict(good, id="jsonl-ok"), ensure_ascii=False) + "\n" + json.dumps(bad_speaker) + "\n{not json\n",
        "utf-8",
    )
    (some_calls / "gbk.json").write_bytes('{"id": "王"}'.encode("gbk"))
    code = main(["--lang", "en", "score", str(some_calls), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    ids = [json.loads(line)["id"] for line in captured.out.splitlines()]
    assert "jsonl-ok" in ids and len(ids) == 4  # three good files plus the good jsonl line
    err = captured.err
    assert "missing.json" in err and "amount_due" in err
    assert "batch.jsonl:2" in err and "bot" in err
    assert "batch.jsonl:3" in err
    assert "gbk.json" in err and "UTF-8" in err
    assert "Traceback" not in err


def test_score_reads_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    raw = next((DATA / "dev").glob("*.json")).read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    assert main(["score", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == json.loads(raw)["id"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_score_report_shows_marks_and_quoted_words(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    violating = next(
        p for p in sorted((DATA / "dev").glob("*.json")) if json.loads(p.read_text("utf-8"))["expected"]["violations"]
    )
    main(["--lang", lang, "score", str(violating)])
    out = capsys.readouterr().out
    assert "✓" in out or "✗" in out
    assert "“" in out  # evidence and violations quote the call's own words
    assert ("不通过" if lang == "zh" else "FAIL") in out


def test_eval_reports_every_metric(capsys: pytest.CaptureFixture[str], some_calls: Path) -> None:
    assert main(["eval", str(some_calls), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    for key in ("calls", "step_accuracy", "step_order_accuracy", "violations", "violations_by_rule",
                "tone_accuracy", "record_accuracy", "overall_accuracy", "disagreements"):
        assert key in report
    assert report["calls"] == 3


def test_eval_finds_a_planted_disagreement(capsys: pytest.CaptureFixture[str], some_calls: Path) -> None:
    path = next(some_calls.glob("*.json"))
    call = json.loads(path.read_text("utf-8"))
    call["expected"]["overall"] = "fail" if call["expected"]["overall"] == "pass" else "pass"
    path.write_text(json.dumps(call, ensure_ascii=False), "utf-8")
    main(["eval", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["overall_accuracy"] == 0.0
    assert any(d["call"] == call["id"] for d in report["disagreements"])


def test_eval_without_labels_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    call = json.loads(next((DATA / "dev").glob("*.json")).read_text("utf-8"))
    call.pop("expected")
    (tmp_path / "plain.json").write_text(json.dumps(call, ensure_ascii=False), "utf-8")
    assert main(["--lang", "en", "eval", str(tmp_path)]) == 1
    assert "no labelled calls" in capsys.readouterr().err
