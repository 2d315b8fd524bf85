"""Mutated persona files: every result is a valid persona or clean problems naming the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.loading.problems import Problems
from simulator import locations
from simulator.catalog.loader import read_file
from simulator.catalog.models import Persona

SOURCES = sorted((locations.builtin_catalog() / "personas").glob("*.yaml"))
NOISE = [":", ": ", "{", "}", "[", "]", "-", "- ", "  ", "\t", '"', "'", "#", "&a", "*a", "!!python/object", "~",
         "null", "true", "no", "3.5", "-2", "1e9", "王", "\x00", "%", "@", "`", "|", ">", "\n", "{amount", "{foo}"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    source = draw(st.sampled_from(SOURCES))
    lines = source.read_text("utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap_value", "indent", "truncate"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "insert":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from(NOISE)) + line[at:]
        elif action == "swap_value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(st.sampled_from(NOISE + ['[]', '{}', '0', 'x' * 3]))}\n"
        elif action == "indent":
            lines[index] = draw(st.sampled_from(["", " ", "      "])) + lines[index].lstrip()
        elif action == "truncate":
            lines = lines[:index]
    data = "".join(lines).encode("utf-8")
    if draw(st.booleans()) and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b""])) + data[at:]
    return data


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "personas"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated())
def test_mutated_persona_is_valid_or_a_clean_error(data: bytes, workdir: Path) -> None:
    workdir.mkdir(exist_ok=True)
    path = workdir / "mutant.yaml"
    path.write_bytes(data)
    problems = Problems()
    model, _ = read_file(path, "persona", problems)  # must never raise
    if model is not None:
        assert isinstance(model, Persona)
        assert not problems.errors
        return
    assert problems.errors, "rejected without saying why"
    line_count = data.count(b"\n") + 1
    for problem in problems.errors:
        text = str(problem)
        assert problem.path == path
        assert re.match(r"^.+mutant\.yaml:\d+: [^:]+: .+", text, re.S), text
        assert 1 <= problem.line <= line_count + 1, text
        assert "Traceback" not in text
