"""``debtsim new persona|case --from ID NEW [--force]``: start a trainer's file from any catalog entry.

The copy goes to the first trainer catalog (``--catalog``, else ``DEBTSIM_CATALOG``, else the
user data folder). stdout carries only the new file's path, so ``$EDITOR "$(debtsim new ...)"``
works; the next-steps hint and any refusal go to stderr. Exit 1 on a refusal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator import locations
from simulator.catalog.authoring import AuthoringError, plan_copy, write_copy
from simulator.catalog.search import load_catalog
from simulator.i18n import t


def target_root(cli_dirs: list[Path] | None) -> Path:
    """Where ``debtsim new`` writes: the first trainer catalog, else the user data folder."""
    catalogs = locations.trainer_catalogs(cli_dirs)
    return catalogs[0] if catalogs else locations.data_dir()


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    catalog = load_catalog(args.catalog)
    try:
        copy = plan_copy(catalog, args.kind, args.source, args.new_id, target_root(args.catalog), args.force)
    except AuthoringError as exc:
        print(f"debtsim: {exc.message(lang)}", file=sys.stderr)
        return 1
    path = write_copy(copy)
    print(path)
    key = "new.next_persona" if args.kind == "persona" else "new.next_case"
    print(t(key, lang, id=args.new_id, source=args.source, layer=copy.source.layer), file=sys.stderr)
    return 0
