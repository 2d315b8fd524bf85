"""A persona bound to a case, a language and a difficulty: the fixed half of a debtor.

The state (``state.py``) changes every turn; the profile never does. Binding once turns
"30%" means into money for this case, dates into calendar dates from the call's date, and
applies the difficulty scaling, so the per-turn code works on plain numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from scoring.analysis.model import Facts
from simulator.catalog.models import Case, Persona, resolve_amount
from simulator.debtor import difficulty
from simulator.debtor.terms import Means, resolve_means


@dataclass(frozen=True)
class Delta:
    mood: float = 0.0
    trust: float = 0.0
    patience: int = 0


@dataclass(frozen=True)
class Profile:
    persona: Persona
    case: Case
    lang: str
    level: str
    means: Means
    reactions: Mapping[str, Delta]
    min_trust: float
    min_mood: float
    needs: frozenset[str]
    hang_up_on: frozenset[str]
    mood_below: float
    patience: int
    patience_runs_out: bool

    @property
    def holder(self) -> bool:
        return self.persona.is_account_holder

    @cached_property
    def intents(self) -> frozenset[str]:
        """Intents this persona has phrases for: the policy never picks another."""
        return frozenset(i.value for i in self.persona.phrases)

    def can(self, intent: str) -> bool:
        return intent in self.intents

    @cached_property
    def facts(self) -> Facts:
        """What the analyser needs to know about the case."""
        return Facts(
            amount_due=self.case.amount_due,
            days_overdue=self.case.days_overdue,
            call_date=self.case.call_local_time.date(),
            debtor_name=self.case.debtor_name.get(self.lang),
            currency=self.case.currency,
        )


def bind(persona: Persona, case: Case, lang: str, level: str | None = None) -> Profile:
    """The persona played on ``case`` in ``lang`` at difficulty ``level`` (its own if None)."""
    levels = difficulty.levels_between(persona.difficulty, level)
    truth = persona.truth
    due = case.amount_due
    disputed = 0.0
    if truth.dispute is not None and truth.dispute.disputed_amount is not None:
        disputed = resolve_amount(truth.dispute.disputed_amount, due)
    means = resolve_means(
        resolve_amount(truth.means.lump_sum_now, due),
        resolve_amount(truth.means.monthly, due),
        truth.means.earliest_in_days,
        truth.means.full_by_days,
        case.call_local_time.date(),
        payable=max(0.0, due - disputed),
    )
    reactions = {
        key: Delta(difficulty.delta(r.mood, levels), difficulty.delta(r.trust, levels),
                   round(difficulty.delta(r.patience, levels)))
        for key, r in persona.reactions.items()
    }
    agree = persona.agree_when
    return Profile(
        persona=persona,
        case=case,
        lang=lang,
        level=level or persona.difficulty,
        means=means,
        reactions=MappingProxyType(reactions),
        min_trust=difficulty.threshold(agree.min_trust, difficulty.STEP.min_trust, levels, 0.0, 1.0),
        min_mood=difficulty.threshold(agree.min_mood, difficulty.STEP.min_mood, levels, -1.0, 1.0),
        needs=frozenset(agree.needs),
        hang_up_on=frozenset(persona.hang_up_when.on),
        mood_below=persona.hang_up_when.mood_below,
        patience=difficulty.patience(persona.temperament.patience, levels),
        patience_runs_out=persona.hang_up_when.when_patience_runs_out,
    )
