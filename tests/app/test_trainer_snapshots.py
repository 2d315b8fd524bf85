"""The workbench and a test call at 100x30, in Chinese and English (pytest-textual-snapshot).

Built-in catalog only, read from disk; the working folder is the repository root so files
show as ``personas/abusive.yaml`` on any machine. The test call is the angry persona with
seed 7, after an opening and a threat: the panel shows the hang-up and why.

    .venv/bin/pytest tests/app/test_trainer_snapshots.py --snapshot-update   # after a deliberate change
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from simulator.app import AppSettings, make_app
from simulator.store.core import Store

from .conftest import TRAINEE, StillClock
from .pilot import settle

REPO = Path(__file__).resolve().parents[2]

SIZE = (100, 30)
LINES = {
    "zh": ["您好，我是云港银行信用卡中心的小李。请问是王磊先生吗？", "你再不还钱我们就上门找你，让你好看！"],
    "en": ["Hello, this is Sam from Yungang Bank. Am I speaking with Mr Wang Lei?",
           "Pay now or we'll come to your house and you'll regret it."],
}




async def play_to(pilot: Pilot, lang: str, screen: str) -> None:
    app = pilot.app
    await settle(pilot)
    await pilot.press("f10")
    await settle(pilot)
    if screen == "test_call":
        table = app.screen.query_one("#wb-table", DataTable)
        table.move_cursor(row=[str(k.value) for k in table.rows].index("persona:angry"))
        await pilot.press("t")
        await settle(pilot)
        for line in LINES[lang]:
            app.screen.query_one("#composer", Input).value = line
            await pilot.press("enter")
            await settle(pilot)
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("screen", ["workbench", "test_call"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_trainer_screen(snap_compare, monkeypatch: pytest.MonkeyPatch, store: Store, clock: StillClock,  # type: ignore[no-untyped-def]
                        lang: str, screen: str) -> None:
    monkeypatch.chdir(REPO)
    app = make_app(AppSettings(lang=lang, typing_delay=0.0, trainee=TRAINEE, seed=7), store=store, clock=clock)

    async def run_before(pilot: Pilot) -> None:
        await play_to(pilot, lang, screen)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
