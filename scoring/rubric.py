"""The rubric: steps with tips, tone weights and the rule packs, all YAML data.

Rule ids, sources, severities and the evidence each rule needs live in
``scoring/data/rules/*.yaml``, not in code (one place for each fact). The code only knows
a small set of *checks* (how evidence is found: an act on an agent turn, a disclosure to a
third party, the call's local time, ...), named by each rule. Trainers add a pack or a rule
by dropping a YAML file into an extra directory; a bad file is reported as
``path:line: field: message`` and the rest still load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from scoring.analysis.lexicon import AGENT_ACTS, DEBTOR_ACTS, Lexicon, load_lexicons
from scoring.loading.files import read_model
from scoring.loading.problems import Problems
from scoring.vocab import Jurisdiction, Step

DATA_DIR = Path(__file__).resolve().parent / "data"

CHECKS = frozenset({
    "agent_act", "third_party", "calling_hours", "contact_frequency", "after_flag", "first_debt_info",
    "after_debtor_act", "time_barred", "no_identification", "wrong_amount", "pattern",
})
"""How a rule finds its evidence; each name is implemented in :mod:`scoring.rules`."""


class Text(BaseModel):
    """A user-facing string in both languages."""

    model_config = ConfigDict(extra="forbid")
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Evidence(BaseModel):
    """An act the rule looks for, optionally narrowed by its slots (``where: {target: [person]}``)."""

    model_config = ConfigDict(extra="forbid")
    act: str
    where: dict[str, list[Any]] = {}

    @field_validator("act")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in AGENT_ACTS | DEBTOR_ACTS:
            raise ValueError(f"unknown act {value!r}")
        return value


def _evidence_list(value: Any) -> Any:
    if isinstance(value, list):
        return [{"act": v} if isinstance(v, str) else v for v in value]
    return value


class Rule(BaseModel):
    """One compliance rule: id, severity, legal source, and how its evidence is found."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
    severity: Literal["critical", "major", "minor"] = "critical"
    source: str
    title: Text
    decided_from: Literal["transcript", "metadata", "both"] = "transcript"
    check: str = "agent_act"
    evidence: list[Evidence] = []
    params: dict[str, Any] = {}
    replaces: list[str] = []
    """Rule ids this rule supersedes on the same turn (US-TIME-BARRED over US-FALSE-THREAT)."""

    _norm = field_validator("evidence", mode="before")(classmethod(lambda cls, v: _evidence_list(v)))

    @field_validator("check")
    @classmethod
    def _check(cls, value: str) -> str:
        if value not in CHECKS:
            raise ValueError(f"unknown check {value!r}; expected one of: {', '.join(sorted(CHECKS))}")
        return value

    @model_validator(mode="after")
    def _needs_evidence(self) -> Rule:
        if self.check in ("agent_act", "third_party", "after_flag", "after_debtor_act") and not self.evidence:
            raise ValueError(f"evidence: check {self.check!r} needs at least one act")
        if self.check == "pattern" and not (self.params.get("zh") or self.params.get("en")):
            raise ValueError("params: check 'pattern' needs params.zh or params.en (a list of regular expressions)")
        return self


class Pack(BaseModel):
    """A rule pack file: the rules of one jurisdiction (built-in) or a trainer's additions."""

    model_config = ConfigDict(extra="forbid")
    pack: str
    jurisdiction: Jurisdiction
    rules: list[Rule]


class StepSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: Text
    tip: Text
    tips: dict[str, Text] = {}
    """Sharper tips keyed by the missing part (``check``, ``consequence``, ``recap``, ...)."""


class StepsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    steps: dict[Step, StepSpec]
    missing_step_penalty: int = 12

    @field_validator("steps")
    @classmethod
    def _all(cls, value: dict[Step, StepSpec]) -> dict[Step, StepSpec]:
        missing = [s.value for s in Step if s not in value]
        if missing:
            raise ValueError(f"missing steps: {', '.join(missing)}")
        return value


class ToneFile(BaseModel):
    """Which tone findings make a call ``poor`` or ``acceptable``, and what each costs."""

    model_config = ConfigDict(extra="forbid")
    poor: list[str]
    acceptable: list[str]
    weights: dict[str, int] = {}
    labels: dict[str, Text] = {}
    polite_share_min: float = 0.34


@dataclass(frozen=True)
class Rubric:
    """Everything ``score`` needs besides the transcript."""

    steps: StepsFile
    tone: ToneFile
    packs: dict[Jurisdiction, tuple[Rule, ...]]
    lexicons: dict[str, Lexicon] = field(default_factory=dict)

    def rules_for(self, jurisdiction: Jurisdiction) -> tuple[Rule, ...]:
        return self.packs.get(jurisdiction, ())

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for rules in self.packs.values() for r in rules if r.id == rule_id), None)


def load_rubric(extra_dirs: list[Path] | tuple[Path, ...] = ()) -> tuple[Rubric, Problems]:
    """The built-in rubric plus trainer additions from ``extra_dirs`` (``rules/``, ``lexicon/``).

    A trainer rule with an id already loaded replaces it; a bad file is skipped and reported.
    """
    problems = Problems()
    extra = tuple(Path(d) for d in extra_dirs)
    steps, _ = read_model(DATA_DIR / "rubric" / "steps.yaml", StepsFile, "steps", problems)
    tone, _ = read_model(DATA_DIR / "rubric" / "tone.yaml", ToneFile, "tone", problems)
    if steps is None or tone is None:
        raise RuntimeError("built-in rubric is broken: " + "; ".join(map(str, problems.errors)))
    packs: dict[Jurisdiction, dict[str, Rule]] = {}
    files = sorted((DATA_DIR / "rules").glob("*.yaml"))
    for folder in extra:
        files.extend(sorted((folder / "rules").glob("*.yaml")) if (folder / "rules").is_dir()
                     else sorted(folder.glob("*.yaml")))
    for path in files:
        pack, _ = read_model(path, Pack, "rule pack", problems)
        if pack is not None:
            target = packs.setdefault(pack.jurisdiction, {})
            for rule in pack.rules:
                target[rule.id] = rule
    lexicons = load_lexicons(extra, problems) if extra else _builtin_lexicons()
    rubric = Rubric(steps, tone, {j: tuple(r.values()) for j, r in packs.items()}, lexicons)
    return rubric, problems


def _builtin_lexicons() -> dict[str, Lexicon]:
    from scoring.analysis.lexicon import builtin_lexicons

    return builtin_lexicons()


@lru_cache(maxsize=1)
def builtin_rubric() -> Rubric:
    """The built-in rubric, loaded and compiled once per process."""
    rubric, problems = load_rubric()
    if problems.errors:
        raise RuntimeError("built-in rubric is broken: " + "; ".join(map(str, problems.errors)))
    return rubric
