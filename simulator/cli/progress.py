"""``debtsim progress [--trainee] [--cohort] [--since] [--until] [--persona] [--json]``: a trainee's figures,
or the trainer's cohort.

The figures are SQL aggregates (:mod:`simulator.store.queries`); this module only words
them. Step names and tips come from the rubric, so a trainer's rubric changes them here too.
"""

from __future__ import annotations

import argparse
from typing import Any

from simulator.cli import store_opts
from simulator.cli.store_opts import percent
from simulator.i18n import t
from simulator.skills import with_tip


def run(args: argparse.Namespace) -> int:
    from simulator.store import queries, who

    until = store_opts.until(args)
    if until is False:
        return 1
    opened = store_opts.open_for_report(args)
    if opened is None:
        return 1
    store, since = opened
    persona = args.persona
    with store:
        if args.cohort:
            rows = queries.cohort(store, since, until, persona)  # type: ignore[arg-type]
        else:
            report = queries.progress(store, who.trainee(args.trainee), since, until, persona)  # type: ignore[arg-type]
    lang = args.lang
    if args.cohort:
        for row in rows:
            row["weakest"] = with_tip(row["weakest"], lang)
        data, show = rows, _print_cohort
    else:
        report["weakest"] = with_tip(report["weakest"], lang)
        data, show = report, _print_progress
    if args.json:
        store_opts.print_json(data)
    else:
        show(data, lang)
    return 0


def _step_name(step: str, lang: str) -> str:
    from scoring.rubric import builtin_rubric
    from scoring.vocab import Step

    return builtin_rubric().steps.steps[Step(step)].title.get(lang)


def _num(value: float | None, lang: str, fmt: str = "{:.1f}") -> str:
    return t("progress.none_yet", lang) if value is None else fmt.format(value)


def _print_progress(r: dict[str, Any], lang: str) -> None:
    print(t("progress.title", lang, trainee=r["trainee"]))
    st = r["statuses"]
    print(t("progress.calls", lang, calls=r["calls"], in_progress=st["in_progress"], abandoned=st["abandoned"]))
    if not r["calls"]:
        print(t("progress.none", lang, trainee=r["trainee"]))
        return
    sep = "：" if lang == "zh" else ": "
    print(f"{t('progress.pass_rate', lang)}{sep}{percent(r['pass_rate'], lang)}")
    print(f"{t('progress.avg_score', lang)}{sep}{_num(r['avg_score'], lang)}")
    print(f"{t('progress.steps', lang)}{sep}" + ", ".join(
        f"{_step_name(s, lang)} {percent(v, lang)}" for s, v in r["steps"].items()))
    rules = ", ".join(f"{rule} {v:.2f}" for rule, v in r["violations_by_rule"].items())
    print(f"{t('progress.violations', lang)}{sep}{_num(r['violations_per_call'], lang, '{:.2f}')}"
          + (f" ({rules})" if rules else ""))
    print(f"{t('progress.tone', lang)}{sep}" + ", ".join(f"{t('tone.' + k, lang)} {v}" for k, v in r["tone"].items()))
    print(f"{t('progress.promise_rate', lang)}{sep}{percent(r['promise_rate'], lang)}")
    print(f"{t('progress.promised', lang)}{sep}{percent(r['promised_vs_affordable'], lang)}")
    if r["mood_change"] is not None:
        print(t("progress.mood", lang, change=r["mood_change"], calmer=percent(r["calmer_rate"], lang)))
    trend = r["trend"]
    print(t("progress.trend", lang, n=trend["n"], recent=_num(trend["recent"], lang),
            before=_num(trend["before"], lang)))
    weak = r["weakest"]
    if weak is not None:
        print(t("progress.weakest", lang, skill=weak["name"], rate=percent(weak["rate"], lang), tip=weak["tip"]))


def _print_cohort(rows: list[dict[str, Any]], lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=t("progress.cohort_title", lang, count=len(rows)))
    for key in ("col.trainee", "col.calls", "col.pass_rate", "col.avg_score", "col.violations", "col.promise",
                "col.trend", "col.weakest", "col.last_call"):
        table.add_column(t(key, lang))
    for r in rows:
        change = (r["trend"] or {}).get("change")
        weak = r["weakest"]
        table.add_row(r["trainee"], str(r["calls"]), percent(r["pass_rate"], lang), _num(r["avg_score"], lang),
                      _num(r["violations_per_call"], lang, "{:.2f}"), percent(r["promise_rate"], lang),
                      "" if change is None else f"{change:+.1f}", "" if weak is None else weak["name"],
                      "" if r["last"] is None else f"{r['last']:%Y-%m-%d %H:%M}")  # UTC, as `debtsim sessions`
    Console().print(table)
