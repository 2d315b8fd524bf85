"""``debtsim score --session ID``: score a stored call as it stands, with the trainer's reviews.

An unfinished call (``in_progress`` / ``abandoned``) is scored from its journal as it is,
and nothing is written: the stored scorecard belongs to calls that were finished.
"""

from __future__ import annotations

import argparse
import json
import sys

from simulator.cli import store_opts
from simulator.cli.transcripts import load_rubric_or_report
from simulator.i18n import t


def run_session(args: argparse.Namespace) -> int:
    import scoring
    from scoring.transcript import parse_transcript
    from simulator.store import queries

    store = store_opts.open_store(args)
    if store is None:
        return 1
    with store:
        loaded = queries.load_session(store, args.session)
        if loaded is None:
            store_opts.error(args, t("store.no_session", args.lang, id=args.session, where=store.where))
            return 1
    transcript = queries.transcript_of(loaded)
    rubric = load_rubric_or_report(args)
    card = scoring.score(transcript, rubric)
    status = loaded["row"]["status"]
    if status != "complete":
        print(t("score.as_it_stands", args.lang, id=args.session, status=t(f"status.{status}", args.lang)),
              file=sys.stderr)
    if args.json:
        out = card.to_dict()
        out["reviews"] = loaded["reviews"]
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return 0
    from rich.console import Console

    from simulator.cli.scorecard_view import render

    console = Console()
    console.print(render(parse_transcript(transcript), card, rubric, args.lang))
    if loaded["reviews"]:
        console.print(t("review.reviews", args.lang), style="bold")
        for review in loaded["reviews"]:
            console.print(t("review.line", args.lang, trainer=review["trainer"],
                            verdict=t(f"verdict.{review['verdict']}", args.lang), finding=review["finding"],
                            comment=review["comment"]), markup=False)
    return 0
