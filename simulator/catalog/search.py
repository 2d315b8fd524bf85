"""The catalog search path as layers, lowest priority first."""

from __future__ import annotations

from pathlib import Path

from simulator import locations
from simulator.catalog.loader import Catalog, Layer, layer_from_paths, layer_from_root, load


def layers(cli_dirs: list[Path] | None = None) -> list[Layer]:
    """Built-in, then the user data folder, then ``DEBTSIM_CATALOG``, then ``--catalog``."""
    out = [
        layer_from_root("built-in", locations.builtin_catalog()),
        layer_from_root("user", locations.data_dir()),
    ]
    out += [layer_from_root("DEBTSIM_CATALOG", d) for d in locations.env_catalogs()]
    out += [layer_from_root("--catalog", d) for d in cli_dirs or []]
    return out


def load_catalog(cli_dirs: list[Path] | None = None) -> Catalog:
    """The catalog every command uses."""
    return load(layers(cli_dirs))


def load_for_check(paths: list[Path], cli_dirs: list[Path] | None = None) -> Catalog:
    """``debtsim check PATH...``: the named files on top of the full search path.

    Layering them on top means a trainer's case may name built-in personas, and a file that
    replaces a built-in one is reported as such.
    """
    return load([*layers(cli_dirs), layer_from_paths("checked", paths)])
