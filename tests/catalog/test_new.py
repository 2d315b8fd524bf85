"""``debtsim new persona|case --from ID NEW``: the copy lands in the first trainer catalog and passes check."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from simulator import locations
from simulator.catalog.authoring import AuthoringError, retarget
from simulator.cli import main


def _new(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["new", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["check", "--lang", "en", *argv])
    return code, capsys.readouterr().out


def _listed(out: str, kind: str) -> list[str]:
    """The ids on the ``personas: N valid — a, b`` line of ``debtsim check --lang en``."""
    line = next(x for x in out.splitlines() if x.startswith(f"{kind}:"))
    return line.split("—", 1)[1].strip().split(", ")


def test_persona_copy_passes_check_unedited(capsys: pytest.CaptureFixture[str], tmp_path: Path, builtin: Path) -> None:
    code, out, err = _new(capsys, "persona", "--from", "angry", "my_persona", "--catalog", str(tmp_path))
    target = tmp_path / "personas" / "my_persona.yaml"
    assert code == 0, err
    assert out.strip() == str(target)
    assert "debtsim persona-test my_persona" in err
    source = (builtin / "personas" / "angry.yaml").read_text("utf-8").splitlines()
    copy = target.read_text("utf-8").splitlines()
    assert copy[0].startswith("# debtsim new --from angry")
    assert [x for x in copy[1:] if x != "id: my_persona"] == [x for x in source if x != "id: angry"]
    assert sum(x.lstrip().startswith("#") for x in copy) == sum(x.lstrip().startswith("#") for x in source) + 1
    code, out = _check(capsys, "--catalog", str(tmp_path))
    assert code == 0, out
    assert "duplicate" not in out and "replaces" not in out
    assert "my_persona" in _listed(out, "personas") and "angry" in _listed(out, "personas")


def test_case_copy_passes_check_unedited(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _new(capsys, "case", "--from", "us-card-turner", "drill-1", "--catalog", str(tmp_path))
    assert code == 0, err
    assert Path(out.strip()) == tmp_path / "scenarios" / "drill-1.yaml"
    assert "id: drill-1\n" in Path(out.strip()).read_text("utf-8")
    code, out = _check(capsys, "--catalog", str(tmp_path))
    assert code == 0, out
    assert "drill-1" in _listed(out, "cases")
    code, out = _check(capsys, "--catalog", str(tmp_path), str(tmp_path / "scenarios" / "drill-1.yaml"))
    assert code == 0, out


def test_refuses_to_overwrite_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert _new(capsys, "persona", "--from", "angry", "mine", "--catalog", str(tmp_path))[0] == 0
    target = tmp_path / "personas" / "mine.yaml"
    target.write_text(target.read_text("utf-8") + "# my edit\n", "utf-8")
    code, out, err = _new(capsys, "persona", "--from", "cooperative", "mine", "--catalog", str(tmp_path), "--lang", "en")
    assert code == 1 and out == ""
    assert "already exists; add --force" in err
    assert target.read_text("utf-8").endswith("# my edit\n"), "a refusal must leave the file alone"
    code, _, err = _new(capsys, "persona", "--from", "cooperative", "mine", "--catalog", str(tmp_path))
    assert code == 1 and "--force" in err and "已存在" in err
    code, _, err = _new(capsys, "persona", "--from", "cooperative", "mine", "--catalog", str(tmp_path), "--force")
    assert code == 0, err
    assert "copied from cooperative" in target.read_text("utf-8")
    assert _check(capsys, "--catalog", str(tmp_path))[0] == 0


@pytest.mark.parametrize("bad", ["My_Persona", "my persona", "_x", "a.b", "x" * 65, "名字"])
def test_refuses_an_invalid_id(capsys: pytest.CaptureFixture[str], tmp_path: Path, bad: str) -> None:
    code, _, err = _new(capsys, "persona", "--from", "angry", bad, "--catalog", str(tmp_path), "--lang", "en")
    assert code == 1
    assert "is not a valid id" in err
    assert not (tmp_path / "personas").exists()


def test_refuses_an_unknown_source_with_a_hint(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _new(capsys, "persona", "--from", "angy", "x", "--catalog", str(tmp_path), "--lang", "en")
    assert code == 1
    assert "no persona with id 'angy'; did you mean 'angry'?" in err
    code, _, err = _new(capsys, "case", "--from", "nothing-like-it", "x", "--catalog", str(tmp_path))
    assert code == 1
    assert "没有 id 为“nothing-like-it”的案件" in err and "cn-card-wanglei" in err


def test_refuses_an_id_another_layer_uses_unless_forced(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _new(capsys, "persona", "--from", "angry", "cooperative", "--catalog", str(tmp_path), "--lang", "en")
    assert code == 1
    assert "already used by a persona in the built-in catalog" in err
    code, _, err = _new(capsys, "persona", "--from", "angry", "cooperative", "--catalog", str(tmp_path), "--force")
    assert code == 0, err  # a deliberate replacement: check notes it, it is no error
    code, out = _check(capsys, "--catalog", str(tmp_path))
    assert code == 0 and "replaces the built-in persona 'cooperative'" in out


def test_refuses_a_duplicate_id_in_the_target_even_with_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert _new(capsys, "persona", "--from", "angry", "first", "--catalog", str(tmp_path))[0] == 0
    (tmp_path / "personas" / "first.yaml").rename(tmp_path / "personas" / "renamed.yaml")
    code, _, err = _new(capsys, "persona", "--from", "angry", "first", "--catalog", str(tmp_path), "--force",
                        "--lang", "en")
    assert code == 1
    assert "ids must be unique within a catalog" in err and "renamed.yaml" in err
    assert _check(capsys, "--catalog", str(tmp_path))[0] == 0


def test_refuses_the_source_id_itself(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _new(capsys, "persona", "--from", "angry", "angry", "--catalog", str(tmp_path), "--force",
                        "--lang", "en")
    assert code == 1 and "the source's own id" in err


def test_writes_to_the_first_debtsim_catalog(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.setenv("DEBTSIM_CATALOG", f"{first}{os.pathsep}{second}")
    code, out, err = _new(capsys, "persona", "--from", "hardship", "night_shift")
    assert code == 0, err
    assert Path(out.strip()) == first / "personas" / "night_shift.yaml"
    assert not second.exists()
    code, out = _check(capsys)
    assert code == 0 and "night_shift" in _listed(out, "personas")


def test_catalog_option_wins_over_the_environment(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBTSIM_CATALOG", str(tmp_path / "env"))
    code, out, _ = _new(capsys, "persona", "--from", "angry", "x1", "--catalog", str(tmp_path / "cli"))
    assert code == 0 and Path(out.strip()) == tmp_path / "cli" / "personas" / "x1.yaml"


def test_falls_back_to_the_user_data_folder(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    code, out, err = _new(capsys, "case", "--from", "cn-card-wanglei", "my-case")
    assert code == 0, err
    assert Path(out.strip()) == isolated_home / "scenarios" / "my-case.yaml" == locations.data_dir() / "scenarios" / "my-case.yaml"
    code, out = _check(capsys)
    assert code == 0 and "my-case" in _listed(out, "cases")


def test_copies_from_a_trainer_layer(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A source in DEBTSIM_CATALOG, copied into a --catalog folder; both load, no duplicate."""
    env, mine = tmp_path / "team", tmp_path / "mine"
    monkeypatch.setenv("DEBTSIM_CATALOG", str(env))
    assert _new(capsys, "persona", "--from", "evasive", "team_evasive")[0] == 0
    source = env / "personas" / "team_evasive.yaml"
    source.write_text(source.read_text("utf-8").replace("patience: 7 ", "patience: 9 "), "utf-8")  # the team's edit
    code, out, err = _new(capsys, "persona", "--from", "team_evasive", "my_evasive", "--catalog", str(mine))
    assert code == 0, err
    assert "DEBTSIM_CATALOG" in err  # the layer it came from
    text = Path(out.strip()).read_text("utf-8")
    assert "patience: 9 " in text and "copied from team_evasive" in text and "id: my_evasive\n" in text
    assert text.count("# debtsim new --from") == 1 and "copied from evasive" not in text
    code, out = _check(capsys, "--catalog", str(mine))
    assert code == 0, out
    assert {"team_evasive", "my_evasive", "evasive"} <= set(_listed(out, "personas"))


def test_retarget_keeps_layout_and_line_endings() -> None:
    text = "# a comment\r\nid: 'old'   # keep me\r\nname: x\r\n"
    out = retarget(text, 2, "new_one", "old")
    assert out.endswith("# a comment\r\nid: new_one   # keep me\r\nname: x\r\n")
    assert out.startswith("# debtsim new --from old") and out.count("\r\n") == 4
    with pytest.raises(AuthoringError) as info:
        retarget("id: {a: b}\n", 1, "x", "y")
    assert info.value.key == "new.no_id_line"
