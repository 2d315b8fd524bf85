"""Collect transcripts from the paths ``debtsim score`` and ``debtsim eval`` are given.

A path is a ``.json`` / ``.jsonl`` file, a folder (searched recursively, in name order)
or ``-`` for standard input. Problems come back as values so the batch goes on.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from scoring.transcript import ReadError, Transcript, read_text, read_transcripts

if TYPE_CHECKING:
    from scoring.rubric import Rubric

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


def load_rubric_or_report(args: argparse.Namespace) -> Rubric:
    """The built-in rubric plus any ``--rules DIR``; problems in those go to stderr.

    A broken trainer rule file is skipped and reported; the built-in rubric always loads.
    """
    from scoring.rubric import builtin_rubric, load_rubric
    from simulator.i18n import t

    dirs = [Path(d) for d in args.rules or []]
    if not dirs:
        return builtin_rubric()
    rubric, problems = load_rubric(dirs)
    for problem in problems.errors:
        print(f"{t('error.prefix', args.lang)}: {problem}", file=sys.stderr)
    return rubric
