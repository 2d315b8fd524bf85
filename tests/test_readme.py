"""The README's test command is what CI runs, character for character."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _readme_test_command() -> str:
    readme = (REPO / "README.md").read_text("utf-8")
    match = re.search(r"<!-- test-command -->\s*```bash\n(.+?)\n```", readme, re.S)
    assert match, "README.md lost its marked test command"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command() -> None:
    ci = REPO / ".ci" / "run"
    if not ci.exists():
        pytest.skip("not a source checkout (.ci/run absent)")
    assert _readme_test_command() in ci.read_text("utf-8").splitlines()


def test_readme_first_screen_has_both_commands() -> None:
    first_screen = "\n".join((REPO / "README.md").read_text("utf-8").splitlines()[:30])
    assert "pip install . && .venv/bin/debtsim" in first_screen
    assert _readme_test_command() in first_screen
