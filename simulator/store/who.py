"""Who is calling: ``--trainee``, else ``DEBTSIM_TRAINEE``, else the remembered name, else the OS user.

Never prompts: ``debtsim`` runs in pipes and scripts as well as at a desk.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path


def trainee(explicit: str | None = None, *, remember: bool = False) -> str:
    """The trainee's name; with ``remember`` an explicit ``--trainee`` is kept for next time."""
    from simulator import locations

    return _name(explicit, "DEBTSIM_TRAINEE", locations.remembered_trainee_path(), remember) or _os_user()


def known(explicit: str | None = None) -> str | None:
    """The name given, set or remembered; ``None`` when only the OS user name is left (the app asks)."""
    from simulator import locations

    return _name(explicit, "DEBTSIM_TRAINEE", locations.remembered_trainee_path(), False)


def trainer(explicit: str | None = None, *, remember: bool = False) -> str:
    """The trainer's name: given, else ``DEBTSIM_TRAINER``, else remembered, else the OS user."""
    from simulator import locations

    return _name(explicit, "DEBTSIM_TRAINER", locations.remembered_trainer_path(), remember) or _os_user()


def _name(explicit: str | None, env: str, path: Path, remember: bool) -> str | None:
    """Given (kept for next time with ``remember``), else the variable, else the kept name."""
    name = (explicit or "").strip()
    if name:
        if remember:
            _keep(path, name)
        return name
    return os.environ.get(env, "").strip() or _kept(path) or None


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name at all (some containers): still never prompt
        return "trainee"


REMEMBER_ENV = "DEBTSIM_REMEMBER"


def remembering() -> bool:
    """False when ``DEBTSIM_REMEMBER=0``: ``debtsim serve`` sets it, as one server's apps serve many
    trainees and a name kept by one browser tab must not be offered to the next."""
    return os.environ.get(REMEMBER_ENV, "").strip() != "0"


def _kept(path: Path) -> str:
    if not remembering():
        return ""
    try:
        return path.read_text("utf-8").strip()
    except OSError:
        return ""


def _keep(path: Path, name: str) -> None:
    if not remembering():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name + "\n", "utf-8")
    except OSError:
        pass  # remembering is a convenience; the call itself must not fail for it
