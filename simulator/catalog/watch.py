"""What the catalog looks like on disk, cheaply: the workbench polls it to reload on a change.

A stat per file (about 20 built-in files: well under a millisecond) instead of a file-watching
dependency. Folder mtimes alone would miss a file saved in place, so each file is stat'ed;
listing the folders again catches files added, removed or renamed.
"""

from __future__ import annotations

from pathlib import Path

from simulator.catalog.search import layers

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(cli_dirs: list[Path] | None = None) -> Fingerprint:
    """Every catalog file on the search path with its mtime and size; equal when nothing changed."""
    out: list[tuple[str, int, int]] = []
    for layer in layers(cli_dirs):
        for _, path in layer.files:
            try:
                stat = path.stat()
            except OSError:  # removed between the listing and the stat: the next poll sees it gone
                continue
            out.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(out)
