"""Shared fixtures: every test runs against an empty, private user data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator import locations

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point DEBTSIM_HOME at a fresh folder and clear the variables a developer may have set."""
    home = tmp_path_factory.mktemp("debtsim-home")
    monkeypatch.setenv("DEBTSIM_HOME", str(home))
    for name in ("DEBTSIM_CATALOG", "DEBTSIM_LANG", "DEBTSIM_DEBUG", "DEBTSIM_DB", "DEBTSIM_TRAINEE",
                 "DEBTSIM_TRAINER", "DEBTSIM_REMEMBER", "DEBTSIM_VOICE", "DEBTSIM_MODEL", "DEBTSIM_BASE_URL",
                 "DEBTSIM_DEVICE", "DEBTSIM_DTYPE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DEBTSIM_CONFIG", str(home / "config.toml"))  # a developer's voice config stays out
    return home


@pytest.fixture
def builtin() -> Path:
    """The built-in catalog folder (inside the wheel, or the repository root)."""
    return locations.builtin_catalog()


@pytest.fixture
def catalog_copy(tmp_path: Path, builtin: Path) -> Path:
    """A writable copy of the built-in catalog, to break on purpose."""
    root = tmp_path / "catalog"
    for name in ("personas", "scenarios"):
        shutil.copytree(builtin / name, root / name)
    return root
