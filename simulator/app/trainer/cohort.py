"""The cohort dashboard: one row per trainee, filters by date and persona, charts, drill-down.

What a training lead watches (the seed's 还款率 and 成功率 become pass rate and average
score here): who is improving, who is stuck, on which skill, and how often the scorer and
the trainers disagree. Enter on a trainee opens their progress; from there any call's
report opens in review mode.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Select, Static

from simulator.app.services import Services
from simulator.app.trainer import data
from simulator.app.words import tr


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def trend_text(trend: dict[str, Any] | None) -> Text:
    """▲/▼ and the change of the last calls' average against the ones before."""
    change = (trend or {}).get("change")
    if change is None:
        return Text("—", style="dim")
    if abs(change) < 1:
        return Text(f"= {change:+.0f}", style="dim")
    return Text(f"{'▲' if change > 0 else '▼'} {change:+.0f}", style="green" if change > 0 else "red")


class CohortPane(Vertical):
    """The dashboard; it loads in a worker whenever the filters change."""

    def __init__(self, services: Services, lang: str) -> None:
        super().__init__(id="cohort-pane")
        self.services, self.lang = services, lang
        self.view: data.CohortView | None = None
        self.personas_filled = False

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(id="cohort-filters"):
            yield Input(placeholder=tr("cohort.since", lang), id="cohort-since", max_length=10)
            yield Input(placeholder=tr("cohort.until", lang), id="cohort-until", max_length=10)
            yield Select([], prompt=tr("cohort.all_personas", lang), id="cohort-persona")
            yield Button(tr("cohort.apply", lang), id="cohort-apply")
        yield Static("", id="cohort-summary")
        yield Horizontal(id="cohort-charts")
        table: DataTable[Any] = DataTable(id="cohort-table", cursor_type="row", zebra_stripes=True)
        table.border_title = tr("cohort.table", lang)
        yield table
        yield Static("", id="cohort-agreement")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("col.trainee", "col.calls", "col.pass_rate", "col.avg_score", "col.trend", "col.violations",
                    "col.weakest", "col.last"):
            table.add_column(tr(key, self.lang), key=key)
        self.refresh_view()

    # --- loading ---------------------------------------------------------------------------

    def current_filter(self) -> data.CohortFilter | None:
        """The filters as typed; None (and the field marked) when a date does not parse."""
        values = {}
        for name in ("since", "until"):
            field = self.query_one(f"#cohort-{name}", Input)
            try:
                values[name] = data.parse_day(field.value)
                field.remove_class("-invalid")
            except ValueError:
                field.add_class("-invalid")
                self.app.notify(tr("cohort.bad_date", self.lang, value=field.value), severity="warning")
                return None
        persona = self.query_one("#cohort-persona", Select).value
        return data.CohortFilter(values["since"], values["until"], None if persona is Select.NULL else str(persona))

    @on(Button.Pressed, "#cohort-apply")
    @on(Input.Submitted, "#cohort-since, #cohort-until")
    @on(Select.Changed, "#cohort-persona")
    def refresh_view(self) -> None:
        where = self.current_filter()
        if where is not None:
            self.query_one(DataTable).loading = True
            self.load(where)

    @work(thread=True, exclusive=True, group="cohort", exit_on_error=False, description="cohort")
    def load(self, where: data.CohortFilter) -> None:
        view = data.cohort(self.services, where)
        self.app.call_from_thread(self.fill, view)

    def fill(self, view: data.CohortView) -> None:
        self.view = view
        if not self.personas_filled:  # once: setting options again would clear the choice
            self.personas_filled = True
            with self.prevent(Select.Changed):
                self.query_one("#cohort-persona", Select).set_options([(p, p) for p in view.personas])
        table = self.query_one(DataTable)
        table.loading = False
        table.clear()
        for row in view.rows:
            table.add_row(*self.cells(row), key=row["trainee"])
        self.query_one("#cohort-summary", Static).update(self.summary(view))
        self.query_one("#cohort-agreement", Static).update(self.agreement(view.agreement))
        self.run_worker(self.draw_charts(view), group="cohort-charts", exclusive=True)

    def cells(self, row: dict[str, Any]) -> list[Any]:
        lang = self.lang
        weakest = row.get("weakest")
        if weakest:
            from simulator.skills import with_tip

            named = with_tip(weakest, lang)
            weak = Text(f"{named['name']} {pct(weakest['rate'])}" if named else "—", style="yellow")
        else:
            weak = Text(tr("cohort.on_target", lang), style="green")
        passed = row.get("pass_rate")
        last = row.get("last")
        return [
            Text(row["trainee"], style="bold"),
            str(row["calls"]),
            Text(pct(passed), style="green" if (passed or 0) >= 0.6 else "red"),
            "—" if row.get("avg_score") is None else f"{row['avg_score']:.0f}",
            trend_text(row.get("trend")),
            f"{row.get('violations_per_call') or 0:.2f}",
            weak,
            f"{last.astimezone():%m-%d %H:%M}" if last else "—",
        ]

    def summary(self, view: data.CohortView) -> Text:
        rows = view.rows
        calls = sum(r["calls"] for r in rows)
        if not calls:
            return Text(tr("cohort.empty", self.lang), style="dim")
        passed = sum((r.get("pass_rate") or 0) * r["calls"] for r in rows)
        avg = sum((r.get("avg_score") or 0) * r["calls"] for r in rows) / calls
        return Text(tr("cohort.summary", self.lang, trainees=len(rows), calls=calls, pass_rate=pct(passed / calls),
                       avg=f"{avg:.0f}"), style="bold")

    def agreement(self, figures: dict[str, Any]) -> Text:
        """How often trainers overturned the scorer, and where most (tells us what to fix)."""
        lang = self.lang
        reviewed = figures.get("reviewed") or 0
        if not reviewed:
            return Text(tr("cohort.no_reviews", lang), style="dim")
        text = Text(tr("cohort.agreement", lang, reviewed=reviewed, overturned=figures.get("overturned", 0),
                       rate=pct(figures.get("agreement"))), style="bold")
        for item in (figures.get("by_rule") or [])[:5]:
            style = "red" if (item.get("agreement") or 0) < 0.5 else "yellow" if item.get("overturned") else "green"
            text.append("\n  " + tr("cohort.agreement_row", lang, finding=item["finding"], reviewed=item["reviewed"],
                                    overturned=item["overturned"], rate=pct(item.get("agreement"))), style=style)
        return text

    async def draw_charts(self, view: data.CohortView) -> None:
        """Charts are drawn once from their data, so new filters mean new charts (old ones gone first)."""
        from simulator.app.widgets.charts import BarChart, LineChart

        charts = self.query_one("#cohort-charts", Horizontal)
        await charts.remove_children()
        if not view.rows:
            return
        await charts.mount(BarChart([r["trainee"] for r in view.rows], [round(r.get("avg_score") or 0) for r in view.rows],
                              tr("cohort.average_chart", self.lang), id="cohort-average-chart"))
        if view.daily:
            await charts.mount(LineChart([d["average"] or 0 for d in view.daily], tr("cohort.daily_chart", self.lang,
                                   first=str(view.daily[0]["day"]), last=str(view.daily[-1]["day"])),
                                   tr("cohort.day_axis", self.lang), (0, 100), id="cohort-daily-chart"))

    # --- drill-down ------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#cohort-table")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_trainee(str(event.row_key.value))

    def open_trainee(self, trainee: str) -> None:
        """The trainee's progress, with their calls' reports opening in review mode."""
        self.app.open_progress(trainee, trainer=True)  # type: ignore[attr-defined]
