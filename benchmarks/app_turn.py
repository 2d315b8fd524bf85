"""The app's own cost per agent turn, on top of the engine: p50 / p99 in ms.

    python benchmarks/app_turn.py [--turns 20] [--runs 3]

A cooperative-customer script (tests/data/scripts/model-cooperative-zh.txt, its middle lines
repeated to make ``--turns`` agent turns) is played two ways with the same persona, case and
seed, so the debtor says the same words:

* **engine**: straight through :class:`~simulator.session.CallSession`, doing per turn what the
  app's worker asks of it: ``say`` + the whole reply text + ``scorecard()`` (the checklist);
* **app**: the real app headless (``App.run_test``, typing delay 0, a SQLite store in a temp
  folder), timed from the enter key reaching the app until the reply is in its bubble, the
  checklist shows the steps (the last message of a turn) and the screen is painted.

The overhead of a turn is its app time minus the engine's median time for the same turn:
Textual (the key, the bubbles, layout), the worker's thread hop, and journaling the turn to
the store. Both sides are warmed once first (the analyser caches every text it has seen).
Target: p50 and p99 under 20 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from simulator.catalog.search import load_catalog
from simulator.practice import CallSpec, new_session

SCRIPT = Path(__file__).resolve().parent.parent / "tests" / "data" / "scripts" / "model-cooperative-zh.txt"
SPEC = CallSpec("cooperative", "cn-card-wanglei", "zh", None, 11)


def agent_lines(turns: int) -> list[str]:
    """The script's agent lines, the middle ones repeated so there are ``turns`` of them, goodbye last."""
    lines = [s.strip() for s in SCRIPT.read_text("utf-8").splitlines()]
    lines = [s for s in lines if s and not s.startswith(("#", "/"))]
    opening, middle, goodbye = lines[:3], lines[3:-1], lines[-1]
    out = list(opening)
    while len(out) < turns - 1:
        out.append(middle[(len(out) - 3) % len(middle)])
    return [*out[: turns - 1], goodbye]


def engine_run(catalog, lines: list[str]) -> tuple[list[float], list[float], list[str]]:  # type: ignore[no-untyped-def]
    """Seconds per turn for the reply and for the checklist's scorecard; the replies."""
    session = new_session(catalog, SPEC)
    _ = session.pick_up().text
    reply_s, card_s, replies = [], [], []
    for line in lines:
        if session.over:
            break
        start = time.perf_counter()
        text = session.say(line).text
        mid = time.perf_counter()
        session.scorecard()
        card_s.append(time.perf_counter() - mid)
        reply_s.append(mid - start)
        replies.append(text)
    return reply_s, card_s, replies


async def app_run(catalog, lines: list[str]) -> tuple[list[float], list[str]]:  # type: ignore[no-untyped-def]
    """Seconds per turn in the app, from enter to the reply shown and the checklist updated; the replies."""
    from textual import events
    from textual.widgets import Input

    from simulator.app import AppSettings, make_app
    from simulator.app.widgets.call_panel import Checklist
    from simulator.app.widgets.transcript import Transcript
    from simulator.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "progress.db"))
        app = make_app(AppSettings(lang="zh", typing_delay=0.0, trainee="bench"), catalog=catalog, store=store)
        timings: list[float] = []
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            app.screen.begin(SPEC, "bench")  # type: ignore[attr-defined]
            while type(app.screen).__name__ != "CallScreen" or app.screen.busy:  # type: ignore[attr-defined]
                await app.workers.wait_for_complete()
                await pilot.pause()
            screen = app.screen
            composer, checklist = screen.query_one("#composer", Input), screen.query_one(Checklist)
            updated = asyncio.Event()
            set_done = checklist.set_done

            def set_done_and_tell(done: frozenset[str]) -> None:  # the last thing a turn does on screen
                set_done(done)
                updated.set()

            checklist.set_done = set_done_and_tell  # type: ignore[method-assign]
            # Keys go in as the driver sends them, not through Pilot.press: its idle waits are
            # sleeps of their own (tens of ms) that would be counted as the app's.
            for line in lines:
                if screen.call.session.over:  # type: ignore[attr-defined]
                    break
                composer.value = line
                updated.clear()
                start = time.perf_counter()
                app.post_message(events.Key("enter", "\r"))
                await asyncio.wait_for(updated.wait(), 30)
                screen._on_timer_update()  # paint now what the turn changed (else: the next frame)
                timings.append(time.perf_counter() - start)
                assert not screen.busy, "the reply was not finished"  # type: ignore[attr-defined]
            await app.workers.wait_for_complete()
            replies = [t.text for t in screen.query_one(Transcript).turns if t.speaker == "debtor"][1:]
            assert checklist.done, "the checklist was never updated"
        store.close()
    return timings, replies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["DEBTSIM_HOME"] = tempfile.mkdtemp(prefix="debtsim-bench-")  # the app remembers the trainee there
    catalog = load_catalog()
    lines = agent_lines(args.turns)
    engine_run(catalog, lines)
    asyncio.run(app_run(catalog, lines))  # warm both: imports, patterns, the analyser's text caches

    engine = [engine_run(catalog, lines) for _ in range(args.runs * 2)]
    replies = engine[0][2]
    reply_ms = [statistics.median(run[0][i] for run in engine) * 1000 for i in range(len(replies))]
    card_ms = [statistics.median(run[1][i] for run in engine) * 1000 for i in range(len(replies))]
    overhead, app_ms = [], []
    for _ in range(args.runs):
        timings, shown = asyncio.run(app_run(catalog, lines))
        assert shown == replies, "the app's debtor said something else than the engine's"
        for i, seconds in enumerate(timings):
            app_ms.append(seconds * 1000)
            overhead.append(seconds * 1000 - reply_ms[i] - card_ms[i])

    print(f"{len(replies)} agent turns x {args.runs} app runs, zh, {SPEC.persona} on {SPEC.case}, seed {SPEC.seed}")
    print("| per turn | p50 | p99 |")
    print("| --- | ---: | ---: |")
    for name, values in (("engine: reply", reply_ms), ("engine: checklist scorecard", card_ms),
                         ("app: enter to reply and checklist shown", app_ms), ("**app overhead**", overhead)):
        print(f"| {name} | {statistics.median(values):.1f} ms | {pct(values, 0.99):.1f} ms |")


if __name__ == "__main__":
    main()
