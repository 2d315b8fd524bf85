"""Finding keys: how a trainer's review names the scorecard finding it is about.

One place builds and reads them, so the report screen, ``debtsim review`` and the
agreement figures agree on the spelling:

* ``violation:CN-INSULT@6`` -- a compliance violation: the rule id and the turn it was raised at
* ``step:support`` -- the verdict on one of the five steps (done or not)
* ``tone`` -- the tone level

A key is stored as text in ``reviews.finding``; nothing here touches the database.
"""

from __future__ import annotations

from typing import Any

KINDS = ("violation", "step", "tone")
STEPS = ("identity", "reminder", "negotiation", "support", "closing")


class FindingError(ValueError):
    """A finding key that does not parse; ``key`` is the text given."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"not a finding key: {key!r} (violation:RULE@TURN, step:STEP or tone)")


def violation_key(rule: str, turn: int) -> str:
    """``violation:CN-INSULT@6``."""
    return f"violation:{rule}@{int(turn)}"


def step_key(step: Any) -> str:
    """``step:support``; ``step`` may be a :class:`scoring.vocab.Step` or its value."""
    return f"step:{getattr(step, 'value', step)}"


def tone_key() -> str:
    return "tone"


def parse(key: str) -> tuple[str, str, int | None]:
    """``(kind, ident, turn)``: ``("violation", "CN-INSULT", 6)``, ``("step", "support", None)``,
    ``("tone", "tone", None)``. :class:`FindingError` for anything else."""
    text = (key or "").strip()
    if text == "tone":
        return "tone", "tone", None
    kind, sep, rest = text.partition(":")
    if sep and kind == "step" and rest in STEPS:
        return "step", rest, None
    if sep and kind == "violation":
        rule, at, turn = rest.rpartition("@")
        if at and rule and turn.isdigit() and not any(c.isspace() for c in rule):
            return "violation", rule, int(turn)
    raise FindingError(key)


def group(key: str) -> str:
    """What agreement figures are counted by: the rule id for a violation (any turn), else the key.

    ``violation:CN-INSULT@6`` -> ``CN-INSULT``; ``step:support`` -> ``step:support``; ``tone`` -> ``tone``.
    """
    kind, ident, _ = parse(key)
    return ident if kind == "violation" else (tone_key() if kind == "tone" else step_key(ident))


def is_valid(key: str) -> bool:
    try:
        parse(key)
    except FindingError:
        return False
    return True
