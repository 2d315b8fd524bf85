"""How an agent's turn moves the debtor's state, and what the debtor's own reply commits.

``update`` applies the persona's reactions to what the agent did; ``commit`` records what
the debtor then said (an objection raised, a counter-offer, a plan accepted, a hang-up).
Both are pure: same state and input, same result.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from scoring.vocab import Trigger
from simulator.debtor.perceive import Observation
from simulator.debtor.policy import Intent
from simulator.debtor.profile import Profile
from simulator.debtor.state import DebtorState
from simulator.debtor.terms import Terms


def _clamp(value: float, low: float, high: float) -> float:
    return round(min(high, max(low, value)), 4)


def update(state: DebtorState, obs: Observation, profile: Profile) -> DebtorState:
    """The state after hearing one agent turn (before the debtor replies)."""
    if state.hung_up:
        return state
    if obs.injection:
        return replace(state, confused=state.confused + 1)  # steering moves nothing else
    if obs.steered:
        state = replace(state, confused=state.confused + 1)  # the rest of the turn still counts
    mood, trust = state.mood, state.trust
    patience = state.patience - (0 if state.agreed else 1)  # every turn costs one, until a deal is made
    for key in sorted(obs.keys):
        delta = profile.reactions.get(key)
        if delta is not None:
            mood, trust, patience = mood + delta.mood, trust + delta.trust, patience + delta.patience
    acts = obs.acts
    resolved = set(state.objections_resolved)
    for objection in profile.persona.objections:  # answered once raised, or met before it came up
        if objection.id not in resolved and obs.keys & set(objection.resolved_by):
            resolved.add(objection.id)
    offer = state.offer
    if obs.terms.amount is not None or obs.terms.date is not None:
        offer = obs.terms if obs.terms.amount is not None or offer is None else offer.merged(obs.terms)
    demanded = obs.keys & {Trigger.DEMAND_FULL.value, Trigger.PLAN_ABOVE_MEANS.value}
    return replace(
        state,
        mood=_clamp(mood, -1.0, 1.0),
        trust=_clamp(trust, 0.0, 1.0),
        patience=min(patience, profile.patience + 10),
        turn=state.turn + 1,
        agent_named=state.agent_named or "introduce_self" in acts,
        institution_named=state.institution_named or "state_institution" in acts,
        identity_asked=state.identity_asked or obs.asks_identity,
        empathy=state.empathy or "empathise" in obs.keys,
        hardship_acknowledged=state.hardship_acknowledged or "hardship_route" in acts
        or (state.hardship_told and ("empathise" in obs.keys or Trigger.LISTEN.value in obs.keys)),
        dispute_routed=state.dispute_routed or "dispute_route" in acts,
        objections_resolved=frozenset(resolved),
        offer=offer,
        last_demand=(obs.terms.amount or profile.case.amount_due) if demanded else state.last_demand,
        demands=state.demands + (1 if demanded else 0),
    )


def commit(state: DebtorState, intent: Intent, profile: Profile) -> DebtorState:
    """The state once the debtor has said ``intent``."""
    name = intent.name
    changes: dict[str, object] = {"last_intent": name, "intents": (*state.intents, name)}
    if name == "confirm_identity":
        changes["identity_confirmed"] = True
        if state.identity_asked and intent.slots.get("fact") and not state.verified:
            changes["verified"] = True
            delta = profile.reactions.get(Trigger.VERIFIED_IDENTITY.value)
            if delta is not None:
                changes["mood"] = _clamp(state.mood + delta.mood, -1.0, 1.0)
                changes["trust"] = _clamp(state.trust + delta.trust, 0.0, 1.0)
                changes["patience"] = state.patience + delta.patience
    elif name == "object" and intent.slots.get("objection"):
        objection = str(intent.slots["objection"])
        if objection not in state.objections_raised:
            changes["objections_raised"] = (*state.objections_raised, objection)
    elif name == "dispute":
        changes["dispute_raised"] = True
    elif name == "explain_situation":
        changes["hardship_told"] = True
    elif name == "counter_offer":
        changes["counter"] = Terms(intent.slots.get("amount"), _date(intent.slots.get("date")),
                                   intent.slots.get("monthly"))
        changes["concessions"] = state.concessions + 1
    elif name == "accept_plan":
        changes["agreed"] = Terms(intent.slots.get("amount"), _date(intent.slots.get("date")),
                                  intent.slots.get("monthly"))
        changes["last_demand"] = None
    elif name == "refuse":
        changes["refusals"] = state.refusals + 1
    elif name == "take_message":
        changes["message_taken"] = True
    elif name == "hang_up":
        changes["hung_up"] = True
    return replace(state, **changes)


def _date(value: object) -> date | None:
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value if isinstance(value, date) else None
