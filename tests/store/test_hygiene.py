"""The store costs nothing until it is used: no SQLAlchemy for ``--help``, ``import scoring`` or the store package."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return {m.split(".")[0] for m in json.loads(out.splitlines()[-1])}


def test_help_does_not_import_sqlalchemy() -> None:
    code = (
        "import sys, contextlib, io\nfrom simulator.cli import main\nsys.argv = ['debtsim', '--help']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    try:\n        main()\n    except SystemExit:\n        pass\n"
    )
    assert _modules_after(code) & {"sqlalchemy", "alembic", "psycopg", "sqlite3"} == set()


def test_store_package_and_scoring_import_no_sql() -> None:
    mods = _modules_after("import simulator.store, scoring, scoring.scorer")
    assert mods & {"sqlalchemy", "alembic", "psycopg"} == set()


def test_opening_a_current_store_does_not_import_alembic(tmp_path) -> None:
    db = tmp_path / "x.db"
    subprocess.run([sys.executable, "-c", f"from simulator.store import open_store; open_store({str(db)!r}).close()"],
                   check=True)
    mods = _modules_after(f"from simulator.store import open_store\nopen_store({str(db)!r}).close()")
    assert "sqlalchemy" in mods and "alembic" not in mods
