"""``debtsim call``: a whole practice call in a plain terminal, offline.

Line mode: each input line is one thing the agent says; lines starting with ``/`` are
commands (``/end``, ``/record``, ``/hint``, ``/help``). End of input acts as ``/end`` and
prints the scorecard. Nothing else is ever prompted for, so the same command plays an
interactive call, a pipe, or a trainer's ``--script`` file. With ``--json`` stdout holds
exactly one JSON object at the end; live replies and notices go to stderr.

Every turn is journaled to the progress store as it is kept, before it is shown
(:mod:`simulator.cli.call_journal`); ``--resume ID`` rebuilds an interrupted call and goes on.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from scoring.scorecard import Scorecard
from scoring.vocab import Outcome
from simulator.catalog.problems_view import warn_problems
from simulator.catalog.search import load_catalog
from simulator.i18n import t
from simulator.session import CallSession, Record, RecordError, Reply
from simulator.voices.slots import day, money

if TYPE_CHECKING:
    from simulator.voices.base import Voice

TYPING_DELAY_S = 0.02  # per chunk, only on a terminal: replies feel spoken, pipes stay instant
_RECORD_KEYS = {"outcome", "amount", "date", "notes"}


class LineMode:
    """Runs one call from lines of text; ``ui`` gets replies and notices."""

    def __init__(self, session: CallSession, ui: TextIO, lang: str, echo: bool) -> None:
        self.session, self.ui, self.lang, self.echo = session, ui, lang, echo
        self.typing = ui.isatty()
        # DEBTSIM_TYPING_DELAY (seconds per chunk) slows replies in a pipe too: the crash tests
        # use it to kill a call in the middle of a reply.
        delay = os.environ.get("DEBTSIM_TYPING_DELAY")
        self.delay = float(delay) if delay else (TYPING_DELAY_S if self.typing else 0.0)
        self.on_record: list[Callable[[Record], None]] = []  # the store journals each filed record

    def say(self, text: str) -> None:
        print(text, file=self.ui, flush=True)

    def label(self, key: str) -> str:
        """"客户：" / "Debtor: " before a line of the call."""
        return t(key, self.lang) + ("：" if self.lang == "zh" else ": ")

    def stream(self, reply: Reply) -> None:
        if reply.voice != "template":
            self.stream_model(reply)
            return
        self.ui.write(self.label("call.debtor"))
        # The whole reply is kept (and journaled) before its first word is shown, so a kill
        # at any moment loses nothing already on screen. The template voice costs no latency.
        chunks = list(reply)
        for chunk in chunks:
            self.ui.write(chunk)
            self.ui.flush()
            if self.delay:
                time.sleep(self.delay)
        self.ui.write("\n")
        self.ui.flush()
        if reply.fallback:
            self.say(t("call.voice_fallback", self.lang, error=reply.fallback))

    def stream_model(self, reply: Reply) -> None:
        """A model's words as the guard releases them; a withdrawn reply is marked and replaced.

        Waiting for a whole model reply would cost seconds, so these words are shown before
        the turn is kept (a kill mid-reply loses only that reply; ``--resume`` says it again).
        A terminal can't unprint, so a withdrawal prints a dim "（撤回：…）" line and then the
        template's line; ``--json`` and the store keep only the final words.
        """
        from simulator.session import Withdraw

        self.ui.write(self.label("call.debtor"))
        self.ui.flush()
        withdrawn: Withdraw | None = None
        for event in reply.events():
            if isinstance(event, Withdraw):
                withdrawn = event
                if event.shown:
                    self.ui.write("\n" + self.dim(t("call.withdrawn", self.lang, reason=event.reason)) + "\n")
                    self.ui.write(self.label("call.debtor"))
                continue
            self.ui.write(event)
            self.ui.flush()
        self.ui.write("\n")
        self.ui.flush()
        if withdrawn is not None and not withdrawn.shown:
            self.say(self.dim(t("call.voice_fallback", self.lang, error=withdrawn.fallback)))

    def dim(self, text: str) -> str:
        return f"\x1b[2m{text}\x1b[0m" if self.typing else text

    def start(self) -> None:
        self.stream(self.session.pick_up())

    def show_resumed(self, session_id: str | None, stored: int, diverged: int | None) -> None:
        """A rebuilt call: say so, then the call so far, so the trainee can pick up the thread."""
        self.say(t("call.resumed", self.lang, id=session_id, turns=stored))
        if diverged is not None:
            self.say(t("call.resume_diverged", self.lang, turn=diverged))
        for turn in self.session.turns:
            self.say(self.label("call.agent" if turn["speaker"] == "agent" else "call.debtor") + turn["text"])

    def line(self, raw: str) -> None:
        text = raw.strip()
        if not text:
            return
        if text.startswith("/"):
            self.command(text)
            return
        if self.session.over:
            self.say(t("call.over", self.lang))
            return
        if self.echo:
            self.say(self.label("call.agent") + text)
        self.stream(self.session.say(text))
        if self.session.hung_up:
            self.say(t("call.hung_up", self.lang))
        elif self.session.truncated:
            self.say(t("call.truncated", self.lang))

    def command(self, text: str) -> None:
        name, _, rest = text.partition(" ")
        name = name.lower()
        if name == "/end":
            if not self.session.ended:
                self.session.end()
                self.say(t("call.ended", self.lang))
        elif name == "/record":
            self.record(rest)
        elif name == "/hint":
            tip = self.session.hint()
            self.say(t("call.hint", self.lang, tip=tip) if tip else t("call.no_hint", self.lang))
        elif name in ("/help", "/?"):
            self.say(t("call.help", self.lang))
        else:
            self.say(t("call.unknown_command", self.lang, command=name))

    def record(self, rest: str) -> None:
        usage = t("call.record_usage", self.lang, outcomes=", ".join(o.value for o in Outcome))
        try:
            fields = dict(_pairs(rest))
        except ValueError as exc:
            self.say(t("call.record_bad", self.lang, error=exc))
            self.say(usage)
            return
        unknown = sorted(set(fields) - _RECORD_KEYS)
        if unknown or not fields:
            self.say(t("call.record_bad", self.lang, error=t("call.record_key", self.lang, key=unknown[0]))
                     if unknown else usage)
            return
        try:
            record = self.session.file_record(fields.get("outcome", ""), fields.get("amount"), fields.get("date"),
                                              fields.get("notes", ""))
        except RecordError as exc:
            self.say(t("call.record_bad", self.lang, error=exc.message(self.lang)))
            if exc.field == "outcome":
                self.say(usage)
            return
        for listener in self.on_record:
            listener(record)
        self.say(t("call.record_ok", self.lang, record=json.dumps(record.as_json(), ensure_ascii=False)))


def _pairs(text: str) -> Iterator[tuple[str, str]]:
    """``outcome=x amount=2000 notes="two words"`` -> pairs; ValueError on bad quoting or a bare word."""
    for token in shlex.split(text):
        key, sep, value = token.partition("=")
        if not sep:
            raise ValueError(f"expected key=value, got {token!r}")
        yield key.strip().lower(), value.strip()


def _lines(args: argparse.Namespace, mode: LineMode) -> Iterator[str]:
    """The agent's lines: a script file, an interactive terminal (with a prompt) or a pipe."""
    if args.script:
        for raw in Path(args.script).read_text("utf-8").splitlines():
            if not raw.lstrip().startswith("#"):
                yield raw
        return
    if sys.stdin.isatty():
        while True:
            # The prompt goes where the replies go: with --json stdout holds only the JSON.
            mode.ui.write(t("call.prompt", mode.lang))
            mode.ui.flush()
            try:
                yield input()
            except EOFError:
                return
    else:
        yield from sys.stdin


def run(args: argparse.Namespace) -> int:
    from simulator.cli import call_journal

    resume = None
    if args.resume:
        resume = call_journal.load_resume(args)  # persona, case, seed, ... come from the store
        if resume is None:
            return 1
    elif not (args.persona and args.case):
        print(f"debtsim: {t('call.need_persona', args.lang)}", file=sys.stderr)
        return 2
    catalog = load_catalog(args.catalog)
    warn_problems(catalog, args.lang)
    try:
        persona, case = catalog.persona(args.persona), catalog.case(args.case)
    except KeyError as exc:
        print(f"debtsim: {exc.args[0]}", file=sys.stderr)
        return 2
    if args.script and not Path(args.script).is_file():
        print(f"debtsim: {args.script}: no such file", file=sys.stderr)
        return 2
    voice = _voice(args)
    if voice is False:
        return 2
    fresh_seed = args.seed is None and resume is None
    call = call_journal.begin(args, catalog, voice, resume)
    if call is None:
        return 1
    session = call.session
    ui = sys.stderr if args.json else sys.stdout
    mode = LineMode(session, ui, args.lang, echo=bool(args.script))
    mode.on_record.append(call.keep_record)
    level = t(f"difficulty.{session.debtor.profile.level}", args.lang)
    mode.say(t("call.header", args.lang, persona=persona.name.get(args.lang), difficulty=level,
               case=case.title.get(args.lang)))
    if fresh_seed:
        mode.say(t("call.seed", args.lang, seed=session.seed))
    if voice is not None:
        _prepare_voice(voice, args.voice, mode)
    if resume is None:
        mode.say(t("call.session", args.lang, id=call.session_id))
        mode.start()
    else:
        mode.show_resumed(call.session_id, call.resumed_turns, call.diverged_at)
    try:
        for raw in _lines(args, mode):
            mode.line(raw)
    except KeyboardInterrupt:
        call_journal.abandon(call)
        raise
    stored = call_journal.finish(args, call)
    assert call.card is not None
    return _finish(session, args, call.card) or (0 if stored else 1)


def _voice(args: argparse.Namespace) -> Voice | None | Literal[False]:
    """The voice from ``--voice`` (else the config file's default) with its options; False: error said."""
    from simulator.voices import config as voice_config
    from simulator.voices.registry import UnknownVoice, load_voice

    try:
        args.voice = voice_config.voice_name(args.voice)  # a resumed call: the stored voice
        if args.voice == "template":
            return None
        return load_voice(args.voice, **voice_config.voice_options(args.voice, voice_config.flag_overrides(args)))
    except voice_config.ConfigError as exc:
        print(f"debtsim: {t('voice.config_error', args.lang, error=exc.message(args.lang))}", file=sys.stderr)
    except (UnknownVoice, TypeError) as exc:  # TypeError: a voice refusing its options
        print(f"debtsim: {exc}", file=sys.stderr)
    return False


def _prepare_voice(voice: Voice, name: str, mode: LineMode) -> None:
    """Load a model voice before the debtor picks up, showing progress; if it cannot speak, say so once.

    The call goes on either way: every turn the voice cannot say falls back to the template.
    """
    from simulator.voices.base import VoiceError

    problem = getattr(voice, "problem", None)
    found = problem() if callable(problem) else None
    if found is not None:
        mode.say(t("voice.unavailable", mode.lang, voice=name, reason=found.render(mode.lang)))
        return
    load = getattr(voice, "load", None)
    if not callable(load):
        return
    try:
        load(progress=lambda line: mode.say(t("voice.loading", mode.lang, voice=name, line=line)), lang=mode.lang)
    except VoiceError as exc:
        mode.say(t("voice.unavailable", mode.lang, voice=name, reason=exc))


def _finish(session: CallSession, args: argparse.Namespace, card: Scorecard) -> int:
    if args.json:
        out = session.transcript()
        out["scorecard"] = card.to_dict()
        out["debtor"] = session.summary()
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return 0
    from rich.console import Console

    from scoring.rubric import builtin_rubric
    from scoring.transcript import parse_transcript
    from simulator.cli.scorecard_view import render

    lang = args.lang
    if session.record is None:
        print(t("call.no_record", lang))
    Console().print(render(parse_transcript(session.transcript()), card, builtin_rubric(), lang))
    summary, means, currency = session.summary(), session.debtor.profile.means, session.case.currency
    print(t("call.truth", lang, lump=money(means.lump_sum_now, currency, lang),
            monthly=money(means.monthly, currency, lang), date=day(means.earliest_date, lang),
            outcome=summary["outcome"] or t("call.no_outcome", lang), mood=summary["mood"], trust=summary["trust"]))
    return 0
