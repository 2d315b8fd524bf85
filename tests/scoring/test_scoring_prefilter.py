"""The literal prefilter (``scoring.analysis.prefilter``) only ever saves work: a family it
rules out cannot match, and a family it narrows finds exactly what the whole family finds.

Checked on every family of both lexicons (and the number and date patterns) against the dev
calls, against random texts made of the literals the prefilter looks for (in odd cases and
whitespace), and end to end: ``analyse`` with the prefilter switched off gives the same result.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.analysis import analyse, dates, numbers
from scoring.analysis.lexicon import builtin_lexicons
from scoring.analysis.prefilter import Prefilter, _split_top, folded, narrow

DEV = Path(__file__).resolve().parent.parent / "data" / "calls" / "dev"


def _dev_texts() -> dict[str, list[str]]:
    out: dict[str, set[str]] = {"zh": set(), "en": set()}
    for path in sorted(DEV.glob("*.json")):
        raw = json.loads(path.read_text("utf-8"))
        out.setdefault(raw.get("language", "zh"), set()).update(t["text"] for t in raw["turns"])
    return {lang: sorted(texts) for lang, texts in out.items()}


TEXTS = _dev_texts()
NUMBER_PATTERNS = [numbers._EN_MONEY, numbers._INSTALMENTS, numbers._ZH_DURATION, numbers._EN_DURATION,
                   dates._EN_DATE, dates._ZH_DATE]


def _found(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict(), m.lastindex, m.lastgroup) for m in pattern.finditer(text)]


def _check_families(lang: str, text: str) -> None:
    lex = builtin_lexicons()[lang]
    for speaker in ("agent", "debtor"):
        prefilter = lex.prefilter(speaker)
        fams, passed = prefilter.scan(text, folded(text))
        for key in prefilter.keys:
            part, name = key
            whole = getattr(lex, part)[name]
            found = _found(whole, text)
            i = prefilter.index[key]
            if not fams & prefilter.family_bit[key]:
                assert not found, f"{lang} {key} ruled out but matches {text!r}"
                continue
            narrowed = prefilter.narrowed(i, passed)
            assert narrowed is not None
            assert _found(narrowed, text) == found, f"{lang} {key} narrowed differs on {text!r}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_family_on_the_dev_calls(lang: str) -> None:
    assert TEXTS[lang]
    for text in TEXTS[lang]:
        _check_families(lang, text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_number_and_date_patterns_on_the_dev_calls(lang: str) -> None:
    for text in TEXTS[lang]:
        for pattern in NUMBER_PATTERNS:
            assert _found(narrow(pattern, text) or re.compile("(?!)"), text) == _found(pattern, text), (pattern, text)


def _fragments() -> list[str]:
    """What the scans look for, as written in the YAML, plus chars that make case and space odd."""
    out: set[str] = set()
    for lex in builtin_lexicons().values():
        for speaker in ("agent", "debtor"):
            for _fold, _searches, masks, singles, _ in lex.prefilter(speaker)._scans:
                out.update(masks)
                if singles:
                    out.update(singles[1])
    return sorted(out)


FRAGMENTS = _fragments()
ODD = [" ", "  ", "\t", "\n", "\u00a0", "\u3000", ",", "，", "。", "'", "’", "K", "\u212a", "ſ", "İ", "1", "5000", "3月",
       "A", "Z"]
text_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(FRAGMENTS).map(str.upper),
              st.sampled_from(FRAGMENTS).map(str.title), st.sampled_from(ODD),
              st.sampled_from([t for ts in TEXTS.values() for t in ts]).map(lambda t: t[: len(t) // 2])),
    min_size=1, max_size=8,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy, st.sampled_from(["zh", "en"]))
def test_random_texts_of_the_literals(text: str, lang: str) -> None:
    _check_families(lang, text)
    for pattern in NUMBER_PATTERNS:
        assert _found(narrow(pattern, text) or re.compile("(?!)"), text) == _found(pattern, text)


def test_left_out_alternatives_keep_group_numbers_and_names() -> None:
    pattern = re.compile(r"(a)(b)x|(?P<mid>c)yy|(d)(?P<last>e)zz")
    text = "dezz abx de dezz"
    narrowed = narrow(pattern, text)
    assert narrowed is not None and "cyy" not in narrowed.pattern
    assert narrowed.groups == pattern.groups and narrowed.groupindex == pattern.groupindex
    assert _found(narrowed, text) == _found(pattern, text)
    assert narrow(pattern, "nothing here") is None


def test_a_backreference_keeps_the_pattern_whole() -> None:
    pattern = re.compile(r"(ab)x|y\1")  # \1 refers to the first alternative's group
    prefilter = Prefilter({0: pattern}, None)
    assert prefilter._branches[0] is None


def test_split_top_keeps_groups_classes_and_escapes_together() -> None:
    assert _split_top(r"a|b(c|d)|[|x]|\||e") == ["a", "b(c|d)", "[|x]", r"\|", "e"]
    assert _split_top(r"[]|]|x|[^]|]") == ["[]|]", "x", "[^]|]"]


@pytest.mark.parametrize("text", ["call  from", "call\tfrom", "CALL\u00a0From", "call\nfrom"])
def test_whitespace_and_case_variants_still_pass(text: str) -> None:
    pattern = re.compile(r"\b(calling|call)\s+(from|with)\b", re.I)
    assert narrow(pattern, text) is pattern
    assert narrow(pattern, "call them with") is None


def test_scoped_ignorecase_in_a_case_sensitive_pattern() -> None:
    pattern = re.compile(r"逾期(?i:\s*overdue)|还款")
    for text in ("逾期 OVERDUE", "逾期Overdue", "还款"):
        assert _found(narrow(pattern, text) or re.compile("(?!)"), text) == _found(pattern, text) != []
    assert narrow(pattern, "逾期 due") is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_analyse_is_the_same_with_the_prefilter_off(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end: every act, slot and tone cue of the dev calls, with and without the prefilter."""
    lexicons = builtin_lexicons()

    def run() -> list:
        for lex in lexicons.values():
            lex.cache.clear()
        return [analyse(text, speaker, lang) for text in TEXTS[lang] for speaker in ("agent", "debtor")]

    with_prefilter = run()

    def everything(self: Prefilter, text: str, folded_text: str | None) -> tuple[int, int]:
        return (1 << len(self.keys)) - 1, (1 << len(self._branch_info)) - 1

    monkeypatch.setattr(Prefilter, "scan", everything)
    assert run() == with_prefilter
    for lex in lexicons.values():
        lex.cache.clear()
