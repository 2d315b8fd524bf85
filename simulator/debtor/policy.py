"""The debtor's policy: from the hidden state and the agent's turn to one intent with slots.

Outcomes are decided here and only here, never by a voice or a language model, and the
rules hold for every persona and seed:

- a plan is accepted only when it fits the means (amount, monthly, first date), trust and
  mood are high enough and the persona's conditions (objections resolved, identity
  verified, dispute routed, ...) hold; insisting lowers patience, it never raises willingness;
- someone who is not the account holder never confirms the debt or promises payment;
- a counter-offer never exceeds the means and never names a date before the earliest one.

The policy is deterministic: the seed varies the starting temperament and the wording,
so a steering attempt or a second run cannot change what the debtor decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from simulator.debtor import cues
from simulator.debtor.perceive import Observation
from simulator.debtor.profile import Profile
from simulator.debtor.state import DebtorState
from simulator.debtor.terms import Terms, nice, within_means

_NO_SLOTS: Mapping[str, Any] = MappingProxyType({})
_LADDER = (0.6, 0.8, 1.0)  # share of their means a debtor offers on each counter-offer


@dataclass(frozen=True)
class Intent:
    """What the debtor does this turn, e.g. ``counter_offer(amount=1500, date=2026-03-20)``."""

    name: str
    slots: Mapping[str, Any] = field(default_factory=lambda: _NO_SLOTS)

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.slots.items() if v is not None}


def _say(name: str, **slots: Any) -> Intent:
    return Intent(name, MappingProxyType({k: v for k, v in slots.items() if v is not None}))


def _terms_slots(terms: Terms) -> dict[str, Any]:
    return {
        "amount": terms.amount,
        "date": terms.date.isoformat() if terms.date else None,
        "monthly": terms.monthly,
    }


def policy(state: DebtorState, obs: Observation, profile: Profile) -> Intent:
    """The debtor's next intent after hearing ``obs`` (``state`` already updated by it)."""
    if obs.injection:
        return _confused(profile)
    if _hangs_up(state, obs, profile):
        if not obs.keys & profile.hang_up_on and profile.can("threaten_agent") and "threaten_agent" not in state.intents:
            return _say("threaten_agent")  # pushed to the edge, a bully warns once before slamming the phone down
        return _say("hang_up")
    if "goodbye" in obs.acts and not obs.asks_identity and (
            obs.terms.amount is None or state.agreed is not None and obs.terms.amount == state.agreed.amount):
        return _say("goodbye")
    if not profile.holder:
        return _not_the_holder(state, obs, profile)
    return _account_holder(state, obs, profile)


def _confused(profile: Profile) -> Intent:
    return _say("ask_clarify") if profile.can("ask_clarify") else _say("answer")


def _hangs_up(state: DebtorState, obs: Observation, profile: Profile) -> bool:
    if obs.keys & profile.hang_up_on:
        return True
    if state.mood < profile.mood_below:
        return True
    return profile.patience_runs_out and state.patience <= 0


# --- someone else picked up ------------------------------------------------------------


def _not_the_holder(state: DebtorState, obs: Observation, profile: Profile) -> Intent:
    """A relative or a wrong party: at most takes a message; never confirms or promises."""
    relative = profile.persona.party.role == "relative"
    if obs.message_request and relative and profile.can("take_message"):
        return _say("take_message")
    if obs.asks_identity:  # asked again, she says again that she is not the one
        return _say("deny_identity")
    if not state.agent_identified and profile.can("ask_who_is_calling") and state.last_intent != "ask_who_is_calling" \
            and (obs.pushes or state.turn <= 2):
        return _say("ask_who_is_calling")
    if obs.pushes or obs.terms.amount is not None:
        blocker = _next_objection(state, profile)
        if blocker:
            return blocker
        if profile.can("refuse") and state.last_intent != "refuse":
            return _say("refuse")  # "I'm not paying his debts"
        return _say("vent") if profile.can("vent") and state.mood < -0.2 else _say("deny_identity")
    if "ask_reason" in obs.acts and profile.can("explain_situation"):
        return _say("explain_situation")
    if obs.jargon and profile.can("ask_clarify"):
        return _say("ask_clarify", term=obs.jargon[0])
    if state.mood < -0.4 and profile.can("vent"):
        return _say("vent")
    return _say("answer")


# --- the account holder ----------------------------------------------------------------


def _conditions_met(state: DebtorState, profile: Profile) -> bool:
    checks = {
        "agent_identified": state.agent_identified,
        "identity_verified": state.verified,
        "objections_resolved": len(state.objections_resolved) == len(profile.persona.objections),
        "concrete_plan": True,  # checked on the terms themselves
        "dispute_routed": state.dispute_routed or profile.persona.truth.dispute is None,
        "hardship_acknowledged": state.hardship_acknowledged,
        "empathy": state.empathy,
    }
    return all(checks[need] for need in profile.needs)


def _ready(state: DebtorState, profile: Profile) -> bool:
    """Willing to say yes to a plan that fits: trust, mood and the persona's conditions."""
    return state.trust >= profile.min_trust and state.mood >= profile.min_mood and _conditions_met(state, profile)


def _screening(state: DebtorState, profile: Profile) -> bool:
    """An account holder who still pretends to be someone else."""
    until = profile.persona.party.denies_until
    if not until or state.identity_confirmed:
        return False
    return ("agent_identified" in until and not state.agent_identified) or (
        "identity_check" in until and not state.identity_asked)


def _account_holder(state: DebtorState, obs: Observation, profile: Profile) -> Intent:
    if _screening(state, profile):
        if not state.agent_identified and profile.can("ask_who_is_calling") and state.last_intent == "deny_identity":
            return _say("ask_who_is_calling")
        return _say("deny_identity") if profile.can("deny_identity") else _say("ask_who_is_calling")
    if obs.asks_identity and (not state.identity_confirmed or (obs.asked_fact and not state.verified)):
        fact = obs.asked_fact or (_first_fact(profile) if "ask_identity_check" in obs.acts else None)
        return _say("confirm_identity", fact=fact)
    if obs.jargon and profile.can("ask_clarify"):
        return _say("ask_clarify", term=obs.jargon[0])
    if state.agreed is not None:
        return _after_deal(state, obs, profile)
    if obs.terms.amount is not None or obs.affirms:
        return _weigh(state, obs, profile)
    if obs.asks_capacity:
        blocker = _blocker(state, obs, profile)
        return blocker or _counter(state, profile, again=True)
    if "ask_reason" in obs.acts and not state.hardship_told and profile.can("explain_situation"):
        return _say("explain_situation")
    if obs.pushes:
        blocker = _blocker(state, obs, profile)
        if blocker:
            return blocker
        if "hardship_route" in obs.acts or state.trust >= profile.min_trust:
            return _counter(state, profile)
        return _say("stall") if profile.can("stall") else _say("refuse")
    if "hardship_route" in obs.acts and _ready(state, profile):
        return _counter(state, profile)
    if state.mood < -0.4 and profile.can("vent") and state.last_intent != "vent":
        return _say("vent")
    return _say("answer")


def _first_fact(profile: Profile) -> str | None:
    v = profile.case.verification
    return next((f for f in cues.FACTS if getattr(v, f)), None)


def _next_objection(state: DebtorState, profile: Profile) -> Intent | None:
    for objection in profile.persona.objections:  # one the agent already answered goes unsaid
        if objection.id not in state.objections_raised and objection.id not in state.objections_resolved:
            return _say("object", objection=objection.id)
    return None


def _blocker(state: DebtorState, obs: Observation, profile: Profile) -> Intent | None:
    """What stands between the debtor and a deal, said aloud; None when nothing does."""
    if profile.persona.truth.dispute is not None and not state.dispute_raised and profile.can("dispute"):
        return _say("dispute")
    open_ = state.open_objections()
    if open_:
        if profile.can("threaten_agent") and state.mood < -0.5 and state.last_intent == "object":
            return _say("threaten_agent")
        if state.last_intent == "object" and state.mood < -0.3 and profile.can("vent"):
            return _say("vent")
        return _say("object", objection=open_[0])
    if "hardship_acknowledged" in profile.needs and not state.hardship_told and profile.can("explain_situation"):
        return _say("explain_situation")
    if state.mood < profile.min_mood:
        if profile.can("threaten_agent") and state.mood < -0.5 and state.last_intent in ("vent", "object"):
            return _say("threaten_agent")
        if profile.can("vent") and state.last_intent != "vent":
            return _say("vent")
    pending = _next_objection(state, profile)
    if pending and obs.pushes:
        return pending
    if "agent_identified" in profile.needs and not state.agent_identified and profile.can("ask_who_is_calling") \
            and state.last_intent != "ask_who_is_calling":
        return _say("ask_who_is_calling")
    return None


def _weigh(state: DebtorState, obs: Observation, profile: Profile) -> Intent:
    """The agent put terms on the table (or said yes to ours): accept, counter or refuse."""
    terms = state.offer if state.offer is not None else obs.terms
    if terms is None or terms.amount is None:
        return _counter(state, profile)
    fits = within_means(terms, profile.means)
    if fits:
        blocker = _blocker(state, obs, profile)
        if blocker:
            return blocker
        if not _ready(state, profile):
            return _say("stall") if profile.can("stall") else _counter(state, profile)
        if terms.date is None:  # right amount, no date yet: name the day they can do it
            return _say("counter_offer", **_terms_slots(Terms(terms.amount, profile.means.earliest_date, terms.monthly)))
        return _say("accept_plan", **_terms_slots(terms))
    blocker = _blocker(state, obs, profile)
    if blocker:
        return blocker
    if not state.hardship_told and profile.can("explain_situation") and state.refusals == 0 \
            and "hardship_acknowledged" in profile.needs:
        return _say("explain_situation")
    if state.trust >= profile.min_trust - 0.15 and state.mood >= profile.min_mood - 0.2:
        return _counter(state, profile)
    return _say("refuse")


def _counter(state: DebtorState, profile: Profile, again: bool = False) -> Intent:
    """A counter-offer that climbs towards the means, never above them.

    It climbs one rung only when the agent answered the last counter with terms of their
    own; being asked again ("so how much *can* you do?") repeats the last counter.
    """
    means = profile.means
    if state.counter is not None and (again or state.offer is None or state.offer.amount is None):
        return _say("counter_offer", **_terms_slots(state.counter))
    step = _LADDER[min(state.concessions, len(_LADDER) - 1)]
    amount = min(means.lump_sum_now, nice(means.lump_sum_now * step))
    monthly = min(means.monthly, nice(means.monthly * step)) if means.monthly else None
    if amount >= means.payable:
        monthly = None
    return _say("counter_offer", **_terms_slots(Terms(amount, means.earliest_date, monthly)))


def _after_deal(state: DebtorState, obs: Observation, profile: Profile) -> Intent:
    """A plan is agreed: the recap, channel and goodbye still follow (the call goes on)."""
    if obs.terms.amount is not None and state.agreed is not None and obs.terms.amount != state.agreed.amount:
        return _weigh(state, obs, profile) if within_means(obs.terms, profile.means) else _say("refuse")
    if "recap" in obs.acts or "confirm_plan" in obs.acts:
        return _say("accept_plan", **_terms_slots(state.agreed)) if state.agreed else _say("answer")
    return _say("answer")
