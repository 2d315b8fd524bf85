"""Broken trainer files: every problem reported as path:line: field: message, nothing lost.

These drive the real ``debtsim check`` entry point on a broken copy of the catalog.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from simulator.catalog.loader import layer_from_paths, load
from simulator.catalog.search import load_catalog
from simulator.cli import main

LINE = re.compile(r"^(?P<path>[^:]+\.ya?ml):(?P<line>\d+): (?P<field>[^:]+): (?P<message>.+)$")


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["--lang", "en", "check", *argv])
    out = capsys.readouterr().out.splitlines()
    return code, out


def _problem_lines(out: list[str]) -> list[re.Match[str]]:
    return [m for line in out if (m := LINE.match(line))]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _line_no(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_clean_catalog_checks_ok(capsys: pytest.CaptureFixture[str], catalog_copy: Path) -> None:
    code, out = _check(capsys, str(catalog_copy))
    assert code == 0, out
    assert _problem_lines(out) == []
    assert any(line.startswith("personas: 8 valid") for line in out)


def test_every_kind_of_breakage_is_reported_and_the_rest_still_load(
    capsys: pytest.CaptureFixture[str], catalog_copy: Path
) -> None:
    personas = catalog_copy / "personas"
    scenarios = catalog_copy / "scenarios"
    # 1. bad YAML syntax (an unclosed flow list)
    _replace(personas / "angry.yaml", "tags: [emotion, vent, credit_card]", "tags: [emotion, vent")
    # 2. wrong type (a word where a number belongs)
    _replace(personas / "cooperative.yaml", "  patience:", "  patience: lots\n  _was_patience:")
    # 3. unknown key (a typo)
    _replace(personas / "hardship.yaml", "temperament:\n  mood:", "temperament:\n  moood:")
    # 4. missing required field
    text = (personas / "confused.yaml").read_text("utf-8")
    (personas / "confused.yaml").write_text(re.sub(r"(?m)^difficulty: \w+\n", "", text), "utf-8")
    # 5. duplicate id across files
    shutil.copy(personas / "abusive.yaml", personas / "abusive_copy.yaml")
    # 6. empty file
    (personas / "empty.yaml").write_text("", "utf-8")
    # 7. binary garbage
    (scenarios / "garbage.yaml").write_bytes(bytes(range(256)) * 4)
    # 8. not UTF-8 (a GBK-encoded file, as Windows editors in China save by default)
    (personas / "gbk.yaml").write_bytes("id: gbk\nname: 王磊\n".encode("gbk"))
    # 9. a list where a mapping belongs
    (scenarios / "list.yaml").write_text("- id: a\n- id: b\n", "utf-8")

    code, out = _check(capsys, str(catalog_copy))
    assert code == 1
    problems = _problem_lines(out)
    by_file: dict[str, list[re.Match[str]]] = {}
    for m in problems:
        by_file.setdefault(Path(m["path"]).name, []).append(m)

    assert by_file["angry.yaml"][0]["field"] == "(yaml)"
    assert int(by_file["angry.yaml"][0]["line"]) >= _line_no(personas / "angry.yaml", "tags: [emotion")

    coop = by_file["cooperative.yaml"]
    assert [(m["field"], int(m["line"])) for m in coop if m["field"] == "temperament.patience"] == [
        ("temperament.patience", _line_no(personas / "cooperative.yaml", "patience: lots"))
    ]
    assert any(m["field"] == "temperament._was_patience" and "unknown key" in m["message"] for m in coop)

    hardship = {m["field"]: m for m in by_file["hardship.yaml"]}
    assert "did you mean 'mood'" in hardship["temperament.moood"]["message"]
    assert int(hardship["temperament.moood"]["line"]) == _line_no(personas / "hardship.yaml", "moood:")
    assert "temperament.mood" in hardship and "missing" in hardship["temperament.mood"]["message"]

    assert [(m["field"], m["message"]) for m in by_file["confused.yaml"]] == [
        ("difficulty", "required field is missing")
    ]
    dup = by_file["abusive_copy.yaml"]
    assert len(dup) == 1 and dup[0]["field"] == "id"
    assert re.match(r"duplicate of .*abusive\.yaml:\d+$", dup[0]["message"])
    assert by_file["empty.yaml"][0]["message"].startswith("file is empty")
    assert by_file["garbage.yaml"][0]["field"] == "(file)"
    assert "UTF-8" in by_file["gbk.yaml"][0]["message"] and by_file["gbk.yaml"][0]["line"] == "2"
    assert "mapping" in by_file["list.yaml"][0]["message"]

    # one line per problem, and every printed line that names a file parses
    assert len(problems) == len([line for line in out if ".yaml:" in line and not line.startswith("note: ")])
    # the valid files in the same folder still load
    catalog = load([layer_from_paths("checked", [catalog_copy])])
    assert {"disputer", "evasive", "relative", "abusive"} <= set(catalog.personas)
    assert not {"angry", "cooperative", "hardship", "confused"} & set(catalog.personas)
    assert len(catalog.cases) >= 8


def test_unknown_intent_and_slot_get_hints(capsys: pytest.CaptureFixture[str], catalog_copy: Path) -> None:
    angry = catalog_copy / "personas" / "angry.yaml"
    _replace(angry, "  stall:\n", "  stal:\n")
    _replace(angry, "{monthly}。\"", "{montly}。\"")
    code, out = _check(capsys, str(angry))
    assert code == 1
    messages = {m["field"]: m["message"] for m in _problem_lines(out)}
    assert "did you mean 'stall'" in messages["phrases.stal"]
    slot_field = next(f for f in messages if f.startswith("phrases.counter_offer.zh"))
    assert "did you mean {monthly}" in messages[slot_field]


def test_key_given_twice_is_an_error(capsys: pytest.CaptureFixture[str], catalog_copy: Path) -> None:
    angry = catalog_copy / "personas" / "angry.yaml"
    _replace(angry, "difficulty: medium\n", "difficulty: medium\ndifficulty: hard\n")
    code, out = _check(capsys, str(angry))
    (m,) = _problem_lines(out)
    assert code == 1 and m["field"] == "difficulty" and "given twice" in m["message"]


def test_relative_cannot_promise_payment(capsys: pytest.CaptureFixture[str], catalog_copy: Path) -> None:
    relative = catalog_copy / "personas" / "relative.yaml"
    text = relative.read_text("utf-8")
    relative.write_text(
        text.replace("phrases:\n", 'phrases:\n  accept_plan:\n    zh: ["行，我替他还{amount}"]\n    en: ["Fine, I\'ll pay {amount}"]\n', 1),
        "utf-8",
    )
    code, out = _check(capsys, str(relative))
    assert code == 1
    assert any("never confirms the debt or promises payment" in m["message"] for m in _problem_lines(out))


def test_trainer_file_replaces_builtin_and_check_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, builtin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine"
    (mine / "personas").mkdir(parents=True)
    text = (builtin / "personas" / "angry.yaml").read_text("utf-8").replace("difficulty: medium", "difficulty: hard")
    (mine / "personas" / "angry.yaml").write_text(text, "utf-8")
    monkeypatch.setenv("DEBTSIM_CATALOG", str(mine))
    code = main(["check", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0
    assert re.search(r"^note: .*mine/personas/angry\.yaml:\d+: id: replaces the built-in persona 'angry'", out, re.M)
    assert load_catalog().persona("angry").difficulty == "hard"


def test_catalog_option_works_before_and_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, builtin: Path
) -> None:
    extra = tmp_path / "extra"
    (extra / "scenarios").mkdir(parents=True)
    case = (builtin / "scenarios" / "cn-card-wanglei.yaml").read_text("utf-8")
    (extra / "scenarios" / "x.yaml").write_text(case.replace("id: cn-card-wanglei", "id: trainer-case"), "utf-8")
    for argv in (["--catalog", str(extra), "cases", "--json"], ["cases", "--json", "--catalog", str(extra)]):
        assert main(argv) == 0
        assert '"id": "trainer-case"' in capsys.readouterr().out


@pytest.mark.parametrize("odd_key", ["p[arty", "Party", "float", "function-after[x]"])
def test_odd_unknown_keys_are_named_at_their_line(
    capsys: pytest.CaptureFixture[str], catalog_copy: Path, odd_key: str
) -> None:
    """Keys that look like pydantic's union tags are still the trainer's own keys."""
    angry = catalog_copy / "personas" / "angry.yaml"
    _replace(angry, "party:\n", f'"{odd_key}": 1\nparty:\n')
    code, out = _check(capsys, str(angry))
    problems = _problem_lines(out)
    assert code == 1 and len(problems) == 1
    assert problems[0]["message"].startswith("unknown key")
    assert int(problems[0]["line"]) == _line_no(angry, f'"{odd_key}": 1')
