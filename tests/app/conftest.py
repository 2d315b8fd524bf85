"""The real app, with a real SQLite store in the test's own data folder.

``app_factory(lang)`` builds it through ``make_app`` exactly as ``debtsim`` does, with three
things pinned so runs repeat: the trainee's name, no typing delay, and a still clock (the
call clock and the bubbles' times read it; a test moves it with ``clock.advance``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from simulator.app import AppSettings, make_app
from simulator.app.app import DebtsimApp
from simulator.catalog.search import load_catalog
from simulator.store import open_store
from simulator.store.core import Store

TRAINEE = "小李"


class StillClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def catalog():  # type: ignore[no-untyped-def]
    return load_catalog()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "progress.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(str(db_path))
    yield opened
    opened.close()


@pytest.fixture
def clock() -> StillClock:
    return StillClock()


@pytest.fixture
def app_factory(catalog, store: Store, clock: StillClock) -> Callable[..., DebtsimApp]:  # type: ignore[no-untyped-def]
    def build(lang: str = "zh", *, trainee: str | None = TRAINEE, voices=None, **settings) -> DebtsimApp:  # type: ignore[no-untyped-def]
        return make_app(AppSettings(lang=lang, typing_delay=0.0, trainee=trainee, **settings), catalog=catalog,
                        store=store, voices=voices, clock=clock)

    return build
