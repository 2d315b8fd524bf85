"""Import guards the architecture relies on, checked in a fresh interpreter.

``scoring`` is pure (no simulator, UI, SQL or torch); the CLI starts without torch or
transformers; ``debtsim --help`` does not even load pydantic, YAML or rich.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _modules_after(code: str) -> set[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


def _top(mods: set[str]) -> set[str]:
    return {m.split(".")[0] for m in mods}


def test_scoring_imports_nothing_from_simulator_ui_sql_or_torch() -> None:
    mods = _top(_modules_after("import scoring, scoring.vocab, scoring.loading.files, scoring.evaluate\nscoring.score({'id': 'x', 'language': 'zh', 'scenario': {'product': 'huabei', 'debtor_name': '王', 'amount_due': 1, 'currency': 'CNY', 'days_overdue': 1}, 'turns': [{'speaker': 'agent', 'text': '您好'}]})"))
    forbidden = {"simulator", "textual", "sqlite3", "_sqlite3", "sqlalchemy", "psycopg", "torch", "transformers"}
    assert mods & forbidden == set()


@pytest.mark.parametrize(
    "module", ["simulator.cli", "simulator.cli.check", "simulator.cli.listing", "simulator.cli.score", "simulator.cli.evaluate"]
)
def test_cli_does_not_import_torch_or_transformers(module: str) -> None:
    assert _top(_modules_after(f"import {module}")) & {"torch", "transformers"} == set()


def test_help_path_stays_light() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from simulator.cli import main\n"
        "sys.argv = ['debtsim', '--help']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
    )
    mods = _top(_modules_after(code))
    assert mods & {"pydantic", "yaml", "rich", "textual", "torch", "transformers", "platformdirs"} == set()


def test_the_app_imports_no_model_code_and_no_charts_until_a_chart_opens() -> None:
    """Building the app (what bare ``debtsim`` does before the first paint) stays light."""
    mods = _modules_after("from simulator.app import make_app\nimport simulator.app.screens.home\nmake_app()")
    assert _top(mods) & {"torch", "transformers", "plotext", "textual_plotext", "pydantic", "yaml"} == set()
    # the engine and the catalog load in the home screen's worker, after the first paint (~0.6 s)
    assert {"simulator.app.widgets.charts", "sqlalchemy", "simulator.session", "simulator.catalog"} & mods == set()


def test_catalog_does_not_compile_the_scorer() -> None:
    """The persona catalog needs only the vocabularies, not the analyser and rubric (~250 ms)."""
    mods = _modules_after("import simulator.catalog.search, scoring")
    assert {"scoring.analysis", "scoring.rubric", "scoring.scorer"} & mods == set()


def test_scoring_score_is_the_function_whatever_was_imported_first() -> None:
    code = "import scoring.evaluate, scoring\nassert callable(scoring.score)\nfrom scoring import score\nassert callable(score)"
    subprocess.run([sys.executable, "-c", code], check=True)
