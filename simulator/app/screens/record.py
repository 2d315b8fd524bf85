"""The after-call record form: outcome, promised amount and date, notes.

Checked by the session's own ``file_record`` (one definition of a valid record, shared
with ``debtsim call``): a bad field gets its message under it, and nothing typed is lost.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from scoring.vocab import Outcome
from simulator.app.keys import Key
from simulator.app.words import tr
from simulator.session import CallSession, Record, RecordError

FIELDS = ("outcome", "amount", "date", "notes")


class RecordScreen(ModalScreen[Record | None]):
    """Dismisses with the filed :class:`Record`, or ``None`` when the trainee skips it."""

    KEYS = (
        Key("ctrl+s", "submit", "key.submit", priority=True),
        Key("escape", "skip", "key.skip"),
    )

    def __init__(self, session: CallSession, lang: str) -> None:
        super().__init__()
        self.session, self.lang = session, lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="record-form") as form:
            form.border_title = tr("record.title", lang)
            yield Label(tr("record.outcome_label", lang))
            yield Select([(tr(f"outcome.{o.value}", lang), o.value) for o in Outcome],
                         prompt=tr("record.pick_outcome", lang), id="outcome")
            yield Static("", id="outcome-error", classes="field-error")
            yield Label(tr("record.amount_label", lang))
            yield Input(id="amount", placeholder="2000")
            yield Static("", id="amount-error", classes="field-error")
            yield Label(tr("record.date_label", lang))
            yield Input(id="date", placeholder=self.session.local_time().date().isoformat())
            yield Static("", id="date-error", classes="field-error")
            yield Label(tr("record.notes_label", lang))
            yield Input(id="notes")
            with Horizontal(id="record-buttons"):
                yield Button(tr("key.submit", lang), variant="primary", id="submit")
                yield Button(tr("key.skip", lang), id="skip")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#outcome", Select).focus()

    @on(Button.Pressed, "#submit")
    @on(Input.Submitted)
    def action_submit(self) -> None:
        outcome = self.query_one("#outcome", Select).value
        values = {key: self.query_one(f"#{key}", Input).value for key in ("amount", "date", "notes")}
        for key in FIELDS[:3]:
            self.query_one(f"#{key}-error", Static).remove_class("-shown")
            self.query_one(f"#{key}").remove_class("-invalid")
        try:
            record = self.session.file_record("" if outcome is Select.NULL else str(outcome), values["amount"],
                                              values["date"], values["notes"])
        except RecordError as exc:
            error = self.query_one(f"#{exc.field}-error", Static)
            error.update(exc.message(self.lang))
            error.add_class("-shown")
            widget = self.query_one(f"#{exc.field}")
            widget.add_class("-invalid")
            widget.focus()
            return
        self.dismiss(record)

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        self.dismiss(None)
