"""The fixed vocabularies shared by the analyser, the scorer and the debtor engine.

They live in ``scoring`` because the arrows point one way (``simulator -> scoring``):
the persona schema in ``simulator`` validates its intents and reaction keys against these
enums, and the analyser labels utterances with the same names. Extend a set here, in one
place, and every user sees it.
"""

from __future__ import annotations

from enum import StrEnum


class DebtorIntent(StrEnum):
    """What the debtor does on a turn: decided by the policy, voiced by a voice."""

    ANSWER = "answer"
    CONFIRM_IDENTITY = "confirm_identity"
    DENY_IDENTITY = "deny_identity"
    ASK_WHO_IS_CALLING = "ask_who_is_calling"
    VENT = "vent"
    OBJECT = "object"
    ASK_CLARIFY = "ask_clarify"
    EXPLAIN_SITUATION = "explain_situation"
    DISPUTE = "dispute"
    STALL = "stall"
    COUNTER_OFFER = "counter_offer"
    ACCEPT_PLAN = "accept_plan"
    REFUSE = "refuse"
    THREATEN_AGENT = "threaten_agent"
    TAKE_MESSAGE = "take_message"
    HANG_UP = "hang_up"
    GOODBYE = "goodbye"


class AgentAct(StrEnum):
    """Dialogue acts the analyser recognises in an agent's turn (DOMAIN.md, issue 4)."""

    GREET = "greet"
    INTRODUCE_SELF = "introduce_self"
    STATE_INSTITUTION = "state_institution"
    ASK_IDENTITY_CHECK = "ask_identity_check"
    STATE_AMOUNT = "state_amount"
    STATE_OVERDUE = "state_overdue"
    EXPLAIN_CONSEQUENCE = "explain_consequence"
    FALSE_LEGAL = "false_legal"
    THREAT = "threat"
    INSULT = "insult"
    SARCASM = "sarcasm"
    CONTEMPT = "contempt"
    EMPATHISE = "empathise"
    ASK_REASON = "ask_reason"
    OFFER_PLAN = "offer_plan"
    CONFIRM_PLAN = "confirm_plan"
    PAYMENT_CHANNEL = "payment_channel"
    PERSONAL_ACCOUNT = "personal_account"
    HARDSHIP_ROUTE = "hardship_route"
    DISPUTE_ROUTE = "dispute_route"
    PUSH_NEW_BORROWING = "push_new_borrowing"
    EXTRA_FEE = "extra_fee"
    DISCLOSE_DEBT = "disclose_debt"
    MENTION_CONTACTS = "mention_contacts"
    IMPERSONATION = "impersonation"
    FREQUENCY_PRESSURE = "frequency_pressure"
    DEBT_COLLECTOR_DISCLOSURE = "debt_collector_disclosure"
    JARGON = "jargon"
    EXPLAIN_TERM = "explain_term"
    RECAP = "recap"
    THANKS = "thanks"
    GOODBYE = "goodbye"


class Trigger(StrEnum):
    """Situations the debtor engine derives from a turn plus the call so far.

    They are not single utterance acts: "repeat_demand" needs the earlier turns, and
    "plan_within_means" needs the persona's hidden means. Persona ``reactions`` may key on
    these as well as on any :class:`AgentAct`.
    """

    VERIFIED_IDENTITY = "verified_identity"
    PLAN_WITHIN_MEANS = "plan_within_means"
    PLAN_ABOVE_MEANS = "plan_above_means"
    REPEAT_DEMAND = "repeat_demand"
    DEMAND_FULL = "demand_full"
    LISTEN = "listen"
    INJECTION = "injection"


REACTION_KEYS: frozenset[str] = frozenset(a.value for a in AgentAct) | frozenset(
    t.value for t in Trigger if t is not Trigger.INJECTION
)
"""Every key a persona's ``reactions`` mapping may use.

``injection`` is not one: a turn that tries to steer the simulation moves no state at all
(it may only confuse the debtor), so no persona can be talked into paying by one.
"""


class Step(StrEnum):
    """The five steps of a collection call, in their expected order (DOMAIN.md)."""

    IDENTITY = "identity"
    REMINDER = "reminder"
    NEGOTIATION = "negotiation"
    SUPPORT = "support"
    CLOSING = "closing"


class Outcome(StrEnum):
    """``record.outcome`` values of the transcript format (TRANSCRIPT.md)."""

    PROMISE_TO_PAY = "promise_to_pay"
    HARDSHIP_PLAN = "hardship_plan"
    REFUSED = "refused"
    DISPUTE = "dispute"
    CALLBACK = "callback"
    WRONG_PARTY = "wrong_party"
    HUNG_UP = "hung_up"


class Jurisdiction(StrEnum):
    """Which compliance rule pack applies to a call."""

    CN = "CN"
    US = "US"
    UK = "UK"
