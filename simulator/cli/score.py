"""``debtsim score FILE|DIR|- [--json]``: score call transcripts, e.g. a QA team's exports.

A bad transcript gets one line on stderr naming the file (and line for ``.jsonl``) and
the key; the rest of the batch is still scored; the exit code is 1 if any failed. With
``--json`` stdout carries only scorecards, one per line.
"""

from __future__ import annotations

import argparse
import json
import sys

from scoring.transcript import ReadError
from simulator.cli.transcripts import iter_transcripts, load_rubric_or_report
from simulator.i18n import t


def run(args: argparse.Namespace) -> int:
    import scoring

    if getattr(args, "session", None):
        from simulator.cli.score_session import run_session

        return run_session(args)
    if not args.paths:
        print(f"debtsim: {t('score.need_input', args.lang)}", file=sys.stderr)
        return 2
    rubric = load_rubric_or_report(args)
    console = None
    failed = scored = 0
    for item in iter_transcripts(args.paths):
        if isinstance(item, ReadError):
            print(f"{t('error.prefix', args.lang)}: {item}", file=sys.stderr)
            failed += 1
            continue
        card = scoring.score(item, rubric)
        scored += 1
        if args.json:
            sys.stdout.write(json.dumps(card.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
            continue
        if console is None:
            from rich.console import Console

            console = Console()
        from simulator.cli.scorecard_view import render

        console.print(render(item, card, rubric, args.lang))
    print(t("score.summary", args.lang, scored=scored, failed=failed), file=sys.stderr)
    return 1 if failed else 0
