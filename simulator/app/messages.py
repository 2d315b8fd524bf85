"""Messages between workers, widgets and screens, in one place (toolong's habit).

Workers run on threads and never touch widgets: they post these, and the screen's
handlers (on the UI thread) update what is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from simulator.app.services import ReportData
    from simulator.practice import Practice


@dataclass
class ReplyStarted(Message):
    """The debtor starts to speak."""


@dataclass
class ReplyChunk(Message):
    """More of the debtor's words, as the voice produces them."""

    text: str


@dataclass
class ReplyWithdrawn(Message):
    """The words shown so far are taken back (the guard rejected them); the template's follow."""

    reason: str
    shown: bool


@dataclass
class ReplyFinished(Message):
    """The debtor's turn is kept; the call may have ended with it."""

    mood: float
    hung_up: bool
    truncated: bool
    fallback: str | None
    withdrawn: bool = False  # the model's words were taken back (ReplyWithdrawn gave the notice)


@dataclass
class StepsSeen(Message):
    """The steps the analyser sees done so far."""

    done: frozenset[str]


@dataclass
class HintReady(Message):
    text: str


@dataclass
class CallReady(Message):
    """A call was started or resumed (home -> call)."""

    call: Practice


@dataclass
class ReportReady(Message):
    """A report was built (call -> report, progress -> report)."""

    report: ReportData
    trainer: bool = False  # opened by a trainer: findings can be reviewed


@dataclass
class WorkFailed(Message):
    """A worker failed with a message for the trainee."""

    text: str
