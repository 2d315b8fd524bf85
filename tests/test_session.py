"""CallSession without a UI: turns kept as they happen, streaming, records, the clock, voices."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from simulator.catalog.search import load_catalog
from simulator.session import CallOver, CallSession, RecordError
from simulator.voices.base import VoiceError, VoiceRequest
from simulator.voices.registry import UnknownVoice, load_voice, voice_names


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def session(catalog, persona: str = "cooperative", case: str = "cn-card-wanglei", **kw) -> CallSession:
    return CallSession(catalog.persona(persona), catalog.case(case), kw.pop("lang", "zh"), **kw)


def test_agent_turn_is_kept_before_the_reply_streams(catalog) -> None:
    call = session(catalog)
    seen: list[str] = []
    call.on_turn.append(lambda turn: seen.append(turn["speaker"]))
    reply = call.say("您好，我是云港银行信用卡中心的小李，请问是王磊先生吗？")
    assert seen == ["agent"], "the trainee's words are journaled before the debtor speaks"
    chunks = list(reply)
    assert len(chunks) > 1 and "".join(chunks) == reply.text
    assert seen == ["agent", "debtor"]
    assert call.turns[-1]["intent"] == reply.intent.name == "confirm_identity"


def test_an_abandoned_reply_is_still_kept(catalog) -> None:
    call = session(catalog)
    first = call.say("您好，请问是王磊先生吗？")
    next(iter(first))  # the reader went away after one chunk
    assert call.say("麻烦报一下身份证后四位。").text
    speakers = [t["speaker"] for t in call.turns]
    assert speakers == ["agent", "debtor", "agent", "debtor"]
    assert call.turns[1]["text"] == first.text


def test_pick_up_only_first(catalog) -> None:
    call = session(catalog)
    assert call.pick_up().text
    with pytest.raises(CallOver):
        call.pick_up()


def test_record_validation_names_the_field_in_both_languages(catalog) -> None:
    call = session(catalog)
    with pytest.raises(RecordError) as bad:
        call.file_record("paid")
    assert bad.value.field == "outcome" and "promise_to_pay" in bad.value.message("en")
    assert "应为以下之一" in bad.value.message("zh")
    with pytest.raises(RecordError, match="amount"):
        call.file_record("promise_to_pay", "two thousand")
    with pytest.raises(RecordError, match="date"):
        call.file_record("promise_to_pay", 2000, "2026-02-30")
    record = call.file_record("promise_to_pay", "2,000", "2026-03-10", " 先还2000 ")
    assert record.as_json() == {"outcome": "promise_to_pay", "promised_amount": 2000.0,
                                "promised_date": "2026-03-10", "notes": "先还2000"}
    assert call.transcript()["record"] == record.as_json()


def test_the_clock_truncates_the_call(catalog) -> None:
    now = [0.0]
    call = session(catalog, max_minutes=1, clock=lambda: now[0])
    assert call.say("您好，请问是王磊先生吗？").text
    now[0] = 61.0
    assert call.truncated and call.over and not call.hung_up
    with pytest.raises(CallOver):
        call.say("还在吗？")
    assert call.local_time() > catalog.case("cn-card-wanglei").call_local_time


def test_end_stops_turns_but_accepts_a_record(catalog) -> None:
    call = session(catalog)
    call.say("您好，请问是王磊先生吗？")
    call.end()
    with pytest.raises(CallOver):
        call.say("再见")
    call.file_record("callback")
    assert len(call.turns) == 2 and call.transcript()["record"]["outcome"] == "callback"


class BrokenVoice:
    """A voice whose model is gone: the session must fall back to the template voice."""

    name = "broken"

    def stream(self, request: VoiceRequest) -> Iterator[str]:
        raise VoiceError("model not loaded")


def test_a_failing_voice_falls_back_to_the_template_and_says_so(catalog) -> None:
    call = session(catalog, voice=BrokenVoice())
    reply = call.say("您好，请问是王磊先生吗？")
    assert reply.text and reply.fallback == "error: model not loaded"
    assert call.notices == ["error: model not loaded"]
    turn = call.turns[-1]
    assert turn["voice"] == "template" and turn["fallback"] == "error: model not loaded"


def test_transcript_scores_and_hint(catalog) -> None:
    call = session(catalog, seed=4)
    assert call.say("您好，请问是王磊先生吗？").text
    assert call.hint(), "identity is not verified yet: the hint says what to do"
    card = call.scorecard()
    assert card.id == call.id and card.overall.result in ("pass", "fail")


def test_voice_registry_is_lazy_and_lists_names_on_a_typo() -> None:
    assert "template" in voice_names()
    assert load_voice("template").name == "template"
    with pytest.raises(UnknownVoice, match="did you mean 'template'"):
        load_voice("templte")
    code = ("import sys; from simulator.voices.registry import voice_names; voice_names(); "
            "assert 'simulator.voices.template' not in sys.modules; assert 'torch' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
