"""Bad databases: one clear line naming the path, exit 1, and the file left byte for byte as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_helpers import cli, debtsim

from simulator.store import open_store


def _same_after(path: Path, *argv: str, subprocess: bool = False) -> str:
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    done = (debtsim if subprocess else cli)(*argv)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime, "never overwritten"
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return lines[0]


def test_a_text_file_as_db(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("这不是数据库\n", "utf-8")
    line = _same_after(notes, "--lang", "en", "progress", "--db", str(notes), subprocess=True)
    assert "not a debtsim database" in line
    _same_after(notes, "sessions", "--db", str(notes))


def test_a_corrupt_database(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    open_store(str(db)).close()
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)  # the header survives, the schema page does not
    db.write_bytes(bytes(data))
    line = _same_after(db, "--lang", "en", "progress", "--db", str(db))
    assert "damaged" in line or "cannot open" in line


def test_another_programs_sqlite_database(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    line = _same_after(db, "--lang", "en", "export", "--db", f"sqlite:///{db}")
    assert "not debtsim's" in line


def test_a_newer_schema_through_the_cli(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    open_store(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.close()
    line = _same_after(db, "--lang", "en", "call", "--persona", "angry", "--case", "cn-card-wanglei", "--db", str(db))
    assert "newer debtsim" in line and "0999" in line


def test_a_missing_folder(tmp_path: Path) -> None:
    done = cli("--lang", "en", "sessions", "--db", str(tmp_path / "nope" / "x.db"))
    assert done.returncode == 1 and "does not exist" in done.stderr
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize("url", ["postgresql+psycopg://nobody:secret@127.0.0.1:1/none",
                                 "postgresql://nobody@127.0.0.1:1/none"])
def test_an_unreachable_postgresql(url: str) -> None:
    done = debtsim("--lang", "en", "progress", "--db", url, timeout=60)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the database server" in lines[0], done.stderr
    assert "secret" not in done.stderr, "the password is never printed"
