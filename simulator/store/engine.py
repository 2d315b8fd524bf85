"""The SQLAlchemy engine for a :class:`~simulator.store.url.Target`, set up for each dialect.

SQLite: WAL (readers never block the writer), ``synchronous=NORMAL`` (in WAL mode a
committed turn survives ``kill -9``; only a power cut can lose the last few), a 30 s busy
timeout, foreign keys on, and ``BEGIN IMMEDIATE`` for writes: a writer takes the lock when
it starts instead of failing to upgrade a read lock halfway, so eight terminals on one file
wait their turn and never see "database is locked". Before anything touches a file we
check its header, so a text file or a stranger's file is refused and never overwritten.

PostgreSQL: a short connect timeout and pre-ping, so an unreachable server is one line, fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from simulator.store.errors import StoreError
from simulator.store.url import Target

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

BUSY_TIMEOUT_S = 30
PG_CONNECT_TIMEOUT_S = 5
SQLITE_HEADER = b"SQLite format 3\x00"
READONLY = "debtsim_readonly"
"""Execution option: a read transaction (plain ``BEGIN`` on SQLite, no write lock)."""


def make_engine(target: Target) -> Engine:
    from sqlalchemy import create_engine, event

    if target.is_sqlite:
        if target.path is not None:
            check_sqlite_file(target)
        engine = create_engine(target.url, connect_args={"timeout": BUSY_TIMEOUT_S})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
            cursor = dbapi_conn.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            readonly = conn.get_execution_options().get(READONLY, False)
            conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

        return engine
    try:
        return create_engine(target.url, pool_pre_ping=True,
                             connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S})
    except Exception as exc:  # a malformed URL or an unknown driver
        raise StoreError("store.bad_url", target.shown, error=first_line(exc)) from None


WAL_SWITCH_TIMEOUT_S = 30.0


def use_wal(engine: Engine) -> None:
    """Switch an SQLite file to WAL (persistent), once it is known to be ours.

    Not on connect: that would rewrite the header of a stranger's database before we
    refused it. Outside any transaction, which SQLite requires for this pragma.
    """
    import sqlite3
    import time

    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        # Several terminals opening a fresh file race to switch it; SQLite does not call the
        # busy handler for this pragma, so the loser retries until the winner is done.
        deadline = time.monotonic() + WAL_SWITCH_TIMEOUT_S
        while cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            try:
                cursor.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        cursor.close()
    finally:
        raw.close()


def check_sqlite_file(target: Target) -> None:
    """Refuse a path that is not (and cannot become) an SQLite database; create the folder."""
    from simulator import locations

    path = target.path
    assert path is not None
    if path.is_dir():
        raise StoreError("store.not_db", target.shown)
    if path.exists():
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StoreError("store.cannot_open", target.shown, error=first_line(exc)) from None
        if head and head != SQLITE_HEADER:
            raise StoreError("store.not_db", target.shown)
        return
    if path == locations.database_path().resolve():
        path.parent.mkdir(parents=True, exist_ok=True)  # the default location: ours to create
    elif not path.parent.is_dir():
        raise StoreError("store.no_folder", target.shown, folder=str(path.parent))


def translate(exc: BaseException, target: Target) -> StoreError:
    """A driver error as a one-line :class:`StoreError` naming the database."""
    text = first_line(getattr(exc, "orig", None) or exc)
    if target.is_sqlite:
        lowered = text.lower()
        if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
            return StoreError("store.corrupt", target.shown, error=text)
        return StoreError("store.cannot_open", target.shown, error=text)
    return StoreError("store.unreachable", target.shown, error=text)


def first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__
