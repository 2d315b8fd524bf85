"""What each kind of persona must do under the standard agents, and the checks that say so.

The expectations live in one table, :data:`EXPECTATIONS`, keyed by the persona's *kind*
(who answers, and whether they can pay on this case). The reasons, from DOMAIN.md:

- A persona "never agrees to more than their means, and never agrees just because the agent
  insists": no kind agrees under pressure alone (the pushy and threatening calls), and no
  agreement anywhere exceeds the means bound to the case.
- An account holder who can pay is there to be won by good practice: the model call (proper
  opening, verification, empathy, asking what they can afford, taking their offer) must end
  in an affordable plan. A disputer is no exception: the model agent routes the dispute, as
  CN-DISPUTE requires, and she then settles the undisputed part (her means never cover the
  disputed sum). Only a holder with no means on this case (nothing payable now) may
  legitimately leave the model call without a plan.
- Every kind ends a call of repeated threats and insults: seed 001 ("拒接与威胁的处理") and
  the persona card ("what makes them hang up") give every persona a breaking point, and a
  debtor who sits through intimidation teaches trainees that it works. No kind in DOMAIN.md
  is exempt (the vulnerable ones least of all).
- A relative or a wrong party is not the debtor: never confirms the debt, never offers or
  promises payment (CN-THIRD-PARTY, FDCPA 1692b/1692c(b)).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.catalog.models import Persona
from simulator.selfcheck.battery import CallResult

PRESSURE_SCRIPTS = ("pushy", "threatening")
ABUSE_SCRIPT = "threatening"
MODEL_SCRIPT = "model"
HOLDER_ONLY_INTENTS = frozenset({"accept_plan", "counter_offer", "confirm_identity"})


@dataclass(frozen=True)
class Expectation:
    """What one kind of persona must do under the battery."""

    may_agree: bool  # may ever agree to pay (only the account holder may)
    agrees_in_model_call: bool  # must agree to an affordable plan in the model call
    agrees_under_pressure: bool  # may agree in a pushy or threatening call (never)
    hangs_up_under_abuse: bool  # must end the threatening call


EXPECTATIONS: dict[str, Expectation] = {
    "holder": Expectation(may_agree=True, agrees_in_model_call=True, agrees_under_pressure=False,
                          hangs_up_under_abuse=True),
    "disputer": Expectation(may_agree=True, agrees_in_model_call=True, agrees_under_pressure=False,
                            hangs_up_under_abuse=True),
    "holder_without_means": Expectation(may_agree=True, agrees_in_model_call=False, agrees_under_pressure=False,
                                        hangs_up_under_abuse=True),
    "relative": Expectation(may_agree=False, agrees_in_model_call=False, agrees_under_pressure=False,
                            hangs_up_under_abuse=True),
    "wrong_party": Expectation(may_agree=False, agrees_in_model_call=False, agrees_under_pressure=False,
                               hangs_up_under_abuse=True),
}

CHECKS = ("agrees_to_anything", "no_affordable_deal", "no_hang_up_under_abuse", "non_holder_agrees")
"""The four checks, (a) to (d); a failure names one of them."""


@dataclass(frozen=True)
class Failure:
    """One failed check: ``key`` and ``slots`` word the reason (``simulator.i18n``)."""

    check: str
    lang: str
    script: str
    key: str
    slots: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"check": self.check, "lang": self.lang, "script": self.script, "key": self.key, "slots": self.slots}


def applies(expect: Expectation) -> dict[str, bool]:
    """Which of :data:`CHECKS` the expectation asks for (the others are "not applicable")."""
    return {
        "agrees_to_anything": expect.may_agree,
        "no_affordable_deal": expect.agrees_in_model_call,
        "no_hang_up_under_abuse": expect.hangs_up_under_abuse,
        "non_holder_agrees": not expect.may_agree,
    }


def kind_of(persona: Persona, model_call: CallResult) -> str:
    """The persona's kind on the case of ``model_call`` (means are bound to the case)."""
    role = persona.party.role
    if role != "account_holder":
        return role
    if model_call.means_lump <= 0 or model_call.means_payable <= 0:
        return "holder_without_means"
    return "disputer" if persona.truth.dispute is not None else "holder"


def check(persona: Persona, results: list[CallResult]) -> tuple[dict[str, str], list[Failure]]:
    """The kind per language and every failed check, in a stable order."""
    kinds: dict[str, str] = {}
    failures: list[Failure] = []
    for lang in dict.fromkeys(r.lang for r in results):
        calls = {r.script: r for r in results if r.lang == lang}
        kind = kinds[lang] = kind_of(persona, calls[MODEL_SCRIPT])
        failures += _check_language(EXPECTATIONS[kind], calls, lang)
    return kinds, failures


def _check_language(expect: Expectation, calls: dict[str, CallResult], lang: str) -> list[Failure]:
    out: list[Failure] = []
    for script, call in calls.items():
        if not call.agreed:
            continue
        money = {"amount": call.agreed_amount, "lump": call.means_lump, "monthly": call.means_monthly}
        if not expect.may_agree:  # (d) supersedes (a): any agreement at all is the failure
            continue
        if call.within_means is False:
            out.append(Failure("agrees_to_anything", lang, script, "pt.fail.beyond_means", money))
        if script in PRESSURE_SCRIPTS and not expect.agrees_under_pressure:
            out.append(Failure("agrees_to_anything", lang, script, "pt.fail.under_pressure", money))
    model = calls.get(MODEL_SCRIPT)
    if expect.agrees_in_model_call and model is not None and not model.agreed:
        key = "pt.fail.no_deal_hung_up" if model.hang_up_turn else "pt.fail.no_deal"
        out.append(Failure("no_affordable_deal", lang, MODEL_SCRIPT, key,
                           {"outcome": model.outcome or "-", "turn": model.hang_up_turn or 0,
                            "lump": model.means_lump}))
    abuse = calls.get(ABUSE_SCRIPT)
    if expect.hangs_up_under_abuse and abuse is not None and abuse.hang_up_turn is None:
        out.append(Failure("no_hang_up_under_abuse", lang, ABUSE_SCRIPT, "pt.fail.no_hang_up", {"turns": abuse.turns}))
    if not expect.may_agree:
        for script, call in calls.items():
            said = sorted(HOLDER_ONLY_INTENTS & set(call.intents))
            if call.agreed or said:
                out.append(Failure("non_holder_agrees", lang, script, "pt.fail.non_holder",
                                   {"intents": ", ".join(said or ["accept_plan"])}))
    return out
