"""One practice call, with no UI: case, persona, debtor, voice, transcript and clock.

``say(text)`` analyses the trainee's words, steps the debtor and returns a :class:`Reply`
that streams the debtor's words; the agent's turn is kept the moment it is said, the
debtor's when its stream ends (or is abandoned), so nothing typed is ever lost. Listeners
in ``on_turn`` see each turn as it is kept (the store journals them there). The same
session drives ``debtsim call`` and the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from scoring.scorecard import Scorecard
from scoring.vocab import Outcome, Step
from simulator.catalog.models import Case, Persona
from simulator.debtor.engine import Debtor
from simulator.debtor.engine import Step as DebtorStep
from simulator.debtor.policy import Intent
from simulator.debtor.reasons import Why
from simulator.voices.base import Line, Voice, VoiceError, VoiceRequest
from simulator.voices.template import TemplateVoice

TRANSCRIPT_FORMAT = "debtsim.transcript/1"


class CallOver(RuntimeError):
    """The call has ended (hang-up, ``end()`` or the clock): no more turns."""


class RecordError(ValueError):
    """A bad call record: ``field`` names the bad field; ``message(lang)`` says what is wrong."""

    def __init__(self, field: str, key: str, **slots: object) -> None:
        self.field, self.key, self.slots = field, key, slots
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        from simulator.i18n import t

        return f"{self.field}: {t(self.key, lang, **self.slots)}"


@dataclass
class Record:
    outcome: str
    amount: float | None = None
    date: date | None = None
    notes: str = ""

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"outcome": self.outcome}
        if self.amount is not None:
            out["promised_amount"] = self.amount
        if self.date is not None:
            out["promised_date"] = self.date.isoformat()
        if self.notes:
            out["notes"] = self.notes
        return out


class Reply:
    """The debtor's answer to one turn: iterate it for chunks; ``text`` once it is done."""

    def __init__(self, session: CallSession, intent: Intent, chunks: Iterator[str], fallback: str | None) -> None:
        self.intent = intent
        self.fallback = fallback  # why the template voice spoke instead, if it did
        self._session = session
        self._chunks = chunks
        self._parts: list[str] = []
        self.done = False

    def __iter__(self) -> Iterator[str]:
        for chunk in self._chunks:
            self._parts.append(chunk)
            yield chunk
        self._finish()

    @property
    def text(self) -> str:
        if not self.done:
            for _ in self:
                pass
        return "".join(self._parts)

    def _finish(self) -> None:
        if not self.done:
            self.done = True
            self._session._keep_debtor_turn(self)


class CallSession:
    """A practice call. A seed reproduces it exactly (state, intents and wording)."""

    def __init__(self, persona: Persona, case: Case, lang: str = "zh", *, seed: int = 0,
                 difficulty: str | None = None, voice: Voice | None = None, max_minutes: float | None = None,
                 clock: Callable[[], float] = time.monotonic, call_id: str | None = None) -> None:
        self.persona, self.case, self.lang, self.seed = persona, case, lang, seed
        self.debtor = Debtor(persona, case, lang, difficulty, seed)
        self.voice: Voice = voice or TemplateVoice()
        self._template = self.voice if isinstance(self.voice, TemplateVoice) else TemplateVoice()
        self.turns: list[dict[str, Any]] = []
        self.record: Record | None = None
        self.ended = False
        self.on_turn: list[Callable[[dict[str, Any]], None]] = []
        self.notices: list[str] = []
        self.moods: list[float] = []  # the debtor's mood after each of their turns (the report's chart)
        self._steps: list[DebtorStep] = []
        self.id = call_id or f"{case.id}-{persona.id}-{lang}-{seed}"
        self._clock = clock
        self._started = clock()
        self._max_seconds = None if max_minutes is None else max_minutes * 60
        self._pending: Reply | None = None

    # --- the call ----------------------------------------------------------------------

    @property
    def hung_up(self) -> bool:
        return self.debtor.state.hung_up

    @property
    def truncated(self) -> bool:
        """The clock ran out (kept apart from the debtor hanging up)."""
        return self._max_seconds is not None and self.elapsed() >= self._max_seconds

    @property
    def over(self) -> bool:
        return self.ended or self.hung_up or self.truncated

    @property
    def steps(self) -> tuple[DebtorStep, ...]:
        """Each agent turn's debtor step so far (state, intent and why): a trainer's view, read-only."""
        return tuple(self._steps)

    def elapsed(self) -> float:
        return self._clock() - self._started

    def local_time(self) -> datetime:
        """The debtor's local time now: the case's call time plus the time spent."""
        return self.case.call_local_time + timedelta(seconds=self.elapsed())

    def pick_up(self) -> Reply:
        """The debtor picks up the phone ("喂？"): the first turn, before the trainee speaks."""
        if self.turns:
            raise CallOver("the debtor has already picked up")
        intent = Intent("answer", why=Why.PICK_UP)
        request = VoiceRequest(intent, self.debtor.profile, self.debtor.state, self.debtor.rng)
        chunks, fallback = self._speak(request)
        self._pending = Reply(self, intent, chunks, fallback)
        return self._pending

    def say(self, text: str) -> Reply:
        """The trainee says ``text``; returns the debtor's streaming :class:`Reply`."""
        self._settle()
        if self.over:
            raise CallOver("the call is over")
        text = text.strip()
        if not text:
            raise ValueError("empty turn")
        self._keep({"speaker": "agent", "text": text})
        step = self.debtor.step(text)
        self._steps.append(step)
        request = VoiceRequest(step.intent, self.debtor.profile, step.state, self.debtor.rng, text,
                               tuple(Line(t["speaker"], t["text"]) for t in self.turns))
        chunks, fallback = self._speak(request)
        self._pending = Reply(self, step.intent, chunks, fallback)
        return self._pending

    def _speak(self, request: VoiceRequest) -> tuple[Iterator[str], str | None]:
        if self.voice is self._template:
            return self._template.stream(request), None
        # The first chunk is awaited here, so a voice that fails at once is replaced by the
        # template before anything is shown; the rest streams as it is generated.
        try:
            stream = iter(self.voice.stream(request))
            first = next(stream, None)
        except VoiceError as exc:
            self.notices.append(str(exc))
            return self._template.stream(request), str(exc)
        if first is None:
            return self._template.stream(request), "empty reply"
        return self._rest(first, stream), None

    def _rest(self, first: str, stream: Iterator[str]) -> Iterator[str]:
        yield first
        try:
            yield from stream
        except VoiceError as exc:  # mid-reply: keep what was said, note why it stopped
            self.notices.append(str(exc))

    def _keep_debtor_turn(self, reply: Reply) -> None:
        turn: dict[str, Any] = {"speaker": "debtor", "text": "".join(reply._parts), "intent": reply.intent.name,
                                "slots": reply.intent.as_json()}
        self.moods.append(self.debtor.state.mood)
        self._keep(turn)
        if self._pending is reply:
            self._pending = None

    def _keep(self, turn: dict[str, Any]) -> None:
        self.turns.append(turn)
        for listener in self.on_turn:
            listener(turn)

    def _settle(self) -> None:
        """Finish a reply nobody read to the end, so its turn is kept."""
        if self._pending is not None and not self._pending.done:
            _ = self._pending.text

    def end(self) -> None:
        """The trainee ends the call (``/end``); a record may still be filed."""
        self._settle()
        self.ended = True

    # --- after the call ----------------------------------------------------------------

    def file_record(self, outcome: str, amount: float | str | None = None, when: date | str | None = None,
                    notes: str = "") -> Record:
        """File (or re-file) the call record; :class:`RecordError` names the bad field."""
        outcome = (outcome or "").strip()
        if outcome not in {o.value for o in Outcome}:
            raise RecordError("outcome", "record.outcome", outcomes=", ".join(o.value for o in Outcome))
        value: float | None = None
        if amount not in (None, ""):
            try:
                value = float(str(amount).replace(",", ""))
            except ValueError:
                raise RecordError("amount", "record.amount", value=amount) from None
            if value < 0:
                raise RecordError("amount", "record.negative")
        day: date | None = None
        if isinstance(when, date):
            day = when
        elif when not in (None, ""):
            try:
                day = date.fromisoformat(str(when))
            except ValueError:
                raise RecordError("date", "record.date", value=when) from None
        self.record = Record(outcome, value, day, notes.strip())
        return self.record

    def transcript(self) -> dict[str, Any]:
        """The call in the TRANSCRIPT.md format (debtor turns carry ``intent`` and ``slots``)."""
        self._settle()
        out: dict[str, Any] = {
            "format": TRANSCRIPT_FORMAT,
            "id": self.id,
            "language": self.lang,
            "scenario": self.case.scenario(self.lang),
            "persona": self.persona.id,
            "turns": [dict(t) for t in self.turns],
        }
        if self.record is not None:
            out["record"] = self.record.as_json()
        return out

    def scorecard(self) -> Scorecard:
        from scoring import score

        return score(self.transcript())

    def hint(self) -> str | None:
        """A coaching tip: the first step still open, as the scorer would tip it."""
        card = self.scorecard()
        for step in Step:
            result = card.steps[step]
            if result.applicable and not result.done and step is not Step.CLOSING:
                return result.tip
        closing = card.steps[Step.CLOSING]
        return closing.tip if closing.applicable and not closing.done else None

    def summary(self) -> dict[str, Any]:
        """The debtor's hidden state at the end, for ``--json`` and trainers."""
        return self.debtor.summary()
