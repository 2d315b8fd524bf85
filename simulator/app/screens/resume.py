"""Pick an unfinished call to resume (a call cut off by a crash or a closed terminal)."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from simulator.app.keys import Key
from simulator.app.screens.progress import local_minute
from simulator.app.services import Services
from simulator.app.words import tr


class ResumeScreen(ModalScreen[str | None]):
    """Dismisses with the session id to resume, or ``None``."""

    KEYS = (Key("escape", "back", "key.back"),)

    def __init__(self, services: Services, lang: str, trainee: str) -> None:
        super().__init__()
        self.services, self.lang, self.trainee = services, lang, trainee

    def compose(self) -> ComposeResult:
        with Vertical(id="resume-box") as box:
            box.border_title = tr("resume.title", self.lang)
            yield OptionList(id="resumable")
            yield Label("", id="resume-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).loading = True
        self.load()

    @work(thread=True, exit_on_error=False, description="unfinished calls")
    def load(self) -> None:
        rows = self.services.resumable(self.trainee)
        self.app.call_from_thread(self.fill, rows)

    def fill(self, rows: list[dict[str, Any]]) -> None:
        options = self.query_one(OptionList)
        options.loading = False
        for row in rows:
            options.add_option(Option(tr("resume.row", self.lang, started=local_minute(row["started"]),
                                         persona=row["persona"], case=row["case"], turns=row["turns"],
                                         status=tr(f"status.{row['status']}", self.lang)), id=row["id"]))
        if rows:
            options.highlighted = 0
            options.focus()
        else:
            self.query_one("#resume-empty", Label).update(tr("resume.none", self.lang))

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        self.dismiss(None)
