"""A trainee's whole way through the real app, driven by Pilot, with a real SQLite store.

Name -> persona -> case -> the call -> end -> record -> report -> progress, in Chinese and
English; the report must show exactly what ``scoring.score`` gives for the stored call.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Select, Static

from scoring import score
from simulator.app.screens.call import CallScreen
from simulator.app.screens.home import HomeScreen
from simulator.app.screens.progress import ProgressScreen
from simulator.app.screens.record import RecordScreen
from simulator.app.screens.report import ReportScreen
from simulator.app.screens.resume import ResumeScreen
from simulator.app.widgets.call_panel import Checklist
from simulator.app.widgets.transcript import Transcript
from simulator.store import queries
from simulator.voices.base import VoiceRequest

from .pilot import settle

SCRIPTS = Path(__file__).resolve().parent.parent / "data" / "scripts"
SIZE = (100, 30)


def script_lines(lang: str) -> list[str]:
    lines = (SCRIPTS / f"model-cooperative-{lang}.txt").read_text("utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith(("#", "/"))]




async def type_name(pilot: Pilot, name: str) -> None:
    field = pilot.app.screen.query_one("#trainee", Input)
    field.value = ""
    field.focus()
    await pilot.press(*name)


async def pick(pilot: Pilot, list_id: str, option_id: str) -> None:
    """Move through an option list with the arrow keys to ``option_id`` and press enter."""
    options = pilot.app.screen.query_one(f"#{list_id}", OptionList)
    options.focus()
    await pilot.pause()
    for _ in range(options.option_count):
        if options.highlighted_option is not None and options.highlighted_option.id == option_id:
            break
        await pilot.press("down")
    assert options.highlighted_option is not None and options.highlighted_option.id == option_id
    await pilot.press("enter")


async def say(pilot: Pilot, text: str) -> None:
    composer = pilot.app.screen.query_one("#composer", Input)
    composer.value = text
    composer.focus()
    await pilot.press("enter")
    await settle(pilot)


async def start_call(pilot: Pilot, persona: str, case: str, name: str = "小李") -> CallScreen:
    await settle(pilot)
    assert isinstance(pilot.app.screen, HomeScreen)
    await type_name(pilot, name)
    await pick(pilot, "personas", persona)
    await pick(pilot, "cases", case)  # enter on a case starts the call
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CallScreen), type(screen)
    return screen


def without_id(card: dict) -> dict:  # type: ignore[type-arg]
    """A scorecard without its id (the store files a call's card under its session id)."""
    return {k: v for k, v in card.items() if k != "id"}


def turn_texts(screen) -> list[str]:  # type: ignore[no-untyped-def]
    return screen.query_one(Transcript).texts


@pytest.mark.parametrize(("lang", "case", "amount", "day"),
                         [("zh", "cn-card-wanglei", "2900", "2026-03-07"), ("en", "us-card-turner", "1100", "2026-03-09")])
async def test_a_whole_call_from_home_to_progress(app_factory, store, lang: str, case: str, amount: str,
                                                  day: str) -> None:
    app = app_factory(lang, trainee=None, seed=0)
    async with app.run_test(size=SIZE) as pilot:
        call = await start_call(pilot, "cooperative", case)
        assert len(turn_texts(call)) == 1, "the debtor picks up first"
        for line in script_lines(lang):
            await say(pilot, line)
        shown = turn_texts(call)
        assert len(shown) == 1 + 2 * len(script_lines(lang))
        assert call.query_one(Checklist).done >= {"identity", "reminder", "negotiation"}

        await pilot.press("f4")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RecordScreen)
        outcome = form.query_one("#outcome", Select)
        outcome.focus()
        await pilot.press("enter")  # open the drop-down; promise_to_pay is the first outcome
        await pilot.press("down", "enter")
        assert outcome.value == "promise_to_pay"
        for field, value in (("amount", amount), ("date", day)):
            form.query_one(f"#{field}", Input).focus()
            await pilot.press(*value)
        await pilot.press("ctrl+s")
        await settle(pilot)

        report = app.screen
        assert isinstance(report, ReportScreen)
        rows = queries.list_sessions(store, "小李")
        assert [r["status"] for r in rows] == ["complete"]
        loaded = queries.load_session(store, rows[0]["id"])
        stored = queries.transcript_of(loaded)
        assert [t["text"] for t in stored["turns"]] == shown
        assert stored["record"] == {"outcome": "promise_to_pay", "promised_amount": float(amount),
                                    "promised_date": day}
        expected = score(stored).to_dict()
        shown_card = report.report.card.to_dict()
        assert without_id(shown_card) == without_id(expected)
        overall = str(report.query_one("#overall", Static).render())
        assert f"{expected['overall']['score']}/100" in overall
        steps = report.query_one("#steps", OptionList)
        for index, (step, result) in enumerate(expected["steps"].items()):
            prompt = str(steps.get_option_at_index(index).prompt)
            mark = "–" if not result["applicable"] else "✓" if result["done"] else "✗"
            assert prompt.startswith(mark), (step, prompt)

        await pilot.press("x")  # export this call as JSON
        await settle(pilot)
        exported = json.loads((Path(os.environ["DEBTSIM_HOME"]) / "exports" / f"{rows[0]['id']}.json").read_text("utf-8"))
        assert without_id(exported["scorecard"]) == without_id(shown_card)
        assert exported["record"] == stored["record"]

        await pilot.press("p")
        await settle(pilot)
        progress = app.screen
        assert isinstance(progress, ProgressScreen)
        table = progress.query_one(DataTable)
        assert table.row_count == 1, (str(progress.query_one("#progress-summary", Static).render()), [w.error for w in app.workers])
        assert table.get_row_at(0)[3] == str(expected["overall"]["score"])
        await pilot.press("enter")  # a past call's report, exactly as it was scored
        await settle(pilot)
        replay = app.screen
        assert isinstance(replay, ReportScreen) and replay is not report
        assert without_id(replay.report.card.to_dict()) == without_id(shown_card)
        assert len(replay.report.moods) == len(report.report.moods) > 1


async def test_selecting_a_step_highlights_its_evidence_turn(app_factory) -> None:
    app = app_factory("zh", seed=0)
    async with app.run_test(size=SIZE) as pilot:
        await start_call(pilot, "cooperative", "cn-card-wanglei")
        for line in script_lines("zh")[:3]:
            await say(pilot, line)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("escape")  # no record
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        identity = report.report.card.steps[next(iter(report.report.card.steps))]
        assert identity.done and identity.turns
        transcript = report.query_one(Transcript)
        assert transcript.highlighted == identity.turns[0]
        first, count = transcript._spans[identity.turns[0]]
        assert transcript.scroll_y <= first < transcript.scroll_y + transcript.size.height, "scrolled into view"


async def test_the_debtor_hangs_up_and_the_record_form_opens(app_factory, store) -> None:
    app = app_factory("zh", seed=1)
    async with app.run_test(size=SIZE) as pilot:
        call = await start_call(pilot, "angry", "cn-card-wanglei")
        for line in ["你个老赖，再不还钱我们就上门找你家里人！", "喂？还在吗？我还没说完"]:
            if call.call.session.hung_up:
                break
            await say(pilot, line)
        assert call.call.session.hung_up
        await pilot.pause(2.0)  # the screen says so, then moves on
        await settle(pilot)
        assert isinstance(app.screen, RecordScreen)


async def test_a_bad_date_is_shown_inline_and_nothing_typed_is_lost(app_factory) -> None:
    app = app_factory("en", seed=2)
    async with app.run_test(size=SIZE) as pilot:
        await start_call(pilot, "cooperative", "cn-card-wanglei")
        await say(pilot, "Hello, this is Sam from Yungang Bank. Am I speaking with Wang Lei?")
        await pilot.press("f4")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RecordScreen)
        form.query_one("#outcome", Select).value = "callback"
        typed = {"amount": "500", "date": "2026-02-30", "notes": "call back tonight"}
        for field, value in typed.items():
            form.query_one(f"#{field}", Input).focus()
            await pilot.press(*value)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "a bad date keeps the form open"
        error = form.query_one("#date-error", Static)
        assert error.has_class("-shown") and "2026-02-30" in str(error.render())
        assert {f: form.query_one(f"#{f}", Input).value for f in typed} == typed
        assert form.query_one("#outcome", Select).value == "callback"
        date_field = form.query_one("#date", Input)
        date_field.value = "2026-03-05"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.report.transcript["record"] == {"outcome": "callback", "promised_amount": 500.0,
                                                          "promised_date": "2026-03-05", "notes": "call back tonight"}


async def test_a_call_cut_off_when_the_app_closed_is_resumed(app_factory, store) -> None:
    first = app_factory("zh", seed=5)
    async with first.run_test(size=SIZE) as pilot:
        await start_call(pilot, "cooperative", "cn-card-wanglei")
        for line in script_lines("zh")[:2]:
            await say(pilot, line)
        before = turn_texts(first.screen)
    rows = queries.list_sessions(store, "小李")
    assert [r["status"] for r in rows] == ["abandoned"] and rows[0]["turns"] == len(before)

    second = app_factory("zh", seed=5)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert isinstance(second.screen, ResumeScreen)
        await pilot.press("enter")
        await settle(pilot)
        call = second.screen
        assert isinstance(call, CallScreen)
        assert turn_texts(call) == before
        await say(pilot, script_lines("zh")[2])
        assert len(turn_texts(call)) == len(before) + 2
    rows = queries.list_sessions(store, "小李")
    assert rows[0]["turns"] == len(before) + 2


class SlowVoice:
    """A model-like voice that takes 0.25 s per chunk."""

    name = "slow"
    CHUNKS = ("喂，", "你好，", "哪位", "啊？")

    def stream(self, request: VoiceRequest) -> Iterator[str]:
        for chunk in self.CHUNKS:
            time.sleep(0.25)
            yield chunk


async def test_the_input_takes_keys_while_a_slow_voice_streams(app_factory) -> None:
    app = app_factory("zh", voices={"slow": SlowVoice}, seed=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#voice", Select).value = "slow"
        await type_name(pilot, "小李")
        await pick(pilot, "personas", "cooperative")
        await pick(pilot, "cases", "cn-card-wanglei")
        for _ in range(50):  # wait for the call screen, not for the reply
            await pilot.pause(0.05)
            if isinstance(app.screen, CallScreen):
                break
        call = app.screen
        assert isinstance(call, CallScreen)
        composer = call.query_one("#composer", Input)
        composer.focus()
        await pilot.press("您", "好")
        assert call.busy, "the reply is still streaming"
        assert composer.value == "您好"
        await settle(pilot)
        assert not call.busy
        assert turn_texts(call)[0] == "".join(SlowVoice.CHUNKS)
        assert composer.value == "您好", "typed text survives the reply"


async def test_f1_gives_a_coaching_tip_and_the_palette_lists_the_screen_keys(app_factory) -> None:
    from textual.notifications import Notify

    app = app_factory("zh", seed=4)
    seen: list[object] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        call = await start_call(pilot, "cooperative", "cn-card-wanglei")
        await say(pilot, "您好，我是云港银行信用卡中心的小李，请问是王磊先生吗？")
        await pilot.press("f1")
        await settle(pilot)
        tips = [m.notification.message for m in seen if isinstance(m, Notify)]
        assert any(tip.startswith("提示：") for tip in tips), tips
        titles = [command.title for command in app.get_system_commands(call)]
        assert titles[:4] == ["提示", "结束通话", "五步清单", "情绪表"]


async def test_the_checklist_and_mood_meter_toggle_and_exam_mode_hides_the_checklist(app_factory) -> None:
    app = app_factory("en", seed=4, exam=True)
    async with app.run_test(size=SIZE) as pilot:
        call = await start_call(pilot, "angry", "cn-card-wanglei")
        checklist, meter = call.query_one("#checklist"), call.query_one("#mood")
        assert not checklist.display and meter.display
        await pilot.press("f2", "f3")
        assert checklist.display and not meter.display


async def test_first_run_opens_home_with_an_empty_name_and_asks_for_one(app_factory) -> None:
    app = app_factory("zh", trainee=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), "no modal before home, even on a first run"
        assert app.screen.query_one("#trainee", Input).value == ""
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), "no call without a name"
        assert app.screen.query_one("#trainee", Input).has_focus


async def test_switching_language_keeps_the_choices_and_speaks_english(app_factory) -> None:
    app = app_factory("zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pick(pilot, "personas", "hardship")
        await pilot.press("f9")
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen) and home.lang == "en"
        assert home.query_one("#personas", OptionList).highlighted_option.id == "hardship"
        assert "Persona" in str(home.query_one("#personas").border_title)
        assert [c.title for c in app.get_system_commands(home)][:2] == ["Start", "Random"]
        await pick(pilot, "cases", "cn-card-wanglei")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen) and app.screen.call.session.lang == "en"


async def test_a_random_drill_starts_a_call_with_a_case_written_for_the_persona(app_factory, catalog) -> None:
    app = app_factory("zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, CallScreen)
        session = call.call.session
        suited = [c for c, e in catalog.cases.items() if session.persona.id in e.model.personas]
        assert not suited or session.case.id in suited


async def test_a_withdrawn_model_reply_is_replaced_in_the_transcript(app_factory) -> None:
    """A remote reply that promises what the policy did not is erased from its bubble; the template's words stay."""
    from voices.sse_server import Answer, serving

    from simulator.voices.remote import RemoteVoice

    promise = ("喂，", "您好，", "我明天就把12350元", "全部还清。")
    with serving(Answer(chunks=promise)) as (url, _):
        voices = {"remote": lambda: RemoteVoice(url, "m", first_token_timeout=2.0, read_timeout=2.0)}
        app = app_factory("zh", voices=voices, seed=3)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.screen.query_one("#voice", Select).value = "remote"
            call = await start_call(pilot, "cooperative", "cn-card-wanglei")
            await settle(pilot)
            kept = call.call.session.turns[0]
            assert kept["voice"] == "template" and kept["fallback"].startswith("guard: ")
            assert turn_texts(call)[0] == kept["text"]
            assert "12350" not in turn_texts(call)[0] and not turn_texts(call)[0].startswith("喂，您好，我明天")
