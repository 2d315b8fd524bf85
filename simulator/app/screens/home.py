"""Home: who am I, which debtor, which case, how hard, which language and voice.

It paints at once, before the catalog and the store are ready (they load in a worker,
~0.9 s together), and it is the first screen even on the very first run: no modal before it.
"""

from __future__ import annotations

import gc
import random
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from simulator.app import messages as msg
from simulator.app.keys import Key
from simulator.app.services import Services
from simulator.app.words import tr
from simulator.i18n import LANGS
from simulator.practice import CallSpec

if TYPE_CHECKING:
    from simulator.catalog import Catalog

DIFFICULTIES = ("easy", "medium", "hard")


class HomeScreen(Screen[None]):
    """Pick a persona and a case and start (or resume) a call."""

    KEYS = (
        Key("f5", "start", "key.start"),
        Key("f6", "random", "key.random"),
        Key("f7", "resume", "key.resume"),
        Key("f8", "progress", "key.progress"),
        Key("f9", "switch_lang", "key.lang"),
        Key("f10", "trainer", "key.trainer"),
    )

    def __init__(self, services: Services, lang: str, trainee: str, choice: CallSpec | None = None) -> None:
        super().__init__()
        self.services, self.lang, self.trainee = services, lang, trainee
        self.choice = choice  # what was picked before a language switch
        self.catalog: Catalog | None = None
        self.best: dict[str, int] = {}
        self.assigned: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        lang = self.lang
        choice = self.choice
        yield Header()
        with Horizontal(id="home-body"):
            with Vertical(id="home-left"):
                yield Label(tr("home.trainee", lang))
                yield Input(self.trainee, placeholder=tr("home.trainee_placeholder", lang), id="trainee")
                yield Label(tr("home.difficulty", lang))
                yield Select([(tr(f"difficulty.{d}", lang), d) for d in DIFFICULTIES],
                             prompt=tr("home.default_difficulty", lang), id="difficulty",
                             value=choice.difficulty if choice and choice.difficulty else Select.NULL)
                yield Label(tr("home.lang", lang))
                yield Select([(tr(f"lang.{code}", lang), code) for code in LANGS], allow_blank=False,
                             value=lang, id="lang")
                yield Label(tr("home.voice", lang))
                yield Select([(tr("voice.template", lang), "template")], allow_blank=False, value="template",
                             id="voice")
                with Grid(id="home-buttons"):
                    yield Button(tr("home.start", lang), variant="primary", id="start")
                    yield Button(tr("home.random", lang), id="random")
                    yield Button(tr("home.resume", lang), id="resume")
                    yield Button(tr("home.progress", lang), id="progress")
            with Vertical(id="home-right"):
                assigned = OptionList(id="assigned")
                assigned.border_title = tr("home.assigned", lang)
                yield assigned
                personas = OptionList(id="personas")
                personas.border_title = tr("home.persona", lang)
                yield personas
                cases = OptionList(id="cases")
                cases.border_title = tr("home.case", lang)
                yield cases
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("home.title", self.lang)
        self.query_one("#personas").loading = True
        self.load()

    # --- loading ---------------------------------------------------------------------------

    @work(thread=True, group="load", exit_on_error=False, description="catalog and progress")
    def load(self) -> None:
        catalog = self.services.catalog
        voices = self.services.voice_names()
        try:
            best = self.services.best_scores(self.trainee) if self.trainee else {}
        except Exception:  # the store may be down; the home screen still works without scores
            best = {}
        self.app.call_from_thread(self.fill, catalog, best, voices)
        self.load_assigned(self.trainee)

    def on_screen_resume(self) -> None:
        """Back from a call or a trainer's tab: what is done (and assigned) may have changed."""
        if self.catalog is not None and self.services.catalog is not self.catalog:
            self.load()  # the trainer's workbench reloaded the catalog: new and fixed personas
        elif self.catalog is not None:
            self.load_assigned(self.trainee_value())

    @on(Input.Submitted, "#trainee")
    def trainee_entered(self, event: Input.Submitted) -> None:
        self.load_assigned(event.value.strip())

    @work(thread=True, group="assigned", exclusive=True, exit_on_error=False, description="assignments")
    def load_assigned(self, trainee: str) -> None:
        try:
            rows = self.services.assigned_to(trainee) if trainee else []
        except Exception:  # as above: assignments are a help, never a reason the home screen fails
            rows = []
        self.app.call_from_thread(self.show_assigned, rows)

    def show_assigned(self, rows: list[dict[str, Any]]) -> None:
        """What the trainer assigned: to do first (○), then done (✓ with the best score)."""
        self.assigned = rows
        box = self.query_one("#assigned", OptionList)
        box.clear_options()
        box.set_class(bool(rows), "-some")
        lang = self.lang
        todo = sum(1 for r in rows if not r["done"])
        box.border_subtitle = tr("home.assigned_count", lang, todo=todo, total=len(rows))
        for index, row in enumerate(rows):
            text = Text()
            text.append("✓ " if row["done"] else "○ ", style="green" if row["done"] else "yellow bold")
            text.append(f"{row['persona']} · {row['case']}", style="dim" if row["done"] else "bold")
            if row.get("difficulty"):
                text.append(" · " + tr(f"difficulty.{row['difficulty']}", lang), style="yellow")
            if row.get("due"):
                text.append(" · " + tr("home.due", lang, due=str(row["due"])), style="dim")
            if row["done"] and row.get("score") is not None:
                text.append(" · " + tr("home.best", lang, score=row["score"]), style="green")
            if row.get("note"):
                text.append(f"  {row['note']}", style="italic dim")
            box.add_option(Option(text, id=f"a{index}"))
        if rows:
            box.highlighted = 0  # the first still to do (they come first)

    @on(OptionList.OptionSelected, "#assigned")
    def assigned_picked(self, event: OptionList.OptionSelected) -> None:
        """Start the assigned call at the assigned difficulty."""
        from dataclasses import replace

        row = self.assigned[int(str(event.option.id)[1:])]
        name = self.ask_name()
        if name is None or self.catalog is None:
            return
        if row["persona"] not in self.catalog.personas or row["case"] not in self.catalog.cases:
            self.notify(tr("home.assigned_missing", self.lang, persona=row["persona"], case=row["case"]),
                        severity="warning")
            return
        spec = self.spec_for(row["persona"], row["case"])
        self.begin(replace(spec, difficulty=row.get("difficulty") or spec.difficulty), name)

    def fill(self, catalog: Catalog, best: dict[str, int], voices: list[str]) -> None:
        self.catalog, self.best = catalog, best
        personas = self.query_one("#personas", OptionList)
        personas.loading = False
        personas.clear_options()
        personas.add_options([Option(self.persona_card(pid), id=pid) for pid in sorted(catalog.personas)])
        voice = self.query_one("#voice", Select)
        voice.set_options([(tr(f"voice.{v}", self.lang) if v in ("template", "local", "remote") else v, v)
                           for v in voices])
        wanted = self.choice.voice if self.choice else self.services.default_voice()
        voice.value = wanted if wanted in voices else "template"
        if self.services.voice_problem:
            self.notify(tr("home.voice_config", self.lang, error=self.services.voice_problem), severity="warning",
                        timeout=10)
        if self.choice and self.choice.persona in catalog.personas:
            personas.highlighted = personas.get_option_index(self.choice.persona)
        elif catalog.personas:
            personas.highlighted = 0
        if catalog.problems.errors:
            self.notify(tr("home.catalog_problems", self.lang, count=len(catalog.problems.errors)),
                        severity="warning", timeout=8)

    def persona_card(self, persona_id: str) -> Text:
        persona = self.catalog.persona(persona_id) if self.catalog else None
        assert persona is not None
        lang = self.lang
        text = Text()
        text.append(persona.name.get(lang), style="bold")
        text.append(" · ", style="dim")
        text.append(persona_id, style="cyan")
        text.append(" · ", style="dim")
        text.append(tr(f"difficulty.{persona.difficulty}", lang), style="yellow")
        best = self.best.get(persona_id)
        text.append(" · ", style="dim")
        text.append((tr("home.best", lang, score=best) if best is not None else tr("home.never", lang)),
                    style="green" if best is not None else "dim")
        text.append("\n" + persona.summary.get(lang), style="dim")
        return text

    def case_line(self, case_id: str, persona_id: str | None) -> Text:
        from simulator.voices.slots import money, product  # the debtor engine: not before the first paint

        assert self.catalog is not None
        case = self.catalog.case(case_id)
        lang = self.lang
        text = Text()
        if persona_id in case.personas:
            text.append("★ ", style="green")
        text.append(case.title.get(lang), style="bold")
        text.append(" · ", style="dim")
        text.append(case_id, style="cyan")
        text.append("\n" + tr("case.line", lang, product=product(case.product, lang),
                              amount=money(case.amount_due, case.currency, lang), days=case.days_overdue,
                              jurisdiction=case.jurisdiction.value), style="dim")
        return text

    @on(OptionList.OptionHighlighted, "#personas")
    def persona_changed(self, event: OptionList.OptionHighlighted) -> None:
        """Cases that suit the persona first, marked ★; the rest after them."""
        if self.catalog is None:
            return
        persona_id = event.option.id
        cases = self.query_one("#cases", OptionList)
        keep = cases.highlighted_option.id if cases.highlighted_option else (self.choice.case if self.choice else None)
        order = sorted(self.catalog.cases, key=lambda c: (persona_id not in self.catalog.cases[c].model.personas, c))
        cases.clear_options()
        cases.add_options([Option(self.case_line(cid, persona_id), id=cid) for cid in order])
        cases.highlighted = order.index(keep) if keep in order else 0

    # --- choices ---------------------------------------------------------------------------

    def spec(self) -> CallSpec | None:
        """The picked persona and case, or ``None`` while either is missing."""
        personas, cases = self.query_one("#personas", OptionList), self.query_one("#cases", OptionList)
        if personas.highlighted_option is None or cases.highlighted_option is None:
            return None
        return self.spec_for(str(personas.highlighted_option.id), str(cases.highlighted_option.id))

    def spec_for(self, persona_id: str, case_id: str) -> CallSpec:
        """``persona_id`` on ``case_id`` with the difficulty, language and voice chosen here."""
        difficulty = self.query_one("#difficulty", Select).value
        return CallSpec(persona_id, case_id, str(self.query_one("#lang", Select).value),
                        None if difficulty is Select.NULL else str(difficulty), self.services.settings.seed,
                        str(self.query_one("#voice", Select).value), self.services.settings.max_minutes)

    def ask_name(self) -> str | None:
        name = self.query_one("#trainee", Input).value.strip()
        if not name:
            self.notify(tr("home.need_name", self.lang), severity="warning")
            self.query_one("#trainee", Input).focus()
            return None
        return name

    @on(Button.Pressed, "#start")
    @on(OptionList.OptionSelected, "#cases")
    def action_start(self) -> None:
        spec, name = self.spec(), self.ask_name()
        if name is None:
            return
        if spec is None:
            self.notify(tr("home.need_pick", self.lang), severity="warning")
            return
        self.begin(spec, name)

    @on(OptionList.OptionSelected, "#personas")
    def persona_picked(self) -> None:
        self.query_one("#cases", OptionList).focus()

    @on(Button.Pressed, "#random")
    def action_random(self) -> None:
        """A drill: any persona, with a case that suits it, at the chosen difficulty and language."""
        name = self.ask_name()
        if name is None or self.catalog is None or not self.catalog.personas:
            return
        rng = random.SystemRandom()
        persona_id = rng.choice(sorted(self.catalog.personas))
        suited = [c for c, e in sorted(self.catalog.cases.items()) if persona_id in e.model.personas]
        case_id = rng.choice(suited or sorted(self.catalog.cases))
        self.begin(self.spec_for(persona_id, case_id), name)

    def begin(self, spec: CallSpec, name: str) -> None:
        self.trainee = self.app.trainee = name  # type: ignore[attr-defined]
        self.start_call(spec, name)

    @work(thread=True, group="call", exclusive=True, exit_on_error=False, description="starting the call")
    def start_call(self, spec: CallSpec, name: str) -> None:
        self.services.remember(name)
        call = self.services.start(spec, name)
        self.services.step_titles(spec.lang)  # warm the rubric before the call screen composes
        settle_heap()
        self.post_message(msg.CallReady(call))

    @on(Button.Pressed, "#resume")
    def action_resume(self) -> None:
        name = self.ask_name()
        if name is None:
            return
        from simulator.app.keys import localized
        from simulator.app.screens.resume import ResumeScreen

        self.app.push_screen(localized(ResumeScreen, self.lang)(self.services, self.lang, name), self.resume_picked)

    def resume_picked(self, session_id: str | None) -> None:
        if session_id:
            self.trainee = self.app.trainee = self.trainee_value() or self.trainee  # type: ignore[attr-defined]
            self.resume_call(session_id)

    @work(thread=True, group="call", exclusive=True, exit_on_error=False, description="resuming the call")
    def resume_call(self, session_id: str) -> None:
        call = self.services.resume(session_id)
        self.services.step_titles(call.spec.lang)
        settle_heap()
        self.post_message(msg.CallReady(call))

    @on(Button.Pressed, "#progress")
    def action_progress(self) -> None:
        name = self.ask_name()
        if name is not None:
            self.app.open_progress(name)  # type: ignore[attr-defined]

    def action_trainer(self) -> None:
        self.app.open_trainer()  # type: ignore[attr-defined]

    @on(Select.Changed, "#voice")
    def voice_changed(self, event: Select.Changed) -> None:
        """A model voice picked (or preselected): load it now, in a worker, with its progress shown."""
        if event.value not in (Select.NULL, "template"):
            self.prepare_voice(str(event.value))

    @work(thread=True, group="voice", exclusive=True, exit_on_error=False, description="loading the voice")
    def prepare_voice(self, name: str) -> None:
        def progress(line: str) -> None:
            self.app.call_from_thread(self.notify, line, title=name, timeout=4)

        problem = self.services.prepare_voice(name, progress)
        if problem:
            self.app.call_from_thread(self.notify, tr("home.voice_unavailable", self.lang, voice=name, reason=problem),
                                      severity="warning", timeout=10)

    @on(Select.Changed, "#lang")
    def lang_changed(self, event: Select.Changed) -> None:
        if event.value != self.lang and event.value in LANGS:
            self.app.switch_lang(str(event.value), self.trainee_value(), self.spec())  # type: ignore[attr-defined]

    def action_switch_lang(self) -> None:
        other = "en" if self.lang == "zh" else "zh"
        self.app.switch_lang(other, self.trainee_value(), self.spec())  # type: ignore[attr-defined]

    def trainee_value(self) -> str:
        return self.query_one("#trainee", Input).value.strip()


def settle_heap() -> None:
    """Collect now and freeze what is left (catalog, engine, Textual), before a call starts.

    A full collection walks every object: with all that loaded it took 140-190 ms on a
    2-core VM, and it fell in the middle of the call, as a hitch after a turn. Frozen
    objects are skipped by later collections; the previous freeze is undone first, so
    what an earlier call left behind can still be freed.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
