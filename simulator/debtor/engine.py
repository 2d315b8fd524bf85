"""The debtor as an environment: ``reset`` with a seed, then ``step`` per agent turn.

Shaped like Gymnasium: ``step`` returns the new state, the debtor's intent, whether the
debtor ended the call (*terminated*: a hang-up) and the observation. Agreeing to a plan
does not end the call; the agent's recap and goodbye still follow. The clock running out
(*truncated*) belongs to the call session, not to the debtor.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any

from scoring.analysis.analyse import analyse
from scoring.analysis.model import Analysis, Context
from simulator.catalog.models import Case, Persona
from simulator.debtor import cues
from simulator.debtor import state as debtor_state
from simulator.debtor.perceive import Observation, perceive
from simulator.debtor.policy import Intent, policy
from simulator.debtor.profile import Profile, bind
from simulator.debtor.state import DebtorState
from simulator.debtor.update import commit, update


@dataclass(frozen=True)
class Step:
    """One agent turn and the debtor's decision."""

    state: DebtorState
    intent: Intent
    terminated: bool  # the debtor hung up
    observation: Observation
    analysis: Analysis


class Debtor:
    """A persona played on a case: hidden state, deterministic policy, seeded variation."""

    def __init__(self, persona: Persona, case: Case, lang: str = "zh", difficulty: str | None = None,
                 seed: int = 0) -> None:
        self.profile: Profile = bind(persona, case, lang, difficulty)
        self.seed = seed
        self.rng = random.Random(seed)
        self.state: DebtorState = debtor_state.initial(self.profile, self.rng)
        self.context = Context()

    def reset(self, seed: int | None = None) -> DebtorState:
        """Start the call again (with a new seed if given)."""
        self.seed = self.seed if seed is None else seed
        self.rng = random.Random(self.seed)
        self.state = debtor_state.initial(self.profile, self.rng)
        self.context = Context()
        return self.state

    def step(self, text: str) -> Step:
        """Hear one agent turn, move the state, pick the intent."""
        clean, steered = cues.strip_steering(text)
        analysis = analyse(clean, "agent", self.profile.lang, self.profile.facts, self.context)
        obs = Observation(injection=True) if steered and not clean else perceive(clean, analysis, self.state, self.profile)
        if steered:
            obs = replace(obs, steered=True)
        moved = update(self.state, obs, self.profile)
        intent = policy(moved, obs, self.profile)
        self.state = commit(moved, intent, self.profile)
        if not obs.injection:
            self.context = self._after(analysis, intent)
        return Step(self.state, intent, self.state.hung_up, obs, analysis)

    def _after(self, analysis: Analysis, intent: Intent) -> Context:
        """The analyser's view of the call once both turns are said (verified, third party, ...)."""
        context = self.context.after(analysis)
        changes: dict[str, Any] = {}
        if intent.name == "confirm_identity" and self.state.verified:
            changes["verified"] = True
        if intent.name == "deny_identity" or not self.profile.holder:
            changes["third_party"] = True
        elif intent.name == "confirm_identity":
            changes["third_party"] = False
        if intent.name == "dispute":
            changes["dispute_raised"] = True
        if intent.name == "explain_situation":
            changes["hardship_raised"] = True
        return replace(context, **changes) if changes else context

    def outcome(self) -> str | None:
        """What actually happened, as a ``record.outcome`` value (None: nothing settled)."""
        s = self.state
        if not self.profile.holder:
            return "callback" if s.message_taken else "wrong_party"
        if s.agreed is not None:
            return "hardship_plan" if "hardship_acknowledged" in self.profile.needs else "promise_to_pay"
        if s.hung_up:
            return "hung_up"
        if s.dispute_raised:
            return "dispute"
        if s.refusals:
            return "refused"
        return None

    def summary(self) -> dict[str, Any]:
        """The ``debtor`` block of ``debtsim call --json``."""
        s = self.state
        return {
            "mood": s.mood,
            "trust": s.trust,
            "hung_up": s.hung_up,
            "outcome": self.outcome(),
            "agreed_amount": s.agreed.amount if s.agreed else None,
            "agreed_date": s.agreed.date.isoformat() if s.agreed and s.agreed.date else None,
            "means": self.profile.means.as_json(),
        }
