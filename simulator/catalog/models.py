"""The persona and case schemas: what a trainer may write in a catalog YAML file.

Every model forbids unknown keys (``extra="forbid"``) so that a typo such as ``moood:``
is an error with a "did you mean" hint instead of a value that silently does nothing.
Amounts in a persona's means may be absolute (``2000``) or a share of the case's amount
due (``"30%"``), because any persona can be played with any case.
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from scoring.loading.text import suggest
from scoring.vocab import REACTION_KEYS, DebtorIntent, Jurisdiction

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")

PHRASE_SLOTS: frozenset[str] = frozenset(
    {
        "amount",  # money the debtor names (counter-offer, accepted plan)
        "date",  # the date the debtor names
        "monthly",  # a monthly instalment
        "agent_name",  # the agent's name, if they gave one
        "institution",  # the creditor of the case
        "debtor_name",  # the account holder's name
        "product",  # credit card / Huabei / loan, in the call's language
        "amount_due",  # the overdue amount of the case
        "id_last4",  # verification facts of the case
        "phone_last4",
        "date_of_birth",
        "postcode",
        "reason",  # the persona's reason for being late, spoken in the first person  # the persona's reason for being late
        "relation",  # a relative's relation to the account holder
        "dispute",  # the persona's dispute details
        "objection",  # the objection being raised
        "term",  # the jargon word the debtor did not understand
    }
)
"""Placeholders a phrase may use, e.g. ``"我最多先还{amount}，{date}之前"``."""

REACTION_KEY_LIST = tuple(sorted(REACTION_KEYS))
ReactionKey = Literal[REACTION_KEY_LIST]  # type: ignore[valid-type]

AGREE_CONDITIONS = (
    "agent_identified",  # the agent gave a name and the institution
    "identity_verified",  # the agent checked the debtor's identity properly
    "objections_resolved",  # every objection raised has been resolved
    "concrete_plan",  # an amount and a date are on the table
    "dispute_routed",  # the dispute has been routed for verification
    "hardship_acknowledged",  # the agent acknowledged the hardship / offered a route
    "empathy",  # the agent showed empathy at least once
)
AgreeCondition = Literal[AGREE_CONDITIONS]  # type: ignore[valid-type]

_ID = r"^[a-z0-9][a-z0-9_-]{0,63}$"
ID_PATTERN = _ID
"""What a persona, case or objection id may look like (``debtsim new`` checks a new id against it)."""
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


class Strict(BaseModel):
    """Base for catalog models: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LocalText(Strict):
    """A user-facing text in both languages; neither may be left out."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """The text in ``lang``, English for any language we do not have."""
        return self.zh if lang == "zh" else self.en


def _same_in_both(value: Any) -> Any:
    """A bare string (a proper name such as "Wang Lei") means the same in both languages."""
    if isinstance(value, str):
        return {"zh": value, "en": value}
    return value


NameText = Annotated[LocalText, BeforeValidator(_same_in_both)]


def _check_amount(value: float | str) -> float | str:
    if isinstance(value, str):
        match = _PERCENT.match(value)
        if not match:
            raise ValueError('should be a number or a share of the amount due such as "30%"')
        if float(match.group(1)) > 100:
            raise ValueError("a share of the amount due cannot exceed 100%")
        return f"{float(match.group(1)):g}%"
    if value < 0:
        raise ValueError("should not be negative")
    return float(value)


Amount = Annotated[float | str, AfterValidator(_check_amount)]
"""Money: an absolute number, or ``"N%"`` of the case's amount due."""


def resolve_amount(value: float | str, amount_due: float) -> float:
    """Turn an :data:`Amount` into money for a given case, rounded to whole units."""
    if isinstance(value, str):
        match = _PERCENT.match(value)
        assert match, value  # validated on load
        return float(round(amount_due * float(match.group(1)) / 100))
    return float(value)


# --- persona -------------------------------------------------------------------------


class Party(Strict):
    """Who picks up the phone. Only an account holder can confirm or settle the debt."""

    role: Literal["account_holder", "relative", "wrong_party"] = "account_holder"
    relation: LocalText | None = Field(
        default=None, description="a relative's relation to the account holder, e.g. 妻子/wife"
    )
    denies_until: list[Literal["agent_identified", "identity_check"]] = Field(
        default_factory=list,
        description="an account holder who screens calls: says it's a wrong number until the agent has "
        "given name and institution (agent_identified) and asked a proper identity check (identity_check)",
    )

    @model_validator(mode="after")
    def _relation_for_relative(self) -> Party:
        if self.role == "relative" and self.relation is None:
            raise ValueError("a relative needs a relation (e.g. zh: 妻子, en: wife)")
        if self.denies_until and self.role != "account_holder":
            raise ValueError("denies_until: only an account holder can deny being themselves")
        return self


class Means(Strict):
    """What the persona can really pay: the hidden truth the trainee must discover."""

    lump_sum_now: Amount = Field(description="what they can pay at once, by earliest_in_days")
    monthly: Amount = Field(description="what they can pay per month after that")
    earliest_in_days: int = Field(ge=0, le=365, description="days from the call to the first payment")
    full_by_days: int | None = Field(
        default=None, ge=0, le=3650, description="days until they could clear it all; null: cannot"
    )


class Dispute(Strict):
    """A disagreement about the debt the persona will raise."""

    kind: Literal["wrong_amount", "card_fraud", "already_paid", "other"]
    details: LocalText
    disputed_amount: Amount | None = None


class Truth(Strict):
    """Why they are late and what they can pay: hidden from the trainee."""

    reason: LocalText = Field(description="spoken by the debtor as {reason}: write it in the first person")
    means: Means
    dispute: Dispute | None = None
    vulnerability: LocalText | None = Field(
        default=None, description="illness, age, hearing or language barrier, ..."
    )


class Temperament(Strict):
    """Starting values of the debtor's hidden state."""

    mood: float = Field(ge=-1, le=1, description="-1 furious .. +1 warm")
    trust: float = Field(ge=0, le=1)
    patience: int = Field(ge=1, le=60, description="agent turns before they give up")
    verbosity: Literal["terse", "normal", "chatty"] = "normal"


class Reaction(Strict):
    """How one kind of agent behaviour moves the state (deltas per occurrence)."""

    mood: float = Field(default=0.0, ge=-2, le=2)
    trust: float = Field(default=0.0, ge=-1, le=1)
    patience: int = Field(default=0, ge=-20, le=20)


class Objection(Strict):
    """Something the debtor raises that must be dealt with before they agree."""

    id: str = Field(pattern=_ID)
    says: LocalText
    resolved_by: list[ReactionKey] = Field(  # type: ignore[valid-type]
        min_length=1, description="any one of these agent behaviours resolves the objection"
    )


class AgreeWhen(Strict):
    """The thresholds and conditions under which a plan within means is accepted."""

    min_trust: float = Field(default=0.5, ge=0, le=1)
    min_mood: float = Field(default=-0.2, ge=-1, le=1)
    needs: list[AgreeCondition] = Field(default_factory=list)  # type: ignore[valid-type]


class HangUpWhen(Strict):
    """What ends the call from the debtor's side."""

    mood_below: float = Field(default=-0.9, ge=-1, le=1)
    on: list[ReactionKey] = Field(  # type: ignore[valid-type]
        default_factory=list, description="agent behaviour that makes them hang up at once"
    )
    when_patience_runs_out: bool = True


def _check_slots(phrase: str) -> str:
    """Every ``{slot}`` in a phrase must be one the voices can fill."""
    for slot in _slots_of(phrase):
        if slot not in PHRASE_SLOTS:
            hint = suggest(slot, PHRASE_SLOTS)
            raise ValueError(
                f"unknown slot {{{slot}}}; did you mean {{{hint}}}?"
                if hint
                else f"unknown slot {{{slot}}} (slots: {', '.join(sorted(PHRASE_SLOTS))})"
            )
    return phrase


Phrase = Annotated[str, Field(min_length=1), AfterValidator(_check_slots)]


class PhraseSet(Strict):
    """Ways to say one intent, in each language; the template voice varies among them."""

    zh: list[Phrase] = Field(min_length=1)
    en: list[Phrase] = Field(min_length=1)


_REQUIRED_INTENTS = {
    "account_holder": {"answer", "confirm_identity", "counter_offer", "accept_plan", "refuse", "goodbye"},
    "relative": {"answer", "deny_identity", "take_message", "goodbye"},
    "wrong_party": {"answer", "deny_identity", "goodbye"},
}
_FORBIDDEN_INTENTS = {
    # Someone who is not the account holder never confirms the debt or promises payment.
    "account_holder": set(),
    "relative": {"confirm_identity", "counter_offer", "accept_plan"},
    "wrong_party": {"confirm_identity", "counter_offer", "accept_plan"},
}


class Persona(Strict):
    """A simulated debtor: who they are, the hidden truth, how they react and talk."""

    id: str = Field(pattern=_ID)
    name: NameText
    summary: LocalText
    background: LocalText
    difficulty: Literal["easy", "medium", "hard"]
    party: Party = Field(default_factory=Party)
    truth: Truth
    temperament: Temperament
    reactions: dict[ReactionKey, Reaction] = Field(default_factory=dict)  # type: ignore[valid-type]
    objections: list[Objection] = Field(default_factory=list)
    agree_when: AgreeWhen = Field(default_factory=AgreeWhen)
    hang_up_when: HangUpWhen = Field(default_factory=HangUpWhen)
    phrases: dict[DebtorIntent, PhraseSet]
    voice_notes: LocalText | None = Field(
        default=None, description="speech habits for the model voices (dialect, politeness)"
    )
    tags: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _playable(self) -> Persona:
        missing = _REQUIRED_INTENTS[self.party.role] - {i.value for i in self.phrases}
        if missing:
            raise ValueError(
                f"phrases: a {self.party.role} persona needs phrases for "
                + ", ".join(sorted(missing))
            )
        forbidden = _FORBIDDEN_INTENTS[self.party.role] & {i.value for i in self.phrases}
        if forbidden:
            raise ValueError(
                f"phrases: a {self.party.role} never confirms the debt or promises payment; remove "
                + ", ".join(sorted(forbidden))
            )
        ids = [o.id for o in self.objections]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"objections: duplicate objection id {', '.join(dupes)}")
        return self

    @property
    def is_account_holder(self) -> bool:
        return self.party.role == "account_holder"


# --- case ----------------------------------------------------------------------------


class Verification(Strict):
    """Facts the agent can check identity against (the debtor knows them too)."""

    id_last4: str | None = Field(default=None, pattern=r"^\d{3}[\dXx]$")
    phone_last4: str | None = Field(default=None, pattern=r"^\d{4}$")
    date_of_birth: date | None = None
    postcode: str | None = None

    @model_validator(mode="after")
    def _at_least_one(self) -> Verification:
        if not any((self.id_last4, self.phone_last4, self.date_of_birth, self.postcode)):
            raise ValueError("give at least one of id_last4, phone_last4, date_of_birth, postcode")
        return self


PRODUCTS = ("credit_card", "huabei", "personal_loan")


class Case(Strict):
    """A collection case: the debt and the call. Field names follow TRANSCRIPT.md."""

    id: str = Field(pattern=_ID)
    title: LocalText
    summary: LocalText | None = None
    institution: NameText
    product: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="credit_card, huabei, personal_loan, ...")
    debtor_name: NameText
    amount_due: float = Field(gt=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    minimum_payment: float | None = Field(default=None, ge=0)
    days_overdue: int = Field(ge=0, le=3650)
    due_date: date | None = None
    call_local_time: datetime
    jurisdiction: Jurisdiction
    contact_attempts_7d: int | None = Field(default=None, ge=0)
    contacts_today: int | None = Field(default=None, ge=0)
    attorney_on_record: bool | None = None
    cease_requested: bool | None = None
    validation_notice_sent: bool | None = None
    verification: Verification
    personas: list[str] = Field(default_factory=list, description="persona ids this case suits")
    notes: LocalText | None = Field(default=None, description="for the trainer")

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        if self.minimum_payment is not None and self.minimum_payment > self.amount_due:
            raise ValueError("minimum_payment: cannot exceed amount_due")
        return self

    def scenario(self, lang: str) -> dict[str, Any]:
        """The transcript ``scenario`` block (TRANSCRIPT.md) for a call in ``lang``."""
        out: dict[str, Any] = {
            "product": self.product,
            "debtor_name": self.debtor_name.get(lang),
            "amount_due": self.amount_due,
            "currency": self.currency,
            "days_overdue": self.days_overdue,
            "call_local_time": self.call_local_time.strftime("%Y-%m-%dT%H:%M"),
            "jurisdiction": self.jurisdiction.value,
        }
        for key in (
            "contact_attempts_7d",
            "contacts_today",
            "attorney_on_record",
            "cease_requested",
            "validation_notice_sent",
        ):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


# --- helpers -------------------------------------------------------------------------


def _slots_of(phrase: str) -> list[str]:
    try:
        return [field for _, field, _, _ in string.Formatter().parse(phrase) if field]
    except ValueError as exc:  # a lone "{" or "}"
        raise ValueError(f"bad braces in {phrase!r}: {exc}; write {{{{ or }}}} for a literal brace") from None
