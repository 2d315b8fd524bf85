"""Which database: ``--db``, else ``DEBTSIM_DB``, else the SQLite file in the user data folder.

Both take a SQLAlchemy-style URL (``sqlite:////abs/path.db``,
``postgresql+psycopg://user@host/db``); anything without ``://`` is a path to an SQLite
file. A plain ``postgresql://`` URL is read as ``postgresql+psycopg://`` (the driver we ship).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Target:
    url: str
    """The SQLAlchemy URL to connect to."""
    path: Path | None
    """The SQLite file, or ``None`` for a server database."""
    shown: str
    """How messages name it: the file path, or the URL without its password."""

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")


def resolve(db: str | None = None) -> Target:
    from simulator import locations

    raw = (db or os.environ.get("DEBTSIM_DB") or "").strip()
    if not raw:
        return _sqlite(locations.database_path())
    if "://" not in raw:
        return _sqlite(Path(raw).expanduser())
    scheme, _, rest = raw.partition("://")
    if scheme.startswith("sqlite"):
        # sqlite:///relative.db and sqlite:////abs.db: the path is what follows the third slash.
        path = rest[1:] if rest.startswith("/") else rest
        return _sqlite(Path(path).expanduser()) if path and path != ":memory:" else Target(raw, None, raw)
    if scheme == "postgresql" or scheme == "postgres":
        raw = "postgresql+psycopg://" + rest
    return Target(raw, None, _hide_password(raw))


def _sqlite(path: Path) -> Target:
    path = path.resolve()
    return Target(f"sqlite:///{path}", path, str(path))


def _hide_password(url: str) -> str:
    scheme, _, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if not at or ":" not in creds:
        return url
    return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
