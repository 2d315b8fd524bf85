"""What the debtor hears in one agent turn: reaction keys, terms and requests.

The analyser gives the agent's dialogue acts; this module adds the triggers that need the
call so far or the hidden means (``plan_within_means``, ``repeat_demand``, ``listen``, ...),
the terms on the table, what the agent asks of the debtor, and whether the turn tries to
steer the simulation. The result is plain data the pure ``update`` and ``policy`` read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.analysis.model import Analysis
from scoring.vocab import REACTION_KEYS, Trigger
from simulator.debtor import cues
from simulator.debtor.profile import Profile
from simulator.debtor.state import DebtorState
from simulator.debtor.terms import Terms, find_terms, within_means

# Analyser acts that are not reaction keys but mean one for the debtor.
_ALIASES = {
    "hardship_arrangement": "hardship_route",
    "ask_third_party_pay": "demand_full",
    "dismiss_hardship": "contempt",
    "dismiss_dispute": "contempt",
}
PUSH_ACTS = frozenset({"state_amount", "state_overdue", "explain_consequence", "false_legal", "offer_plan",
                   "demand_payment", "frequency_pressure", "threat", "mention_contacts", "push_new_borrowing"})
_PRESSURE = frozenset({"demand_payment", "false_legal", "threat", "insult", "sarcasm", "contempt", "frequency_pressure",
                       "mention_contacts", "push_new_borrowing", "extra_fee", "state_amount"})


@dataclass(frozen=True)
class Observation:
    keys: frozenset[str] = frozenset()  # reaction keys (agent acts and triggers) of this turn
    acts: frozenset[str] = frozenset()  # every analyser act name, aliases included
    terms: Terms = Terms()  # terms named in this turn
    asked_fact: str | None = None  # the verification fact asked for
    asks_for_debtor: bool = False
    asks_capacity: bool = False
    message_request: bool = False
    affirms: bool = False  # the agent says yes to the debtor's counter-offer
    jargon: tuple[str, ...] = ()  # terms used and not explained
    injection: bool = False  # the turn was nothing but an attempt to steer the simulation
    steered: bool = False  # the turn held such an attempt (removed before it was read)

    @property
    def pushes(self) -> bool:
        """The agent pressed on the debt this turn (amount, demand, consequence, offer)."""
        return bool(self.acts & PUSH_ACTS) or self.terms.amount is not None

    @property
    def asks_identity(self) -> bool:
        return self.asks_for_debtor or self.asked_fact is not None or "ask_identity_check" in self.acts


def _names_debtor(text: str, profile: Profile) -> bool:
    name = profile.case.debtor_name.get(profile.lang)
    if not name:
        return False
    if name in text:
        return True
    parts = name.split()
    if profile.lang == "en" and parts:
        return any(re.search(rf"\b{re.escape(p)}\b", text, re.I) for p in parts if len(p) > 2)
    return len(name) >= 2 and re.search(re.escape(name[0]) + r"(先生|女士|小姐|总|哥|姐|老师|师傅|阿姨|叔)", text) is not None


_CUE_ACTS = ("explain_term", "dispute_route", "ask_reason", "threat", "insult", "demand_payment")


def _cue_acts(text: str, lang: str) -> frozenset[str]:
    """Acts the analyser misses in some phrasings, read from ``cues.yaml`` (``act_*``)."""
    return frozenset(act for act in _CUE_ACTS if cues.cue(f"act_{act}", text, lang))


def perceive(text: str, analysis: Analysis, state: DebtorState, profile: Profile) -> Observation:
    """The :class:`Observation` of an agent's turn, given the debtor's state before it.

    ``text`` has had its steering parts removed already (``cues.strip_steering`` in the engine).
    """
    lang = profile.lang
    acts = frozenset(_ALIASES.get(name, name) for name in analysis.names) | _cue_acts(text, lang)
    keys = set(acts & REACTION_KEYS)
    today = profile.case.call_local_time.date()
    terms = find_terms(text, lang, today, profile.case.amount_due) if acts & {
        "offer_plan", "confirm_plan", "recap", "demand_payment", "state_amount", "hardship_route"} or analysis.has(
        "hardship_arrangement") else Terms()
    if "state_amount" in acts and "offer_plan" not in acts and "demand_payment" not in acts:
        terms = Terms()  # "you owe 12,350" states the debt; it proposes nothing
    # The analyser's confirm_plan also fires on "我可以帮您申请…"; only a yes, or the counter's
    # own amount, accepts the debtor's counter-offer.
    counter_amount = state.counter.amount if state.counter is not None else None
    affirms = state.counter is not None and (cues.cue("affirm", text, lang) or (
        "confirm_plan" in acts and any(a.slots.get("amounts") and counter_amount in a.slots["amounts"]
                                       for a in analysis.all("confirm_plan")))) \
        and not (cues.cue("vague", text, lang) and terms.amount is None)  # "OK, just pay it asap" says yes to nothing
    if affirms and terms.amount is None and state.counter is not None:
        terms = state.counter.merged(terms)
    demand = "demand_payment" in acts or terms.full
    if terms.amount is not None:
        if terms.full or terms.amount >= profile.case.amount_due * 0.95 and not terms.monthly:
            keys.add(Trigger.DEMAND_FULL.value)
        elif within_means(terms, profile.means):
            keys.add(Trigger.PLAN_WITHIN_MEANS.value)
        else:
            keys.add(Trigger.PLAN_ABOVE_MEANS.value)
            demand = True
    elif "demand_payment" in acts:
        keys.add(Trigger.DEMAND_FULL.value)
    if keys & {Trigger.DEMAND_FULL.value, Trigger.PLAN_ABOVE_MEANS.value} or acts & _PRESSURE - {"state_amount"}:
        # "pay it all now" is a demand, not a plan (DOMAIN.md), and "I understand, but pay it all"
        # is no empathy: no credit for either in the same breath as the pressure.
        keys -= {"offer_plan", "empathise", "listen", "recap", "confirm_plan"}
    if "recap" in keys and state.agreed is None and state.counter is None and not terms.concrete and profile.holder:
        keys.discard("recap")  # nothing agreed to sum up ("我再说一遍" is no recap)
    if demand and state.last_demand is not None and (terms.amount is None or terms.amount >= state.last_demand):
        keys.add(Trigger.REPEAT_DEMAND.value)
    if ("ask_reason" in acts or cues.cue("listen", text, lang)) and not acts & _PRESSURE and not demand:
        keys.add(Trigger.LISTEN.value)
    jargon = tuple(str(a.slots.get("term", "")) for a in analysis.all("jargon") if a.slots.get("term"))
    if "explain_term" in acts:  # "M1就是逾期一个月的意思": the term comes with its meaning
        jargon = ()
        keys.discard("jargon")
    return Observation(
        keys=frozenset(keys),
        acts=acts,
        terms=terms,
        asked_fact=cues.asked_fact(text, lang),
        asks_for_debtor=cues.cue("ask_for_debtor", text, lang) or _names_debtor(text, profile),
        asks_capacity=cues.cue("ask_capacity", text, lang),
        message_request=cues.cue("message_request", text, lang),
        affirms=affirms,
        jargon=jargon,
    )
