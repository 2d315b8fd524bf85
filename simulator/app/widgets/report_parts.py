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
from simulator.store import findings
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
    _annotate(text, report, findings.step_key(step), lang)
    return text


def violation_option(index: int, report: ReportData, lang: str) -> Text:
    v = report.card.violations[index]
    text = Text()
    text.append(f"{v.rule}", style="bold red")
    text.append(f"  #{v.turn}  “{clip(v.quote)}”")
    text.append(f"\n   {v.source}", style="dim")
    _annotate(text, report, findings.violation_key(v.rule, v.turn), lang)
    return text


def tone(report: ReportData, lang: str) -> Text:
    card = report.card
    style = {"good": "green", "acceptable": "yellow", "poor": "red"}.get(card.tone.level, "")
    text = Text(tr("report.tone", lang, level=tr(f"tone.{card.tone.level}", lang), score=card.tone.score),
                style="bold " + style)
    for finding in card.tone.findings[:6]:
        text.append(f"\n #{finding.turn} {finding.kind}: “{clip(finding.quote)}”")
    _annotate(text, report, findings.tone_key(), lang)
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


def reviews(report: ReportData, lang: str) -> Text:
    """Every trainer review of the call, oldest first (the trainee sees them beside the scorer's)."""
    text = Text(tr("report.reviews", lang), style="bold magenta")
    for review in report.reviews:
        text.append("\n" + tr("report.review", lang, finding=review.get("finding", ""),
                              verdict=tr(f"review.{review.get('verdict', '')}", lang),
                              trainer=review.get("trainer", ""), comment=review.get("comment", "")), style="magenta")
    return text


def latest_review(report: ReportData, key: str) -> dict[str, Any] | None:
    """The newest review of one finding: a later verdict replaces an earlier one."""
    found = [r for r in report.reviews if r.get("finding") == key]
    return found[-1] if found else None


def _annotate(text: Text, report: ReportData, key: str, lang: str) -> None:
    review = latest_review(report, key)
    if review is not None:
        mark = "review.overturned_mark" if review.get("verdict") == "overturn" else "review.upheld_mark"
        text.append("\n   " + tr(mark, lang, trainer=review.get("trainer", ""), comment=clip(review.get("comment", ""))),
                    style="bold magenta")


# --- findings a trainer can review (key for the store, description for the review form) ---


def step_finding(step: str, title: str, report: ReportData, lang: str) -> tuple[str, str]:
    result = report.card.steps[_step(step)]
    verdict = tr("review.step_done" if result.done else "review.step_missed", lang)
    return findings.step_key(step), f"{title}: {verdict}"


def violation_finding(report: ReportData, index: int, lang: str) -> tuple[str, str]:
    v = report.card.violations[index]
    return findings.violation_key(v.rule, v.turn), f"{v.rule} #{v.turn} “{clip(v.quote, 50)}”\n{v.source}"


def tone_finding(report: ReportData, lang: str) -> tuple[str, str]:
    card = report.card
    return findings.tone_key(), tr("report.tone", lang, level=tr(f"tone.{card.tone.level}", lang),
                                   score=card.tone.score)


def _step(value: str) -> Any:
    from scoring.vocab import Step

    return Step(value)
