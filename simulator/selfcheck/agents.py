"""The standard agents of the persona self-check: five fixed scripts and one model agent.

An agent is a generator: it yields the agent's next line and is sent the debtor's intent
(name and slots, what a trainee hears) in return; it stops when it has nothing more to say.
Agents know only what a trainee knows: the case file and what the debtor said. The one
exception is deliberate: when the debtor raises an objection, the model agent answers it
with a move the persona lists as meeting it (``resolved_by``), standing in for a trainee
who understood what the objection was about.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from simulator.catalog.models import Case
from simulator.debtor.policy import Intent
from simulator.debtor.terms import nice
from simulator.i18n import MESSAGES
from simulator.selfcheck import lines

Agent = Generator[str, Intent, None]
"""Yields the agent's lines; is sent the debtor's intent after each one."""

MAX_TURNS = 20  # a model call that has not closed by then has lost its way
_FACTS = ("id_last4", "phone_last4", "date_of_birth", "postcode")


@dataclass(frozen=True)
class View:
    """What the agent knows before dialling: the case in the call's language, as words."""

    lang: str
    case: Case
    slots: Mapping[str, str]
    objection_moves: Mapping[str, tuple[str, ...]]


def money(value: float, currency: str, lang: str) -> str:
    """A sum as an agent says it: ``1200元`` / ``$1,200`` / ``£1,200.50``."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    if lang == "zh":
        unit = {"CNY": "元", "USD": "美元", "GBP": "英镑"}.get(currency, currency)
        return number.replace(",", "") + unit
    return {"USD": "${}", "GBP": "£{}"}.get(currency, "{} " + ("yuan" if currency == "CNY" else currency)).format(number)


def day(value: date, lang: str) -> str:
    return f"{value.month}月{value.day}号" if lang == "zh" else f"{value:%B} {value.day}"


def case_slots(case: Case, lang: str) -> dict[str, str]:
    """The ``{slots}`` every script may use: the case as a trainee would say it."""
    today = case.call_local_time.date()
    fact = next((f for f in _FACTS if getattr(case.verification, f)), "id_last4")
    due = case.amount_due
    key = f"product.{case.product}"
    if lang == "zh":
        product = MESSAGES[key][0] if key in MESSAGES else "账户"
    else:
        product = f"{MESSAGES[key][1]} account" if key in MESSAGES else "account"
    return {
        "inst": case.institution.get(lang),
        "name": case.debtor_name.get(lang),
        "amount": money(due, case.currency, lang),
        "days": str(case.days_overdue),
        "product": product,
        "fact_q": lines.FACT_QUESTIONS[fact][0 if lang == "zh" else 1],
        "tomorrow": day(today + timedelta(days=1), lang),
        "half": money(nice(due / 2), case.currency, lang),
        "typical": money(nice(due * 0.1), case.currency, lang),
        "typical_date": day(today + timedelta(days=14), lang),  # a tenth within two weeks: a typical first plan
        "mini_miranda": lines.MINI_MIRANDA if lang == "en" and case.jurisdiction.value == "US" else "",
    }


def fixed(templates: dict[str, list[str]]) -> Callable[[View], Agent]:
    """An agent that says its lines in order whatever the debtor says."""

    def agent(view: View) -> Agent:
        for template in templates[view.lang]:
            yield template.format(**view.slots)

    return agent


# --- the model agent ---------------------------------------------------------------------------

_REPLY_MOVES = {
    "dispute": "dispute_route",
    "ask_clarify": "explain_term",
    "vent": "calm",
    "threaten_agent": "calm",
    "explain_situation": "hardship_ack",
    "ask_who_is_calling": "introduce_self",
}
_PLAN_MOVES = frozenset({"offer_plan", "confirm_plan", "plan_within_means", "concrete_plan"})


class _Model:
    """The state of one model call, kept apart from the generator so each rule reads plainly."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.words = lines.MODEL[view.lang]
        self.moves = lines.MOVES[view.lang]
        self.step = 0  # index into STEPS of the next step to walk
        self.verified = False
        self.verify_asks = 0
        self.reintroduced = False  # said who we are again, once, when asked
        self.counter: Mapping[str, Any] | None = None

    STEPS = ("verify", "remind", "ask_reason", "ask_capacity")

    def say(self, key: str, **extra: str) -> str:
        return self.words[key].format(**{**self.view.slots, **extra})

    def move(self, key: str, **extra: str) -> str:
        return self.moves[key].format(**{**self.view.slots, **extra})

    def terms(self, slots: Mapping[str, Any]) -> dict[str, str]:
        case, lang = self.view.case, self.view.lang
        monthly = slots.get("monthly")
        then = self.words["then_monthly"].format(monthly=money(monthly, case.currency, lang)) if monthly else ""
        when = slots.get("date")
        return {
            "amount": money(float(slots["amount"]), case.currency, lang),
            "date": day(date.fromisoformat(when), lang) if when else self.view.slots["typical_date"],
            "then_monthly": then,
        }

    def acceptable(self, slots: Mapping[str, Any]) -> bool:
        """A counter-offer a good agent takes: a sum within what is owed."""
        amount = slots.get("amount")
        return amount is not None and 0 < float(amount) <= self.view.case.amount_due

    def plan_line(self, concrete: bool = False) -> str:
        """Back to the plan: the debtor's own counter-offer if there is one, else ask what they can do.

        ``concrete``: the debtor wants a plan on the table, so offer a typical one (a tenth of
        the balance within two weeks); if it is too much for them they counter, and that is taken.
        """
        if self.counter is not None:
            return self.say("accept", **self.terms(self.counter))
        return self.say("offer" if concrete else "ask_capacity")

    def next_step(self) -> str | None:
        """Walk the opening steps up to the plan; never a word about the debt before the holder is verified."""
        if self.step >= len(self.STEPS):
            return self.plan_line()
        key = self.STEPS[self.step]
        if key != "verify" and not self.verified:
            if self.verify_asks >= 2:
                return None
            self.verify_asks += 1
            return self.say("verify_again")
        if key == "verify":
            self.verify_asks += 1
        self.step += 1
        return self.say(key)

    def objection_line(self, objection: str) -> str:
        """Meet an objection with the first move the persona lists for it that we have words for."""
        for move in self.view.objection_moves.get(objection, ()):
            if move in _PLAN_MOVES:
                return self.plan_line(concrete=True)
            if move in self.moves:
                return self.move(move, term=self.any_term)
        return self.move("empathise")

    @property
    def any_term(self) -> str:
        return "这个词" if self.view.lang == "zh" else "that"


def model_agent(view: View) -> Agent:
    """A good agent: opens, verifies, reminds, listens, lets the debtor name a plan, takes it, closes.

    Deterministic: the same debtor replies give the same lines. A counter-offer within the
    amount due is accepted (that is what a good agent does); someone who says they are not
    the holder is asked only to pass on a call-back request, with no word about the debt.
    """
    m = _Model(view)
    heard = yield m.say("open")
    for _ in range(MAX_TURNS):
        name, slots = heard.name, heard.slots
        if name in ("hang_up", "goodbye"):
            return
        if name == "take_message":
            yield m.say("goodbye")
            return
        if name == "accept_plan":  # the deal is made: the channel, then the recap with the goodbye
            agreed = slots if slots.get("amount") is not None else m.counter
            heard = yield m.say("channel")
            if agreed is not None and heard.name != "hang_up":
                yield m.say("recap", **m.terms(agreed))
            return
        if name == "deny_identity" and not m.verified:  # someone else: a call-back request, nothing more
            heard = yield m.say("callback")
            if heard.name != "hang_up":
                yield m.say("goodbye")
            return
        if name == "ask_who_is_calling" and not m.reintroduced and not m.verified:
            m.reintroduced = True
            heard = yield m.say("reintroduce")
            continue
        if name == "confirm_identity" and slots.get("fact"):
            m.verified = True
        if name == "counter_offer" and m.acceptable(slots):
            m.counter = slots
            heard = yield m.say("accept", **m.terms(slots))
            continue
        line: str | None
        if name == "object":
            line = m.objection_line(str(slots.get("objection", "")))
        elif name in _REPLY_MOVES and m.step > 0:
            line = m.move(_REPLY_MOVES[name], term=str(slots.get("term", m.any_term)))
        elif name in ("stall", "refuse") and m.step >= len(m.STEPS):  # not yet: meet them, then back to the plan
            line = m.move("hardship_route" if name == "refuse" else "empathise") + m.plan_line()
        else:
            line = m.next_step()
        if line is None:  # could not verify: say nothing about the debt, leave a call-back request
            yield m.say("unverified") + m.say("goodbye")
            return
        heard = yield line


SCRIPTS: dict[str, Callable[[View], Agent]] = {
    "model": model_agent,
    "pushy": fixed(lines.PUSHY),
    "threatening": fixed(lines.THREATENING),
    "jargon": fixed(lines.JARGON),
    "no_verification": fixed(lines.NO_VERIFICATION),
    "third_party": fixed(lines.THIRD_PARTY),
}
"""The battery, in the order the table shows it."""
