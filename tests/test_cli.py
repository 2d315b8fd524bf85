"""The ``debtsim`` command line through its real entry points."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import __version__
from simulator.catalog.models import Case, Persona
from simulator.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"debtsim {__version__}"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--help"], "全局选项"),
        (["--lang", "en", "--help"], "global options"),
        (["check", "--help", "--lang", "en"], "validate persona and case files"),
        (["check", "--help"], "校验人设与案件文件"),
    ],
)
def test_help_is_in_the_chosen_language(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    assert expected in capsys.readouterr().out


def test_lang_from_environment(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBTSIM_LANG", "en")
    assert main(["check"]) == 0
    assert "personas: 8 valid" in capsys.readouterr().out


@pytest.mark.parametrize("position", ["before", "after"])
def test_lang_before_or_after_the_subcommand(capsys: pytest.CaptureFixture[str], position: str) -> None:
    argv = ["--lang", "en", "check"] if position == "before" else ["check", "--lang", "en"]
    assert main(argv) == 0
    assert "personas: 8 valid" in capsys.readouterr().out


def test_personas_json_carries_every_schema_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["personas", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 8
    for row in rows:
        assert set(Persona.model_fields) <= set(row)
        assert Path(row["source"]).is_file()
        Persona.model_validate({k: v for k, v in row.items() if k not in ("source", "layer")})


def test_cases_json_carries_every_schema_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cases", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 8
    for row in rows:
        assert set(Case.model_fields) <= set(row)
        Case.model_validate({k: v for k, v in row.items() if k not in ("source", "layer")})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_list_every_persona_and_case(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    assert main(["--lang", lang, "personas"]) == 0
    assert main(["--lang", lang, "cases"]) == 0
    out = capsys.readouterr().out
    for persona_id in ("angry", "relative", "hardship"):
        assert persona_id in out
    assert "cn-card-wanglei" in out


def test_listing_survives_a_broken_trainer_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "broken.yaml").write_text("id: [unclosed\n", "utf-8")
    monkeypatch.setenv("DEBTSIM_CATALOG", str(tmp_path))
    assert main(["--lang", "en", "personas", "--json"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 8  # stdout holds only the JSON
    assert "broken.yaml:" in captured.err and "debtsim check" in captured.err


def test_console_script_runs_from_anywhere(tmp_path: Path) -> None:
    """The installed ``debtsim`` finds its built-in data wherever it is started."""
    exe = shutil.which("debtsim") or str(Path(sys.executable).parent / "debtsim")
    result = subprocess.run([exe, "--lang", "en", "check"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "personas: 8 valid" in result.stdout
    assert "Traceback" not in result.stderr


def test_no_traceback_for_a_missing_check_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["--lang", "en", "check", str(tmp_path / "nope.yaml")])
    captured = capsys.readouterr()
    assert code == 1
    assert "nope.yaml:1: (file): cannot read" in captured.out
