"""The offline default voice: the persona's own phrases, filled and varied by the seed.

Picks among the phrases for the intent whose slots this turn can fill, never the line the
debtor said last time, and streams it in short chunks through the same interface the
model voices use. A confirm prefers the phrase that gives the fact the agent asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from simulator.voices import slots as slot_values
from simulator.voices.base import VoiceRequest
from simulator.voices.fallback import FALLBACK

_CHUNK = re.compile(r"\S+\s*|\s+")


def _candidates(request: VoiceRequest, filled: dict[str, str]) -> list[str]:
    intent, profile = request.intent, request.profile
    phrases = profile.persona.phrases
    zh_fallback, en_fallback = FALLBACK.get(intent.name, FALLBACK["answer"])
    fallback = list(zh_fallback if profile.lang == "zh" else en_fallback)
    if intent.name == "answer" and request.state.turn > 0:  # their answer phrases are for picking up
        zh_ack, en_ack = FALLBACK["acknowledge"]
        return list(zh_ack if profile.lang == "zh" else en_ack)
    own = next((p for i, p in phrases.items() if i.value == intent.name), None)
    lines = list(own.zh if profile.lang == "zh" else own.en) if own else []
    usable = [p for p in lines if all(s in filled for s in slot_values.slots_of(p))]
    if intent.name == "confirm_identity":
        fact = intent.slots.get("fact")
        if fact:
            usable = [p for p in usable if fact in slot_values.slots_of(p)] or usable
        else:  # nobody asked for a fact: don't volunteer one (the generic "是我。" lines if need be)
            usable = [p for p in usable if not set(slot_values.slots_of(p)) & slot_values.VERIFICATION]
            fallback = [p for p in fallback if not set(slot_values.slots_of(p)) & slot_values.VERIFICATION]
    if intent.name == "counter_offer" and "monthly" not in filled:
        usable = [p for p in usable if "monthly" not in slot_values.slots_of(p)] or usable
    spare = [p for p in fallback if all(s in filled for s in slot_values.slots_of(p))]
    if intent.name == "confirm_identity" and intent.slots.get("fact"):
        spare = [p for p in spare if intent.slots["fact"] in slot_values.slots_of(p)] or spare
    if len(usable) < 2:  # one phrase alone would repeat itself: add the generic lines
        usable += [p for p in spare if p not in usable]
    return usable or list(FALLBACK["answer"][0 if profile.lang == "zh" else 1])


def chunks(text: str, lang: str) -> Iterator[str]:
    """Split a line the way a model streams it: a few characters or one word at a time."""
    if lang == "zh":
        for i in range(0, len(text), 3):
            yield text[i:i + 3]
    else:
        yield from _CHUNK.findall(text)


class TemplateVoice:
    """Persona phrases with variation; no model, no network, never fails."""

    name = "template"

    def __init__(self) -> None:
        self._last: str | None = None

    def render(self, request: VoiceRequest) -> str:
        """The whole line for ``request`` (what :meth:`stream` yields, joined)."""
        filled = slot_values.values(request.intent, request.profile)
        options = _candidates(request, filled)
        fresh = [p for p in options if p.format(**filled) != self._last] or options
        line = fresh[request.rng.randrange(len(fresh))].format(**filled)
        self._last = line
        return line

    def stream(self, request: VoiceRequest) -> Iterator[str]:
        yield from chunks(self.render(request), request.profile.lang)
