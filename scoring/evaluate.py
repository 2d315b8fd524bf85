"""Score labelled calls and compare with their ``expected`` block (the `debtsim eval` core).

A violation hit is the same rule on one of the labelled turns. Every disagreement is listed
with the call id so a trainer can open the call and judge who is right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from scoring.rubric import Rubric
from scoring.scorecard import Scorecard
from scoring.scorer import score
from scoring.transcript import Transcript
from scoring.vocab import Step


@dataclass(frozen=True)
class Disagreement:
    call: str
    what: str  # "step:identity", "violation", "tone", ...
    expected: Any
    got: Any

    def to_dict(self) -> dict[str, Any]:
        return {"call": self.call, "what": self.what, "expected": self.expected, "got": self.got}


@dataclass(frozen=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class EvalReport:
    calls: int
    step_accuracy: dict[str, float]
    step_accuracy_all: float
    step_order_accuracy: float
    violations: PRF
    violations_by_rule: dict[str, PRF]
    tone_accuracy: float
    record_accuracy: float
    overall_accuracy: float
    disagreements: tuple[Disagreement, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "step_accuracy": {k: round(v, 4) for k, v in self.step_accuracy.items()},
            "step_accuracy_all": round(self.step_accuracy_all, 4),
            "step_order_accuracy": round(self.step_order_accuracy, 4),
            "violations": self.violations.to_dict(),
            "violations_by_rule": {k: v.to_dict() for k, v in sorted(self.violations_by_rule.items())},
            "tone_accuracy": round(self.tone_accuracy, 4),
            "record_accuracy": round(self.record_accuracy, 4),
            "overall_accuracy": round(self.overall_accuracy, 4),
            "disagreements": [d.to_dict() for d in self.disagreements],
        }


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def compare(card: Scorecard, expected: dict[str, Any]) -> tuple[list[Disagreement], Counter, dict[str, Counter]]:
    """Disagreements of one scorecard with its labels, plus violation counts (overall and per rule)."""
    call = card.id
    out: list[Disagreement] = []
    for step in Step:
        want = bool(expected.get("steps", {}).get(step.value, False))
        if card.steps[step].done != want:
            out.append(Disagreement(call, f"step:{step.value}", want, card.steps[step].done))
    want_na = set(expected.get("steps_not_applicable", []))
    got_na = {s.value for s, r in card.steps.items() if not r.applicable}
    if want_na != got_na:
        out.append(Disagreement(call, "steps_not_applicable", sorted(want_na), sorted(got_na)))
    for key, got in (("step_order_ok", card.step_order_ok), ("tone", card.tone.level),
                     ("record_accurate", card.record_accurate), ("overall", card.overall.result)):
        if key in expected and expected[key] != got:
            out.append(Disagreement(call, key, expected[key], got))
    labelled: dict[str, set[int]] = {}
    for v in expected.get("violations", []):
        labelled.setdefault(v["rule"], set()).add(int(v["turn"]))
    found: dict[str, set[int]] = {}
    for v in card.violations:
        found.setdefault(v.rule, set()).add(v.turn)
    total: Counter = Counter()
    per_rule: dict[str, Counter] = {}
    for rule in set(labelled) | set(found):
        want_turns, got_turns = labelled.get(rule, set()), found.get(rule, set())
        counts = per_rule.setdefault(rule, Counter())
        counts["tp"] += len(want_turns & got_turns)
        counts["fn"] += len(want_turns - got_turns)
        counts["fp"] += len(got_turns - want_turns)
        for turn in sorted(want_turns - got_turns):
            out.append(Disagreement(call, "violation", f"{rule}@{turn}", None))
        for turn in sorted(got_turns - want_turns):
            out.append(Disagreement(call, "violation", None, f"{rule}@{turn}"))
        total.update(counts)
    return out, total, per_rule


def evaluate(transcripts: Iterable[Transcript], rubric: Rubric | None = None) -> EvalReport:
    """Score every transcript that carries an ``expected`` block and measure the agreement."""
    n = 0
    step_hits: Counter = Counter()
    hits: Counter = Counter()
    total: Counter = Counter()
    per_rule: dict[str, Counter] = {}
    disagreements: list[Disagreement] = []
    for transcript in transcripts:
        expected = transcript.expected
        if not expected:
            continue
        n += 1
        card = score(transcript, rubric)
        found, counts, rules = compare(card, dict(expected))
        disagreements.extend(found)
        total.update(counts)
        for rule, c in rules.items():
            per_rule.setdefault(rule, Counter()).update(c)
        wrong = {d.what for d in found}
        for step in Step:
            step_hits[step.value] += f"step:{step.value}" not in wrong
        for key in ("step_order_ok", "tone", "record_accurate", "overall"):
            hits[key] += key not in wrong
    def prf(c: Counter) -> PRF:
        return PRF(c["tp"], c["fp"], c["fn"])
    return EvalReport(
        calls=n,
        step_accuracy={s: _ratio(step_hits[s], n) for s in (x.value for x in Step)},
        step_accuracy_all=_ratio(sum(step_hits.values()), 5 * n),
        step_order_accuracy=_ratio(hits["step_order_ok"], n),
        violations=prf(total),
        violations_by_rule={rule: prf(c) for rule, c in per_rule.items()},
        tone_accuracy=_ratio(hits["tone"], n),
        record_accuracy=_ratio(hits["record_accurate"], n),
        overall_accuracy=_ratio(hits["overall"], n),
        disagreements=tuple(disagreements),
    )
