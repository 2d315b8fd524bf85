"""The act lexicons (``scoring/data/lexicon/*.yaml``): loaded once, compiled once.

Each act is a family of patterns; the family is joined into one alternation so an utterance
costs one regex scan per act, whatever the number of paraphrases. Trainers extend a family
by adding a YAML file with the same shape to an extra directory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

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
    "stop_calling", "has_lawyer",
})
AGENT_ACTS = frozenset(a.value for a in AgentAct) | EXTRA_AGENT_ACTS
DEBTOR_ACTS = frozenset(i.value for i in DebtorIntent) | EXTRA_DEBTOR_ACTS
MARKERS = frozenset({"negation", "possibility", "certainty", "conditional", "narrow", "person", "situation", "polite",
                     "command", "shouting", "pressure", "interrupt", "curt"})


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
        out[language] = Lexicon(language, _compile(parts["agent"], flags), _compile(parts["debtor"], flags),
                                _compile(parts["markers"], flags))
    return out


@lru_cache(maxsize=1)
def builtin_lexicons() -> dict[str, Lexicon]:
    """The built-in lexicons, compiled on first use and cached for the process."""
    problems = Problems()
    lexicons = load_lexicons((), problems)
    if problems.errors:
        raise RuntimeError("built-in lexicon is broken: " + "; ".join(map(str, problems.errors)))
    return lexicons


# --- Prefilters ------------------------------------------------------------------------------
# A family's alternation is only worth scanning when the utterance contains at least one of the
# literal substrings that every match must contain. The literals are read off the compiled
# pattern (``re._parser``), so a YAML entry added by a trainer is covered automatically; any
# construct not understood gives "no requirement" and the family is always scanned.

_MAX_ALTERNATIVES = 64


def _case_safe(ch: str) -> bool:
    """A literal char whose IGNORECASE matches are exactly what ``str.lower`` of the text gives."""
    return ch.isascii() or (ch.lower() == ch == ch.upper() and ch.casefold() == ch)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements (fewer alternatives, then longer shortest literal)."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b, key=lambda r: (_pass_rate(r), sorted(r)))


def _pass_rate(literals: frozenset[str]) -> float:
    """A rough chance that a text contains one of ``literals`` (shorter literals pass more often)."""
    return sum(min(1.0, 30 * (0.2 if lit.isascii() else 0.05) ** len(lit)) for lit in literals)


def _requirement(items: list, fold: bool) -> frozenset[str] | None:
    """Substrings one of which every match of the parsed sequence ``items`` contains, or None."""
    from re import _constants as c  # type: ignore[attr-defined]

    best: frozenset[str] | None = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            ch = chr(av)
            if fold and not _case_safe(ch):
                flush()
                continue
            run.append(ch.lower() if fold else ch)
            continue
        flush()
        req: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not (add_flags or del_flags):
                req = _requirement(list(sub), fold)
        elif op is c.BRANCH:
            alts: set[str] = set()
            for branch in av[1]:
                r = _requirement(list(branch), fold)
                if r is None:
                    alts = set()
                    break
                alts |= r
            if alts and len(alts) <= _MAX_ALTERNATIVES:
                req = frozenset(alts)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            if lo >= 1:
                req = _requirement(list(sub), fold)
        elif op is c.ATOMIC_GROUP:
            req = _requirement(list(av), fold)
        best = _better(best, req)
    flush()
    return best


@dataclass(frozen=True)
class Gate:
    """A necessary condition for ``pattern`` to match: one of ``literals`` occurs in the
    (lower-cased, when ``fold``) text. ``literals`` empty: no known condition, always scan."""

    literals: tuple[str, ...]
    fold: bool


_GATES: dict[re.Pattern[str], Gate] = {}


def gate(pattern: re.Pattern[str]) -> Gate:
    """The prefilter of one compiled pattern, derived once from its parse tree."""
    found = _GATES.get(pattern)
    if found is None:
        from re import _parser  # type: ignore[attr-defined]

        fold = bool(pattern.flags & re.IGNORECASE)
        try:
            parsed = _parser.parse(pattern.pattern, pattern.flags)
            if parsed.state.flags & (re.VERBOSE | re.ASCII | re.LOCALE) or (parsed.state.flags & re.IGNORECASE) != (
                    pattern.flags & re.IGNORECASE):
                req = None
            else:
                req = _requirement(list(parsed), fold)
        except Exception:  # an unusual pattern only loses its prefilter
            req = None
        if req is not None and "" in req:
            req = None
        found = Gate(tuple(sorted(req)) if req else (), fold)
        _GATES[pattern] = found
    return found
