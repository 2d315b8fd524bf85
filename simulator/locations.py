"""Every filesystem location debtsim uses, in one place, resolved lazily.

Nothing here runs at import time: no folder is created until something writes to it.
``DEBTSIM_HOME`` moves all user data (tests point it at a temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "debtsim"


def data_dir() -> Path:
    """The user data folder: the trainer's own catalog and (later) the progress database."""
    override = os.environ.get("DEBTSIM_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when needed: keeps `debtsim --help` fast

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path() -> Path:
    """The default progress database (SQLite), used when neither ``--db`` nor ``DEBTSIM_DB`` is given."""
    return data_dir() / "progress.db"


def remembered_trainee_path() -> Path:
    """Where the last ``--trainee`` name is kept, so later commands need not repeat it."""
    return data_dir() / "trainee"


def remembered_trainer_path() -> Path:
    """Where the trainer's name is kept after their first review (kept apart from the trainee's)."""
    return data_dir() / "trainer"


def builtin_catalog() -> Path:
    """The folder holding the built-in ``personas/`` and ``scenarios/``.

    In a wheel they ship inside the package (``simulator/_builtin``); in a source checkout
    they are the top-level folders of the repository.
    """
    packaged = Path(__file__).resolve().parent / "_builtin"
    if (packaged / "personas").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def env_catalogs() -> list[Path]:
    """Folders named in ``DEBTSIM_CATALOG`` (separated like ``PATH``)."""
    raw = os.environ.get("DEBTSIM_CATALOG", "")
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]


def trainer_catalogs(cli_dirs: list[Path] | None = None) -> list[Path]:
    """Trainer catalogs, first to last: ``--catalog`` dirs win over ``DEBTSIM_CATALOG``.

    The first one is where ``debtsim new`` writes (issue 8); the user data folder is the
    fallback when none is given.
    """
    return [*(cli_dirs or []), *env_catalogs()]
