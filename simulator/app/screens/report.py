"""The report: the scorecard with the words behind every point, beside the transcript.

Selecting a step or a violation scrolls the transcript to its turn and highlights it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from simulator.app.keys import Key, localized
from simulator.app.services import ReportData, Services
from simulator.app.widgets import report_parts as parts
from simulator.app.widgets.transcript import Transcript
from simulator.app.words import tr

if TYPE_CHECKING:
    from simulator.app.screens.review import Verdict


class ReportScreen(Screen[None]):
    """One call's scorecard (a call just made, or a past one opened from progress)."""

    KEYS = (
        Key("r", "retry", "key.retry"),
        Key("x", "export", "key.export"),
        Key("p", "progress", "key.progress"),
        Key("h", "home", "key.home"),
        Key("o", "review", "key.review", tip="key.review_tip"),
        Key("escape", "back", "key.back", show=False),
    )

    def __init__(self, report: ReportData, services: Services, lang: str, trainer: bool = False) -> None:
        super().__init__()
        self.report, self.services, self.lang = report, services, lang
        self.trainer = trainer  # opened from the cohort dashboard: findings can be reviewed

    def compose(self) -> ComposeResult:
        report, lang = self.report, self.lang
        card = report.card
        yield Header()
        yield Static(parts.overall(card, lang), id="overall")
        with Horizontal(id="report-body"):
            with VerticalScroll(id="report-left"):
                yield Label(tr("report.steps", lang), classes="section")
                titles = self.services.step_titles(lang)
                yield OptionList(*(Option(parts.step_option(report, step, title, lang), id=step)
                                   for step, title in titles.items()), id="steps")
                if not card.step_order_ok:
                    yield Label(tr("report.order_wrong", lang), classes="warning")
                yield Label(tr("report.violations", lang), classes="section")
                if card.violations:
                    yield OptionList(*(Option(parts.violation_option(i, report, lang), id=f"v{i}")
                                       for i in range(len(card.violations))), id="violations")
                else:
                    yield Static(tr("report.no_violations", lang), id="violations-none")
                yield Static(parts.tone(report, lang), id="tone")
                yield Static(parts.record(report, lang), id="record")
                yield Static(parts.outcome(report, lang), id="outcome")
                if report.moods:
                    from simulator.app.widgets.charts import LineChart

                    yield LineChart(report.moods, tr("report.mood_chart", lang), tr("report.mood_axis", lang),
                                    (-1.0, 1.0), id="mood-chart")
                yield Static(parts.reviews(report, lang), id="reviews")
            yield Transcript(lang, follow=False, id="report-transcript")
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("report.title", self.lang)
        self.sub_title = self.report.session_id or self.report.card.id
        transcript = self.query_one(Transcript)
        transcript.border_title = tr("report.transcript", self.lang)
        for turn in self.report.transcript["turns"]:
            transcript.add_turn(turn["speaker"], turn["text"])
        steps = self.query_one("#steps", OptionList)
        steps.focus()
        self.query_one("#tone").can_focus = self.trainer  # the tone verdict is a finding a trainer may review
        self.query_one("#reviews").display = bool(self.report.reviews)
        self.call_after_refresh(self.show_evidence, 0)

    def show_evidence(self, index: int) -> None:
        """Highlight the first evidence turn of step ``index`` (the first step when the report opens)."""
        steps = self.query_one("#steps", OptionList)
        option = steps.get_option_at_index(index)
        result = self.report.card.steps[parts._step(str(option.id))]
        if result.turns:
            self.query_one(Transcript).highlight(result.turns[0])

    @on(OptionList.OptionHighlighted, "#steps")
    def step_picked(self, event: OptionList.OptionHighlighted) -> None:
        self.show_evidence(event.option_index)

    @on(OptionList.OptionHighlighted, "#violations")
    def violation_picked(self, event: OptionList.OptionHighlighted) -> None:
        index = int(str(event.option.id)[1:])
        self.query_one(Transcript).highlight(self.report.card.violations[index].turn)

    # --- review (trainer) -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return self.trainer and self.report.session_id is not None
        return True

    def focused_finding(self) -> tuple[str, str]:
        """The finding under the cursor (step, violation, or the tone) as (key, description)."""
        focused = self.focused.id if self.focused is not None else None
        if focused == "violations":
            option = self.query_one("#violations", OptionList).highlighted_option
            if option is not None:
                return parts.violation_finding(self.report, int(str(option.id)[1:]), self.lang)
        if focused == "steps":
            option = self.query_one("#steps", OptionList).highlighted_option
            if option is not None:
                return parts.step_finding(str(option.id), self.services.step_titles(self.lang)[str(option.id)],
                                          self.report, self.lang)
        return parts.tone_finding(self.report, self.lang)

    def action_review(self) -> None:
        from simulator.app.screens.review import ReviewScreen

        finding, described = self.focused_finding()
        trainer = self.services.trainer_name()
        self.app.push_screen(localized(ReviewScreen, self.lang)(finding, described, trainer, self.lang),
                             self.save_review)

    def save_review(self, verdict: Verdict | None) -> None:
        if verdict is not None:
            self.store_review(verdict)

    @work(thread=True, exit_on_error=False, description="review")
    def store_review(self, verdict: Verdict) -> None:
        from simulator.app.trainer import data

        assert self.report.session_id is not None
        self.services.remember_trainer(verdict.trainer)
        reviews = data.add_review(self.services, self.report.session_id, verdict.finding, verdict.verdict,
                                  verdict.comment, verdict.trainer)
        self.app.call_from_thread(self.show_reviews, reviews)

    def show_reviews(self, reviews: tuple[dict[str, object], ...]) -> None:
        """Redraw what the reviews annotate: the findings' lines and the reviews list."""
        self.report = replace(self.report, reviews=reviews)
        report, lang = self.report, self.lang
        steps = self.query_one("#steps", OptionList)
        titles = self.services.step_titles(lang)
        for step, title in titles.items():
            steps.replace_option_prompt(step, parts.step_option(report, step, title, lang))
        for index in range(len(report.card.violations)):
            self.query_one("#violations", OptionList).replace_option_prompt(
                f"v{index}", parts.violation_option(index, report, lang))
        self.query_one("#tone", Static).update(parts.tone(report, lang))
        box = self.query_one("#reviews", Static)
        box.update(parts.reviews(report, lang))
        box.display = True
        self.notify(tr("review.saved", lang))

    # --- actions ---------------------------------------------------------------------------

    def action_retry(self) -> None:
        if self.report.spec is not None:
            self.app.retry(self.report.spec)  # type: ignore[attr-defined]

    def action_export(self) -> None:
        if self.report.session_id is None:
            self.notify(tr("report.not_stored", self.lang), severity="warning")
            return
        self.export()

    @work(thread=True, exit_on_error=False, description="export")
    def export(self) -> None:
        assert self.report.session_id is not None
        path = self.services.export(self.report.session_id)
        self.app.call_from_thread(self.notify, tr("report.exported", self.lang, path=str(path)), timeout=10)

    def action_progress(self) -> None:
        self.app.open_progress(self.app.trainee)  # type: ignore[attr-defined]

    def action_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()
