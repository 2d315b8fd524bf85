"""Voices by name, imported only when asked for.

``voice_names()`` imports nothing, so ``debtsim --help`` and the app's voice picker stay
fast; ``load_voice("template")`` imports that one module. Model voices (a later issue)
register here the same way, with their heavy imports inside their own modules.
"""

from __future__ import annotations

import importlib
from typing import Any

from scoring.loading.text import suggest
from simulator.voices.base import Voice

VOICES: dict[str, str] = {
    "template": "simulator.voices.template:TemplateVoice",
    "local": "simulator.voices.local:LocalVoice",
    "remote": "simulator.voices.remote:RemoteVoice",
}


def voice_names() -> list[str]:
    return sorted(VOICES)


class UnknownVoice(ValueError):
    """No voice by that name; the message lists the valid ones."""


def load_voice(name: str, **options: Any) -> Voice:
    """A new voice instance by name; raises :class:`UnknownVoice` listing the valid names."""
    target = VOICES.get(name)
    if target is None:
        hint = suggest(name, VOICES)
        extra = f"; did you mean {hint!r}?" if hint else ""
        raise UnknownVoice(f"unknown voice {name!r} (voices: {', '.join(voice_names())}){extra}")
    module_name, _, attr = target.partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    return factory(**options)
