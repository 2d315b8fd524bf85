"""A trainer's test call: the trainee's call screen plus the debtor's hidden state, turn by turn.

It is the :class:`CallScreen` itself (same transcript, composer, streaming and workers) with
the :class:`DebtorStatePanel` at the top of the side column. The call is never stored
(``Services.test_call``), so it never shows in a trainee's progress or the cohort; there is
no record form and no score: F4, or any key after the debtor hangs up, goes back to the
workbench, and a hang-up leaves the screen open so the trainer can read why.
"""

from __future__ import annotations

from textual.containers import VerticalScroll

from simulator.app import messages as msg
from simulator.app.keys import Key
from simulator.app.screens.call import CallScreen
from simulator.app.widgets.call_panel import Checklist, MoodMeter
from simulator.app.widgets.debtor_state import DebtorStatePanel
from simulator.app.words import tr


class TestCallScreen(CallScreen):
    """A call as any persona with the debtor's state visible; back to the workbench at the end."""

    __test__ = False  # not a pytest class, whatever its name says

    KEYS = (
        Key("f4", "end_call", "tc.key_back", "tc.tip_back"),
        Key("f1", "hint", "key.hint", "tip.hint"),
        Key("f2", "toggle_checklist", "key.checklist", "tip.checklist"),
    )

    def on_mount(self) -> None:
        """Runs before ``CallScreen.on_mount`` (Textual calls both): arrange once that is done."""
        self.call_after_refresh(self.add_state_panel)

    def add_state_panel(self) -> None:
        session = self.call.session
        self.title = tr("tc.title", self.lang, persona=session.persona.name.get(self.lang), case=session.case.id)
        self.sub_title = tr("tc.not_stored", self.lang)
        self.query_one(Checklist).display = False  # F2 brings it back; the trainer came for the state
        self.query_one(MoodMeter).display = False  # the panel shows mood against the persona's lines
        side = self.query_one("#call-side", VerticalScroll)
        side.add_class("-test-call")
        side.mount(DebtorStatePanel(self.lang, id="debtor-state"), before=0)
        self.call_after_refresh(self.show_state)

    def show_state(self) -> None:
        """Repaint the panel from the session's debtor (a frozen state: safe to read while a worker runs)."""
        from simulator.debtor.policy import Intent
        from simulator.debtor.reasons import Why

        panels = self.query(DebtorStatePanel)
        if not panels:
            return
        debtor = self.call.session.debtor
        panels.first().show(debtor.state, debtor.profile, self.call.session.steps, Intent("answer", why=Why.PICK_UP))

    def on_reply_started(self, _: msg.ReplyStarted) -> None:
        self.show_state()  # the intent is decided before a word is said

    def on_reply_finished(self, _: msg.ReplyFinished) -> None:
        self.show_state()

    def call_over(self, hung_up: bool) -> None:
        """Stay: the panel now says why the call ended."""
        self.notify(tr("tc.hung_up" if hung_up else "tc.time_up", self.lang), severity="warning", timeout=8)

    def after_end(self) -> None:
        """Back to the workbench; nothing to file or score."""
        self.app.pop_screen()
