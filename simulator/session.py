"""One practice call, with no UI: case, persona, debtor, voice, transcript and clock.

``say(text)`` analyses the trainee's words, steps the debtor and returns a :class:`Reply`
that streams the debtor's words; the agent's turn is kept the moment it is said, the
debtor's when its stream ends (or is abandoned), so nothing typed is ever lost. Listeners
in ``on_turn`` see each turn as it is kept (the store journals them there). The same
session drives ``debtsim call`` and the app.
"""

from __future__ import annotations

import contextlib
import itertools
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
from simulator.voices.base import GuardRejected, Line, Voice, VoiceError, VoiceRequest
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


@dataclass(frozen=True)
class Withdraw:
    """In a reply's ``events()``: discard every chunk shown so far; the template's words follow.

    A model reply is released a clause at a time as the guard accepts it; when a later
    clause fails the guard (or the model errors or stalls), what was shown is withdrawn.
    ``shown`` is False when nothing had been released yet (the consumer has nothing to
    erase, only a quiet notice to give).
    """

    reason: str  # for the trainee, in the call's language ("说了没定的金额")
    fallback: str  # the transcript's ``fallback``: "<code>: <detail>"
    shown: bool = True


Event = str | Withdraw


class Reply:
    """The debtor's answer to one turn: ``events()`` streams chunks (and a :class:`Withdraw`
    if a model's words are taken back); iterating yields the kept words only; ``text`` once done.
    """

    def __init__(self, session: CallSession, intent: Intent, events: Iterator[Event], fallback: str | None,
                 voice: str = "template") -> None:
        self.intent = intent
        self.fallback = fallback  # "<code>: <detail>" when the template voice spoke instead
        self.voice = voice  # the voice whose words are kept (transcript ``voice``)
        self.withdrawn: Withdraw | None = None
        self._session = session
        self._events = events
        self._parts: list[str] = []
        self._safe = voice == session._template.name  # no model words: nothing can be withdrawn
        self.done = False

    def events(self) -> Iterator[Event]:
        """Chunks as they may be shown, and at most one :class:`Withdraw` (then the template's chunks)."""
        for event in self._events:
            if isinstance(event, Withdraw):
                self._parts.clear()
                self.withdrawn, self.fallback, self.voice = event, event.fallback, self._session._template.name
            else:
                self._parts.append(event)
            yield event
        self._finish()

    def __iter__(self) -> Iterator[str]:
        """The kept words only: a consumer that cannot erase text never sees withdrawn words.

        A template reply streams as it comes; a model reply is held until the guard's final
        verdict (use :meth:`events` to stream it and handle a :class:`Withdraw`).
        """
        if self._safe:
            yield from (e for e in self.events() if isinstance(e, str))
            return
        for _ in self.events():
            pass
        yield from list(self._parts)

    @property
    def text(self) -> str:
        if not self.done:
            for _ in self.events():
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
        self._pending = self._speak(request, intent)
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
        self._pending = self._speak(request, step.intent)
        return self._pending

    def _speak(self, request: VoiceRequest, intent: Intent) -> Reply:
        if self.voice is self._template:
            return Reply(self, intent, self._template.stream(request), None)
        # The first chunk is awaited here, so a voice that fails at once is replaced by the
        # template before anything is shown; the rest streams through the guard.
        try:
            stream = iter(self.voice.stream(request))
            first = next(stream, None)
            if first is None:
                raise GuardRejected("empty reply")
        except VoiceError as exc:
            self.notices.append(exc.fallback)
            return Reply(self, intent, self._template.stream(request), exc.fallback)
        return Reply(self, intent, self._guarded(request, first, stream), None, self.voice.name)

    def _guarded(self, request: VoiceRequest, first: str, stream: Iterator[str]) -> Iterator[Event]:
        """The model's chunks, released a clause at a time once the guard accepts the clause.

        Holding back the unfinished clause (a few characters or words) means a reply whose
        next clause names an undecided sum or promises to pay rarely flashes on screen: the
        guard sees the clause whole before anyone else does. A rejection, mid-stream or at
        the end, or a voice error after the first chunk, withdraws what was shown and the
        template voice says the intent instead.
        """
        from simulator.voices.guard import Guard, Verdict, settled

        guard = Guard(request)
        text, shown, verdict = "", 0, None
        try:
            for chunk in itertools.chain((first,), stream):
                text += chunk
                verdict = guard.feed(text)
                if verdict is not None:
                    break
                ready = len(settled(text, guard.lang))
                if ready > shown:
                    yield text[shown:ready]
                    shown = ready
            else:
                verdict = guard.final(text)
                verdict = None if verdict.ok else verdict
            if verdict is not None:
                raise GuardRejected(verdict.detail)
        except VoiceError as exc:
            _close(stream)  # stop the model at once: its words are no longer wanted
            self.notices.append(exc.fallback)
            reason = (verdict or Verdict(False, exc.code, exc.detail, exc.code)).reason(self.lang)
            yield Withdraw(reason, exc.fallback, shown > 0)
            yield from self._template.stream(request)
            return
        if len(text) > shown:
            yield text[shown:]

    def _keep_debtor_turn(self, reply: Reply) -> None:
        turn: dict[str, Any] = {"speaker": "debtor", "text": "".join(reply._parts), "intent": reply.intent.name,
                                "slots": reply.intent.as_json(), "voice": reply.voice}
        if reply.fallback:
            turn["fallback"] = reply.fallback
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


def _close(stream: Iterator[str]) -> None:
    close = getattr(stream, "close", None)
    if close is not None:
        with contextlib.suppress(Exception):  # a voice failing to stop must not lose the turn
            close()
