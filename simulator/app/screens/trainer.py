"""The trainer's screen: tabs for the workbench, the cohort dashboard and assignments.

Opened with F10 from home or with ``debtsim --trainer``. The panes are imported when the
screen composes, so the trainee's start-up never pays for them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, TabbedContent, TabPane

from simulator.app.keys import Key, localized
from simulator.app.services import Services
from simulator.app.words import tr


class TrainerScreen(Screen[None]):
    """Workbench, cohort and assignments, one tab each."""

    KEYS = (
        Key("f10", "go_home", "key.home"),
        Key("f2", "tab('workbench')", "key.tab_workbench"),
        Key("f3", "tab('cohort')", "key.tab_cohort"),
        Key("f4", "tab('assignments')", "key.tab_assignments"),
    )

    def __init__(self, services: Services, lang: str, tab: str = "workbench") -> None:
        super().__init__()
        self.services, self.lang, self.first_tab = services, lang, tab

    def compose(self) -> ComposeResult:
        from simulator.app.trainer.assignments import AssignmentsPane
        from simulator.app.trainer.cohort import CohortPane
        from simulator.app.trainer.workbench import Workbench

        lang = self.lang
        yield Header()
        with TabbedContent(initial=self.first_tab, id="trainer-tabs"):
            with TabPane(tr("trainer.tab.workbench", lang), id="workbench"):
                yield localized(Workbench, lang)(self.services, lang)
            with TabPane(tr("trainer.tab.cohort", lang), id="cohort"):
                yield localized(CohortPane, lang)(self.services, lang)
            with TabPane(tr("trainer.tab.assignments", lang), id="assignments"):
                yield localized(AssignmentsPane, lang)(self.services, lang)
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("trainer.title", self.lang)

    def action_tab(self, tab: str) -> None:
        """Show ``tab`` and focus its first control.

        Focus must leave the old pane first: TabbedContent shows the pane holding the
        focused widget, so a focus left behind would switch straight back.
        """
        self.set_focus(None)
        tabs = self.query_one(TabbedContent)
        tabs.active = tab
        self.call_after_refresh(self.focus_pane, tab)

    def focus_pane(self, tab: str) -> None:
        pane = self.query_one(TabbedContent).get_pane(tab)
        focusable = [w for w in pane.query("*") if w.focusable]
        first = next((w for w in focusable if isinstance(w, DataTable)), focusable[0] if focusable else None)
        if first is not None:
            first.focus()

    def action_go_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]
