"""Persona self-check (``debtsim persona-test``): standard agents against a persona, then checks.

Pure core, no printing: :func:`persona_test` plays every script of ``agents.SCRIPTS`` in
Chinese and English through the real call session and returns a :class:`Report` (the calls,
the persona's kind per language, and the failed checks). ``simulator.cli.persona_test``
prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simulator.catalog.loader import Catalog
from simulator.selfcheck.agents import SCRIPTS
from simulator.selfcheck.battery import CallResult, pick_cases, play
from simulator.selfcheck.checks import CHECKS, EXPECTATIONS, Failure, applies, check

__all__ = ["CHECKS", "EXPECTATIONS", "SCRIPTS", "CallResult", "Failure", "Report", "applies", "check", "persona_test"]


@dataclass(frozen=True)
class Report:
    """Everything ``persona-test`` found for one persona."""

    persona: str
    seed: int
    difficulty: str
    cases: dict[str, str]  # lang -> case id
    kinds: dict[str, str]  # lang -> kind (a key of EXPECTATIONS)
    calls: tuple[CallResult, ...]
    failures: tuple[Failure, ...]

    @property
    def ok(self) -> bool:
        return not self.failures

    def applicable(self) -> dict[str, bool]:
        """Each check, and whether any language's kind asks for it."""
        found = [applies(EXPECTATIONS[kind]) for kind in self.kinds.values()]
        return {name: any(f[name] for f in found) for name in CHECKS}

    def as_json(self) -> dict[str, Any]:
        return {
            "persona": self.persona,
            "seed": self.seed,
            "difficulty": self.difficulty,
            "cases": self.cases,
            "kinds": self.kinds,
            "ok": self.ok,
            "checks": {name: ("fail" if any(f.check == name for f in self.failures) else "pass" if on else "n/a")
                       for name, on in self.applicable().items()},
            "calls": [c.as_json() for c in self.calls],
            "failures": [f.as_json() for f in self.failures],
        }


def persona_test(catalog: Catalog, persona_id: str, case_id: str | None = None, seed: int = 0,
                 difficulty: str | None = None) -> Report:
    """Play the battery against ``persona_id`` in both languages and check the result.

    ``KeyError`` (with the catalog's "did you mean") for an unknown persona or case.
    """
    persona = catalog.persona(persona_id)
    cases = pick_cases(catalog, persona_id, case_id)
    calls = [
        play(persona, catalog.case(cases[lang]), lang, script, seed, difficulty)
        for lang in cases
        for script in SCRIPTS
    ]
    kinds, failures = check(persona, calls)
    return Report(persona_id, seed, difficulty or persona.difficulty, cases, kinds, tuple(calls), tuple(failures))
