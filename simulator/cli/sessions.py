"""``debtsim sessions [--trainee] [--status] [--json]``: the calls in the store, newest first."""

from __future__ import annotations

import argparse
import json
import sys

from simulator.cli import store_opts
from simulator.i18n import t


def run(args: argparse.Namespace) -> int:
    from simulator.store import queries, who

    store = store_opts.open_store(args)
    if store is None:
        return 1
    with store:
        # Everyone's calls only when asked by name: the default is the caller's own list.
        trainee = None if args.all else who.trainee(args.trainee)
        rows = queries.list_sessions(store, trainee, args.status)
    if args.json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    if not rows:
        print(t("sessions.none", args.lang))
        return 0
    from rich.console import Console
    from rich.table import Table

    lang = args.lang
    table = Table(title=t("sessions.title", lang, count=len(rows)))
    table.add_column(t("col.session", lang), no_wrap=True)  # the ID to copy into --resume
    for key in ( "col.trainee", "col.persona", "col.title", "col.status", "col.started", "col.turns",
                "col.score"):
        table.add_column(t(key, lang))
    for row in rows:
        score = "" if row["score"] is None else f"{row['score']} {t('score.' + row['result'], lang)}"
        table.add_row(row["id"], row["trainee"], row["persona"] or "", row["case"] or "",
                      t(f"status.{row['status']}", lang), (row["started"] or "")[:16].replace("T", " "),
                      str(row["turns"]), score)
    Console().print(table)
    return 0
