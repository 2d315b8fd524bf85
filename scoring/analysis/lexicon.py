"""The act lexicons (``scoring/data/lexicon/*.yaml``): loaded once, compiled once.

Each act is a family of patterns; the family is joined into one alternation, whatever the
number of paraphrases. Trainers extend a family by adding a YAML file with the same shape to
an extra directory. An utterance is first scanned once for the literals the families need
(``Lexicon.prefilter``, see ``scoring.analysis.prefilter``): only the families that can
match are searched, each cut down to the alternatives that can match that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from scoring.analysis.prefilter import Gate, Prefilter, gate
from scoring.loading.files import read_model
from scoring.loading.problems import Problems
from scoring.vocab import AgentAct, DebtorIntent

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"

# Acts beyond the AgentAct vocabulary that the rules need (one place: here).
EXTRA_AGENT_ACTS = frozenset({
    "ask_third_party_pay", "requested_time", "dismiss_dispute", "dismiss_hardship", "demand_payment",
    "refuse_identity", "hardship_arrangement", "mention_account", "ruled_out_time", "assert_enforceable",
})
# Debtor acts beyond DebtorIntent: facts the rules and the debtor guard need.
EXTRA_DEBTOR_ACTS = frozenset({
    "give_verification", "not_debtor", "relative", "wrong_number", "hardship", "vulnerability", "ask_later_time",
    "stop_calling", "has_lawyer", "claim_time_barred",
})
AGENT_ACTS = frozenset(a.value for a in AgentAct) | EXTRA_AGENT_ACTS
DEBTOR_ACTS = frozenset(i.value for i in DebtorIntent) | EXTRA_DEBTOR_ACTS
MARKERS = frozenset({"negation", "possibility", "certainty", "conditional", "narrow", "person", "situation", "polite",
                     "command", "shouting", "pressure", "interrupt", "curt", "lecture", "familiar", "minimise",
                     "stonewall"})


def _check_patterns(families: dict[str, list[str]], allowed: frozenset[str]) -> dict[str, list[str]]:
    for name, patterns in families.items():
        if name not in allowed:
            raise ValueError(f"{name}: unknown act {name!r}")
        for i, pattern in enumerate(patterns):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{name}.{i}: bad pattern: {exc}") from None
    return families


class LexiconFile(BaseModel):
    """One lexicon YAML file: act families per speaker, plus modality/tone markers."""

    model_config = ConfigDict(extra="forbid")
    language: Literal["zh", "en"]
    agent: dict[str, list[str]] = {}
    debtor: dict[str, list[str]] = {}
    markers: dict[str, list[str]] = {}

    @field_validator("agent")
    @classmethod
    def _agent(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _check_patterns(value, AGENT_ACTS)

    @field_validator("debtor")
    @classmethod
    def _debtor(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _check_patterns(value, DEBTOR_ACTS)

    @field_validator("markers")
    @classmethod
    def _markers(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _check_patterns(value, MARKERS)


@dataclass(frozen=True)
class Lexicon:
    """Compiled families for one language: one regex per act and per marker."""

    language: str
    agent: dict[str, re.Pattern[str]]
    debtor: dict[str, re.Pattern[str]]
    markers: dict[str, re.Pattern[str]]
    cache: dict = field(default_factory=dict, compare=False, repr=False)
    """Per-text analysis work that depends on neither the case nor the call (see ``analyse``)."""
    sources: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict, compare=False, repr=False)
    """The YAML entries behind each compiled family, by part (``agent``/``debtor``/``markers``)."""
    derived: dict = field(default_factory=dict, compare=False, repr=False)
    """What the analyser derives from the families once (prefilters, run plans), by key."""

    def prefilter(self, speaker: str) -> Prefilter:
        """The one-scan prefilter of a speaker's families (keys ``(part, name)``), built on first
        use: ``agent`` covers the agent acts and the markers (the agent's tone), ``debtor`` the debtor acts."""
        found = self.derived.get(speaker)
        if found is None:
            parts = ("agent", "markers") if speaker == "agent" else ("debtor",)
            families = {(part, name): p for part in parts for name, p in getattr(self, part).items()}
            sources = {(part, name): e for part in parts for name, e in self.sources.get(part, {}).items()}
            found = self.derived[speaker] = Prefilter(families, sources)
        return found

    def marker(self, name: str, text: str) -> bool:
        pattern = self.markers.get(name)
        return bool(pattern and pattern.search(text))


def _compile(families: dict[str, list[str]], flags: int) -> dict[str, re.Pattern[str]]:
    return {name: re.compile("|".join(f"(?:{p})" for p in pats), flags) for name, pats in families.items() if pats}


def _merge(into: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    for name, patterns in more.items():
        into.setdefault(name, []).extend(patterns)


def load_lexicons(extra_dirs: tuple[Path, ...] = (), problems: Problems | None = None) -> dict[str, Lexicon]:
    """Every language's lexicon: the built-in files plus ``lexicon/*.yaml`` in ``extra_dirs``."""
    problems = problems if problems is not None else Problems()
    merged: dict[str, dict[str, dict[str, list[str]]]] = {}
    files = sorted(DATA_DIR.glob("*.yaml"))
    for folder in extra_dirs:
        files.extend(sorted((Path(folder) / "lexicon").glob("*.yaml")))
    for path in files:
        model, _ = read_model(path, LexiconFile, "lexicon", problems)
        if model is None:
            continue
        lang = merged.setdefault(model.language, {"agent": {}, "debtor": {}, "markers": {}})
        _merge(lang["agent"], model.agent)
        _merge(lang["debtor"], model.debtor)
        _merge(lang["markers"], model.markers)
    out = {}
    for language, parts in merged.items():
        flags = re.IGNORECASE if language == "en" else 0
        sources = {part: {name: tuple(pats) for name, pats in families.items() if pats}
                   for part, families in parts.items()}
        out[language] = Lexicon(language, _compile(parts["agent"], flags), _compile(parts["debtor"], flags),
                                _compile(parts["markers"], flags), sources=sources)
    return out


@lru_cache(maxsize=1)
def builtin_lexicons() -> dict[str, Lexicon]:
    """The built-in lexicons, compiled on first use and cached for the process."""
    problems = Problems()
    lexicons = load_lexicons((), problems)
    if problems.errors:
        raise RuntimeError("built-in lexicon is broken: " + "; ".join(map(str, problems.errors)))
    return lexicons


__all__ = ["AGENT_ACTS", "DEBTOR_ACTS", "MARKERS", "Gate", "Lexicon", "LexiconFile", "Prefilter", "builtin_lexicons", "gate",
           "load_lexicons"]
