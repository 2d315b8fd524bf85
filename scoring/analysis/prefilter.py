"""Literal prefilters for regex families: which alternatives of a pattern can match a text,
found with one scan of the text instead of one regex search per family.

Pure ``re`` (no other dependency), so ``numbers`` and ``dates`` can use ``narrow`` too.
The literals are read off the parsed patterns (``re._parser``): YAML that a trainer adds is
covered without a word of code, and a construct not understood only weakens the filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Two derivations share the helpers below. ``gate``: for any one pattern, the best single set
# of literals one of which every match contains, checked with ``in`` on the raw text (what
# ``_Utterance.may_match`` uses for patterns outside the families). ``Prefilter``: for families,
# several such requirements per alternative (all must hold), found by one scan of the text with
# its whitespace runs collapsed. Any construct not understood gives "no requirement": the
# pattern is then searched, never skipped.

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


def _char_class(items: list, fold: bool, collapse: bool = False) -> frozenset[str] | None:
    """The chars of a class made of single chars only (``[还付交]``, ``a|b|c``), or None. With
    ``collapse`` (the text's whitespace runs become one space: ``SPACES``), ``\\s`` is a space too."""
    from re import _constants as c  # type: ignore[attr-defined]

    chars = set()
    for op, av in items:
        if collapse and op is c.CATEGORY and av in (c.CATEGORY_SPACE, c.CATEGORY_UNI_SPACE):
            chars.add(" ")  # \s: any whitespace, one space once collapsed (``SPACES``)
            continue
        if op is not c.LITERAL:
            return None  # a range, another category, a negation: not a short list of chars
        ch = chr(av)
        if fold and not _case_safe(ch):
            return None
        chars.add(" " if collapse and ch.isspace() else ch.lower() if fold else ch)
    return frozenset(chars) if 0 < len(chars) <= _MAX_ALTERNATIVES else None


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
        elif op is c.IN:
            req = _char_class(av, fold)
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


_EXACT_MAX = 16
_CLAUSE_MAX = 1024
SPACES = re.compile(r"\s+")
"""What the prefilter's scan collapses to one space, in the text and in the literals."""


Clause = tuple[bool, frozenset[str]]
"""(fold, strings): one of the strings occurs in the text (whitespace runs collapsed to one
space, ``SPACES``; lower-cased when ``fold``, for IGNORECASE parts)."""


def _rank(clause: Clause) -> tuple[float, list[str]]:
    return _pass_rate(clause[1]), sorted(clause[1])


def _clauses(items: list, fold: bool) -> list[Clause]:
    """Requirements that every match of the parsed sequence ``items`` meets *all* of, most
    selective first."""
    exact, found = _sequence(items, fold)
    if exact is not None:
        found = [(fold, exact)]
    return sorted((c for c in dict.fromkeys(found) if c[1] and "" not in c[1]), key=_rank)


def _sequence(items: list, fold: bool) -> tuple[frozenset[str] | None, list[Clause]]:
    """(exact, clauses) of a parsed sequence. ``exact``: every string it can match, in the
    collapsed form, when there are few (``_EXACT_MAX``); else None, and ``clauses`` hold the
    exact sets of its runs and what its other parts require. Runs are joined as a cross
    product, so ``(calling|call)\\s+(from|with)`` requires one of "calling from", "call with", ..."""
    found: list[Clause] = []
    run: set[str] = {""}
    whole = True

    def flush() -> None:
        if "" not in run:
            found.append((fold, frozenset(run)))

    for op, av in items:
        exact, clauses = _node(op, av, fold)
        if exact is None:
            whole = False
            flush()
            run = {""}
            found.extend(clauses)
        elif len(run) * len(exact) <= _EXACT_MAX:
            run = {SPACES.sub(" ", a + b) for a in run for b in exact}
        else:
            whole = False
            flush()
            run = set(exact)
    if whole:
        return frozenset(run), []
    flush()
    return None, found


def _node(op: object, av: object, fold: bool) -> tuple[frozenset[str] | None, list[Clause]]:
    """(exact, clauses) of one parsed node, as ``_sequence`` gives them."""
    from re import _constants as c  # type: ignore[attr-defined]

    if op is c.LITERAL:
        ch = chr(av)  # type: ignore[arg-type]
        if fold and not _case_safe(ch):
            return None, []
        return frozenset({" " if ch.isspace() else ch.lower() if fold else ch}), []
    if op is c.IN:
        return _char_class(av, fold, collapse=True), []  # type: ignore[arg-type]
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset({""}), []  # zero width: adds nothing to the matched string
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av  # type: ignore[misc]
        inner = bool(add_flags & re.IGNORECASE) or (fold and not del_flags & re.IGNORECASE)
        if inner == fold:  # other scoped flags change no literal
            return _sequence(list(sub), fold)
        exact, clauses = _sequence(list(sub), inner)  # (?i:...) in a case-sensitive pattern, or back
        return None, ([(inner, exact)] if exact is not None else clauses)
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av), fold)  # type: ignore[arg-type]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, hi, sub = av  # type: ignore[misc]
        exact, clauses = _sequence(list(sub), fold)
        if exact == {" "}:  # \s+ is one space once collapsed; \s* is that or nothing
            return (exact if lo >= 1 else frozenset({"", " "})), []
        if lo == hi == 1:
            return exact, clauses
        if lo == 0 and hi == 1 and exact is not None:
            return exact | {""}, []
        if lo >= 1:
            return None, ([(fold, exact)] if exact is not None else clauses)
        return None, []
    if op is c.BRANCH:
        alternatives = [_sequence(list(branch), fold) for branch in av[1]]  # type: ignore[index]
        if all(exact is not None for exact, _ in alternatives):
            union = frozenset().union(*(exact for exact, _ in alternatives))
            if len(union) <= _EXACT_MAX:
                return union, []
        # Not exact: one requirement, the best one of each alternative, all in one case mode.
        either: set[str] = set()
        modes = set()
        for exact, clauses in alternatives:
            best = [(fold, exact)] if exact is not None else clauses
            best = sorted((c for c in best if c[1] and "" not in c[1]), key=_rank)[:1]
            if not best:
                return None, []
            modes.add(best[0][0])
            either |= best[0][1]
        return None, ([(modes.pop(), frozenset(either))] if len(modes) == 1 and len(either) <= _CLAUSE_MAX else [])
    return None, []


def _branch_clauses(parsed: object | None, flags: int) -> list[Clause]:
    """``_clauses`` of a parsed alternative (the most selective few); none when not understood."""
    if parsed is None:
        return []
    state_flags = parsed.state.flags  # type: ignore[attr-defined]
    if state_flags & (re.VERBOSE | re.ASCII | re.LOCALE) or (state_flags & re.IGNORECASE) != (flags & re.IGNORECASE):
        return []
    try:
        return _clauses(list(parsed), bool(flags & re.IGNORECASE))[:_MAX_CLAUSES]  # type: ignore[call-overload]
    except Exception:  # an unusual pattern only loses its prefilter
        return []


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


def _parse(source: str, flags: int) -> object | None:
    """``source`` parsed as ``re`` would, or None when it does not parse alone or sets global flags."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(source, flags)
        if parsed.state.flags != _parser.parse("", flags).state.flags:
            return None  # an inline (?x) or (?i) of its own: not an alternative like the others
    except Exception:
        return None
    return parsed


def _branches(pattern: re.Pattern[str], entries: tuple[str, ...] | None) -> list[tuple[str, str, object]] | None:
    """The top-level alternatives of a family, in order: ``(source, stand-in, parsed)``, the
    stand-in being the empty groups that take its place when it is left out. ``entries``: the
    YAML lines the family joins (None: split the pattern's own source). None when they cannot
    be told apart safely (then the family is one unit)."""
    if pattern.flags & re.VERBOSE:
        return None  # comments could hide a "|"
    if entries is None:
        parts = _split_top(pattern.pattern)
    elif entries and "|".join(f"(?:{e})" for e in entries) == pattern.pattern:
        parts = [part for entry in entries for part in _split_top(entry)]
    else:
        return None
    out: list[tuple[str, str, object]] = []
    offset = 0
    names: dict[str, int] = {}
    for part in parts:
        parsed = _parse(part, pattern.flags)
        if parsed is None:
            return None  # e.g. a backreference to a group of another alternative
        state = parsed.state  # type: ignore[attr-defined]
        index = {i: name for name, i in state.groupdict.items()}
        names.update({name: offset + i for name, i in state.groupdict.items()})
        count = state.groups - 1
        out.append((part, "".join(f"(?P<{index[i]}>)" if i in index else "()" for i in range(1, count + 1)), parsed))
        offset += count
    # The same groups, numbered the same, as the family: then any subset numbers them alike too.
    if offset != pattern.groups or names != pattern.groupindex:
        return None
    return out


def _compile_uncached(source: str, flags: int) -> re.Pattern[str]:
    """Compile without filling ``re``'s own cache (narrowed families would evict the handlers' patterns)."""
    try:
        from re import _compiler  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - other Pythons
        return re.compile(source, flags)
    return _compiler.compile(source, flags)


_NARROWED_MAX = 2048  # per prefilter; distinct cuts seen in the dev calls: about 1,000 in all
_MAX_CLAUSES = 4
_FIRST_CHARS = 48


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
                 "_branches", "_scans", "_branch_info", "_narrowed", "folds")

    def __init__(self, families: dict[object, re.Pattern[str]], sources: dict[object, tuple[str, ...]] | None) -> None:
        self.keys = tuple(families)
        self.index = {key: i for i, key in enumerate(self.keys)}
        self.family_bit = {key: 1 << i for i, key in enumerate(self.keys)}
        self.by_pattern: dict[re.Pattern[str], int] = {}
        """Family bits by compiled pattern (two families with the same pattern share a decision)."""
        self.index_of: dict[re.Pattern[str], int] = {}
        """The first family with this compiled pattern (its branches are those of any other)."""
        self._families = tuple(families.values())
        self._branches: list[list[tuple[str, str, object]] | None] = []
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
            branches = _branches(pattern, sources.get(key, ()) if sources is not None else None)
            self._branches.append(branches)
            mask = 0
            for parsed in [p for _, _, p in branches] if branches else [_parse(pattern.pattern, pattern.flags)]:
                bit = 1 << len(branch_info)
                mask |= bit
                clauses = _branch_clauses(parsed, pattern.flags)
                need = 0
                for fold, clause in clauses:
                    cbit = clause_bit.setdefault((fold, clause), 1 << len(clause_bit))
                    need |= cbit
                    table = tables.setdefault(fold, {})
                    for lit in clause:
                        table.setdefault(lit, [0, 0])[0] |= cbit
                    everything.setdefault(fold, [0, 0])[0] |= cbit
                if clauses:
                    fold, first_clause = clauses[0]
                    for lit in first_clause:
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
            # ``re`` tries a branch's alternatives one by one: with hundreds of first chars (Chinese)
            # that dominates, so the literals go into a few scanners of ``_FIRST_CHARS`` first chars
            # each (``search`` skips to a position whose char starts one of its literals quickly).
            by_first: dict[str, set[str]] = {}
            for lit in masks:
                by_first.setdefault(lit[0], set()).add(lit)
            firsts = sorted(by_first)
            searches = tuple(re.compile(_trie({lit for ch in firsts[i:i + _FIRST_CHARS] for lit in by_first[ch]})).search
                             for i in range(0, len(firsts), _FIRST_CHARS))
            scans.append((fold, searches, masks, singles, tuple(everything[fold])))
        self._scans = tuple(scans)
        self.folds = True in tables
        """Some literals are looked for in the lower-cased text (IGNORECASE somewhere)."""
        self._narrowed: dict[tuple[int, int], re.Pattern[str] | None] = {}

    def scan(self, text: str, folded: str | None) -> tuple[int, int]:
        """(family bits, branch bits) that may match ``text``; ``folded`` is ``text.lower()``, or
        None when IGNORECASE could match a non-ASCII char of the text to an ASCII literal."""
        fam, passed = self.always
        met = candidates = 0
        for fold, searches, masks, singles, everything in self._scans:
            hay = folded if fold else text
            if hay is None:
                met |= everything[0]
                candidates |= everything[1]
                continue
            hay = SPACES.sub(" ", hay)
            if singles:
                for ch in singles[0].intersection(hay):
                    c, b = singles[1][ch]
                    met |= c
                    candidates |= b
            for search in searches:
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
            for n, (source, stand_in, _parsed) in enumerate(self._branches[i] or ()):
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


_LOOKALIKE = re.compile(r"(?=[^\x00-\x7f])(?i:[a-z])")
"""A non-ASCII char that IGNORECASE matches to an ASCII letter (the Kelvin sign, the long s)."""


def folded(text: str) -> str | None:
    """What IGNORECASE literals are looked for in: ``text.lower()``, or None when a char of the
    text could match an ASCII letter that lower-casing does not give (no prefilter then)."""
    return None if _LOOKALIKE.search(text) else text.lower()


_SINGLE: dict[re.Pattern[str], Prefilter] = {}


def narrow(pattern: re.Pattern[str], text: str) -> re.Pattern[str] | None:
    """``pattern`` cut down to its top-level alternatives that can match ``text`` (None: none can).

    In ``text`` it finds exactly what ``pattern`` finds (``search``, ``finditer``, groups by number
    and name): use it as ``(narrow(p, text) or p).finditer(text)`` or skip the work on None."""
    prefilter = _SINGLE.get(pattern)
    if prefilter is None:
        prefilter = _SINGLE[pattern] = Prefilter({0: pattern}, None)
    _fam, passed = prefilter.scan(text, folded(text) if prefilter.folds else None)
    return prefilter.narrowed(0, passed)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, the same matches, searching only alternatives that can match."""
    narrowed = narrow(pattern, text)
    return narrowed.finditer(text) if narrowed is not None else iter(())
