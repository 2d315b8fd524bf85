"""``debtsim reviews [--since DATE] [--json]``: how often trainers agree with the scorer, per rule.

``debtsim eval`` measures the scorer against labelled files; this measures it against the
trainers' reviews of real practice calls (``debtsim review`` and the report screen). The
table is worst agreement first and ends with the one finding to fix first.
"""

from __future__ import annotations

import argparse
from typing import Any

from simulator.cli import store_opts
from simulator.cli.store_opts import percent
from simulator.i18n import t


def run(args: argparse.Namespace) -> int:
    from simulator.store import queries

    opened = store_opts.open_for_report(args)
    if opened is None:
        return 1
    store, since = opened
    with store:
        figures = queries.review_agreement(store, since)
    if args.json:
        store_opts.print_json(figures)
    else:
        show(figures, args.lang)
    return 0


def show(figures: dict[str, Any], lang: str) -> None:
    if not figures["reviewed"]:
        print(t("agreement.none", lang))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=t("agreement.title", lang, reviewed=figures["reviewed"], overturned=figures["overturned"],
                          rate=percent(figures["agreement"], lang)), title_justify="left")
    for key in ("agreement.col_finding", "agreement.col_kind", "agreement.col_flagged", "agreement.col_reviewed",
                "agreement.col_overturned", "agreement.col_upheld", "agreement.col_agreement"):
        table.add_column(t(key, lang), justify="left" if key in ("agreement.col_finding", "agreement.col_kind")
                         else "right")
    for e in figures["by_rule"]:
        style = "red" if e["agreement"] < 0.5 else ("yellow" if e["overturned"] else "green")
        table.add_row(e["finding"], t(f"agreement.kind_{e['kind']}", lang), str(e["flagged"]), str(e["reviewed"]),
                      str(e["overturned"]), str(e["upheld"]), f"[{style}]{percent(e['agreement'], lang)}[/]")
    console = Console()
    console.print(table)
    console.print(conclusion(figures, lang), markup=False)


def conclusion(figures: dict[str, Any], lang: str) -> str:
    """One line: where the scorer and the trainers disagree most (what to fix first)."""
    worst = figures.get("worst")
    if worst is None:
        return t("agreement.all_upheld", lang, reviewed=figures["reviewed"])
    entry = next(e for e in figures["by_rule"] if e["finding"] == worst)
    return t("agreement.conclusion", lang, finding=worst, overturned=entry["overturned"], reviewed=entry["reviewed"])
