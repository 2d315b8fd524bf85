"""The contract every voice keeps: an intent in, a stream of text chunks out.

The policy has already decided *what* the debtor does; a voice only decides *how* it is
said. The app and ``debtsim call`` consume any voice the same way, chunk by chunk, so the
offline template voice and the model voices (later) plug in unchanged.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from simulator.debtor.policy import Intent
from simulator.debtor.profile import Profile
from simulator.debtor.state import DebtorState


class VoiceError(RuntimeError):
    """A voice could not speak this turn (model missing, server down, off-intent text).

    The session catches it and falls back to the template voice for that turn; ``code`` is
    what the transcript's ``fallback`` field starts with (``"<code>: <detail>"``).
    """

    code = "error"

    def __init__(self, detail: str, code: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if code is not None:
            self.code = code

    @property
    def fallback(self) -> str:
        """The transcript's ``fallback`` value, e.g. ``"timeout: no first token after 8 s"``."""
        return f"{self.code}: {self.detail}"


class VoiceUnavailable(VoiceError):
    """Not configured or not installed (no model folder, no transformers, no base URL)."""

    code = "unavailable"


class VoiceTimeout(VoiceError):
    """The model took too long (to connect, to the first token, or between tokens)."""

    code = "timeout"


class GuardRejected(VoiceError):
    """The model's words failed the guard (off-intent, a promise the policy did not make, ...)."""

    code = "guard"


@dataclass(frozen=True)
class Line:
    """One earlier turn, as a voice may want to see it."""

    speaker: str
    text: str


@dataclass
class VoiceRequest:
    """Everything a voice may use to say one intent."""

    intent: Intent
    profile: Profile
    state: DebtorState
    rng: random.Random
    agent_text: str = ""
    history: Sequence[Line] = field(default_factory=tuple)


class Voice(Protocol):
    """Say an intent in the persona's words. ``stream`` raises :class:`VoiceError` on failure."""

    name: str

    def stream(self, request: VoiceRequest) -> Iterator[str]: ...
