"""Difficulty levels, in one place.

A persona is written at its own level (``difficulty:`` in its YAML). Playing it one level
harder or easier shifts its thresholds by the steps below, per level of difference: a hard
debtor wants more trust before saying yes, loses patience sooner, and takes a bad move
harder and a good move less to heart.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Scaling:
    """How one step of difficulty moves a persona (apply ``n`` times for ``n`` levels)."""

    min_trust: float = 0.08  # added to agree_when.min_trust per level harder
    min_mood: float = 0.08  # added to agree_when.min_mood per level harder
    patience: float = 0.8  # patience multiplied by this per level harder (divided when easier)
    bad_moves: float = 1.25  # negative deltas multiplied per level harder
    good_moves: float = 0.85  # positive deltas multiplied per level harder


STEP = Scaling()


def levels_between(own: str, played: str | None) -> int:
    """How many levels harder (positive) or easier (negative) the persona is played."""
    if played is None:
        return 0
    if played not in LEVELS:
        raise ValueError(f"difficulty must be one of {', '.join(LEVELS)}, not {played!r}")
    return LEVELS.index(played) - LEVELS.index(own)


def delta(value: float, levels: int) -> float:
    """A reaction delta scaled for ``levels`` of difficulty."""
    if levels == 0 or value == 0:
        return value
    factor = STEP.bad_moves if value < 0 else STEP.good_moves
    return value * factor**levels


def patience(value: int, levels: int) -> int:
    return max(1, round(value * STEP.patience**levels))


def threshold(value: float, per_level: float, levels: int, low: float, high: float) -> float:
    return min(high, max(low, value + per_level * levels))
