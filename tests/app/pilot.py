"""What every Pilot test of the app waits on, in one place."""

from __future__ import annotations

from textual.pilot import Pilot


async def settle(pilot: Pilot, rounds: int = 3) -> None:
    """Let every worker finish and every message it posted be handled.

    Three rounds: a worker's message may start another worker (a loaded list fills a
    detail pane, which loads its own data).
    """
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
