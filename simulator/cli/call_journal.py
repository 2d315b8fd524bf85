"""``debtsim call`` and the store: a new journaled call, or an interrupted one rebuilt.

The work is :mod:`simulator.practice` (shared with the app); this module only turns its
errors into one line on stderr and tells the trainee where they are.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from simulator.cli import store_opts

if TYPE_CHECKING:
    from simulator.catalog import Catalog
    from simulator.practice import Practice
    from simulator.store.core import Store
    from simulator.voices.base import Voice


def load_resume(args: argparse.Namespace) -> tuple[Store, dict[str, Any]] | None:
    """The store and the stored call ``--resume`` names, its settings copied into ``args``."""
    from simulator import practice

    store = store_opts.open_store(args)
    if store is None:
        return None
    try:
        loaded = practice.load(store, args.resume)
    except practice.PracticeError as exc:
        store_opts.error(args, exc.message(args.lang))
        store.close()
        return None
    spec = practice.spec_of(loaded)
    args.persona, args.case, args.seed, args.difficulty = spec.persona, spec.case, spec.seed, spec.difficulty
    args.voice, args.lang, args.trainee = spec.voice, spec.lang, loaded["trainee"]
    return store, loaded


def begin(args: argparse.Namespace, catalog: Catalog, voice: Voice | None,
          resume: tuple[Store, dict[str, Any]] | None) -> Practice | None:
    """Start (or rebuild) the journaled call; ``None`` after an error line."""
    from simulator import practice
    from simulator.store import StoreError, who

    if resume is not None:
        store, loaded = resume
        return practice.resume(store, catalog, loaded, voice)
    store = store_opts.open_store(args)
    if store is None:
        return None
    spec = practice.CallSpec(args.persona, args.case, args.lang, args.difficulty, args.seed, args.voice,
                             args.max_minutes)
    try:
        return practice.start(store, catalog, spec, who.trainee(args.trainee, remember=True), voice)
    except StoreError as exc:
        store_opts.error(args, exc.message(args.lang))
        store.close()
        return None


def finish(args: argparse.Namespace, call: Practice) -> bool:
    """Score and store the finished call; False (after an error line) if the store refused."""
    from simulator.store import StoreError

    try:
        call.finish()
    except StoreError as exc:
        store_opts.error(args, exc.message(args.lang))
        return False
    finally:
        _close(call)
    return True


def abandon(call: Practice) -> None:
    """Ctrl-C: the call is kept as ``abandoned`` (it can still be resumed)."""
    from simulator.store import StoreError

    try:
        call.abandon()
    except StoreError:
        pass
    finally:
        _close(call)


def _close(call: Practice) -> None:
    if call.journal is not None:
        call.journal.store.close()
