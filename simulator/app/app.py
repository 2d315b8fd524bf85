"""The Textual app: screens, navigation and the command palette. Behaviour lives in the screens.

Navigation: home -> call (pushed) -> record (modal) -> report (replaces the call) ->
home or progress; progress -> report of any past call. Every screen's keys are in the
footer and, through :meth:`DebtsimApp.get_system_commands`, in the command palette.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial

from textual import on
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from simulator.app import messages as msg
from simulator.app.keys import localized
from simulator.app.services import Services
from simulator.app.words import tr
from simulator.practice import CallSpec


class DebtsimApp(App[None]):
    """debtsim's trainee app. Build it with :func:`simulator.app.make_app`."""

    CSS_PATH = "debtsim.tcss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.lang = services.settings.lang
        self.trainee = services.trainee()
        self.home_depth = 1  # screens below and including the current home screen

    def get_default_screen(self) -> Screen:
        from simulator.app.screens.home import HomeScreen

        self.title = tr("app.title", self.lang)
        return localized(HomeScreen, self.lang)(self.services, self.lang, self.trainee)

    def on_mount(self) -> None:
        if self.services.settings.trainer:
            self.open_trainer()

    def on_unmount(self) -> None:
        self.services.close()

    # --- navigation ------------------------------------------------------------------------

    def on_call_ready(self, message: msg.CallReady) -> None:
        from simulator.app.screens.call import CallScreen

        lang = message.call.spec.lang
        self.push_screen(localized(CallScreen, lang)(message.call, self.services, lang))

    def on_report_ready(self, message: msg.ReportReady) -> None:
        """A finished call replaces its call screen; a past call's report is pushed over progress."""
        from simulator.app.screens.call import CallScreen
        from simulator.app.screens.report import ReportScreen

        screen = localized(ReportScreen, self.lang)(message.report, self.services, self.lang, message.trainer)
        if isinstance(self.screen, CallScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_progress(self, trainee: str, trainer: bool = False) -> None:
        """A trainee's progress; a trainer's drill-down opens its reports in review mode."""
        from simulator.app.screens.progress import ProgressScreen

        if not trainer:
            self.trainee = trainee
        self.push_screen(localized(ProgressScreen, self.lang)(self.services, self.lang, trainee, trainer))

    def open_trainer(self, tab: str = "workbench") -> None:
        """The trainer's tabs (workbench, cohort, assignments) above home."""
        from simulator.app.screens.trainer import TrainerScreen

        self.push_screen(localized(TrainerScreen, self.lang)(self.services, self.lang, tab))

    def go_home(self) -> None:
        """Back to the (newest) home screen, closing whatever is above it."""
        while len(self.screen_stack) > self.home_depth:
            self.pop_screen()

    def retry(self, spec: CallSpec) -> None:
        """The same call again (same persona, case, difficulty and seed: the same debtor)."""
        self.go_home()
        self.screen.begin(spec, self.trainee)  # type: ignore[attr-defined]

    def switch_lang(self, lang: str, trainee: str, choice: CallSpec | None) -> None:
        """Say everything in ``lang``: the home screen is rebuilt with the same choices."""
        from simulator.app.screens.home import HomeScreen

        self.lang = lang
        self.title = tr("app.title", lang)
        self.trainee = trainee or self.trainee
        if choice is not None:
            choice = replace(choice, lang=lang)
        self.go_home()
        # Textual cannot switch away from the default screen (it has no result callback), so the
        # first home stays at the bottom, out of sight, and each language's home is pushed above it.
        if self.home_depth > 1:
            self.pop_screen()
        self.push_screen(localized(HomeScreen, lang)(self.services, lang, self.trainee, choice))
        self.home_depth = 2

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """Any screen's failed worker becomes one notice, in the trainee's language."""
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            text = error.message(self.lang) if hasattr(error, "message") else f"{type(error).__name__}: {error}"
            self.notify(tr("error.worker", self.lang, error=text), severity="error", timeout=10)

    # --- the command palette ---------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The current screen's keys first (in the trainee's language), then Textual's own."""
        seen = set()
        for binding in getattr(type(screen), "BINDINGS", ()):
            if binding.action in seen or not binding.description:
                continue
            seen.add(binding.action)
            yield SystemCommand(binding.description, binding.tooltip or binding.description,
                                partial(screen.run_action, binding.action))
        yield from super().get_system_commands(screen)
