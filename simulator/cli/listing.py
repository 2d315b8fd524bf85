"""``debtsim personas`` and ``debtsim cases``: the catalog as a table or as JSON.

With ``--json`` stdout carries only the JSON array (every schema field plus ``source``),
so other tools can read it; catalog problems go to stderr either way.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from simulator.catalog import Catalog, Entry
from simulator.catalog.problems_view import warn_problems
from simulator.catalog.search import load_catalog
from simulator.i18n import t


def _as_json(entries: dict[str, Entry[Any]]) -> str:
    rows = []
    for entry_id in sorted(entries):
        entry = entries[entry_id]
        row = entry.model.model_dump(mode="json")
        row["source"] = str(entry.path)
        row["layer"] = entry.layer
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False, indent=2)


def _load(args: argparse.Namespace) -> Catalog:
    catalog = load_catalog(args.catalog)
    warn_problems(catalog, args.lang)
    return catalog


def run_personas(args: argparse.Namespace) -> int:
    catalog = _load(args)
    if args.json:
        print(_as_json(catalog.personas))
        return 0
    from rich.table import Table

    lang = args.lang
    table = Table(title=t("title.personas", lang), show_lines=False)
    table.add_column(t("col.id", lang), no_wrap=True, style="bold")
    for key in ("col.name", "col.difficulty", "col.party", "col.summary"):
        table.add_column(t(key, lang), overflow="fold")
    for persona_id in sorted(catalog.personas):
        p = catalog.personas[persona_id].model
        table.add_row(
            p.id,
            p.name.get(lang),
            t(f"difficulty.{p.difficulty}", lang),
            t(f"party.{p.party.role}", lang),
            p.summary.get(lang),
        )
    _print(table)
    return 0


def run_cases(args: argparse.Namespace) -> int:
    catalog = _load(args)
    if args.json:
        print(_as_json(catalog.cases))
        return 0
    from rich.table import Table

    lang = args.lang
    table = Table(title=t("title.cases", lang))
    table.add_column(t("col.id", lang), no_wrap=True, style="bold")
    for key in ("col.title", "col.product", "col.amount", "col.overdue", "col.jurisdiction"):
        table.add_column(t(key, lang), overflow="fold")
    for case_id in sorted(catalog.cases):
        c = catalog.cases[case_id].model
        product = t(f"product.{c.product}", lang) if f"product.{c.product}" in _PRODUCT_KEYS else c.product
        table.add_row(
            c.id,
            c.title.get(lang),
            product,
            f"{c.amount_due:,.2f} {c.currency}",
            str(c.days_overdue),
            c.jurisdiction.value,
        )
    _print(table)
    return 0


_PRODUCT_KEYS = {"product.credit_card", "product.huabei", "product.personal_loan"}


def _print(renderable: object) -> None:
    from rich.console import Console

    Console(file=sys.stdout).print(renderable)
