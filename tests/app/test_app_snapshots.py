"""Every screen at 100x30, in Chinese and English, as SVG snapshots (pytest-textual-snapshot).

One fixed call is played up to the screen being shot: the angry persona on the Yungang Bank
card, seed 7, two agent lines, then the record form, the report (a "refused" record filed)
and progress. What would differ between runs is pinned: the clock is still (conftest), the
session id and the stored start time are fixed, local time is UTC, the input cursor does not
blink and toasts are cleared before the shot.

    .venv/bin/pytest tests/app/test_app_snapshots.py --snapshot-update   # after a deliberate change
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from simulator.app.app import DebtsimApp
from simulator.practice import CallSpec

from .conftest import TRAINEE
from .pilot import settle

SIZE = (100, 30)
SCREENS = ("home", "call", "record", "report", "progress")
LINES = {
    "zh": ["您好，我是云港银行信用卡中心的小李，工号1234。请问是王磊先生吗？",
           "为了保护您的信息安全，麻烦您报一下身份证后四位。"],
    "en": ["Hello, this is Sam from Yungang Bank's credit card centre. Am I speaking with Mr Wang Lei?",
           "To protect your information, could you confirm the last four digits of your ID number?"],
}


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fixed session id, start time and time zone (the report's subtitle, progress's date column)."""
    monkeypatch.setattr("simulator.store.journal.new_session_id", lambda: "5e55100a0001")
    monkeypatch.setattr("simulator.store.journal.utcnow", lambda: datetime(2026, 3, 2, 11, 30))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()




async def play_to(pilot: Pilot, lang: str, screen: str) -> None:
    """Play the fixed call as far as ``screen``."""
    app = pilot.app
    await settle(pilot)  # the catalog and best scores are in
    if screen != "home":
        app.screen.begin(CallSpec("angry", "cn-card-wanglei", lang, None, 7), TRAINEE)  # type: ignore[attr-defined]
        await settle(pilot)  # the call screen is up and the debtor has picked up
        assert type(app.screen).__name__ == "CallScreen"
        for line in LINES[lang]:
            app.screen.query_one("#composer", Input).value = line
            await pilot.press("enter")
            await settle(pilot)
    if screen in ("record", "report", "progress"):
        await pilot.press("f4")
        await settle(pilot)
        assert type(app.screen).__name__ == "RecordScreen"
    if screen in ("report", "progress"):
        app.screen.query_one("#outcome", Select).value = "refused"
        app.screen.query_one("#notes", Input).value = "不肯还" if lang == "zh" else "won't pay"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReportScreen"
    if screen == "progress":
        await pilot.press("p")
        await settle(pilot)
        assert type(app.screen).__name__ == "ProgressScreen"
    for stacked in app.screen_stack:  # a focused input's cursor would blink in and out of the shot
        for widget in stacked.query(Input):
            widget.cursor_blink = False
    app.clear_notifications()  # "scoring…" and the like time out on the wall clock
    await pilot.pause()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screen(snap_compare, app_factory: Callable[..., DebtsimApp], lang: str, screen: str) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await play_to(pilot, lang, screen)

    assert snap_compare(app_factory(lang), terminal_size=SIZE, run_before=run_before)
