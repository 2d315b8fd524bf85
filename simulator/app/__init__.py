"""The Textual trainee app (bare ``debtsim``).

Layout, after darrenburns/posting and elia: one factory (:func:`make_app`) used by the CLI
and the tests, with its dependencies injected; ``app.py`` for navigation only; ``screens/``
thin, one per file; ``widgets/`` that render plain data; ``messages.py`` for what workers
post; ``services.py`` for every blocking call (catalog, store, scoring), run in workers;
styles in ``debtsim.tcss``; words in ``words.py``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from simulator.app.settings import AppSettings

VOICE_KEYS = ("voice", "model", "base_url", "device", "dtype")

if TYPE_CHECKING:
    from simulator.app.app import DebtsimApp
    from simulator.app.services import VoiceFactory
    from simulator.catalog import Catalog
    from simulator.store.core import Store


def make_app(settings: AppSettings | None = None, *, catalog: Catalog | None = None, store: Store | None = None,
             voices: dict[str, VoiceFactory] | None = None, clock: Callable[[], float] | None = None) -> DebtsimApp:
    """The app, with its catalog, store, extra voices and call clock injected (each the real one if not given)."""
    from simulator.app.app import DebtsimApp
    from simulator.app.services import Services

    services = Services(settings or AppSettings.from_env(), catalog=catalog, store=store, voices=voices,
                        clock=clock or time.monotonic)
    return DebtsimApp(services)


def run(args: argparse.Namespace) -> int:
    """Bare ``debtsim``: start the app with the global options."""
    settings = AppSettings.from_env(lang=args.lang, catalog_dirs=tuple(args.catalog), db=args.app_db,
                                    trainee=args.app_trainee, exam=bool(args.app_exam), seed=args.app_seed,
                                    trainer=bool(getattr(args, "app_trainer", False)),
                                    **{key: getattr(args, f"app_{key}", None) for key in VOICE_KEYS})
    make_app(settings).run()
    return 0


__all__ = ["AppSettings", "make_app", "run"]
