"""The call: the transcript with streamed replies, the composer, and the side panel.

The screen only wires widgets to the :class:`~simulator.practice.Practice`; the session is
touched from one thread worker at a time (``busy`` keeps a second turn from starting while
the debtor still speaks), and everything shown arrives as a message from that worker.
"""

from __future__ import annotations

import contextlib
import time

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input
from textual.worker import Worker, WorkerState

from simulator.app import messages as msg
from simulator.app.keys import Key
from simulator.app.services import Services
from simulator.app.widgets.call_panel import CallClock, CaseCard, Checklist, MoodMeter, mm_ss
from simulator.app.widgets.transcript import Transcript
from simulator.app.words import tr
from simulator.practice import Practice
from simulator.session import Record, Withdraw

HANG_UP_PAUSE_S = 1.5  # long enough to read "the debtor hung up" before the record form opens


class CallScreen(Screen[None]):
    """One live practice call."""

    KEYS = (
        Key("f1", "hint", "key.hint", "tip.hint"),
        Key("f4", "end_call", "key.end", "tip.end"),
        Key("f2", "toggle_checklist", "key.checklist", "tip.checklist"),
        Key("f3", "toggle_mood", "key.mood", "tip.mood"),
    )

    def __init__(self, call: Practice, services: Services, lang: str) -> None:
        super().__init__()
        self.call, self.services, self.lang = call, services, lang
        self.busy = False  # the debtor is speaking: the next turn waits (the typed text stays)
        self.end_after_reply = False
        self.closing = False  # the record form is open or the call is being scored
        self.titles = services.step_titles(lang)

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        session, lang = self.call.session, self.lang
        yield Header()
        with Horizontal(id="call-body"):
            with Vertical(id="call-main"):
                yield Transcript(lang, id="transcript")
                yield Input(placeholder=tr("call.placeholder", lang), id="composer")
            with VerticalScroll(id="call-side"):
                yield CallClock(lang, session.elapsed, session.local_time, id="clock")
                yield CaseCard(session.case, lang, id="case-card")
                yield Checklist(lang, self.titles, id="checklist")
                yield MoodMeter(lang, session.debtor.state.mood, id="mood")
        yield Footer()

    def on_mount(self) -> None:
        session = self.call.session
        self.title = tr("call.title", self.lang, persona=session.persona.name.get(self.lang),
                        case=session.case.title.get(self.lang))
        self.sub_title = f"{session.persona.id} · {tr(f'difficulty.{session.debtor.profile.level}', self.lang)}"
        self.query_one(Checklist).display = not self.services.settings.exam
        self.query_one(MoodMeter).display = session.debtor.profile.level != "hard"
        transcript = self.query_one(Transcript)
        if session.turns:  # a resumed call: show it so far, then carry on
            for turn in session.turns:
                transcript.add_turn(turn["speaker"], turn["text"], self.at())
            self.notify(tr("call.resumed_notice", self.lang, turns=self.call.resumed_turns))
            self.check_steps()
            if session.over:
                self.call_after_refresh(self.action_end_call)
        else:
            self.busy = True
            self.speak(None)  # the debtor picks up: "喂？"
        self.query_one("#composer", Input).focus()

    # --- the trainee speaks ----------------------------------------------------------------

    @on(Input.Submitted, "#composer")
    def send(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        command = text.lower()
        if not text:
            return
        if command in ("/hint", "/end"):
            event.input.clear()
            self.run_action("hint" if command == "/hint" else "end_call")
            return
        if self.busy:
            self.notify(tr("call.wait", self.lang), timeout=2)
            return
        if self.call.session.over or self.closing:
            self.action_end_call()
            return
        event.input.clear()
        transcript = self.query_one(Transcript)
        transcript.add_turn("agent", text, self.at())
        # The debtor's bubble opens with the agent's ("…" until the first words): both land in
        # one frame, and the reply then only redraws its own lines (benchmarks/app_turn.py).
        transcript.begin_reply(self.at())
        self.busy = True
        self.speak(text)

    @work(thread=True, group="voice", exit_on_error=False, description="debtor reply")
    def speak(self, text: str | None) -> None:
        """Step the debtor and stream its reply (a thread: a model voice blocks while it generates)."""
        session = self.call.session
        reply = session.pick_up() if text is None else session.say(text)
        self.post_message(msg.ReplyStarted())
        delay = self.services.settings.typing_delay
        for event in reply.events():  # a model's words as the guard releases them
            if isinstance(event, Withdraw):
                self.post_message(msg.ReplyWithdrawn(event.reason, event.shown))
                continue
            self.post_message(msg.ReplyChunk(event))
            if delay:
                time.sleep(delay)
        self.post_message(msg.ReplyFinished(session.debtor.state.mood, session.hung_up, session.truncated,
                                            reply.fallback, reply.withdrawn is not None))
        self._post_steps()

    def _post_steps(self) -> None:
        card = self.call.session.scorecard()
        self.post_message(msg.StepsSeen(frozenset(s.value for s, r in card.steps.items() if r.done)))

    @work(thread=True, group="analysis", exit_on_error=False, description="five-step checklist")
    def check_steps(self) -> None:
        self._post_steps()

    def on_reply_started(self, _: msg.ReplyStarted) -> None:
        transcript = self.query_one(Transcript)
        if not transcript.replying:
            transcript.begin_reply(self.at())

    def at(self) -> str:
        """Time into the call, as the bubbles and the clock show it."""
        return mm_ss(self.call.session.elapsed())

    def on_reply_chunk(self, message: msg.ReplyChunk) -> None:
        self.query_one(Transcript).append(message.text)

    def on_reply_withdrawn(self, message: msg.ReplyWithdrawn) -> None:
        """Erase the model's words from the bubble; the template's words stream in next."""
        self.query_one(Transcript).replace_reply("")
        self.notify(tr("call.voice_withdrawn", self.lang, reason=message.reason), severity="information")

    def on_reply_finished(self, message: msg.ReplyFinished) -> None:
        self.query_one(Transcript).finish_reply()
        self.query_one(MoodMeter).set_mood(message.mood)
        self.busy = False
        if message.fallback and not message.withdrawn:  # a withdrawal has had its notice
            self.notify(tr("call.voice_notice", self.lang, error=message.fallback), severity="warning")
        if message.hung_up or message.truncated:
            self.call_over(message.hung_up)
        elif self.end_after_reply:
            self.action_end_call()

    def call_over(self, hung_up: bool) -> None:
        """The debtor hung up or the clock ran out: say so, then open the record form.

        A trainer's test call (``TestCallScreen``) stays open instead, to show why.
        """
        self.notify(tr("call.hung_up_notice" if hung_up else "call.time_up", self.lang),
                    severity="warning", timeout=HANG_UP_PAUSE_S + 3)
        self.set_timer(HANG_UP_PAUSE_S, self.action_end_call)

    def on_steps_seen(self, message: msg.StepsSeen) -> None:
        self.query_one(Checklist).set_done(message.done)

    # --- actions ---------------------------------------------------------------------------

    def action_hint(self) -> None:
        if not self.busy:
            self.find_hint()

    @work(thread=True, group="analysis", exit_on_error=False, description="coaching tip")
    def find_hint(self) -> None:
        tip = self.call.session.hint()
        self.post_message(msg.HintReady(tr("call.hint", self.lang, tip=tip) if tip else tr("call.no_hint", self.lang)))

    def on_hint_ready(self, message: msg.HintReady) -> None:
        self.notify(message.text, timeout=10)

    def action_toggle_checklist(self) -> None:
        checklist = self.query_one(Checklist)
        checklist.display = not checklist.display

    def action_toggle_mood(self) -> None:
        meter = self.query_one(MoodMeter)
        meter.display = not meter.display

    def action_end_call(self) -> None:
        """End the call and open the record form (after the debtor's current sentence)."""
        if self.busy:
            self.end_after_reply = True
            return
        if self.closing:
            return
        self.closing = True
        self.call.session.end()
        self.after_end()

    def after_end(self) -> None:
        """The call is over: a trainee files the record (a trainer's test call overrides this)."""
        from simulator.app.keys import localized
        from simulator.app.screens.record import RecordScreen

        self.app.push_screen(localized(RecordScreen, self.lang)(self.call.session, self.lang), self.filed)

    def filed(self, record: Record | None) -> None:
        self.notify(tr("call.scoring", self.lang), timeout=2)
        self.finish(record)

    @work(thread=True, group="score", exit_on_error=False, description="scoring the call")
    def finish(self, record: Record | None) -> None:
        if record is not None:
            self.call.keep_record(record)
        self.call.finish()
        self.post_message(msg.ReportReady(self.services.report_of(self.call)))

    def on_unmount(self) -> None:
        """The app closed mid-call: keep the call as ``abandoned``, so it can be resumed."""
        if self.call.card is None:
            # Closing must never fail for it: the turns are already stored either way.
            with contextlib.suppress(Exception):
                self.call.abandon()

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """A failed turn or scoring frees the call (the app shows the notice)."""
        if event.state is WorkerState.ERROR:
            self.busy = False
            self.closing = False
