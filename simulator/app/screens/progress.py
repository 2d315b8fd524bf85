"""My progress: history, score over time, step completion, the weakest skill with its tip.

Opening a past call shows its report exactly as it was scored (replayed from the store).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from simulator.app import messages as msg
from simulator.app.keys import Key
from simulator.app.services import Services
from simulator.app.words import tr


class ProgressScreen(Screen[None]):
    """One trainee's progress, read from the store in a worker."""

    KEYS = (
        Key("enter", "open", "key.open", priority=True),  # the table would take enter (and hide it)
        Key("escape", "back", "key.back"),
        Key("h", "home", "key.home"),
    )

    def __init__(self, services: Services, lang: str, trainee: str, trainer: bool = False) -> None:
        super().__init__()
        self.services, self.lang, self.trainee = services, lang, trainee
        self.trainer = trainer  # opened from the cohort dashboard: reports open in review mode
        self.history: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="progress-body"):
            yield Static("", id="progress-summary")
            yield Horizontal(id="progress-charts")
            table: DataTable[str] = DataTable(id="history", cursor_type="row", zebra_stripes=True)
            table.border_title = tr("progress.history", self.lang)
            yield table
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("progress.trainer_title" if self.trainer else "progress.screen_title", self.lang,
                        trainee=self.trainee)
        table = self.query_one(DataTable)
        for key in ("col.date", "col.persona", "col.case", "col.score", "col.result"):
            table.add_column(tr(key, self.lang), key=key)
        table.loading = True
        self.load()

    @work(thread=True, exit_on_error=False, description="progress")
    def load(self) -> None:
        figures, history = self.services.progress(self.trainee)
        titles = self.services.step_titles(self.lang)
        self.app.call_from_thread(self.fill, figures, history, titles)

    def fill(self, figures: dict[str, Any], history: list[dict[str, Any]], titles: dict[str, str]) -> None:
        lang = self.lang
        self.history = history
        table = self.query_one(DataTable)
        table.loading = False
        summary = self.query_one("#progress-summary", Static)
        if not history:
            summary.update(tr("progress.empty", lang))
            return
        summary.update(self.summary(figures, titles))
        for row in reversed(history):  # newest first
            result = tr("report.pass" if row["result"] == "pass" else "report.fail", lang)
            table.add_row(local_minute(row["started"]), row["persona"] or "—", row["case"] or "—",
                          str(row["score"]), Text(result, style="green" if row["result"] == "pass" else "red"),
                          key=row["id"])
        from simulator.app.widgets.charts import BarChart, LineChart

        charts = self.query_one("#progress-charts", Horizontal)
        charts.mount(LineChart([r["score"] for r in history], tr("progress.score_chart", lang), "#", (0, 100),
                               id="score-chart"))
        steps = figures["steps"]
        charts.mount(BarChart([str(i + 1) for i in range(len(titles))],
                              [round((steps.get(s) or 0) * 100) for s in titles],
                              tr("progress.steps_chart", lang), id="steps-chart"))
        table.focus()

    def summary(self, figures: dict[str, Any], titles: dict[str, str]) -> Text:
        lang = self.lang

        def pct(value: float | None) -> str:
            return "—" if value is None else f"{value * 100:.0f}%"

        text = Text(tr("progress.summary", lang, calls=figures["calls"], pass_rate=pct(figures["pass_rate"]),
                       avg="—" if figures["avg_score"] is None else f"{figures['avg_score']:.0f}"), style="bold")
        trend = figures.get("trend") or {}
        if trend.get("recent") is not None and trend.get("before") is not None:
            text.append("\n" + tr("progress.trend", lang, n=trend["n"], recent=f"{trend['recent']:.0f}",
                                  before=f"{trend['before']:.0f}"))
        weakest = figures.get("weakest")
        if weakest is None:
            text.append("\n" + tr("progress.no_weakest", lang), style="green")
        else:
            text.append("\n" + self.weakest(weakest), style="yellow")
        return text

    def weakest(self, weakest: dict[str, Any]) -> str:
        from simulator.skills import with_tip

        named = with_tip(weakest, self.lang)
        assert named is not None
        return tr("progress.weakest", self.lang, skill=named["name"], rate=f"{weakest['rate'] * 100:.0f}%",
                  tip=named["tip"])

    # --- actions ---------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_report(str(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.history and table.row_count:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            self.open_report(str(row_key.value))

    @work(thread=True, exclusive=True, exit_on_error=False, description="past call")
    def open_report(self, session_id: str) -> None:
        report = self.services.stored_report(session_id)
        if report is not None:
            self.app.post_message(msg.ReportReady(report, trainer=self.trainer))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]


def local_minute(stamp: str) -> str:
    """A stored ISO 8601 time (the store's UTC text) as the trainee's local ``YYYY-MM-DD HH:MM``."""
    return f"{datetime.fromisoformat(stamp).astimezone():%Y-%m-%d %H:%M}"
