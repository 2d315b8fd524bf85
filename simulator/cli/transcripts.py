"""Collect transcripts from the paths ``debtsim score`` and ``debtsim eval`` are given.

A path is a ``.json`` / ``.jsonl`` file, a folder (searched recursively, in name order)
or ``-`` for standard input. Problems come back as values so the batch goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from scoring.transcript import ReadError, Transcript, read_text, read_transcripts

SUFFIXES = (".json", ".jsonl")


def iter_transcripts(paths: list[str]) -> Iterator[Transcript | ReadError]:
    """Every transcript (or read error) under ``paths``, in a stable order."""
    for raw in paths:
        if raw == "-":
            yield from read_text(sys.stdin.buffer.read(), Path("<stdin>"))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            if not files:
                yield ReadError(path, None, "no .json or .jsonl transcripts in this folder")
            for file in files:
                yield from read_transcripts(file)
        else:
            yield from read_transcripts(path)
