"""The report's parts as rich renderables from a :class:`~simulator.app.services.ReportData`.

Presentation only: every verdict comes from the scorecard, every step title from the rubric.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text

from scoring.scorecard import Scorecard
from simulator.app.services import ReportData
from simulator.app.words import tr
from simulator.voices.slots import money

QUOTE_CELLS = 30  # one line of the report's left column at 100 columns (a CJK character is 2 cells)


def clip(text: str, cells: int = QUOTE_CELLS) -> str:
    """``text`` on one line, cut to ``cells`` terminal cells (CJK-aware) with an ellipsis."""
    text = " ".join(text.split())
    if cell_len(text) <= cells:
        return text
    out, used = [], 0
    for char in text:
        width = cell_len(char)
        if used + width > cells - 1:
            break
        out.append(char)
        used += width
    return "".join(out) + "…"


def overall(card: Scorecard, lang: str) -> Text:
    passed = card.passed
    text = Text()
    text.append(f" {card.overall.score}/100 ", style="bold reverse " + ("green" if passed else "red"))
    text.append("  " + tr("report.pass" if passed else "report.fail", lang),
                style="bold green" if passed else "bold red")
    for reason in card.overall.reasons:
        text.append(f"\n • {reason}")
    return text


def step_option(report: ReportData, step: str, title: str, lang: str) -> Text:
    result = report.card.steps[_step(step)]
    turns = report.transcript["turns"]
    text = Text()
    if not result.applicable:
        text.append(f"– {title}", style="dim")
        text.append("  " + tr("score.not_applicable", lang), style="dim")
        return text
    text.append(("✓ " if result.done else "✗ ") + title, style="bold green" if result.done else "bold red")
    if result.done:
        for index in result.turns[:2]:
            if 0 <= index < len(turns):
                text.append(f"\n   #{index} “{clip(turns[index]['text'])}”", style="dim")
    elif result.tip:
        text.append(f"\n   {result.tip}", style="yellow")
    return text


def violation_option(index: int, report: ReportData) -> Text:
    v = report.card.violations[index]
    text = Text()
    text.append(f"{v.rule}", style="bold red")
    text.append(f"  #{v.turn}  “{clip(v.quote)}”")
    text.append(f"\n   {v.source}", style="dim")
    return text


def tone(card: Scorecard, lang: str) -> Text:
    style = {"good": "green", "acceptable": "yellow", "poor": "red"}.get(card.tone.level, "")
    text = Text(tr("report.tone", lang, level=tr(f"tone.{card.tone.level}", lang), score=card.tone.score),
                style="bold " + style)
    for finding in card.tone.findings[:6]:
        text.append(f"\n #{finding.turn} {finding.kind}: “{clip(finding.quote)}”")
    return text


def record(report: ReportData, lang: str) -> Text:
    """The filed record against what the debtor actually agreed to on the call."""
    currency = report.transcript["scenario"].get("currency", "CNY")
    filed = report.transcript.get("record")
    text = Text(tr("report.record", lang), style="bold")
    if filed:
        parts = [tr(f"outcome.{filed['outcome']}", lang)]
        if filed.get("promised_amount") is not None:
            parts.append(money(filed["promised_amount"], currency, lang))
        if filed.get("promised_date"):
            parts.append(filed["promised_date"])
        text.append("\n" + tr("report.record_filed", lang, record=" · ".join(parts)))
    else:
        text.append("\n" + tr("report.record_none", lang), style="red")
    agreed = report.agreed
    if agreed:
        terms = money(agreed["amount"], currency, lang) + (f" · {agreed['date']}" if agreed.get("date") else "")
        text.append("\n" + tr("report.agreed", lang, terms=terms))
    else:
        text.append("\n" + tr("report.nothing_agreed", lang), style="dim")
    ok = report.card.record_accurate
    text.append("\n" + tr("report.record_ok" if ok else "report.record_bad", lang), style="green" if ok else "red")
    return text


def outcome(report: ReportData, lang: str) -> Text:
    """What was promised against what this debtor could really afford."""
    currency = report.transcript["scenario"].get("currency", "CNY")
    result = report.card.outcome
    text = Text(tr("report.outcome", lang), style="bold")
    if result.promise_to_pay and result.amount is not None:
        text.append("\n" + tr("report.promised", lang, amount=money(result.amount, currency, lang),
                              date=result.date or "—"))
    else:
        text.append("\n" + tr("report.no_promise", lang), style="dim")
    means: dict[str, Any] | None = report.means
    if means:
        text.append("\n" + tr("report.affordable", lang, lump=money(means["lump_sum_now"], currency, lang),
                              monthly=money(means["monthly"], currency, lang)))
    text.append("\n" + tr("score.mood", lang, mood=tr(f"mood.{result.debtor_final_mood}", lang)))
    return text


def reviews(report: ReportData, lang: str) -> Text | None:
    if not report.reviews:
        return None
    text = Text()
    for review in report.reviews:
        text.append(tr("report.review", lang, finding=review.get("finding", ""), verdict=review.get("verdict", ""),
                       trainer=review.get("trainer", ""), comment=review.get("comment", "")) + "\n", style="magenta")
    return text


def _step(value: str) -> Any:
    from scoring.vocab import Step

    return Step(value)
