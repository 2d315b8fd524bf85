"""``debtsim persona-test PERSONA [--case ID] [--seed N] [--difficulty L] [--json]``.

Prints the behaviour table of ``simulator.selfcheck`` (every standard agent, in Chinese and
English) and the four checks. Exit 0 when every check passes, 1 when one fails, 2 for an
unknown persona or case (a usage error, so 1 keeps meaning "the persona is wrong").
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from simulator.catalog.loader import Catalog, close_id
from simulator.catalog.problems_view import warn_problems
from simulator.catalog.search import load_catalog
from simulator.i18n import MESSAGES, t
from simulator.selfcheck import CHECKS, CallResult, Failure, Report, persona_test


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    catalog = load_catalog(args.catalog)
    warn_problems(catalog, lang)
    unknown = _unknown(catalog, "persona", args.persona, lang) or (
        args.case is not None and _unknown(catalog, "case", args.case, lang))
    if unknown:
        print(f"debtsim: {unknown}", file=sys.stderr)
        return 2
    report = persona_test(catalog, args.persona, args.case, args.seed, args.difficulty)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        _print(report, catalog, lang)
    return 0 if report.ok else 1


def _unknown(catalog: Catalog, kind: str, key: str, lang: str) -> str | None:
    table: dict[str, Any] = catalog.personas if kind == "persona" else catalog.cases
    if key in table:
        return None
    hint = close_id(key, table)
    return t("new.unknown_hint" if hint else "new.unknown", lang, kind=t(f"new.kind.{kind}", lang), id=key,
             hint=hint or "", known=", ".join(sorted(table)))


def _print(report: Report, catalog: Catalog, lang: str) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(file=sys.stdout)
    persona = catalog.persona(report.persona)
    console.print(t("pt.title", lang, persona=f"{report.persona} · {persona.name.get(lang)}",
                    difficulty=t(f"difficulty.{report.difficulty}", lang), seed=report.seed), style="bold")
    for call_lang, case_id in report.cases.items():  # one table per language: narrow enough for 80 columns
        title = t("pt.case_line", lang, lang_name=t(f"pt.lang.{call_lang}", lang), case=case_id,
                  kind=t(f"pt.kind.{report.kinds[call_lang]}", lang))
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for key in ("pt.col.script", "pt.col.outcome", "pt.col.mood", "pt.col.hang_up", "pt.col.agreed", "pt.col.means"):
            table.add_column(t(key, lang))
        for call in report.calls:
            if call.lang == call_lang:
                table.add_row(*_row(call, lang))
        console.print(table)
        console.print()
    console.print(t("pt.legend", lang), style="dim", highlight=False, soft_wrap=True)
    applicable = report.applicable()
    for name in CHECKS:
        failed = [f for f in report.failures if f.check == name]
        status = "pt.check.fail" if failed else "pt.check.pass" if applicable[name] else "pt.check.na"
        mark = "✗" if failed else "✓" if applicable[name] else "–"
        console.print(f"{mark} {t(f'pt.check.{name}', lang)}: {t(status, lang)}", highlight=False, soft_wrap=True)
        for failure in failed:
            console.print(f"    {_reason(failure, lang)}", highlight=False, markup=False, soft_wrap=True)
    summary = t("pt.summary_ok", lang) if report.ok else t("pt.summary_fail", lang, count=len(report.failures))
    console.print(summary, style="green" if report.ok else "bold red")


def _row(call: CallResult, lang: str) -> list[str]:
    agreed = "–"
    if call.agreed_amount is not None:
        agreed = _money(call.agreed_amount)
        if call.agreed_monthly:
            agreed += "+" + t("pt.monthly", lang, amount=_money(call.agreed_monthly))
    means = f"{_money(call.means_lump)}+{t('pt.monthly', lang, amount=_money(call.means_monthly))}"
    return [
        t(f"pt.script.{call.script}", lang),
        _outcome(call.outcome, lang),
        f"{call.start_mood:+.2f}→{call.final_mood:+.2f}",
        str(call.hang_up_turn) if call.hang_up_turn is not None else "–",
        agreed,
        means,
    ]


def _reason(failure: Failure, lang: str) -> str:
    slots = dict(failure.slots)
    for key in ("amount", "lump", "monthly"):
        if isinstance(slots.get(key), float):
            slots[key] = _money(slots[key])
    if "outcome" in slots:
        slots["outcome"] = _outcome(slots["outcome"], lang)
    where = f"{t(f'pt.lang.{failure.lang}', lang)} · {t(f'pt.script.{failure.script}', lang)}"
    return f"{where}: {t(failure.key, lang, **slots)}"


def _outcome(outcome: str | None, lang: str) -> str:
    key = f"pt.outcome.{outcome or 'none'}"
    return t(key, lang) if key in MESSAGES else str(outcome)


def _money(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"  # no separators: keeps the table narrow
