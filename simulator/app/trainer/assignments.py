"""Assignments: a trainer sets a persona + case + difficulty for one trainee or for everyone.

The trainee's home screen lists what is assigned and what is done; here the trainer sees
how many of the trainees it applies to have done each one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Select, Static

from simulator.app.keys import Key
from simulator.app.services import Services
from simulator.app.trainer import data
from simulator.app.words import tr

if TYPE_CHECKING:
    from simulator.catalog import Catalog

EVERYONE = "\x00all"  # the trainee choice meaning "everyone" (no trainee can be named this)
DIFFICULTIES = ("easy", "medium", "hard")


class AssignmentsPane(Vertical):
    """The assignment form above the list of assignments; delete removes the highlighted one."""

    KEYS = (Key("delete", "remove", "assign.key_remove"),)

    def __init__(self, services: Services, lang: str) -> None:
        super().__init__(id="assignments-pane")
        self.services, self.lang = services, lang
        self.catalog: Catalog | None = None

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(id="assign-form"):
            yield Select([(tr("assign.everyone", lang), EVERYONE)], value=EVERYONE, allow_blank=False,
                         id="assign-trainee")
            yield Select([], prompt=tr("assign.persona", lang), id="assign-persona")
            yield Select([], prompt=tr("assign.case", lang), id="assign-case")
            yield Select([(tr(f"difficulty.{d}", lang), d) for d in DIFFICULTIES],
                         prompt=tr("home.default_difficulty", lang), id="assign-difficulty")
        with Horizontal(id="assign-form-2"):
            yield Input(placeholder=tr("assign.due", lang), id="assign-due", max_length=10)
            yield Input(placeholder=tr("assign.note", lang), id="assign-note")
            yield Button(tr("assign.add", lang), variant="primary", id="assign-add")
        yield Static("", id="assign-error", classes="field-error")
        table: DataTable[Any] = DataTable(id="assign-table", cursor_type="row", zebra_stripes=True)
        table.border_title = tr("assign.table", lang)
        yield table

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("col.trainee", "col.persona", "col.case", "col.difficulty", "assign.col_due", "assign.col_done",
                    "assign.col_by", "assign.col_note"):
            table.add_column(tr(key, self.lang), key=key)
        table.loading = True
        self.load(first=True)

    @work(thread=True, exclusive=True, group="assignments", exit_on_error=False, description="assignments")
    def load(self, first: bool = False) -> None:
        rows = data.assignments(self.services)
        choices = (data.trainee_names(self.services), self.services.catalog) if first else None
        self.app.call_from_thread(self.fill, rows, choices)

    def fill(self, rows: list[dict[str, Any]], choices: tuple[list[str], Any] | None) -> None:
        lang = self.lang
        if choices is not None:
            names, catalog = choices
            self.query_one("#assign-trainee", Select).set_options(
                [(tr("assign.everyone", lang), EVERYONE), *((n, n) for n in names)])
            self.query_one("#assign-persona", Select).set_options(
                [(f"{pid} · {e.model.name.get(lang)}", pid) for pid, e in sorted(catalog.personas.items())])
            self.catalog = catalog
        table = self.query_one(DataTable)
        table.loading = False
        table.clear()
        for row in rows:
            table.add_row(*self.cells(row), key=str(row["id"]))

    def cells(self, row: dict[str, Any]) -> list[Any]:
        lang = self.lang
        done, of = row.get("done_by", 0), row.get("of", 0)
        return [
            row["trainee"] or Text(tr("assign.everyone", lang), style="italic"),
            row["persona"],
            row["case"],
            tr(f"difficulty.{row['difficulty']}", lang) if row.get("difficulty") else "—",
            str(row["due"]) if row.get("due") else "—",
            Text(f"{done}/{of}", style="green" if of and done == of else "yellow"),
            row.get("trainer") or "—",
            row.get("note") or "",
        ]

    @on(Select.Changed, "#assign-persona")
    def persona_changed(self, event: Select.Changed) -> None:
        """Cases written for the persona first (★), as on the trainee's home screen."""
        catalog = self.catalog
        if catalog is None or event.value is Select.NULL:
            return
        persona = str(event.value)
        order = sorted(catalog.cases, key=lambda c: (persona not in catalog.cases[c].model.personas, c))
        self.query_one("#assign-case", Select).set_options(
            [(("★ " if persona in catalog.cases[c].model.personas else "  ") + c, c) for c in order])

    @on(Button.Pressed, "#assign-add")
    @on(Input.Submitted, "#assign-due, #assign-note")
    def add(self) -> None:
        error = self.query_one("#assign-error", Static)
        error.remove_class("-shown")
        persona, case = (self.query_one(f"#assign-{k}", Select).value for k in ("persona", "case"))
        if persona is Select.NULL or case is Select.NULL:
            error.update(tr("assign.need_pick", self.lang))
            error.add_class("-shown")
            return
        due_field = self.query_one("#assign-due", Input)
        try:
            due = data.parse_day(due_field.value)
        except ValueError:
            error.update(tr("cohort.bad_date", self.lang, value=due_field.value))
            error.add_class("-shown")
            due_field.focus()
            return
        trainee = self.query_one("#assign-trainee", Select).value
        difficulty = self.query_one("#assign-difficulty", Select).value
        self.save(str(persona), str(case), None if difficulty is Select.NULL else str(difficulty),
                  None if trainee in (EVERYONE, Select.NULL) else str(trainee), due,
                  self.query_one("#assign-note", Input).value.strip())

    @work(thread=True, exit_on_error=False, description="assign")
    def save(self, persona: str, case: str, difficulty: str | None, trainee: str | None, due: Any, note: str) -> None:
        data.assign(self.services, persona, case, difficulty, trainee, self.services.trainer_name(), due, note)
        self.app.call_from_thread(self.saved, trainee)

    def saved(self, trainee: str | None) -> None:
        self.app.notify(tr("assign.saved", self.lang, who=trainee or tr("assign.everyone", self.lang)))
        self.query_one("#assign-note", Input).value = ""
        self.load()

    def action_remove(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            self.remove_assignment(int(str(row_key.value)))

    @work(thread=True, exit_on_error=False, description="unassign")
    def remove_assignment(self, assignment_id: int) -> None:
        data.unassign(self.services, assignment_id)
        self.app.call_from_thread(self.load)
