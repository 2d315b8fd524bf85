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


def _literals(source: str, flags: int) -> frozenset[str] | None:
    """The literal requirement of the regex ``source`` compiled with ``flags``, or None."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(source, flags)
        if parsed.state.flags & (re.VERBOSE | re.ASCII | re.LOCALE) or (parsed.state.flags & re.IGNORECASE) != (
                flags & re.IGNORECASE):
            return None
        req = _requirement(list(parsed), bool(flags & re.IGNORECASE))
    except Exception:  # an unusual pattern only loses its prefilter
        return None
    return None if req is None or "" in req else req


def gate(pattern: re.Pattern[str]) -> Gate:
    """The prefilter of one compiled pattern, derived once from its parse tree."""
    found = _GATES.get(pattern)
    if found is None:
        req = _literals(pattern.pattern, pattern.flags)
        found = Gate(tuple(sorted(req)) if req else (), bool(pattern.flags & re.IGNORECASE))
        _GATES[pattern] = found
    return found


def _trie(literals: set[str]) -> str:
    """A regex matching, at a position, the longest of ``literals`` that starts there."""
    root: dict = {}
    for lit in literals:
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer literal first

    return emit(root)


def _clauses(items: list, fold: bool) -> list[frozenset[str]]:
    """Requirements that every match of the parsed sequence ``items`` meets *all* of (each one
    as ``_requirement`` gives it: one of its substrings occurs), most selective first."""
    from re import _constants as c  # type: ignore[attr-defined]

    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append(frozenset({"".join(run)}))
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
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not (add_flags or del_flags):
                found += _clauses(list(sub), fold)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            if lo >= 1:
                found += _clauses(list(sub), fold)
        elif op is c.ATOMIC_GROUP:
            found += _clauses(list(av), fold)
        elif op is c.BRANCH:
            req = _requirement([(op, av)], fold)
            if req is not None:
                found.append(req)
    flush()
    return sorted((r for r in dict.fromkeys(found) if "" not in r), key=lambda r: (_pass_rate(r), sorted(r)))


def _branch_clauses(source: str, flags: int) -> list[frozenset[str]] | None:
    """``_clauses`` of the regex ``source`` compiled with ``flags`` (at most 4), or None."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(source, flags)
        if parsed.state.flags & (re.VERBOSE | re.ASCII | re.LOCALE) or (parsed.state.flags & re.IGNORECASE) != (
                flags & re.IGNORECASE):
            return None
        clauses = _clauses(list(parsed), bool(flags & re.IGNORECASE))
    except Exception:  # an unusual pattern only loses its prefilter
        return None
    # The most selective clause, and those others that are selective too: a clause that most
    # texts meet would cost a scan hit per occurrence and filter out almost nothing.
    return clauses[:1] + [c for c in clauses[1:4] if _pass_rate(c) < _WEAK]


def _split_top(source: str) -> list[str]:
    """``source`` cut at its top-level ``|`` (outside groups, classes and escapes)."""
    parts, depth, i, start, n = [], 0, 0, 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            j = i + 1
            j += j < n and source[j] == "^"
            j += j < n and source[j] == "]"
            while j < n and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _group_count(source: str, flags: int) -> tuple[int, dict[str, int]] | None:
    from re import _parser  # type: ignore[attr-defined]

    try:
        state = _parser.parse(source, flags).state
    except Exception:
        return None
    return state.groups - 1, dict(state.groupdict)


def _branches(pattern: re.Pattern[str], entries: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """The top-level alternatives of a family, in order, each with the empty groups that stand in
    for it when it is left out: ``(source, placeholder)``. None when they cannot be told apart
    safely (then the family is one unit)."""
    if not entries or "|".join(f"(?:{e})" for e in entries) != pattern.pattern:
        return None
    out: list[tuple[str, str]] = []
    for entry in entries:
        for part in _split_top(entry):
            counted = _group_count(part, pattern.flags)
            if counted is None:
                return None
            count, names = counted
            index = {i: name for name, i in names.items()}
            out.append((part, "".join(f"(?P<{index[i]}>)" if i in index else "()" for i in range(1, count + 1))))
    # The same groups, numbered the same, as the family: then a subset numbers them alike too.
    try:
        flat = re.compile("|".join(f"(?:{b})" for b, _ in out), pattern.flags)
    except re.error:
        return None
    if flat.groups != pattern.groups or flat.groupindex != pattern.groupindex:
        return None
    return out


def _compile_uncached(source: str, flags: int) -> re.Pattern[str]:
    """Compile without filling ``re``'s own cache (narrowed families would evict the handlers' patterns)."""
    try:
        from re import _compiler  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - other Pythons
        return re.compile(source, flags)
    return _compiler.compile(source, flags)


_NARROWED_MAX = 8192
_WEAK = float('inf')


class Prefilter:
    """Which families of a set may match a text, and which of their alternatives, from one scan.

    A family is the alternation of its YAML entries, and an entry may itself be an alternation:
    the family is a list of *branches* (its top-level alternatives). For each branch ``_clauses``
    derives substring requirements that any match meets all of; each is "one of these literals
    occurs in the (lower-cased, for IGNORECASE) text", as ``gate`` derives them. Every literal
    goes into one trie-shaped alternation per case mode. Scanning the text with it gives, at each
    position, the longest literal starting there; the literals that are its prefixes start there
    too, so each literal maps to the clauses (bits) that one of its prefixes meets. A branch may
    match only when all of its clauses are met (one with none always may), a family only when one
    of its branches may, and the family's alternation narrowed to those branches (``narrowed``)
    finds exactly what the whole family finds in that text: an alternative that cannot match
    anywhere changes no leftmost-first search. Left-out branches keep their groups as empty
    stand-ins, so group numbers and names stay those of the family.

    Everything is derived from the compiled patterns, so YAML that a trainer adds is covered
    without a word here; anything not understood only makes its branch always pass.
    """

    __slots__ = ("keys", "index", "family_bit", "by_pattern", "index_of", "branch_masks", "always", "_families",
                 "_branches", "_scans", "_branch_info", "_narrowed")

    def __init__(self, families: dict[object, re.Pattern[str]], sources: dict[object, tuple[str, ...]]) -> None:
        self.keys = tuple(families)
        self.index = {key: i for i, key in enumerate(self.keys)}
        self.family_bit = {key: 1 << i for i, key in enumerate(self.keys)}
        self.by_pattern: dict[re.Pattern[str], int] = {}
        """Family bits by compiled pattern (two families with the same pattern share a decision)."""
        self.index_of: dict[re.Pattern[str], int] = {}
        """The first family with this compiled pattern (its branches are those of any other)."""
        self._families = tuple(families.values())
        self._branches: list[list[tuple[str, str]] | None] = []
        self.branch_masks: list[int] = []
        """Per family: the bits of its branches."""
        fam_always = branch_always = 0
        clause_bit: dict[tuple[bool, frozenset[str]], int] = {}
        # per case mode: literal -> [clause bits, branch bits of branches whose first clause it meets]
        tables: dict[bool, dict[str, list[int]]] = {}
        everything: dict[bool, list[int]] = {}
        branch_info: list[tuple[int, int]] = []  # per branch: (clause bits, family bit)
        for i, key in enumerate(self.keys):
            pattern = families[key]
            fam = 1 << i
            self.by_pattern[pattern] = self.by_pattern.get(pattern, 0) | fam
            self.index_of.setdefault(pattern, i)
            branches = _branches(pattern, sources.get(key, ()))
            self._branches.append(branches)
            fold = bool(pattern.flags & re.IGNORECASE)
            mask = 0
            for source in [b for b, _ in branches] if branches else [pattern.pattern]:
                bit = 1 << len(branch_info)
                mask |= bit
                clauses = _branch_clauses(source, pattern.flags) or []
                need = 0
                for clause in clauses:
                    cbit = clause_bit.setdefault((fold, clause), 1 << len(clause_bit))
                    need |= cbit
                    table = tables.setdefault(fold, {})
                    for lit in clause:
                        table.setdefault(lit, [0, 0])[0] |= cbit
                    total = everything.setdefault(fold, [0, 0])
                    total[0] |= cbit
                if clauses:
                    for lit in clauses[0]:
                        tables[fold][lit][1] |= bit
                    everything[fold][1] |= bit
                else:
                    fam_always |= fam
                    branch_always |= bit
                branch_info.append((need, fam))
            self.branch_masks.append(mask)
        self.always = (fam_always, branch_always)
        self._branch_info = tuple(branch_info)
        scans = []
        for fold, table in tables.items():
            # One-char literals are looked up in the set of the text's chars (one C call, however
            # often they occur); the longer ones are scanned for, each mapping to what it and its
            # longer-than-one-char prefixes meet.
            one = {lit: (got[0], got[1]) for lit, got in table.items() if len(lit) == 1}
            singles = (frozenset(one), one) if one else None
            masks: dict[str, tuple[int, int]] = {}
            for lit in table:
                if len(lit) == 1:
                    continue
                c = b = 0
                for n in range(2, len(lit) + 1):
                    got = table.get(lit[:n])
                    if got:
                        c |= got[0]
                        b |= got[1]
                masks[lit] = (c, b)
            search = re.compile(_trie(set(masks))).search if masks else None
            scans.append((fold, search, masks, singles, tuple(everything[fold])))
        self._scans = tuple(scans)
        self._narrowed: dict[tuple[int, int], re.Pattern[str] | None] = {}

    def scan(self, text: str, folded: str | None) -> tuple[int, int]:
        """(family bits, branch bits) that may match ``text``; ``folded`` is ``text.lower()``, or
        None when IGNORECASE could match a non-ASCII char of the text to an ASCII literal."""
        fam, passed = self.always
        met = candidates = 0
        for fold, search, masks, singles, everything in self._scans:
            hay = folded if fold else text
            if hay is None:
                met |= everything[0]
                candidates |= everything[1]
                continue
            if singles:
                for ch in singles[0].intersection(hay):
                    c, b = singles[1][ch]
                    met |= c
                    candidates |= b
            if search is not None:
                m = search(hay)
                while m is not None:
                    c, b = masks[m.group()]
                    met |= c
                    candidates |= b
                    m = search(hay, m.start() + 1)
        info = self._branch_info
        while candidates:
            low = candidates & -candidates
            need, f = info[low.bit_length() - 1]
            if met & need == need:
                passed |= low
                fam |= f
            candidates ^= low
        return fam, passed

    def narrowed(self, i: int, passed: int) -> re.Pattern[str] | None:
        """Family ``i`` cut down to its branches in ``passed`` (from ``scan``): the family itself
        when all of them passed, None when none did."""
        mask = self.branch_masks[i]
        mine = passed & mask
        if mine == mask:
            return self._families[i]
        if not mine:
            return None
        key = (i, mine)
        found = self._narrowed.get(key)
        if found is None:
            if len(self._narrowed) >= _NARROWED_MAX:
                self._narrowed.clear()
            family = self._families[i]
            first = mask & -mask
            parts: list[str] = []
            skipped = ""
            for n, (source, stand_in) in enumerate(self._branches[i] or ()):
                if mine & (first << n):
                    if skipped:
                        parts.append("(?!)" + skipped)
                        skipped = ""
                    parts.append(source)
                else:
                    skipped += stand_in
            if skipped:
                parts.append("(?!)" + skipped)
            found = self._narrowed[key] = _compile_uncached("|".join(f"(?:{p})" for p in parts), family.flags)
        return found
