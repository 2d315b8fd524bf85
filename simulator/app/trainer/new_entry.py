"""``n`` on the workbench: a new persona (or case) copied from the highlighted one.

The same authoring functions as ``debtsim new persona --from SOURCE NEW`` (the copy keeps
the file's comments, only the ``id`` line changes) and the same target: the first trainer
catalog, else the user data folder. A refusal (bad or taken id) is shown under the field and
the modal stays open; on success it closes with the new file's path.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from simulator.app.keys import Key
from simulator.app.words import tr

if TYPE_CHECKING:
    from simulator.catalog import Catalog
    from simulator.catalog.loader import Kind


class NewEntryScreen(ModalScreen[Path | None]):
    """Ask for the new id; write the copy; dismiss with its path (None: cancelled)."""

    KEYS = (Key("escape", "cancel", "key.cancel"),)
    DEFAULT_CSS = """
    NewEntryScreen { align: center middle; }
    #new-entry { width: 72; height: auto; border: thick $primary; background: $surface; padding: 0 2; }
    #new-entry-error { color: $error; height: auto; }
    """

    def __init__(self, catalog: Catalog, kind: Kind, source: str, target: Path, lang: str) -> None:
        super().__init__()
        self.catalog, self.kind, self.source, self.target, self.lang = catalog, kind, source, target, lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="new-entry"):
            yield Label(tr("wb.new_title", lang, kind=tr(f"wb.kind.{self.kind}", lang), source=self.source))
            yield Input(placeholder=tr("wb.new_placeholder", lang), id="new-id", max_length=64)
            yield Static(tr("wb.new_where", lang, folder=str(self.target)), classes="dim")
            yield Static("", id="new-entry-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#new-id")
    def create(self, event: Input.Submitted) -> None:
        from simulator.catalog.authoring import AuthoringError, plan_copy, write_copy

        try:
            copy = plan_copy(self.catalog, self.kind, self.source, event.value.strip(), self.target)
        except AuthoringError as exc:
            self.query_one("#new-entry-error", Static).update(exc.message(self.lang))
            return
        self.dismiss(write_copy(copy))

    def action_cancel(self) -> None:
        self.dismiss(None)
