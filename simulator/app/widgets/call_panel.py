"""The call screen's side panel: the clock, the case card, the five-step checklist, the mood meter.

Each widget renders plain data it is handed; none of them reads the session, so the same
widgets show a live call and a trainer's replay.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from simulator.app.words import tr
from simulator.catalog.models import Case
from simulator.voices.slots import money, product

STEP_MARKS = {True: ("✓", "green"), False: ("○", "dim")}


class CallClock(Static):
    """Time on the call, and the debtor's local time (calling hours are judged on it)."""

    def __init__(self, lang: str, elapsed: Callable[[], float], local: Callable[[], datetime], **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.lang, self._elapsed, self._local = lang, elapsed, local
        self._shown: tuple[str, str] | None = None

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        clock = tr("call.clock", self.lang, elapsed=mm_ss(self._elapsed()))
        local = tr("call.local", self.lang, time=self._local().strftime("%H:%M"))
        if (clock, local) == self._shown:
            return  # nothing new: no repaint at all
        first = self._shown is None
        self._shown = (clock, local)
        text = Text(clock, style="bold")
        text.append("\n" + local, style="dim")
        self.update(text, layout=first)  # two lines, always: only the first paint needs a layout


class CaseCard(Static):
    """What the agent knows before dialling: who, what, how much, how late, how to verify."""

    def __init__(self, case: Case, lang: str, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.case, self.lang = case, lang

    def on_mount(self) -> None:
        self.border_title = tr("call.case_card", self.lang)
        self.update(self.render_card())

    def render_card(self) -> Text:
        case, lang = self.case, self.lang
        rows: list[tuple[str, str]] = [
            (tr("call.name", lang), case.debtor_name.get(lang)),
            (tr("call.institution", lang), case.institution.get(lang)),
            (tr("call.product", lang), product(case.product, lang)),
            (tr("call.amount", lang), money(case.amount_due, case.currency, lang)),
        ]
        if case.minimum_payment is not None:
            rows.append((tr("call.minimum", lang), money(case.minimum_payment, case.currency, lang)))
        rows.append((tr("call.overdue", lang), tr("call.days", lang, days=case.days_overdue)))
        text = Text()
        width = max(cell_len(label) for label, _ in rows)
        for label, value in rows:
            text.append(label + " " * (width - cell_len(label) + 2), style="dim")
            text.append(f"{value}\n")
        text.append(tr("call.verify", lang), style="dim")
        for key, value in case.verification.model_dump(exclude_none=True).items():
            text.append("\n · " + tr(f"verify.{key}", lang, value=value))
        return text


class Checklist(Static):
    """The five steps, ticked as the analyser sees each done (hidden in exam mode)."""

    def __init__(self, lang: str, titles: dict[str, str], **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.lang, self.titles = lang, titles
        self.done: frozenset[str] = frozenset()

    def on_mount(self) -> None:
        self.border_title = tr("call.checklist", self.lang)
        self.show()

    def set_done(self, done: frozenset[str]) -> None:
        if done != self.done:
            self.done = done
            self.show(layout=False)  # five lines, always: a repaint, not a layout

    def show(self, layout: bool = True) -> None:
        text = Text()
        for i, (step, title) in enumerate(self.titles.items()):
            mark, style = STEP_MARKS[step in self.done]
            text.append(f"{mark} {i + 1}. {title}", style=style)
            if i < len(self.titles) - 1:
                text.append("\n")
        self.update(text, layout=layout)


class MoodMeter(Static):
    """The debtor's mood as a bar from furious (-1) to warm (+1)."""

    WIDTH = 20

    def __init__(self, lang: str, mood: float, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.lang, self.mood = lang, mood

    def on_mount(self) -> None:
        self.border_title = tr("call.mood", self.lang)
        self.set_mood(self.mood, layout=True)

    def set_mood(self, mood: float, layout: bool = False) -> None:
        """One line of fixed width: after the first paint, a repaint without a layout."""
        self.mood = mood
        filled = round((mood + 1) / 2 * self.WIDTH)
        style = "red" if mood < -0.3 else "yellow" if mood < 0.2 else "green"
        text = Text("█" * filled, style=style)
        text.append("░" * (self.WIDTH - filled), style="dim")
        text.append(f" {mood:+.2f}")
        self.update(text, layout=layout)


def mm_ss(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"
