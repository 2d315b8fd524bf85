"""The debtor's hidden state: what the trainee must discover and move, turn by turn.

Frozen, so every step returns a new state and a call can be replayed or inspected at any
turn (Gymnasium's reset/step shape). Nothing here reads text: ``perceive`` turns words into
an :class:`~simulator.debtor.perceive.Observation`, ``update`` moves this state, ``policy``
reads it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from simulator.debtor.profile import Profile
from simulator.debtor.terms import Terms


@dataclass(frozen=True)
class DebtorState:
    mood: float  # -1 furious .. +1 warm
    trust: float  # 0 .. 1
    patience: int  # agent turns left before they give up
    turn: int = 0  # agent turns heard (steering attempts not counted)
    agent_named: bool = False  # the agent said who they are
    institution_named: bool = False  # ... and whom they call for
    identity_asked: bool = False  # the agent asked for the account holder or a check
    identity_confirmed: bool = False  # the debtor said "yes, it's me"
    verified: bool = False  # ... in answer to a proper identity check
    empathy: bool = False
    hardship_told: bool = False  # the debtor explained why they are late
    hardship_acknowledged: bool = False
    dispute_raised: bool = False
    dispute_routed: bool = False
    objections_raised: tuple[str, ...] = ()
    objections_resolved: frozenset[str] = frozenset()
    offer: Terms | None = None  # the agent's terms on the table
    counter: Terms | None = None  # the debtor's last counter-offer
    concessions: int = 0  # counter-offers made so far
    agreed: Terms | None = None  # the plan the debtor said yes to
    last_demand: float | None = None  # the amount of the agent's last unmet demand
    demands: int = 0
    refusals: int = 0
    message_taken: bool = False
    hung_up: bool = False
    confused: int = 0  # steering attempts heard: they only confuse
    last_intent: str | None = None
    intents: tuple[str, ...] = field(default=(), repr=False)  # every intent so far

    @property
    def agent_identified(self) -> bool:
        return self.agent_named and self.institution_named

    def open_objections(self) -> list[str]:
        return [o for o in self.objections_raised if o not in self.objections_resolved]


def initial(profile: Profile, rng: random.Random) -> DebtorState:
    """The state at the start of a call; the seed nudges mood and trust a little.

    The nudge (at most 0.05) makes two seeds of one persona feel different without
    changing who they are; the same seed gives the same call.
    """
    temperament = profile.persona.temperament
    mood = max(-1.0, min(1.0, temperament.mood + rng.uniform(-0.05, 0.05)))
    trust = max(0.0, min(1.0, temperament.trust + rng.uniform(-0.05, 0.05)))
    return DebtorState(mood=round(mood, 3), trust=round(trust, 3), patience=profile.patience)
