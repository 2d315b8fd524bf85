"""What the screens need from the rest of debtsim, behind one object the app is given.

Everything here blocks (YAML, SQL, scoring), so screens call it from thread workers only.
The catalog and the store are opened on first use, not at start-up: together they cost
~0.9 s of imports on a 2-core VM, and the home screen paints before either is ready.
Tests hand in their own catalog, store and voices (``make_app`` injects them).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.app.settings import AppSettings

if TYPE_CHECKING:
    from scoring.scorecard import Scorecard
    from simulator.catalog import Catalog
    from simulator.practice import CallSpec, Practice
    from simulator.store.core import Store
    from simulator.voices.base import Voice

VoiceFactory = Callable[[], "Voice"]


@dataclass(frozen=True)
class ReportData:
    """Everything the report screen shows for one scored call (live or from the store)."""

    transcript: dict[str, Any]
    card: Scorecard
    moods: tuple[float, ...]
    means: dict[str, Any] | None  # the debtor's hidden means (None: call not replayable)
    agreed: dict[str, Any] | None  # what the debtor actually agreed to, if anything
    session_id: str | None
    spec: CallSpec | None  # to try the same call again
    reviews: tuple[dict[str, Any], ...] = ()


class Services:
    """The catalog, the store, the voices and the trainee's name, for one app run."""

    def __init__(self, settings: AppSettings, *, catalog: Catalog | None = None, store: Store | None = None,
                 voices: dict[str, VoiceFactory] | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.clock = clock  # the calls' clock (tests and snapshots pass a still one)
        self._catalog = catalog
        self._store = store
        self._owns_store = store is None  # a store handed in is closed by whoever opened it
        self._voices = dict(voices or {})
        self._lock = threading.Lock()  # two workers may ask for the catalog at once
        self.catalog_version = 0  # +1 on each reload: a screen holding an older catalog can tell

    # --- catalog, store, voices ------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        with self._lock:
            if self._catalog is None:
                from simulator.catalog.search import load_catalog

                self._catalog = load_catalog(list(self.settings.catalog_dirs))
            return self._catalog

    # workbench: live reload
    def reload_catalog(self) -> Catalog:
        """Read ``settings.catalog_dirs`` (and the rest of the search path) again.

        Whatever asks for :attr:`catalog` next (home, a new call) gets the new one; a catalog
        handed in by a test is replaced too. A broken file is left out with its problems.
        """
        from simulator.catalog.search import load_catalog

        catalog = load_catalog(list(self.settings.catalog_dirs))
        with self._lock:
            self._catalog = catalog
            self.catalog_version += 1
        return catalog

    def catalog_fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """Each catalog file's path, mtime and size: the workbench reloads when this changes."""
        from simulator.catalog.watch import fingerprint

        return fingerprint(list(self.settings.catalog_dirs))

    @property
    def store(self) -> Store:
        """The progress store; raises ``StoreError`` (with a translated message) if it cannot open."""
        with self._lock:
            if self._store is None:
                from simulator.store import open_store

                self._store = open_store(self.settings.db)
            return self._store

    def close(self) -> None:
        if self._store is not None and self._owns_store:
            self._store.close()

    def voice_names(self) -> list[str]:
        """Template, the injected voices, and the model voices that are configured and installed.

        Checked without torch (paths, packages, config; see ``voices/availability.py``). A bad
        config file leaves only the template voice; :attr:`voice_problem` says why.
        """
        from simulator.voices import availability, config
        from simulator.voices.registry import voice_names

        names = {"template", *self._voices}
        try:
            loaded = config.load_config()
        except config.ConfigError as exc:
            self.voice_problem = exc.message(self.settings.lang)
            return sorted(names)
        self.voice_problem = None
        overrides = self.voice_overrides()
        names |= {n for n in voice_names() if n not in names and availability.check(n, loaded, overrides).ok}
        return sorted(names)

    voice_problem: str | None = None  # a bad voice config, to show on the home screen

    def default_voice(self) -> str:
        """``--voice``, else ``DEBTSIM_VOICE``, else the config file's ``[voice] default``."""
        from simulator.voices import config

        try:
            return config.voice_name(self.settings.voice)
        except config.ConfigError:
            return "template"

    def voice_overrides(self) -> dict[str, Any]:
        settings = self.settings
        return {"model": settings.model, "base_url": settings.base_url, "device": settings.device,
                "dtype": settings.dtype}

    def voice(self, name: str) -> Voice | None:
        """A fresh voice by name (None: the session's own template voice)."""
        if name in self._voices:
            return self._voices[name]()
        if name == "template":
            return None
        from simulator.voices.config import ConfigError, voice_options
        from simulator.voices.registry import load_voice

        try:
            options = voice_options(name, self.voice_overrides())
        except ConfigError:  # already shown on the home screen (voice_problem): the template speaks
            return None
        return load_voice(name, **options)

    def prepare_voice(self, name: str, progress: Callable[[str], None]) -> str | None:
        """Load a model voice now (a worker calls this when it is picked); the reason it cannot speak, if any.

        The local voice loads its model once per process, so the first call later starts at once.
        """
        from simulator.voices.base import VoiceError

        voice = self.voice(name)
        problem = getattr(voice, "problem", None)
        found = problem() if callable(problem) else None
        if found is not None:
            return str(found.render(self.settings.lang))
        load = getattr(voice, "load", None)
        if not callable(load):
            return None
        try:
            load(progress=progress, lang=self.settings.lang)
        except VoiceError as exc:
            return str(exc)
        return None

    @staticmethod
    def step_titles(lang: str) -> dict[str, str]:
        """The five steps' titles from the rubric data, in order."""
        from scoring.rubric import builtin_rubric
        from scoring.vocab import Step

        steps = builtin_rubric().steps.steps
        return {step.value: getattr(steps[step.value].title, lang) for step in Step}

    # --- who ------------------------------------------------------------------------------

    def trainee(self) -> str:
        """The name to prefill: given, set or remembered; empty on a first run (the trainee types it)."""
        from simulator.store import who

        return who.known(self.settings.trainee) or ""

    def remember(self, name: str) -> None:
        from simulator.store import who

        who.trainee(name, remember=True)

    @staticmethod
    def trainer_name() -> str:
        """The reviewing trainer's name to prefill (remembered after their first review)."""
        from simulator.store import who

        return who.trainer()

    @staticmethod
    def remember_trainer(name: str) -> None:
        from simulator.store import who

        who.trainer(name, remember=True)

    # --- calls -----------------------------------------------------------------------------

    def start(self, spec: CallSpec, trainee: str) -> Practice:
        from simulator import practice

        return practice.start(self.store, self.catalog, spec, trainee, self.voice(spec.voice), self.clock)

    # test call
    def test_call(self, spec: CallSpec) -> Practice:
        """A trainer's test call: never stored, so it never shows in anyone's progress or the cohort."""
        from simulator import practice

        return practice.start(None, self.catalog, spec, "trainer", self.voice(spec.voice), self.clock)

    def resume(self, session_id: str) -> Practice:
        from simulator import practice

        loaded = practice.load(self.store, session_id)
        return practice.resume(self.store, self.catalog, loaded, self.voice(practice.spec_of(loaded).voice),
                               self.clock)

    def resumable(self, trainee: str) -> list[dict[str, Any]]:
        from simulator.store import queries

        rows = queries.list_sessions(self.store, trainee)
        return [r for r in rows if r["status"] in ("in_progress", "abandoned")]

    # --- reports ---------------------------------------------------------------------------

    def report_of(self, call: Practice) -> ReportData:
        """The report of a call just finished in this app."""
        assert call.card is not None
        summary = call.session.summary()
        return ReportData(call.session.transcript(), call.card, tuple(call.session.moods), summary["means"],
                          _agreed(summary), call.session_id, call.spec)

    def stored_report(self, session_id: str) -> ReportData | None:
        """A past call's report, rebuilt from the store (its mood curve by replay)."""
        from scoring.scorecard import Scorecard
        from simulator import practice
        from simulator.store import queries

        loaded = queries.load_session(self.store, session_id)
        if loaded is None or loaded["scorecard"] is None:
            return None
        card = Scorecard.from_dict(loaded["scorecard"], loaded["row"]["language"])
        debtor = json.loads(loaded["row"]["debtor"]) if loaded["row"].get("debtor") else {}
        spec = practice.spec_of(loaded) if loaded["row"]["persona"] and loaded["row"]["case_id"] else None
        return ReportData(queries.transcript_of(loaded), card, tuple(practice.mood_trace(self.catalog, loaded)),
                          debtor.get("means"), _agreed(debtor), session_id, spec, tuple(loaded["reviews"]))

    def export(self, session_id: str) -> Path:
        """Write one stored call (transcript, scorecard, reviews) as JSON; returns the file."""
        from simulator import locations
        from simulator.store.exchange import iter_export

        lines = list(iter_export(self.store, session_id=session_id))
        folder = locations.data_dir() / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{session_id}.json"
        path.write_text(json.dumps(lines[0], ensure_ascii=False, indent=2) + "\n", "utf-8")
        return path

    def assigned_to(self, trainee: str) -> list[dict[str, Any]]:
        """The trainee's assignments, not done first (the home screen's list)."""
        from simulator.store import queries

        return queries.assignments_for(self.store, trainee)

    def best_scores(self, trainee: str) -> dict[str, int]:
        from simulator.store import queries

        return queries.best_scores(self.store, trainee)

    def progress(self, trainee: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The trainee's figures and their scored calls, oldest first."""
        from simulator.store import queries

        figures = queries.progress(self.store, trainee)
        history = [r for r in queries.list_sessions(self.store, trainee, status="complete") if r["score"] is not None]
        return figures, list(reversed(history))


def _agreed(summary: dict[str, Any]) -> dict[str, Any] | None:
    if summary.get("agreed_amount") is None:
        return None
    return {"amount": summary["agreed_amount"], "date": summary.get("agreed_date")}
