"""What the app is started with: flags and environment, frozen once parsed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TYPING_DELAY_S = 0.02
"""Seconds between streamed chunks of a template reply: it reads like speech, not a paste."""


@dataclass(frozen=True)
class AppSettings:
    """Settings of one app run. ``DEBTSIM_*`` variables fill what the flags leave out."""

    lang: str = "zh"
    catalog_dirs: tuple[Path, ...] = ()
    db: str | None = None  # --db / DEBTSIM_DB; None: the default SQLite file
    trainee: str | None = None  # --trainee; None: the remembered name
    typing_delay: float = TYPING_DELAY_S
    exam: bool = False  # the five-step checklist starts hidden
    max_minutes: float | None = None
    trainer: bool = False  # --trainer: open the trainer's tabs first
    seed: int | None = None  # --seed: every call gets this debtor (a trainer's drill for a whole room)
    # --voice --model --base-url --device --dtype; None: DEBTSIM_* or the config file decides (voices/config.py)
    voice: str | None = None
    model: str | None = None
    base_url: str | None = None
    device: str | None = None
    dtype: str | None = None

    @classmethod
    def from_env(cls, **given: object) -> AppSettings:
        delay = os.environ.get("DEBTSIM_TYPING_DELAY")
        if delay and "typing_delay" not in given:
            given["typing_delay"] = float(delay)
        return cls(**given)  # type: ignore[arg-type]
