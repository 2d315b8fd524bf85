"""``debtsim review ID --finding F --verdict overturn|uphold --comment TEXT``: a trainer's word on a finding.

The scorecard is never edited: the review sits beside it, and ``debtsim score --session ID``
shows both.
"""

from __future__ import annotations

import argparse

from simulator.cli import store_opts
from simulator.i18n import t


def run(args: argparse.Namespace) -> int:
    from simulator.store import queries, who

    store = store_opts.open_store(args)
    if store is None:
        return 1
    with store:
        if queries.load_session(store, args.session) is None:
            store_opts.error(args, t("store.no_session", args.lang, id=args.session, where=store.where))
            return 1
        queries.add_review(store, args.session, args.finding, args.verdict, args.comment, who.trainee(args.trainer))
    print(t("review.saved", args.lang))
    return 0
