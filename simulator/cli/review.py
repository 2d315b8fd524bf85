"""``debtsim review ID --finding F --verdict overturn|uphold --comment TEXT``: a trainer's word on a finding.

The scorecard is never edited: the review sits beside it, and ``debtsim score --session ID``
shows both. ``debtsim reviews`` counts them into the scorer's agreement figures.
"""

from __future__ import annotations

import argparse

from simulator.cli import store_opts
from simulator.i18n import t


def run(args: argparse.Namespace) -> int:
    from simulator.store import findings, queries, who

    if not findings.is_valid(args.finding):
        store_opts.error(args, t("review.bad_finding", args.lang, finding=args.finding))
        return 2
    store = store_opts.open_store(args)
    if store is None:
        return 1
    with store:
        if queries.load_session(store, args.session) is None:
            store_opts.error(args, t("store.no_session", args.lang, id=args.session, where=store.where))
            return 1
        trainer = who.trainer(args.trainer, remember=True)
        queries.add_review(store, args.session, args.finding, args.verdict, args.comment, trainer)
    print(t("review.saved", args.lang))
    return 0
