"""The trainer's cohort dashboard, reviews and assignments, driven by Pilot over a real SQLite store.

The store is seeded with real calls (``simulator.store.demo.seed_cohort`` plays them through
the engine and the scorer), so every figure on screen comes from the same path a trainee's
calls take.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Select, Static, TabbedContent

from simulator.app.screens.call import CallScreen
from simulator.app.screens.home import HomeScreen
from simulator.app.screens.progress import ProgressScreen
from simulator.app.screens.report import ReportScreen
from simulator.app.screens.review import ReviewScreen
from simulator.app.screens.trainer import TrainerScreen
from simulator.store import findings, queries
from simulator.store.demo import seed_cohort

from .pilot import settle

TRAINEES = ("王芳", "李强", "Alice", "Bob")
SIZE = (120, 40)




@pytest.fixture
def seeded(store, catalog):  # type: ignore[no-untyped-def]
    """Four trainees, four scored calls each, over the six days before today."""
    return seed_cohort(store, catalog, TRAINEES, calls_per=4, seed=3, end=datetime.now(UTC) + timedelta(days=1))


async def open_tab(pilot: Pilot, key: str, tab: str) -> TrainerScreen:
    await settle(pilot)
    await pilot.press("f10")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TrainerScreen)
    await pilot.press(key)
    await settle(pilot)
    assert screen.query_one(TabbedContent).active == tab
    return screen


def table_keys(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    return [str(row.value) for row in table.rows]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_dashboard_shows_one_row_per_trainee_with_store_figures(app_factory, store, seeded, lang) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(lang)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "f3", "cohort")
        table = screen.query_one("#cohort-table", DataTable)
        assert sorted(table_keys(table)) == sorted(TRAINEES)
        expected = {row["trainee"]: row for row in queries.cohort(store)}
        for trainee in TRAINEES:
            cells = [str(c) for c in table.get_row(trainee)]
            assert cells[1] == str(expected[trainee]["calls"])
            assert cells[3] == f"{expected[trainee]['avg_score']:.0f}"
        summary = str(screen.query_one("#cohort-summary", Static).render())
        assert str(sum(r["calls"] for r in expected.values())) in summary
        assert screen.query_one("#cohort-average-chart") is not None


async def test_dashboard_filters_by_persona_and_date(app_factory, store, seeded) -> None:  # type: ignore[no-untyped-def]
    app = app_factory("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "f3", "cohort")
        table = screen.query_one("#cohort-table", DataTable)
        persona = "angry"
        screen.query_one("#cohort-persona", Select).value = persona
        await settle(pilot)
        expected = {r["trainee"]: r["calls"] for r in queries.cohort(store, persona=persona)}
        assert expected and sum(expected.values()) < len(seeded)  # the filter really narrows
        assert {k: int(str(table.get_row(k)[1])) for k in table_keys(table)} == expected

        # A range in the future has no calls; a bad date is refused without losing the table.
        since = screen.query_one("#cohort-since", Input)
        since.value = (datetime.now() + timedelta(days=30)).date().isoformat()
        since.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert table.row_count == 0
        since.value = "2026-13-45"
        await pilot.press("enter")
        await settle(pilot)
        assert since.has_class("-invalid")


async def test_drill_down_review_round_trip(app_factory, store, seeded) -> None:  # type: ignore[no-untyped-def]
    """Trainer: cohort -> trainee -> call -> overturn a finding. Trainee: sees both verdicts."""
    app = app_factory("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "f3", "cohort")
        table = screen.query_one("#cohort-table", DataTable)
        trainee = "Bob"
        table.move_cursor(row=table_keys(table).index(trainee))
        await pilot.press("enter")
        await settle(pilot)
        progress = app.screen
        assert isinstance(progress, ProgressScreen) and progress.trainer and progress.trainee == trainee
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen) and report.trainer
        session_id = report.report.session_id
        assert session_id is not None

        # Review the first step, whatever the scorer said about it.
        report.query_one("#steps", OptionList).focus()
        await pilot.press("o")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ReviewScreen)
        await pilot.press("ctrl+s")  # no comment: refused, nothing stored
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert form.query_one("#comment-error", Static).has_class("-shown")
        form.query_one("#comment", Input).value = "Greeting was fine but no company name"
        form.query_one("#trainer", Input).value = "Coach Wu"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is report
        stored = queries.load_session(store, session_id)["reviews"]
        assert [(r["finding"], r["verdict"], r["trainer"]) for r in stored] == [
            (findings.step_key("identity"), "overturn", "Coach Wu")]
        steps_text = str(report.query_one("#steps", OptionList).get_option_at_index(0).prompt)
        assert "overturned by Coach Wu" in steps_text

    # The trainee opens the same call from their own progress: both verdicts, no review key.
    app = app_factory("en", trainee=trainee)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_progress(trainee)
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table_keys(table).index(session_id))
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen) and not report.trainer
        assert "Coach Wu" in str(report.query_one("#reviews", Static).render())
        assert "✗" in steps_text or "✓" in steps_text  # the scorer's own verdict is still shown
        assert report.check_action("review", ()) is False
        await pilot.press("o")
        await settle(pilot)
        assert app.screen is report


async def test_agreement_figures_on_dashboard(app_factory, store, seeded) -> None:  # type: ignore[no-untyped-def]
    loaded = queries.load_session(store, seeded[0])
    card = loaded["scorecard"]
    rule = card["violations"][0] if card["violations"] else None
    key = findings.violation_key(rule["rule"], rule["turn"]) if rule else findings.tone_key()
    queries.add_review(store, seeded[0], key, "overturn", "not a threat in context", "Coach Wu")
    queries.add_review(store, seeded[1], findings.step_key("closing"), "uphold", "right", "Coach Wu")
    app = app_factory("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "f3", "cohort")
        text = str(screen.query_one("#cohort-agreement", Static).render())
        assert "reviewed 2" in text and "overturned 1" in text and "50%" in text


async def test_assignment_reaches_trainee_home_and_is_done_after_the_call(app_factory, store, catalog) -> None:  # type: ignore[no-untyped-def]
    app = app_factory("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "f4", "assignments")
        screen.query_one("#assign-persona", Select).value = "cooperative"
        await settle(pilot)
        cases = screen.query_one("#assign-case", Select)
        cases.value = "us-card-turner"
        screen.query_one("#assign-difficulty", Select).value = "easy"
        screen.query_one("#assign-due", Input).value = "2030-01-31"
        screen.query_one("#assign-note", Input).value = "warm-up"
        screen.query_one("#assign-add").focus()
        await pilot.press("enter")
        await settle(pilot)
        table = screen.query_one("#assign-table", DataTable)
        assert table.row_count == 1
        rows = queries.list_assignments(store)
        assert [(r["persona"], r["case"], r["difficulty"], r["trainee"], r["note"]) for r in rows] == [
            ("cooperative", "us-card-turner", "easy", None, "warm-up")]

        # A bad due date is shown under the form and nothing is stored.
        screen.query_one("#assign-due", Input).value = "next week"
        screen.query_one("#assign-add").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one("#assign-error", Static).has_class("-shown")
        assert len(queries.list_assignments(store)) == 1

        await pilot.press("f10")  # home
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assigned = home.query_one("#assigned", OptionList)
        assert assigned.option_count == 1 and assigned.has_class("-some")
        assert "○" in str(assigned.get_option_at_index(0).prompt)
        assigned.focus()
        await pilot.press("enter")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, CallScreen)
        assert (call.call.spec.persona, call.call.spec.case, call.call.spec.difficulty) == (
            "cooperative", "us-card-turner", "easy")


async def test_assignment_done_marks_home(app_factory, store, catalog) -> None:  # type: ignore[no-untyped-def]
    from simulator.store.demo import play_call

    queries.add_assignment(store, "cooperative", "cn-card-wanglei", None, "小李", "Coach Wu")
    play_call(store, catalog, "小李", "cooperative", "good", "zh")  # on cn-card-wanglei
    app = app_factory("zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assigned = app.screen.query_one("#assigned", OptionList)
        assert assigned.option_count == 1
        assert "✓" in str(assigned.get_option_at_index(0).prompt)
        assert "0" in str(assigned.border_subtitle)
