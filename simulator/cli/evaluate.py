"""``debtsim eval DIR [--json]``: audit the scorer against labelled calls.

Reads transcripts carrying an ``expected`` block and prints per-step accuracy, order,
violation precision / recall / F1 per rule, tone, record and pass/fail accuracy, and every
disagreement with its call id, so a trainer can see where the scorer and people differ.
"""

from __future__ import annotations

import argparse
import json
import sys

from scoring.transcript import ReadError
from simulator.cli.transcripts import iter_transcripts, load_rubric_or_report
from simulator.i18n import t

TARGETS = {"step": 0.95, "order": 0.95, "recall": 0.95, "precision": 0.90, "tone": 0.85, "record": 0.95, "overall": 0.95}


def run(args: argparse.Namespace) -> int:
    from scoring.evaluate import evaluate

    rubric = load_rubric_or_report(args)
    labelled, failed, unlabelled = [], 0, 0
    for item in iter_transcripts(args.paths):
        if isinstance(item, ReadError):
            print(f"{t('error.prefix', args.lang)}: {item}", file=sys.stderr)
            failed += 1
        elif item.expected is None:
            unlabelled += 1
        else:
            labelled.append(item)
    if unlabelled:
        print(t("eval.unlabelled", args.lang, count=unlabelled), file=sys.stderr)
    if not labelled:
        print(t("eval.none", args.lang), file=sys.stderr)
        return 1
    report = evaluate(labelled, rubric)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print(report, args.lang)
    return 1 if failed else 0


def _print(report, lang: str) -> None:  # report: scoring.evaluate.EvalReport
    from rich.console import Console
    from rich.table import Table

    console = Console()
    summary = Table(title=t("eval.title", lang, count=report.calls), title_justify="left")
    summary.add_column(t("eval.metric", lang))
    summary.add_column(t("eval.value", lang), justify="right")
    summary.add_column(t("eval.target", lang), justify="right", style="dim")

    def row(label: str, value: float, target: float | None) -> None:
        style = "" if target is None else ("green" if value >= target else "red")
        summary.add_row(label, f"[{style}]{value:.3f}[/]" if style else f"{value:.3f}", f"{target:.2f}" if target else "")

    for step, value in report.step_accuracy.items():
        row(f"{t('eval.step', lang)} {step}", value, TARGETS["step"])
    row(t("eval.step_all", lang), report.step_accuracy_all, TARGETS["step"])
    row(t("eval.order", lang), report.step_order_accuracy, TARGETS["order"])
    row(t("eval.precision", lang), report.violations.precision, TARGETS["precision"])
    row(t("eval.recall", lang), report.violations.recall, TARGETS["recall"])
    row("F1", report.violations.f1, None)
    row(t("eval.tone", lang), report.tone_accuracy, TARGETS["tone"])
    row(t("eval.record", lang), report.record_accuracy, TARGETS["record"])
    row(t("eval.overall", lang), report.overall_accuracy, TARGETS["overall"])
    console.print(summary)

    rules = Table(title=t("eval.by_rule", lang), title_justify="left")
    for name in (t("score.rule", lang), "TP", "FP", "FN", "P", "R", "F1"):
        rules.add_column(name, justify="left" if name == t("score.rule", lang) else "right")
    for rule_id, prf in sorted(report.violations_by_rule.items()):
        rules.add_row(rule_id, str(prf.tp), str(prf.fp), str(prf.fn), f"{prf.precision:.2f}", f"{prf.recall:.2f}", f"{prf.f1:.2f}")
    console.print(rules)

    if report.disagreements:
        dis = Table(title=t("eval.disagreements", lang, count=len(report.disagreements)), title_justify="left")
        for key in ("eval.call", "eval.what", "eval.expected", "eval.got"):
            dis.add_column(t(key, lang), overflow="fold")
        for d in report.disagreements:
            dis.add_row(d.call, d.what, json.dumps(d.expected, ensure_ascii=False), json.dumps(d.got, ensure_ascii=False))
        console.print(dis)
