"""Filling a phrase's ``{slots}`` from the case, the persona and the intent, per language.

Money and dates are said the way people say them: "2400元" / "3月10号" in Chinese,
"$2,400" / "March 10" in English. A slot with no value makes the phrase unusable for this
turn, and the template voice picks another one.
"""

from __future__ import annotations

import string
from datetime import date
from typing import Any

from simulator.debtor.policy import Intent
from simulator.debtor.profile import Profile

_PRODUCT = {
    "credit_card": ("信用卡", "credit card"),
    "huabei": ("花呗", "Huabei"),
    "personal_loan": ("贷款", "loan"),
}
_CURRENCY_EN = {"USD": "${}", "GBP": "£{}", "EUR": "€{}", "CNY": "{} yuan"}
_CURRENCY_ZH = {"CNY": "{}元", "USD": "{}美元", "GBP": "{}英镑", "EUR": "{}欧元"}
VERIFICATION = frozenset({"id_last4", "phone_last4", "date_of_birth", "postcode"})


def product(name: str, lang: str) -> str:
    """A product id as people say it ("信用卡", "credit card"); unknown ids as they are."""
    return _PRODUCT.get(name, (name, name))[0 if lang == "zh" else 1]


def money(value: float, currency: str, lang: str) -> str:
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    if lang == "zh":
        return _CURRENCY_ZH.get(currency, "{} " + currency).format(number.replace(",", ""))
    return _CURRENCY_EN.get(currency, "{} " + currency).format(number)


def day(value: date, lang: str, year: bool = False) -> str:
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日" if year else f"{value.month}月{value.day}号"
    text = f"{value:%B} {value.day}"
    return f"{text}, {value.year}" if year else text


def slots_of(phrase: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(phrase) if name]


def values(intent: Intent, profile: Profile) -> dict[str, str]:
    """Every slot this turn can fill, rendered in the call's language."""
    lang, case, persona = profile.lang, profile.case, profile.persona
    out: dict[str, str] = {
        "institution": case.institution.get(lang),
        "debtor_name": case.debtor_name.get(lang),
        "product": product(case.product, lang),
        "amount_due": money(case.amount_due, case.currency, lang),
        "reason": persona.truth.reason.get(lang),
    }
    v = case.verification
    for key in ("id_last4", "phone_last4", "postcode"):
        if getattr(v, key):
            out[key] = str(getattr(v, key))
    if v.date_of_birth:
        out["date_of_birth"] = day(v.date_of_birth, lang, year=True)
    if persona.party.relation is not None:
        out["relation"] = persona.party.relation.get(lang)
    if persona.truth.dispute is not None:
        out["dispute"] = persona.truth.dispute.details.get(lang)
    slots: dict[str, Any] = dict(intent.slots)
    for key in ("amount", "monthly"):
        if slots.get(key) is not None:
            out[key] = money(float(slots[key]), case.currency, lang)
    if slots.get("date"):
        out["date"] = day(date.fromisoformat(str(slots["date"])), lang)
    if slots.get("term"):
        out["term"] = str(slots["term"])
    if slots.get("objection"):
        said = next((o.says for o in persona.objections if o.id == slots["objection"]), None)
        if said is not None:
            out["objection"] = said.get(lang)
    return out
