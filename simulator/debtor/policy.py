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

Every intent carries the branch that chose it (``Intent.why``, a :class:`~simulator.debtor.reasons.Why`)
and the figures behind it (``Intent.because``): a trainer's test call shows the real cause.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from simulator.debtor import cues
from simulator.debtor.perceive import Observation
from simulator.debtor.profile import Profile
from simulator.debtor.reasons import Why
from simulator.debtor.state import DebtorState
from simulator.debtor.terms import Means, Terms, nice, within_means

_NO_SLOTS: Mapping[str, Any] = MappingProxyType({})
_LADDER = (0.6, 0.8, 1.0)  # share of their means a debtor offers on each counter-offer


@dataclass(frozen=True)
class Intent:
    """What the debtor does this turn, e.g. ``counter_offer(amount=1500, date=2026-03-20)``.

    ``why`` and ``because`` say which branch chose it; they take no part in equality and are
    never written to a transcript (TRANSCRIPT.md keeps ``intent`` and ``slots`` only).
    """

    name: str
    slots: Mapping[str, Any] = field(default_factory=lambda: _NO_SLOTS)
    why: str = field(default="", compare=False)
    because: Mapping[str, Any] = field(default_factory=lambda: _NO_SLOTS, compare=False)

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.slots.items() if v is not None}


def _say(name: str, why: Why, because: Mapping[str, Any] | None = None, **slots: Any) -> Intent:
    return Intent(name, MappingProxyType({k: v for k, v in slots.items() if v is not None}), why,
                  MappingProxyType(dict(because)) if because else _NO_SLOTS)


Reason = tuple[Why, dict[str, Any]]


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
    hang_up = _hangs_up(state, obs, profile)
    if hang_up:
        why, because = hang_up
        if why is not Why.HANG_UP_TRIGGER and profile.can("threaten_agent") and "threaten_agent" not in state.intents:
            # pushed to the edge, a bully warns once before slamming the phone down
            return _say("threaten_agent", _WARNS[why], because)
        return _say("hang_up", why, because)
    if "goodbye" in obs.acts and not obs.asks_identity and (
            obs.terms.amount is None or state.agreed is not None and obs.terms.amount == state.agreed.amount):
        return _say("goodbye", Why.GOODBYE)
    if not profile.holder:
        return _not_the_holder(state, obs, profile)
    return _account_holder(state, obs, profile)


def _confused(profile: Profile) -> Intent:
    return _say("ask_clarify", Why.STEERED) if profile.can("ask_clarify") else _say("answer", Why.STEERED)


_WARNS = {Why.HANG_UP_MOOD: Why.WARN_MOOD, Why.HANG_UP_PATIENCE: Why.WARN_PATIENCE}


def _hangs_up(state: DebtorState, obs: Observation, profile: Profile) -> Reason | None:
    """Why the debtor ends the call now, or None: a trigger heard, mood too low, patience gone."""
    said = obs.keys & profile.hang_up_on
    if said:
        return Why.HANG_UP_TRIGGER, {"said": tuple(sorted(said))}
    if state.mood < profile.mood_below:
        return Why.HANG_UP_MOOD, {"mood": state.mood, "below": profile.mood_below}
    if profile.patience_runs_out and state.patience <= 0:
        return Why.HANG_UP_PATIENCE, {"patience": state.patience}
    return None


# --- someone else picked up ------------------------------------------------------------


def _not_the_holder(state: DebtorState, obs: Observation, profile: Profile) -> Intent:
    """A relative or a wrong party: at most takes a message; never confirms or promises."""
    relative = profile.persona.party.role == "relative"
    if obs.message_request and relative and profile.can("take_message"):
        return _say("take_message", Why.TAKE_MESSAGE)
    if obs.asks_identity:  # asked again, she says again that she is not the one
        return _say("deny_identity", Why.NOT_THEM)
    if not state.agent_identified and profile.can("ask_who_is_calling") and state.last_intent != "ask_who_is_calling" \
            and (obs.pushes or state.turn <= 2):
        return _say("ask_who_is_calling", Why.THIRD_PARTY_WHO)
    if obs.pushes or obs.terms.amount is not None:
        blocker = _next_objection(state, profile)
        if blocker:
            return blocker
        if profile.can("refuse") and state.last_intent != "refuse":
            return _say("refuse", Why.THIRD_PARTY_REFUSE)  # "I'm not paying his debts"
        if profile.can("vent") and state.mood < -0.2:
            return _say("vent", Why.THIRD_PARTY_VENT, {"mood": state.mood})
        return _say("deny_identity", Why.THIRD_PARTY_DENY)
    if "ask_reason" in obs.acts and profile.can("explain_situation"):
        return _say("explain_situation", Why.EXPLAIN_ASKED)
    if obs.jargon and profile.can("ask_clarify"):
        return _say("ask_clarify", Why.CLARIFY, {"term": obs.jargon[0]}, term=obs.jargon[0])
    if state.mood < -0.4 and profile.can("vent"):
        return _say("vent", Why.VENT_MOOD, {"mood": state.mood})
    return _say("answer", Why.ANSWER)


# --- the account holder ----------------------------------------------------------------


def unmet_needs(state: DebtorState, profile: Profile) -> tuple[str, ...]:
    """The persona's ``agree_when.needs`` not met yet, in the file's order."""
    checks = {
        "agent_identified": state.agent_identified,
        "identity_verified": state.verified,
        "objections_resolved": len(state.objections_resolved) == len(profile.persona.objections),
        "concrete_plan": True,  # checked on the terms themselves
        "dispute_routed": state.dispute_routed or profile.persona.truth.dispute is None,
        "hardship_acknowledged": state.hardship_acknowledged,
        "empathy": state.empathy,
    }
    order = [n for n in profile.persona.agree_when.needs if n in profile.needs]  # as the trainer wrote them
    return tuple(need for need in [*order, *sorted(profile.needs - set(order))] if not checks[need])


def _not_ready(state: DebtorState, profile: Profile) -> dict[str, Any]:
    """What keeps the debtor from saying yes to a plan that fits (empty: ready).

    Trust, mood and the persona's conditions, each only when it falls short.
    """
    gaps: dict[str, Any] = {}
    if state.trust < profile.min_trust:
        gaps |= {"trust": state.trust, "min_trust": profile.min_trust}
    if state.mood < profile.min_mood:
        gaps |= {"mood": state.mood, "min_mood": profile.min_mood}
    unmet = unmet_needs(state, profile)
    if unmet:
        gaps["unmet"] = unmet
    return gaps


def _ready(state: DebtorState, profile: Profile) -> bool:
    """Willing to say yes to a plan that fits: trust, mood and the persona's conditions."""
    return not _not_ready(state, profile)


def _screening(state: DebtorState, profile: Profile) -> tuple[str, ...]:
    """What an account holder who still pretends to be someone else waits for (empty: not screening)."""
    until = profile.persona.party.denies_until
    if not until or state.identity_confirmed:
        return ()
    waiting = {"agent_identified": not state.agent_identified, "identity_check": not state.identity_asked}
    return tuple(u for u in until if waiting[u])


def _over(terms: Terms, means: Means) -> dict[str, Any]:
    """How ``terms`` exceed the means (what ``within_means`` refused), for the reason."""
    out: dict[str, Any] = {"offer": terms.amount}
    if terms.amount is not None and (terms.amount > means.lump_sum_now + 0.5 or terms.amount > means.payable + 0.5):
        out["lump"] = means.lump_sum_now
    if terms.monthly is not None and terms.monthly > means.monthly + 0.5:
        out |= {"offer_monthly": terms.monthly, "monthly_max": means.monthly}
    if terms.date is not None and terms.date < means.earliest_date:
        out |= {"offer_date": terms.date.isoformat(), "earliest": means.earliest_date.isoformat()}
    return out


def _account_holder(state: DebtorState, obs: Observation, profile: Profile) -> Intent:
    waiting = _screening(state, profile)
    if waiting:
        if not state.agent_identified and profile.can("ask_who_is_calling") and state.last_intent == "deny_identity":
            return _say("ask_who_is_calling", Why.ASK_WHO_SCREENING, {"until": waiting})
        name = "deny_identity" if profile.can("deny_identity") else "ask_who_is_calling"
        return _say(name, Why.DENY_SCREENING, {"until": waiting})
    if obs.asks_identity and (not state.identity_confirmed or (obs.asked_fact and not state.verified)):
        fact = obs.asked_fact or (_first_fact(profile) if "ask_identity_check" in obs.acts else None)
        if fact is None:
            return _say("confirm_identity", Why.CONFIRM_ASKED)
        return _say("confirm_identity", Why.CONFIRM_FACT, {"fact": fact}, fact=fact)
    if obs.jargon and profile.can("ask_clarify"):
        return _say("ask_clarify", Why.CLARIFY, {"term": obs.jargon[0]}, term=obs.jargon[0])
    if state.agreed is not None:
        return _after_deal(state, obs, profile)
    if obs.terms.amount is not None or obs.affirms:
        return _weigh(state, obs, profile)
    if obs.asks_capacity:
        blocker = _blocker(state, obs, profile)
        return blocker or _counter(state, profile, (Why.COUNTER_ASKED, {}), again=True)
    if "ask_reason" in obs.acts and not state.hardship_told and profile.can("explain_situation"):
        return _say("explain_situation", Why.EXPLAIN_ASKED)
    if obs.pushes:
        blocker = _blocker(state, obs, profile)
        if blocker:
            return blocker
        trust = {"trust": state.trust, "min_trust": profile.min_trust}
        if "hardship_route" in obs.acts:
            return _counter(state, profile, (Why.COUNTER_HARDSHIP, {}))
        if state.trust >= profile.min_trust:
            return _counter(state, profile, (Why.COUNTER_PUSHED, trust))
        return _say("stall" if profile.can("stall") else "refuse", Why.STALL_LOW_TRUST, trust)
    if "hardship_route" in obs.acts and _ready(state, profile):
        return _counter(state, profile, (Why.COUNTER_HARDSHIP, {}))
    if state.mood < -0.4 and profile.can("vent") and state.last_intent != "vent":
        return _say("vent", Why.VENT_MOOD, {"mood": state.mood})
    return _say("answer", Why.ANSWER)


def _first_fact(profile: Profile) -> str | None:
    v = profile.case.verification
    return next((f for f in cues.FACTS if getattr(v, f)), None)


def _next_objection(state: DebtorState, profile: Profile) -> Intent | None:
    for objection in profile.persona.objections:  # one the agent already answered goes unsaid
        if objection.id not in state.objections_raised and objection.id not in state.objections_resolved:
            return _say("object", Why.OBJECT_PENDING, {"objection": objection.id}, objection=objection.id)
    return None


def _blocker(state: DebtorState, obs: Observation, profile: Profile) -> Intent | None:
    """What stands between the debtor and a deal, said aloud; None when nothing does."""
    if profile.persona.truth.dispute is not None and not state.dispute_raised and profile.can("dispute"):
        return _say("dispute", Why.DISPUTE)
    open_ = state.open_objections()
    if open_:
        about = {"objection": open_[0], "mood": state.mood}
        if profile.can("threaten_agent") and state.mood < -0.5 and state.last_intent == "object":
            return _say("threaten_agent", Why.THREATEN_IGNORED, about)
        if state.last_intent == "object" and state.mood < -0.3 and profile.can("vent"):
            return _say("vent", Why.VENT_IGNORED, about)
        return _say("object", Why.OBJECT_OPEN, about, objection=open_[0])
    if "hardship_acknowledged" in profile.needs and not state.hardship_told and profile.can("explain_situation"):
        return _say("explain_situation", Why.EXPLAIN_HARDSHIP)
    if state.mood < profile.min_mood:
        low = {"mood": state.mood, "min_mood": profile.min_mood}
        if profile.can("threaten_agent") and state.mood < -0.5 and state.last_intent in ("vent", "object"):
            return _say("threaten_agent", Why.THREATEN_MOOD, low)
        if profile.can("vent") and state.last_intent != "vent":
            return _say("vent", Why.VENT_BELOW_MIN, low)
    pending = _next_objection(state, profile)
    if pending and obs.pushes:
        return pending
    if "agent_identified" in profile.needs and not state.agent_identified and profile.can("ask_who_is_calling") \
            and state.last_intent != "ask_who_is_calling":
        return _say("ask_who_is_calling", Why.ASK_WHO_NEEDED)
    return None


def _weigh(state: DebtorState, obs: Observation, profile: Profile) -> Intent:
    """The agent put terms on the table (or said yes to ours): accept, counter or refuse."""
    terms = state.offer if state.offer is not None else obs.terms
    means = profile.means
    if terms is None or terms.amount is None:
        return _counter(state, profile, (Why.COUNTER_NO_AMOUNT, {}))
    fits = within_means(terms, means)
    if fits:
        blocker = _blocker(state, obs, profile)
        if blocker:
            return blocker
        gaps = _not_ready(state, profile)
        if gaps:
            if profile.can("stall"):
                return _say("stall", Why.STALL_NOT_READY, gaps)
            return _counter(state, profile, (Why.COUNTER_NOT_READY, gaps))
        if terms.date is None:  # right amount, no date yet: name the day they can do it
            return _say("counter_offer", Why.COUNTER_NO_DATE, {"earliest": means.earliest_date.isoformat()},
                        **_terms_slots(Terms(terms.amount, means.earliest_date, terms.monthly)))
        return _say("accept_plan", Why.ACCEPT_FITS, {"offer": terms.amount, "lump": means.lump_sum_now},
                    **_terms_slots(terms))
    blocker = _blocker(state, obs, profile)
    if blocker:
        return blocker
    over = _over(terms, means)
    if not state.hardship_told and profile.can("explain_situation") and state.refusals == 0 \
            and "hardship_acknowledged" in profile.needs:
        return _say("explain_situation", Why.EXPLAIN_ABOVE_MEANS, over)
    if state.trust >= profile.min_trust - 0.15 and state.mood >= profile.min_mood - 0.2:
        return _counter(state, profile, (Why.COUNTER_TOO_MUCH, over))
    short: dict[str, Any] = {}
    if state.trust < profile.min_trust - 0.15:
        short |= {"trust": state.trust, "min_trust": round(profile.min_trust - 0.15, 2)}
    if state.mood < profile.min_mood - 0.2:
        short |= {"mood": state.mood, "min_mood": round(profile.min_mood - 0.2, 2)}
    return _say("refuse", Why.REFUSE_TOO_MUCH, over | short)


def _counter(state: DebtorState, profile: Profile, reason: Reason, again: bool = False) -> Intent:
    """A counter-offer that climbs towards the means, never above them.

    It climbs one rung only when the agent answered the last counter with terms of their
    own; being asked again ("so how much *can* you do?") repeats the last counter.
    ``reason`` is why the debtor counters at all; the rung (``share``) is added here.
    """
    means = profile.means
    why, because = reason
    if state.counter is not None and (again or state.offer is None or state.offer.amount is None):
        return _say("counter_offer", why, because, **_terms_slots(state.counter))
    step = _LADDER[min(state.concessions, len(_LADDER) - 1)]
    amount = min(means.lump_sum_now, nice(means.lump_sum_now * step))
    monthly = min(means.monthly, nice(means.monthly * step)) if means.monthly else None
    if amount >= means.payable:
        monthly = None
    return _say("counter_offer", why, {**because, "share": step},
                **_terms_slots(Terms(amount, means.earliest_date, monthly)))


def _after_deal(state: DebtorState, obs: Observation, profile: Profile) -> Intent:
    """A plan is agreed: the recap, channel and goodbye still follow (the call goes on)."""
    if obs.terms.amount is not None and state.agreed is not None and obs.terms.amount != state.agreed.amount:
        if within_means(obs.terms, profile.means):
            return _weigh(state, obs, profile)
        return _say("refuse", Why.DEAL_ABOVE_MEANS, _over(obs.terms, profile.means))
    if ("recap" in obs.acts or "confirm_plan" in obs.acts) and state.agreed is not None:
        return _say("accept_plan", Why.ACCEPT_RECAP, **_terms_slots(state.agreed))
    return _say("answer", Why.DEAL_DONE)
