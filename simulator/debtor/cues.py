"""Cues in an agent's turn that the analyser's acts do not carry, read from ``data/cues.yaml``.

The analyser says *what the agent did* (introduced themselves, offered a plan); the debtor
also needs *what the agent asked of them* (which fact to verify, a message for the account
holder, how much they can pay) and whether the turn tries to steer the simulation itself.
Patterns are compiled once per process.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

FACTS = ("id_last4", "phone_last4", "date_of_birth", "postcode")
"""Verification facts, in the order a debtor offers them when the agent names none."""

_DATA = Path(__file__).with_name("data") / "cues.yaml"


@cache
def _compiled() -> dict[str, dict[str, re.Pattern[str]]]:
    raw = yaml.safe_load(_DATA.read_text("utf-8"))
    return {
        lang: {name: re.compile("|".join(f"(?:{p})" for p in patterns), re.I | re.M) for name, patterns in table.items()}
        for lang, table in raw.items()
    }


def cue(name: str, text: str, lang: str) -> bool:
    """Whether cue ``name`` occurs in ``text`` (an unknown language reads as English)."""
    table = _compiled().get(lang) or _compiled()["en"]
    pattern = table.get(name)
    return bool(pattern and pattern.search(text))


def asked_fact(text: str, lang: str) -> str | None:
    """The verification fact the agent asks for ("身份证后四位" -> ``id_last4``), if any."""
    return next((fact for fact in FACTS if cue(f"ask_fact_{fact}", text, lang)), None)


def cue_names() -> frozenset[str]:
    """Every cue the data defines, for the consistency test."""
    return frozenset(name for table in _compiled().values() for name in table)
