"""The Scorecard: a named, typed result whose ``to_dict()`` is exactly TRANSCRIPT.md's JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scoring.vocab import Step


@dataclass(frozen=True)
class StepResult:
    done: bool
    applicable: bool
    turns: tuple[int, ...] = ()
    tip: str | None = None

    def __post_init__(self) -> None:
        # Evidence turns are a set shown in call order, however many acts pointed at a turn.
        object.__setattr__(self, "turns", tuple(sorted(set(self.turns))))

    def to_dict(self) -> dict[str, Any]:
        return {"done": self.done, "applicable": self.applicable, "turns": list(self.turns), "tip": self.tip}


@dataclass(frozen=True)
class Violation:
    rule: str
    turn: int
    quote: str
    severity: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "turn": self.turn, "quote": self.quote, "severity": self.severity,
                "source": self.source}


@dataclass(frozen=True)
class ToneFinding:
    turn: int
    kind: str
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"turn": self.turn, "kind": self.kind, "quote": self.quote}


@dataclass(frozen=True)
class ToneResult:
    level: str  # good | acceptable | poor
    score: int
    findings: tuple[ToneFinding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "score": self.score, "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True)
class OutcomeResult:
    promise_to_pay: bool
    amount: float | None
    date: str | None
    debtor_final_mood: str  # calmer | same | angrier

    def to_dict(self) -> dict[str, Any]:
        return {"promise_to_pay": self.promise_to_pay, "amount": self.amount, "date": self.date,
                "debtor_final_mood": self.debtor_final_mood}


@dataclass(frozen=True)
class Overall:
    score: int
    result: str  # pass | fail
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "result": self.result, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class Scorecard:
    id: str
    steps: dict[Step, StepResult]
    step_order_ok: bool
    violations: tuple[Violation, ...]
    tone: ToneResult
    record_accurate: bool
    outcome: OutcomeResult
    overall: Overall
    lang: str = field(default="zh", compare=False)

    @property
    def passed(self) -> bool:
        return self.overall.result == "pass"

    def to_dict(self) -> dict[str, Any]:
        """The Scorecard JSON of TRANSCRIPT.md, keys in its order."""
        return {
            "id": self.id,
            "steps": {step.value: self.steps[step].to_dict() for step in Step},
            "step_order_ok": self.step_order_ok,
            "violations": [v.to_dict() for v in self.violations],
            "tone": self.tone.to_dict(),
            "record_accurate": self.record_accurate,
            "outcome": self.outcome.to_dict(),
            "overall": self.overall.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], lang: str = "zh") -> Scorecard:
        """The inverse of :meth:`to_dict`: a stored scorecard shown again exactly as it was given."""
        tone = data["tone"]
        outcome = data["outcome"]
        overall = data["overall"]
        return cls(
            id=data["id"],
            steps={step: StepResult(s["done"], s["applicable"], tuple(s.get("turns", ())), s.get("tip"))
                   for step in Step for s in (data["steps"][step.value],)},
            step_order_ok=data["step_order_ok"],
            violations=tuple(Violation(v["rule"], v["turn"], v["quote"], v["severity"], v["source"])
                             for v in data["violations"]),
            tone=ToneResult(tone["level"], tone["score"],
                            tuple(ToneFinding(f["turn"], f["kind"], f["quote"]) for f in tone.get("findings", ()))),
            record_accurate=data["record_accurate"],
            outcome=OutcomeResult(outcome["promise_to_pay"], outcome.get("amount"), outcome.get("date"),
                                  outcome["debtor_final_mood"]),
            overall=Overall(overall["score"], overall["result"], tuple(overall.get("reasons", ()))),
            lang=lang,
        )
