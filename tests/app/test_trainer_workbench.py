"""The trainer's workbench and test call, through the real app with real catalog files.

The app is built by ``make_app`` with ``catalog_dirs`` pointing at a temporary trainer
catalog (no injected catalog), so what a trainer saves is what the workbench reads: a broken
persona shows its ``debtsim check`` line while the rest still list, and a fix clears it on
the next poll. The test call shows the debtor's hidden state with the policy's reason and
stores nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from scoring.loading.problems import display_path
from simulator.app import AppSettings, make_app
from simulator.app.app import DebtsimApp
from simulator.app.screens.home import HomeScreen
from simulator.app.screens.test_call import TestCallScreen
from simulator.app.screens.trainer import TrainerScreen
from simulator.app.trainer import workbench
from simulator.app.trainer.new_entry import NewEntryScreen
from simulator.app.trainer.workbench import Workbench
from simulator.app.widgets.debtor_state import DebtorStatePanel
from simulator.store import queries
from simulator.store.core import Store

from .conftest import TRAINEE, StillClock
from .pilot import settle

SIZE = (100, 30)
THREAT = {"zh": "你再不还钱我们就上门找你，让你好看！", "en": "Pay now or we'll come to your house and you'll regret it."}
OPENING = {"zh": "您好，我是云港银行信用卡中心的小李。请问是王磊先生吗？",
           "en": "Hello, this is Sam from Yungang Bank. Am I speaking with Mr Wang Lei?"}


@pytest.fixture
def trainer_catalog(tmp_path: Path) -> Path:
    root = tmp_path / "trainer-catalog"
    (root / "personas").mkdir(parents=True)
    (root / "scenarios").mkdir()
    return root


@pytest.fixture
def build(trainer_catalog: Path, store: Store, clock: StillClock) -> Callable[..., DebtsimApp]:
    """The app reading the built-in catalog plus ``trainer_catalog`` from disk (nothing injected)."""
    def make(lang: str = "zh", **settings: object) -> DebtsimApp:
        return make_app(AppSettings(lang=lang, typing_delay=0.0, trainee=TRAINEE, catalog_dirs=(trainer_catalog,),
                                    seed=7, **settings), store=store, clock=clock)  # type: ignore[arg-type]
    return make




async def open_workbench(pilot: Pilot) -> Workbench:
    await settle(pilot)
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("f10")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TrainerScreen)
    return pilot.app.screen.query_one(Workbench)


async def after_poll(pilot: Pilot) -> None:
    """Wait for the next catalog poll and the reload it starts."""
    await pilot.pause(workbench.POLL_S + 0.4)
    await settle(pilot)


def rows(bench: Workbench) -> dict[str, list[str]]:
    table = bench.query_one("#wb-table", DataTable)
    return {str(key.value): [str(cell) for cell in table.get_row(key)] for key in table.rows}


def problem_lines(bench: Workbench) -> list[str]:
    box = bench.query_one("#wb-problems", OptionList)
    return [str(box.get_option_at_index(i).prompt) for i in range(box.option_count)]


def mine_yaml(builtin: Path, mood: str) -> str:
    """The cooperative persona copied as ``mine`` with its starting mood set to ``mood``."""
    text = (builtin / "personas" / "cooperative.yaml").read_text("utf-8").replace("id: cooperative", "id: mine", 1)
    head, _, rest = text.partition("temperament:\n")
    mood_line = next(line for line in rest.splitlines() if line.strip().startswith("mood:"))
    return head + "temperament:\n" + rest.replace(mood_line, f"  mood: {mood}", 1)


async def test_f10_opens_the_workbench_listing_every_builtin_persona_with_its_file(build, builtin: Path) -> None:
    app = build("en")
    async with app.run_test(size=SIZE) as pilot:
        bench = await open_workbench(pilot)
        listed = rows(bench)
        for persona in sorted(p.stem for p in (builtin / "personas").glob("*.yaml")):
            assert listed[f"persona:{persona}"][:3] == [persona, "built-in", f"personas/{persona}.yaml"]
        assert "case:cn-card-wanglei" in listed
        summary = str(bench.query_one("#wb-summary", Static).render())
        # the first row is shown; a built-in file is named within the built-in catalog
        assert "personas/abusive.yaml:" in summary and str(builtin) not in summary
        assert "No problems" in problem_lines(bench)[0]


async def test_a_broken_persona_shows_its_check_line_and_a_fix_reloads_it(build, builtin: Path,
                                                                           trainer_catalog: Path) -> None:
    app = build("en")
    async with app.run_test(size=SIZE) as pilot:
        bench = await open_workbench(pilot)
        path = trainer_catalog / "personas" / "mine.yaml"
        broken = mine_yaml(builtin, "5")
        path.write_text(broken, "utf-8")
        await after_poll(pilot)
        line = broken.splitlines().index("  mood: 5") + 1
        lines = problem_lines(bench)
        assert lines[0].startswith(f"{display_path(path)}:{line}: temperament.mood: ")
        listed = rows(bench)
        assert "persona:mine" not in listed
        assert {"persona:angry", "persona:cooperative", "case:cn-card-wanglei"} <= set(listed)  # the rest still load

        bench.query_one("#wb-problems", OptionList).highlighted = 0  # the broken file, its line marked
        await pilot.pause()
        assert str(path.name) in str(bench.query_one("#wb-yaml-box").border_title)

        path.write_text(mine_yaml(builtin, "0.4"), "utf-8")
        await after_poll(pilot)
        assert not any("temperament.mood" in line for line in problem_lines(bench))
        assert rows(bench)["persona:mine"][:3] == ["mine", "--catalog", "personas/mine.yaml"]
        assert bench.selected == "persona:mine"  # the fixed file is shown where its error was
        assert app.services.catalog.persona("mine").temperament.mood == 0.4  # home sees it on its next load


async def test_r_reloads_at_once(build, builtin: Path, trainer_catalog: Path) -> None:
    app = build("zh")
    async with app.run_test(size=SIZE) as pilot:
        bench = await open_workbench(pilot)
        version = app.services.catalog_version
        shutil.copy(builtin / "personas" / "angry.yaml", trainer_catalog / "personas" / "angry.yaml")
        await pilot.press("r")
        await settle(pilot)
        assert app.services.catalog_version > version
        assert rows(bench)["persona:angry"][1] == "--catalog"  # a trainer file replaces the built-in one
        assert any("replaces the built-in persona 'angry'" in line for line in problem_lines(bench))


async def test_n_copies_the_highlighted_persona_into_the_trainer_catalog(build, trainer_catalog: Path) -> None:
    app = build("en")
    async with app.run_test(size=SIZE) as pilot:
        bench = await open_workbench(pilot)
        bench.query_one("#wb-table", DataTable).move_cursor(row=list(rows(bench)).index("persona:angry"))
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NewEntryScreen)
        await pilot.press(*"angry", "enter")  # refused: the same id; the modal stays and says why
        assert isinstance(app.screen, NewEntryScreen)
        assert "angry" in str(app.screen.query_one("#new-entry-error", Static).render())
        app.screen.query_one(Input).value = "my_angry"
        await pilot.press("enter")
        await settle(pilot)
        path = trainer_catalog / "personas" / "my_angry.yaml"
        assert path.is_file() and isinstance(app.screen, TrainerScreen)
        assert rows(bench)["persona:my_angry"][:3] == ["my_angry", "--catalog", "personas/my_angry.yaml"]
        assert bench.selected == "persona:my_angry"
        assert "No problems" in problem_lines(bench)[0]  # the copy passes check unedited


async def test_e_without_a_terminal_to_hand_over_names_the_file(build, builtin: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Headless (and in a browser) the app cannot suspend for an editor: it says which file to edit."""
    monkeypatch.setenv("EDITOR", "true")
    app = build("en")
    said: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await open_workbench(pilot)
        monkeypatch.setattr(app, "notify", lambda message, **_: said.append(str(message)))
        await pilot.press("e")
        await settle(pilot)
    assert said and said[0].endswith(display_path(builtin / "personas" / "abusive.yaml"))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_test_call_shows_the_hidden_state_and_why_the_debtor_hung_up(build, store: Store,
                                                                             lang: str) -> None:
    app = build(lang)
    async with app.run_test(size=SIZE) as pilot:
        bench = await open_workbench(pilot)
        table = bench.query_one("#wb-table", DataTable)
        table.move_cursor(row=list(rows(bench)).index("persona:angry"))
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TestCallScreen)
        panel = screen.query_one(DebtorStatePanel)
        shown = str(panel.render())
        assert ("情绪" if lang == "zh" else "Mood") in shown and ("信任" if lang == "zh" else "Trust") in shown
        for line in (OPENING[lang], THREAT[lang]):
            screen.query_one("#composer", Input).value = line
            await pilot.press("enter")
            await settle(pilot)
        step = screen.call.session.steps[-1]
        assert step.intent.name == "hang_up" and step.intent.why == "hang_up.trigger"
        shown = str(panel.render())
        assert "hang_up" in shown and "threat (hang_up_when.on)" in shown.replace("（", " (").replace("）", ")")
        assert ("挂断触发词" if lang == "zh" else "hangs up at once") in shown
        assert " 1 confirm_identity" in shown  # the turn-by-turn history
        await pilot.pause(2.0)  # a trainee's call would move on to the record form; this one stays
        assert app.screen is screen
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, TrainerScreen)
    assert queries.list_sessions(store) == []  # nothing stored: no progress, no cohort row


async def test_a_test_call_from_a_case_uses_its_persona_and_the_state_moves(build) -> None:
    app = build("en")
    async with app.run_test(size=SIZE) as pilot:
        bench = await open_workbench(pilot)
        bench.query_one("#wb-table", DataTable).move_cursor(row=list(rows(bench)).index("case:cn-card-wanglei"))
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TestCallScreen)
        assert screen.call.session.case.id == "cn-card-wanglei"
        screen.query_one("#composer", Input).value = OPENING["en"]
        await pilot.press("enter")
        await settle(pilot)
        shown = str(screen.query_one(DebtorStatePanel).render())
        assert "confirm_identity" in shown and "the agent asked for the account holder" in shown
        assert "✓ it's them" in shown
        assert screen.call.session.persona.id == app.services.catalog.case("cn-card-wanglei").personas[0]
