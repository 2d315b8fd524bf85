"""Small call builders for scorer tests: a verified opening, then the turns under test."""

from __future__ import annotations

from typing import Any

ZH_OPENING = [
    ("agent", "您好，请问是王磊先生吗？我是云港银行的小陈，工号3108。"),
    ("debtor", "是我。"),
    ("agent", "麻烦您说一下身份证最后四位，核对一下是您本人。"),
    ("debtor", "4471。"),
]
EN_OPENING = [
    ("agent", "Hi, this is Sam Cole calling from Harbor Bank. Am I speaking with Dana Park?"),
    ("debtor", "Yes, that's me."),
    ("agent", "Thanks. For security, could you confirm your date of birth?"),
    ("debtor", "March 3rd, 1985."),
]


def call(lang: str, turns: list[tuple[str, str]], opening: bool = True, record: dict | None = None,
         **scenario: Any) -> dict[str, Any]:
    """A transcript dict; ``opening`` prepends a clean identity check (4 turns)."""
    base = (ZH_OPENING if lang == "zh" else EN_OPENING) if opening else []
    sc = {"product": "credit_card", "debtor_name": "王磊" if lang == "zh" else "Dana Park",
          "amount_due": 8640.0, "currency": "CNY" if lang == "zh" else "USD", "days_overdue": 35,
          "call_local_time": "2026-05-12T10:20"}
    sc.update(scenario)
    out: dict[str, Any] = {"id": "t", "language": lang, "scenario": sc,
                           "turns": [{"speaker": s, "text": t} for s, t in base + turns]}
    if record is not None:
        out["record"] = record
    return out


def rules_at(card: Any) -> list[tuple[str, int]]:
    return sorted((v.rule, v.turn) for v in card.violations)


def rule_params(table: dict[str, tuple[list, list]]) -> tuple[list, list]:
    """A ``"RULE-ID/lang": (fires, does_not_fire)`` table as pytest params ``(rule, lang, pack, case)``.

    The rule pack is the rule id's prefix (CN, US, UK); each case's id says which way it goes.
    """
    import pytest

    pos, neg = [], []
    for key, (yes, no) in table.items():
        rule, lang = key.split("/")
        pack = rule.split("-")[0]
        pos += [pytest.param(rule, lang, pack, c, id=f"{key}+{i}") for i, c in enumerate(yes)]
        neg += [pytest.param(rule, lang, pack, c, id=f"{key}-{i}") for i, c in enumerate(no)]
    return pos, neg


def card(lang: str, turns: list[tuple[str, str]], opening: bool = True, record: dict | None = None,
         **scenario: Any) -> Any:
    """The scorecard of ``call(...)``, scored with the built-in rubric."""
    from scoring import score
    from scoring.transcript import parse_transcript
    return score(parse_transcript(call(lang, turns, opening=opening, record=record, **scenario)))


def flagged(card: Any, rule: str) -> set[int]:
    """The turns ``rule`` was found on."""
    return {t for r, t in rules_at(card) if r == rule}


def acts(text: str, lang: str, speaker: str = "agent") -> set[str]:
    """The act names the analyser finds in one utterance."""
    from scoring.analysis import analyse
    return analyse(text, speaker, lang).names
