"""``debtsim call`` and the store: journal a new call, or rebuild an interrupted one and go on.

A resumed call is rebuilt by replaying the journal's agent turns into a fresh
``CallSession`` with the stored persona, case, language, seed and difficulty: the engine is
deterministic per seed, so the debtor comes back in exactly the state it was in. Turns
the journal already holds are not written twice; a reply that was lost to the kill (the
agent's line was stored, the debtor's was not) is regenerated, stored and shown.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from simulator.cli import store_opts
from simulator.i18n import t

if TYPE_CHECKING:
    from simulator.cli.call import LineMode
    from simulator.session import CallSession
    from simulator.store.core import Store
    from simulator.store.journal import Journal


@dataclass
class Resume:
    store: Store
    loaded: dict[str, Any]

    @property
    def row(self) -> dict[str, Any]:
        return self.loaded["row"]


def load_resume(args: argparse.Namespace) -> Resume | None:
    """The stored call ``--resume`` names, its settings copied into ``args``; None after an error line."""
    from simulator.store import queries

    store = store_opts.open_store(args)
    if store is None:
        return None
    loaded = queries.load_session(store, args.resume)
    if loaded is None:
        store_opts.error(args, t("store.no_session", args.lang, id=args.resume, where=store.where))
        store.close()
        return None
    row = loaded["row"]
    if row["status"] == "complete" or row["case_id"] is None or row["persona"] is None:
        status = t(f"status.{row['status']}", args.lang)
        store_opts.error(args, t("call.resume_done", args.lang, id=args.resume, status=status))
        store.close()
        return None
    args.persona, args.case, args.seed = row["persona"], row["case_id"], row["seed"]
    args.difficulty, args.voice, args.lang = row["difficulty"], row["voice"] or "template", row["language"]
    args.trainee = loaded["trainee"]
    return Resume(store, loaded)


def start(args: argparse.Namespace, session: CallSession, mode: LineMode, resume: Resume | None) -> Journal | None:
    """Journal ``session`` from its first turn, or replay ``resume`` into it; None after an error line."""
    from simulator.store import StoreError, who
    from simulator.store.journal import Journal

    if resume is None:
        store = store_opts.open_store(args)
        if store is None:
            return None
        try:
            journal = Journal.start(store, session, who.trainee(args.trainee, remember=True), voice=args.voice,
                                    difficulty=args.difficulty)
        except StoreError as exc:
            store_opts.error(args, exc.message(args.lang))
            store.close()
            return None
        journal.attach(session)
        _hook_record(mode, journal)
        mode.say(t("call.session", args.lang, id=journal.session_id))
        mode.start()
        return journal
    stored = resume.loaded["turns"]
    journal = Journal.reopen(resume.store, resume.row["id"], len(stored))
    diverged: list[int] = []

    def compare(turn: dict[str, Any]) -> None:
        index = len(session.turns) - 1
        if index < len(stored) and stored[index]["text"] != turn["text"] and not diverged:
            diverged.append(index)

    session.on_turn.append(compare)
    journal.attach(session, skip=len(stored))
    _ = session.pick_up().text
    for turn in stored:
        if turn["speaker"] == "agent" and not session.over:
            _ = session.say(turn["text"]).text
    session.on_turn.remove(compare)
    record = resume.loaded["record"]
    if record:
        session.file_record(record["outcome"], record.get("promised_amount"), record.get("promised_date"),
                            record.get("notes", ""))
    _hook_record(mode, journal)
    mode.say(t("call.resumed", args.lang, id=journal.session_id, turns=len(stored)))
    if diverged:
        mode.say(t("call.resume_diverged", args.lang, turn=diverged[0]))
    sep = "：" if args.lang == "zh" else ": "
    for turn in session.turns:  # the call so far, so the trainee can pick up the thread
        who_ = t("call.agent" if turn["speaker"] == "agent" else "call.debtor", args.lang)
        mode.say(f"{who_}{sep}{turn['text']}")
    return journal


def _hook_record(mode: LineMode, journal: Journal) -> None:
    mode.on_record.append(lambda record: journal.record(record.as_json()))


def finish(args: argparse.Namespace, session: CallSession, journal: Journal, card: dict[str, Any]) -> bool:
    """Store the finished call; False (after an error line) if the store refused."""
    from simulator.store import StoreError

    try:
        journal.finish(card, None if session.record is None else session.record.as_json(), session.summary())
    except StoreError as exc:
        store_opts.error(args, exc.message(args.lang))
        return False
    finally:
        journal.store.close()
    return True


def abandon(journal: Journal) -> None:
    """Ctrl-C: the call is kept as ``abandoned`` (it can still be resumed)."""
    from simulator.store import StoreError

    try:
        journal.abandon()
    except StoreError:
        pass
    finally:
        journal.store.close()
