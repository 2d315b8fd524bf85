"""Which voice spoke each debtor turn, and why a model was replaced, survive the store (revision 0004).

A real call is journaled with a model voice that the guard rejects (it promises a payment
the policy never decided), so the template speaks instead; the turns keep ``voice`` and
``fallback`` through the journal, export and import, and the 0004 migration goes down and
up again on SQLite and PostgreSQL.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

from simulator.catalog.search import load_catalog
from simulator.practice import CallSpec, start
from simulator.store import exchange, migrate, open_store, queries
from simulator.voices.base import VoiceRequest


class PromisingVoice:
    """A stand-in for a model that always promises to pay in full: the guard must reject it."""

    name = "remote"

    def stream(self, request: VoiceRequest) -> Iterator[str]:
        yield "好的，"
        yield "我今天就把12350元全部还清。"


def _journal(store) -> str:  # type: ignore[no-untyped-def]
    practice = start(store, load_catalog(), CallSpec("angry", "cn-card-wanglei", "zh", None, 0), "alice",
                     PromisingVoice())
    session = practice.session
    _ = session.pick_up().text
    _ = session.say("您好，我是云港银行信用卡中心的小李，请问是王磊先生吗？").text
    practice.record("refused")
    practice.finish()
    return practice.session_id


def test_voice_and_fallback_round_trip_through_journal_export_and_import(db_url: str, tmp_path: Path) -> None:
    with open_store(db_url) as store:
        session_id = _journal(store)
        debtor = [t for t in queries.load_session(store, session_id)["turns"] if t["speaker"] == "debtor"]
        assert debtor and all(t["voice"] == "template" for t in debtor)
        assert all(t["fallback"].startswith("guard: ") for t in debtor)
        assert "12350" not in " ".join(t["text"] for t in debtor)  # the withdrawn promise never reached the record
        first = io.StringIO()
        exchange.write_jsonl(exchange.iter_export(store), first)
    line = json.loads(first.getvalue())
    assert [t.get("voice") for t in line["turns"] if t["speaker"] == "debtor"] == ["template"] * 2
    with open_store(str(tmp_path / "other.db")) as other:
        exchange.import_line(other, line, "alice")
        second = io.StringIO()
        exchange.write_jsonl(exchange.iter_export(other), second)
    assert second.getvalue() == first.getvalue()


def test_migration_0004_goes_down_and_up(db_url: str) -> None:
    from sqlalchemy import create_engine, inspect

    from simulator.store.url import resolve

    with open_store(db_url) as store:
        _journal(store)
    engine = create_engine(resolve(db_url).url)
    try:
        with engine.begin() as conn:
            migrate.downgrade(conn, "0003")
            assert migrate.current_version(conn) == "0003"
            assert not {"voice", "fallback"} & {c["name"] for c in inspect(conn).get_columns("turns")}
    finally:
        engine.dispose()
    with open_store(db_url) as store:  # opening upgrades again
        with store.read() as conn:
            assert migrate.current_version(conn) == migrate.HEAD
        _journal(store)
        calls = queries.list_sessions(store)
        assert len(calls) == 2
        newest = queries.load_session(store, calls[0]["id"])
        assert {t.get("voice") for t in newest["turns"] if t["speaker"] == "debtor"} == {"template"}
