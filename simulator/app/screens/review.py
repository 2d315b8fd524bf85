"""A trainer's verdict on one finding of a scored call: overturn or uphold, with a comment.

The scorecard is never edited: the review sits beside it, the trainee sees both, and the
reviews feed the scorer's agreement figures (``debtsim reviews``, the cohort dashboard).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static

from simulator.app.keys import Key
from simulator.app.words import tr

VERDICTS = ("overturn", "uphold")


@dataclass(frozen=True)
class Verdict:
    """What the trainer decided about one finding."""

    finding: str
    verdict: str
    comment: str
    trainer: str


class ReviewScreen(ModalScreen[Verdict | None]):
    """Dismisses with a :class:`Verdict`, or ``None`` when the trainer cancels."""

    KEYS = (
        Key("ctrl+s", "submit", "key.submit", priority=True),
        Key("escape", "cancel", "key.cancel"),
    )

    def __init__(self, finding: str, described: str, trainer: str, lang: str) -> None:
        super().__init__()
        self.finding, self.described, self.trainer, self.lang = finding, described, trainer, lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="review-form") as form:
            form.border_title = tr("review.title", lang)
            yield Static(self.described, id="review-finding")
            with RadioSet(id="verdict"):
                yield RadioButton(tr("review.overturn", lang), value=True, id="overturn")
                yield RadioButton(tr("review.uphold", lang), id="uphold")
            yield Label(tr("review.comment", lang))
            yield Input(id="comment", placeholder=tr("review.comment_placeholder", lang))
            yield Static("", id="comment-error", classes="field-error")
            yield Label(tr("review.trainer", lang))
            yield Input(self.trainer, id="trainer")
            yield Static("", id="trainer-error", classes="field-error")
            with Horizontal(id="review-buttons"):
                yield Button(tr("key.submit", lang), variant="primary", id="submit")
                yield Button(tr("key.cancel", lang), id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#comment", Input).focus()

    @on(Button.Pressed, "#submit")
    @on(Input.Submitted)
    def action_submit(self) -> None:
        """A comment and a name are required: a bare "overturned" teaches the trainee nothing."""
        values = {key: self.query_one(f"#{key}", Input).value.strip() for key in ("comment", "trainer")}
        for key, value in values.items():
            error = self.query_one(f"#{key}-error", Static)
            error.set_class(not value, "-shown")
            self.query_one(f"#{key}", Input).set_class(not value, "-invalid")
            if not value:
                error.update(tr(f"review.need_{key}", self.lang))
                self.query_one(f"#{key}", Input).focus()
                return
        pressed = self.query_one(RadioSet).pressed_button
        verdict = str(pressed.id) if pressed is not None and pressed.id in VERDICTS else "overturn"
        self.dismiss(Verdict(self.finding, verdict, values["comment"], values["trainer"]))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
