"""``debtsim demo-data --db PATH``: fill a database with a small cohort of real, scored practice calls.

For trying the trainer's dashboard, assignments and reviews before any trainee has called.
``--db`` is required so demo calls never land in a real training database by accident.
"""

from __future__ import annotations

import argparse

from simulator.cli import store_opts
from simulator.i18n import t


def run(args: argparse.Namespace) -> int:
    from simulator.catalog.search import load_catalog
    from simulator.store.demo import seed_cohort

    store = store_opts.open_store(args)
    if store is None:
        return 1
    trainees = tuple(args.trainee) if args.trainee else ("王芳", "李强", "Alice", "Bob")
    with store:
        ids = seed_cohort(store, load_catalog(args.catalog), trainees, calls_per=args.calls, seed=args.seed)
    print(t("demo.done", args.lang, calls=len(ids), trainees=len(trainees), where=store.where))
    return 0
