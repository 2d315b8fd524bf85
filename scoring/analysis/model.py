"""What the analyser returns, and what it needs to know about the call so far.

``Facts`` are the case (amount due, call date); ``Context`` is the state of the call before
this utterance (a term explained earlier, whether identity was verified, a dispute or an
attorney named). Both are plain frozen data so the scorer and the debtor engine can keep
them without surprises.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Any

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Act:
    """One dialogue act with the exact words behind it (``text[start:end] == quote``)."""

    name: str
    start: int
    end: int
    quote: str
    slots: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)


@dataclass(frozen=True)
class ToneFeature:
    """A tone cue: ``polite``, ``shouting``, ``command``, ``sarcasm``, ``wall_of_text``, ..."""

    kind: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Facts:
    """The case the agent should state correctly; all optional."""

    amount_due: float | None = None
    days_overdue: int | None = None
    call_date: date | None = None
    debtor_name: str | None = None
    currency: str | None = None


@dataclass(frozen=True)
class Context:
    """The call before this utterance, as far as the analyser needs it."""

    verified: bool = False
    third_party: bool = False
    explained_terms: frozenset[str] = frozenset()
    dispute_raised: bool = False
    hardship_raised: bool = False
    vulnerability_raised: bool = False
    attorney_named: bool = False
    cease_requested: bool = False
    identity_asked: bool = False

    def after(self, analysis: Analysis) -> Context:
        """The context once ``analysis`` (the next utterance) has been said."""
        names = analysis.names
        changes: dict[str, Any] = {}
        if analysis.speaker == "agent":
            if "ask_identity_check" in names:
                changes["identity_asked"] = True
            terms = {a.slots.get("term", "") for a in analysis.acts if a.name == "explain_term" and a.slots.get("term")}
            if terms:
                changes["explained_terms"] = self.explained_terms | terms
        elif analysis.speaker == "debtor":
            if self.identity_asked and ("give_verification" in names or "confirm_identity" in names) \
                    and "not_debtor" not in names:
                changes["verified"] = "give_verification" in names or self.verified
            if names & {"not_debtor", "wrong_number", "relative"} and "confirm_identity" not in names:
                changes["third_party"] = True
            elif self.third_party and "confirm_identity" in names:
                changes["third_party"] = False
            for flag, act in (("dispute_raised", "dispute"), ("hardship_raised", "hardship"),
                              ("vulnerability_raised", "vulnerability"), ("attorney_named", "has_lawyer"),
                              ("cease_requested", "stop_calling")):
                if act in names:
                    changes[flag] = True
        return replace(self, **changes) if changes else self


@dataclass(frozen=True)
class Analysis:
    """Acts and tone features of one utterance."""

    text: str
    speaker: str
    lang: str
    acts: tuple[Act, ...] = ()
    tone: tuple[ToneFeature, ...] = ()
    names: frozenset[str] = field(default_factory=frozenset)

    def has(self, name: str) -> bool:
        return name in self.names

    def first(self, name: str) -> Act | None:
        return next((a for a in self.acts if a.name == name), None)

    def all(self, name: str) -> list[Act]:
        return [a for a in self.acts if a.name == name]

    def tone_kinds(self) -> frozenset[str]:
        return frozenset(t.kind for t in self.tone)
