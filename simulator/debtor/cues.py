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


def steers(text: str) -> bool:
    """Whether ``text`` tries to steer the simulation, in any language the cues know."""
    return any(cue("injection", text, lang) for lang in _compiled())


def asked_fact(text: str, lang: str) -> str | None:
    """The verification fact the agent asks for ("身份证后四位" -> ``id_last4``), if any."""
    return next((fact for fact in FACTS if cue(f"ask_fact_{fact}", text, lang)), None)


def cue_names() -> frozenset[str]:
    """Every cue the data defines, for the consistency test."""
    return frozenset(name for table in _compiled().values() for name in table)


_BLOCK = re.compile(r"```.*?(?:```|$)|<\|im_start\|>.*?(?:<\|im_end\|>|$)|<\|?system\|?>.*?(?:<\|?/system\|?>|$)", re.S)
_SENTENCE = re.compile(r"(?:[^。！？!?.\n]|\.(?!\s|$))+(?:[。！？!?]+|\.)?\s*|[。！？!?.]+\s*")
_HEADER = re.compile(r"^\s*(?:#|\[|【|<)|[:：]\s*$")


def strip_steering(text: str) -> tuple[str, bool]:
    """``text`` without the parts that try to steer the simulation, and whether there were any.

    A steering sentence is dropped with the block it opens (a fence, a chat-template turn, a
    "## New instructions" header and the lines under it); the trainee's real words around it
    still count, so a steering attempt glued to a real turn changes nothing.
    """
    if not steers(text):
        return text, False
    text = _BLOCK.sub(lambda m: "" if steers(m.group()) else m.group(), text)
    kept: list[str] = []
    skipping = False
    for line in text.split("\n"):
        if not line.strip():
            skipping = False
            continue
        if skipping:
            continue
        if not steers(line):
            kept.append(line)
            continue
        sentences = [s for s in _SENTENCE.findall(line) if s.strip()]
        rest = [s for s in sentences if not steers(s)]
        kept.append("".join(rest) if len(rest) < len(sentences) else "")
        skipping = bool(_HEADER.search(line))
    return "\n".join(k for k in kept if k.strip()).strip(), True
