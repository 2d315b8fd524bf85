"""The debtor's hidden state, for a trainer's test call: what the trainee never sees.

After each debtor turn: mood and trust against the persona's thresholds, patience, who has
been identified, each objection (not raised, open, resolved), each condition to agree, the
terms on the table against the means, and the intent chosen with the policy's reason; then
one line per turn so far. The widget renders the plain data it is handed (state, profile,
steps), like the call panel's widgets; it never reads the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from simulator.app.words import tr
from simulator.debtor.reasons import explain

if TYPE_CHECKING:
    from simulator.debtor.engine import Step
    from simulator.debtor.policy import Intent
    from simulator.debtor.profile import Profile
    from simulator.debtor.state import DebtorState
    from simulator.debtor.terms import Terms

BAR = 12
MARKS = {True: ("✓", "green"), False: ("○", "dim")}


def _bar(value: float, low: float, high: float, style: str) -> Text:
    filled = round((value - low) / (high - low) * BAR)
    text = Text("█" * filled, style=style)
    text.append("░" * (BAR - filled), style="dim")
    return text


def _mark(text: Text, done: bool, label: str, width: int = 0) -> None:
    mark, style = MARKS[done]
    text.append(f"{mark} {label}" + " " * max(1, width - cell_len(label)), style=style)


def _label(text: Text, label: str) -> None:
    """A row label padded to six cells, whatever the script (一个汉字 is two cells)."""
    text.append(label + " " * max(1, 6 - cell_len(label)))


def _pairs(text: Text, marks: list[tuple[bool, str]]) -> None:
    """Flags two to a line, the second column aligned."""
    width = max(cell_len(label) for _, label in marks) + 2
    for index, (done, label) in enumerate(marks):
        _mark(text, done, label, width)
        if index % 2:
            text.append("\n")
    if len(marks) % 2:
        text.append("\n")


def _terms(terms: Terms | None) -> str:
    if terms is None or terms.amount is None:
        return "—"
    out = f"{terms.amount:,.0f}"
    if terms.date is not None:
        out += f" @ {terms.date.isoformat()}"
    if terms.monthly is not None:
        out += f" + {terms.monthly:,.0f}/m"
    return out


def _needs(state: DebtorState, profile: Profile) -> dict[str, bool]:
    """Each ``agree_when.needs`` item and whether it holds now, as the policy checks it.

    ``concrete_plan`` is checked by the policy on the terms themselves; here it shows
    whether the agent's terms on the table have an amount and a date.
    """
    from simulator.debtor.policy import unmet_needs

    unmet = set(unmet_needs(state, profile))
    concrete = state.offer is not None and state.offer.concrete
    return {need: concrete if need == "concrete_plan" else need not in unmet
            for need in profile.persona.agree_when.needs}


def intent_line(turn: int | None, intent: Intent, lang: str) -> Text:
    """``n intent — why``: one decision of the policy."""
    text = Text()
    if turn is not None:
        text.append(f"{turn:>2} ", style="dim")
    text.append(intent.name, style="bold magenta")
    reason = explain(intent, lang)
    if reason:
        text.append(f" — {reason}")
    return text


def render_state(state: DebtorState, profile: Profile, steps: Sequence[Step], opening: Intent | None,
                 lang: str) -> Text:
    """The whole panel as one text (a repaint per debtor turn, no layout of many widgets)."""
    text = Text()
    text.append(tr("tc.now", lang) + "\n", style="bold")
    last = steps[-1].intent if steps else opening
    if last is not None:
        text.append(last.name, style="bold magenta")
        text.append("\n" + explain(last, lang))
    mood_style = "red" if state.mood < profile.min_mood else "green"
    text.append("\n\n")
    _label(text, tr("tc.mood", lang))
    text.append_text(_bar(state.mood, -1.0, 1.0, mood_style))
    text.append(f" {state.mood:+.2f}\n", style=mood_style)
    text.append("      " + tr("tc.mood_lines", lang, agree=f"{profile.min_mood:+.2f}", hang=f"{profile.mood_below:+.2f}"),
                style="dim")
    trust_style = "red" if state.trust < profile.min_trust else "green"
    text.append("\n")
    _label(text, tr("tc.trust", lang))
    text.append_text(_bar(state.trust, 0.0, 1.0, trust_style))
    text.append(f" {state.trust:.2f}\n", style=trust_style)
    text.append("      " + tr("tc.trust_line", lang, agree=f"{profile.min_trust:.2f}"), style="dim")
    patience = tr("tc.patience_value", lang, left=state.patience) if profile.patience_runs_out else str(state.patience)
    text.append("\n")
    _label(text, tr("tc.patience", lang))
    text.append(patience + "\n")
    text.append(tr("tc.flags", lang) + "\n", style="bold")
    flags = [(state.agent_identified, "tc.agent_identified"), (state.identity_confirmed, "tc.identity_confirmed"),
             (state.verified, "tc.verified"), (state.empathy, "tc.empathy"), (state.hardship_told, "tc.hardship_told"),
             (state.hardship_acknowledged, "tc.hardship_acknowledged")]
    if profile.persona.truth.dispute is not None:
        flags += [(state.dispute_raised, "tc.dispute_raised"), (state.dispute_routed, "tc.dispute_routed")]
    _pairs(text, [(done, tr(key, lang)) for done, key in flags])
    text.append(tr("tc.objections", lang) + "\n", style="bold")
    for objection in profile.persona.objections:
        if objection.id in state.objections_resolved:
            text.append(f"✓ {objection.id}\n", style="green")
        elif objection.id in state.objections_raised:
            text.append(f"! {objection.id} · {tr('tc.open', lang)}\n", style="yellow bold")
        else:
            text.append(f"○ {objection.id} · {tr('tc.not_raised', lang)}\n", style="dim")
    if not profile.persona.objections:
        text.append("—\n", style="dim")
    text.append(tr("tc.needs", lang) + "\n", style="bold")
    for need, met in _needs(state, profile).items():
        _mark(text, met, need)
        text.append("\n")
    if not profile.persona.agree_when.needs:
        text.append("—\n", style="dim")
    means = profile.means
    text.append(tr("tc.terms", lang) + "\n", style="bold")
    text.append(tr("tc.means", lang, lump=f"{means.lump_sum_now:,.0f}", monthly=f"{means.monthly:,.0f}",
                   earliest=means.earliest_date.isoformat()) + "\n", style="cyan")
    for key, terms in (("tc.offer", state.offer), ("tc.counter", state.counter), ("tc.agreed", state.agreed)):
        text.append(f"{tr(key, lang)}  ", style="dim")
        text.append(_terms(terms) + "\n", style="green bold" if key == "tc.agreed" and terms else "")
    if steps:
        text.append(tr("tc.history", lang) + "\n", style="bold")
        for turn, step in reversed(list(enumerate(steps, 1))):
            text.append_text(intent_line(turn, step.intent, lang))
            text.append("\n")
    return text


class DebtorStatePanel(Static):
    """The hidden state after the latest debtor turn; ``show`` repaints it."""

    def __init__(self, lang: str, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.lang = lang

    def on_mount(self) -> None:
        self.border_title = tr("tc.panel", self.lang)

    def show(self, state: DebtorState, profile: Profile, steps: Sequence[Step], opening: Intent | None = None) -> None:
        self.update(render_state(state, profile, steps, opening, self.lang))
