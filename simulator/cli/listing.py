"""``debtsim personas`` and ``debtsim cases``: the catalog as a table or as JSON.

With ``--json`` stdout carries only the JSON array (every schema field plus ``source`` and
``layer``), so other tools can read it; catalog problems go to stderr either way.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from simulator.catalog import Case, Entry, Persona
from simulator.catalog.problems_view import warn_problems
from simulator.catalog.search import load_catalog
from simulator.i18n import MESSAGES, t


def _persona_row(p: Persona, lang: str) -> list[str]:
    return [p.name.get(lang), t(f"difficulty.{p.difficulty}", lang), t(f"party.{p.party.role}", lang), p.summary.get(lang)]


def _case_row(c: Case, lang: str) -> list[str]:
    product = t(f"product.{c.product}", lang) if f"product.{c.product}" in MESSAGES else c.product
    return [c.title.get(lang), product, f"{c.amount_due:,.2f} {c.currency}", str(c.days_overdue), c.jurisdiction.value]


PERSONA_COLUMNS = ("col.name", "col.difficulty", "col.party", "col.summary")
CASE_COLUMNS = ("col.title", "col.product", "col.amount", "col.overdue", "col.jurisdiction")


def run_personas(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.catalog)
    warn_problems(catalog, args.lang)
    return _show(catalog.personas, args, "title.personas", PERSONA_COLUMNS, _persona_row)


def run_cases(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.catalog)
    warn_problems(catalog, args.lang)
    return _show(catalog.cases, args, "title.cases", CASE_COLUMNS, _case_row)


def _show(
    entries: dict[str, Entry[Any]],
    args: argparse.Namespace,
    title_key: str,
    columns: tuple[str, ...],
    row: Callable[[Any, str], list[str]],
) -> int:
    ids = sorted(entries)
    if args.json:
        print(json.dumps([_json_row(entries[i]) for i in ids], ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    lang = args.lang
    table = Table(title=t(title_key, lang))
    table.add_column(t("col.id", lang), no_wrap=True, style="bold")
    for key in columns:
        table.add_column(t(key, lang), overflow="fold")
    for entry_id in ids:
        table.add_row(entry_id, *row(entries[entry_id].model, lang))
    Console(file=sys.stdout).print(table)
    return 0


def _json_row(entry: Entry[Any]) -> dict[str, Any]:
    data = entry.model.model_dump(mode="json")
    data["source"] = str(entry.path)
    data["layer"] = entry.layer
    return data
