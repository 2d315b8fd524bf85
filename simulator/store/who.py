"""Who is calling: ``--trainee``, else ``DEBTSIM_TRAINEE``, else the remembered name, else the OS user.

Never prompts: ``debtsim`` runs in pipes and scripts as well as at a desk.
"""

from __future__ import annotations

import getpass
import os


def trainee(explicit: str | None = None, *, remember: bool = False) -> str:
    """The trainee's name; with ``remember`` an explicit ``--trainee`` is kept for next time."""
    name = (explicit or "").strip()
    if name and remember:
        _remember(name)
    return known(name) or _os_user()


def known(explicit: str | None = None) -> str | None:
    """The name given, set or remembered; ``None`` when only the OS user name is left (the app asks)."""
    from simulator import locations

    name = (explicit or "").strip()
    if name:
        return name
    env = os.environ.get("DEBTSIM_TRAINEE", "").strip()
    if env:
        return env
    try:
        kept = locations.remembered_trainee_path().read_text("utf-8").strip()
    except OSError:
        kept = ""
    return kept or None


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name at all (some containers): still never prompt
        return "trainee"


def _remember(name: str) -> None:
    from simulator import locations

    path = locations.remembered_trainee_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name + "\n", "utf-8")
    except OSError:
        pass  # remembering is a convenience; the call itself must not fail for it
