"""The store commands through the real console script: call -> sessions -> progress -> export -> import."""

from __future__ import annotations

import csv
import getpass
import io
import json
from pathlib import Path

from store_helpers import cli as debtsim

SCRIPT = Path(__file__).resolve().parents[1] / "data" / "scripts" / "model-cooperative-en.txt"
CALL = ("--lang", "en", "call", "--persona", "cooperative", "--case", "us-card-turner", "--seed", "0")


def test_a_call_is_stored_and_reported(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    done = debtsim(*CALL, "--script", str(SCRIPT), "--trainee", "王芳", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "--resume" in done.stdout, "the session id is shown so an interrupted call can be resumed"
    listed = debtsim("sessions", "--trainee", "王芳", "--db", db, "--json")
    (row,) = [json.loads(x) for x in listed.stdout.splitlines()]
    assert row["status"] == "complete" and row["trainee"] == "王芳" and row["case"] == "us-card-turner"

    progress = json.loads(debtsim("progress", "--trainee", "王芳", "--db", db, "--json").stdout)
    assert progress["calls"] == 1 and progress["avg_score"] == row["score"]
    text = debtsim("--lang", "en", "progress", "--trainee", "王芳", "--db", db).stdout
    assert "Pass rate" in text and "Trend" in text
    cohort = json.loads(debtsim("progress", "--cohort", "--db", db, "--json").stdout)
    assert [r["trainee"] for r in cohort] == ["王芳"]

    scored = debtsim("score", "--session", row["id"], "--db", db, "--json")
    card = json.loads(scored.stdout)
    assert card["id"] == row["id"] and card["overall"]["score"] == row["score"] and card["reviews"] == []
    reviewed = debtsim("--lang", "en", "review", row["id"], "--finding", "step:support", "--verdict", "overturn",
                       "--comment", "channel was given", "--trainer", "coach", "--db", db)
    assert reviewed.returncode == 0, reviewed.stderr
    shown = debtsim("--lang", "en", "score", "--session", row["id"], "--db", db)
    assert "Trainer reviews" in shown.stdout and "channel was given" in shown.stdout and "coach" in shown.stdout


def test_export_import_through_the_cli(tmp_path: Path) -> None:
    db, other = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert debtsim(*CALL, "--script", str(SCRIPT), "--trainee", "amy", "--db", db).returncode == 0
    assert debtsim(*CALL, "--trainee", "amy", "--db", db, stdin="Hello?\n").returncode == 0
    out = tmp_path / "calls.jsonl"
    done = debtsim("export", "--format", "jsonl", "--db", db, "-o", str(out))
    assert done.returncode == 0 and len(out.read_text("utf-8").splitlines()) == 2
    stdout = debtsim("export", "--db", db).stdout
    assert stdout == out.read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(debtsim("export", "--format", "csv", "--db", db).stdout)))
    assert len(rows) == 2 and {r["trainee"] for r in rows} == {"amy"}
    done = debtsim("import", str(out), "--trainee", "amy", "--db", other)
    assert done.returncode == 0, done.stderr
    assert debtsim("export", "--db", other).stdout == stdout
    again = debtsim("--lang", "en", "import", str(out), "--trainee", "amy", "--db", other)
    assert again.returncode == 1 and "already in the database" in again.stderr and f"{out}:1" in again.stderr


def test_import_scores_a_qa_teams_real_calls_and_names_bad_lines(tmp_path: Path) -> None:
    db = str(tmp_path / "qa.db")
    real = json.loads((Path(__file__).resolve().parents[1] / "data" / "calls" / "dev").glob("zh-*.json").__next__()
                      .read_text("utf-8"))
    src = tmp_path / "qa.jsonl"
    src.write_text(json.dumps(real, ensure_ascii=False) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n", "utf-8")
    done = debtsim("--lang", "en", "import", str(src), "--trainee", "qa", "--db", db)
    assert done.returncode == 1
    assert f"{src}:2" in done.stderr and f"{src}:3" in done.stderr and "1 call(s) imported" in done.stderr
    progress = json.loads(debtsim("progress", "--trainee", "qa", "--db", db, "--json").stdout)
    assert progress["calls"] == 1


def test_who_is_calling(tmp_path: Path, isolated_home: Path) -> None:
    db = str(tmp_path / "w.db")
    assert debtsim(*CALL, "--db", db, stdin="Hello?\n").returncode == 0
    rows = [json.loads(x) for x in debtsim("sessions", "--all", "--db", db, "--json").stdout.splitlines()]
    assert rows[0]["trainee"] == getpass.getuser(), "no --trainee, no DEBTSIM_TRAINEE: the OS user"
    assert debtsim(*CALL, "--db", db, stdin="Hello?\n", env={"DEBTSIM_TRAINEE": "env-name"}).returncode == 0
    assert debtsim(*CALL, "--db", db, "--trainee", "remembered", stdin="Hello?\n").returncode == 0
    assert (isolated_home / "trainee").read_text("utf-8").strip() == "remembered"
    mine = [json.loads(x) for x in debtsim("sessions", "--db", db, "--json").stdout.splitlines()]
    assert [r["trainee"] for r in mine] == ["remembered"], "later commands use the remembered name"
    assert [json.loads(x)["trainee"] for x in debtsim("sessions", "--db", db, "--json",
                                                      env={"DEBTSIM_TRAINEE": "env-name"}).stdout.splitlines()] \
        == ["env-name"]


def test_default_database_lives_in_the_data_folder_and_env_selects_another(tmp_path: Path, isolated_home: Path) -> None:
    assert debtsim(*CALL, stdin="Hello?\n").returncode == 0
    assert (isolated_home / "progress.db").is_file()
    other = tmp_path / "env.db"
    assert debtsim(*CALL, stdin="Hello?\n", env={"DEBTSIM_DB": f"sqlite:///{other}"}).returncode == 0
    assert other.is_file()


def test_resume_and_score_need_a_known_session(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    done = debtsim("--lang", "en", "call", "--resume", "nope", "--db", db)
    assert done.returncode == 1 and "no session nope" in done.stderr
    done = debtsim("--lang", "en", "score", "--session", "nope", "--db", db)
    assert done.returncode == 1 and "no session nope" in done.stderr
    done = debtsim("--lang", "en", "call", "--db", db)
    assert done.returncode == 2 and "--persona and --case are required" in done.stderr
    assert debtsim(*CALL, "--script", str(SCRIPT), "--db", db, "--trainee", "z").returncode == 0
    (row,) = [json.loads(x) for x in debtsim("sessions", "--trainee", "z", "--db", db, "--json").stdout.splitlines()]
    done = debtsim("--lang", "en", "call", "--resume", row["id"], "--db", db)
    assert done.returncode == 1 and "cannot be continued" in done.stderr


def test_the_cli_on_postgresql(pg_url: str) -> None:
    """A training centre's shared database: the same commands against a real PostgreSQL."""
    assert debtsim(*CALL, "--script", str(SCRIPT), "--trainee", "ana", "--db", pg_url).returncode == 0
    assert debtsim(*CALL, "--trainee", "ben", "--db", pg_url, stdin="Hello?\n").returncode == 0
    cohort = json.loads(debtsim("progress", "--cohort", "--db", pg_url, "--json").stdout)
    assert [r["trainee"] for r in cohort] == ["ana", "ben"]
    lines = debtsim("export", "--db", pg_url).stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(x)["session"]["status"] == "complete" for x in lines)


def test_ctrl_c_keeps_the_call_as_abandoned(tmp_path: Path, monkeypatch) -> None:
    import sys

    from simulator.cli import main

    class Interrupted:
        def __init__(self) -> None:
            self.lines = iter(["Hello, is this Dana Turner?\n"])

        def isatty(self) -> bool:
            return False

        def __iter__(self):
            return self

        def __next__(self) -> str:
            try:
                return next(self.lines)
            except StopIteration:
                raise KeyboardInterrupt from None

    db = str(tmp_path / "c.db")
    monkeypatch.setattr(sys, "stdin", Interrupted())
    assert main([*CALL, "--trainee", "cc", "--db", db]) == 130
    (row,) = [json.loads(x) for x in debtsim("sessions", "--trainee", "cc", "--db", db, "--json").stdout.splitlines()]
    assert row["status"] == "abandoned" and row["turns"] == 3
    done = debtsim(*CALL[:2], "call", "--resume", row["id"], "--db", db, "--json", stdin="Thanks, goodbye.\n")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["turns"][1]["text"] == "Hello, is this Dana Turner?"
