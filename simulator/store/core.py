"""The :class:`Store`: an open, checked, migrated database and its transactions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from simulator.store import engine as engine_mod
from simulator.store import url
from simulator.store.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine


def utcnow() -> datetime:
    """Now, as the naive UTC the tables store."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_session_id() -> str:
    return uuid.uuid4().hex[:12]


class Store:
    """One database. Use :meth:`write` / :meth:`read` for transactions; errors are :class:`StoreError`."""

    def __init__(self, engine: Engine, target: url.Target) -> None:
        self.engine, self.target = engine, target

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        from sqlalchemy.exc import DBAPIError

        from simulator.store import migrate

        target = url.resolve(db)
        engine = engine_mod.make_engine(target)
        try:
            migrate.ensure_schema(engine, target)
            if target.is_sqlite:
                engine_mod.use_wal(engine)
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as exc:
            engine.dispose()
            raise engine_mod.translate(exc, target) from None
        return cls(engine, target)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def where(self) -> str:
        return self.target.shown

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite), committed on success."""
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.begin() as conn:
                yield conn
        except DBAPIError as exc:
            if _integrity(exc):
                raise  # a duplicate id: the caller decides what that means
            raise engine_mod.translate(exc, self.target) from None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: takes no write lock on SQLite."""
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(**{engine_mod.READONLY: True})
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            raise engine_mod.translate(exc, self.target) from None

    def trainee_id(self, conn: Connection, name: str) -> int:
        """The id of trainee ``name``, created if new (safe when two terminals race)."""
        from sqlalchemy import select

        from simulator.store.schema import trainees

        found = conn.execute(select(trainees.c.id).where(trainees.c.name == name)).scalar()
        if found is None:
            if conn.dialect.name == "postgresql":
                from sqlalchemy.dialects.postgresql import insert
            else:
                from sqlalchemy.dialects.sqlite import insert
            conn.execute(insert(trainees).values(name=name, created_at=utcnow()).on_conflict_do_nothing())
            found = conn.execute(select(trainees.c.id).where(trainees.c.name == name)).scalar_one()
        return found

    def find_trainee(self, conn: Connection, name: str) -> int | None:
        from sqlalchemy import select

        from simulator.store.schema import trainees

        return conn.execute(select(trainees.c.id).where(trainees.c.name == name)).scalar()


def _integrity(exc: BaseException) -> bool:
    from sqlalchemy.exc import IntegrityError

    return isinstance(exc, IntegrityError)
