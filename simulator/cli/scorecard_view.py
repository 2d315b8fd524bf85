"""A scorecard as a rich renderable, with the words behind every point.

Presentation only: the verdicts come from ``scoring.score``; step titles and tips come from
the rubric data, so nothing here repeats a rule or a step definition.
"""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from scoring.rubric import Rubric
from scoring.scorecard import Scorecard
from scoring.transcript import Transcript
from scoring.vocab import Step
from simulator.i18n import t

QUOTE_CHARS = 60


def render(transcript: Transcript, card: Scorecard, rubric: Rubric, lang: str) -> Panel:
    """One call's report: steps with evidence, violations with source, tone, record, overall."""
    parts: list[object] = [_overall(card, lang), _steps(transcript, card, rubric, lang)]
    if card.violations:
        parts.append(_violations(card, lang))
    parts.append(_tone(card, lang))
    parts.append(_record(card, lang))
    colour = "green" if card.passed else "red"
    return Panel(Group(*parts), title=f"[bold]{card.id}[/]", border_style=colour)


def _overall(card: Scorecard, lang: str) -> Text:
    passed = card.passed
    text = Text()
    text.append(f"{t('score.overall', lang)}: ", style="bold")
    text.append(f"{card.overall.score}/100  ", style="bold")
    text.append(t("score.pass" if passed else "score.fail", lang), style="bold green" if passed else "bold red")
    for reason in card.overall.reasons:
        text.append(f"\n  • {reason}")
    return text


def _steps(transcript: Transcript, card: Scorecard, rubric: Rubric, lang: str) -> Table:
    table = Table(title=t("score.steps", lang), title_justify="left", expand=True, show_edge=False)
    table.add_column("", width=2)
    table.add_column(t("score.step", lang), no_wrap=True)
    table.add_column(t("score.evidence", lang), ratio=1)
    for step in Step:
        result = card.steps[step]
        title = rubric.steps.steps[step.value].title
        if not result.applicable:
            mark, style, detail = "–", "dim", t("score.not_applicable", lang)
        elif result.done:
            mark, style, detail = "✓", "green", _evidence(transcript, result.turns)
        else:
            mark, style, detail = "✗", "red", result.tip or ""
        table.add_row(Text(mark, style=style), getattr(title, lang, title.en), detail)
    if not card.step_order_ok:
        table.caption = t("score.order_wrong", lang)
    return table


def _evidence(transcript: Transcript, turns: tuple[int, ...]) -> str:
    lines = []
    for index in turns[:3]:
        if 0 <= index < len(transcript.turns):
            lines.append(f"#{index} “{_clip(transcript.turns[index].text)}”")
    return "\n".join(lines)


def _violations(card: Scorecard, lang: str) -> Table:
    table = Table(title=t("score.violations", lang), title_justify="left", expand=True, show_edge=False)
    table.add_column(t("score.rule", lang), style="bold red", no_wrap=True)
    table.add_column("#", justify="right")
    table.add_column(t("score.quote", lang), ratio=2)
    table.add_column(t("score.source", lang), ratio=1, style="dim")
    for v in card.violations:
        table.add_row(v.rule, str(v.turn), f"“{_clip(v.quote)}”", v.source)
    return table


def _tone(card: Scorecard, lang: str) -> Text:
    style = {"good": "green", "acceptable": "yellow", "poor": "red"}.get(card.tone.level, "")
    text = Text(f"{t('score.tone', lang)}: ", style="bold")
    text.append(f"{t('tone.' + card.tone.level, lang)} ({card.tone.score})", style=style)
    for finding in card.tone.findings[:6]:
        text.append(f"\n  #{finding.turn} {finding.kind}: “{_clip(finding.quote)}”")
    return text


def _record(card: Scorecard, lang: str) -> Text:
    ok = card.record_accurate
    text = Text(f"{t('score.record', lang)}: ", style="bold")
    text.append(t("score.record_ok" if ok else "score.record_bad", lang), style="green" if ok else "red")
    outcome = card.outcome
    if outcome.promise_to_pay:
        text.append("\n" + t("score.promise", lang, amount=outcome.amount, date=outcome.date))
    text.append("\n" + t("score.mood", lang, mood=t("mood." + outcome.debtor_final_mood, lang)))
    return text


def _clip(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "…"
