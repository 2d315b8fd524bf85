"""The guard, rule by rule, in Chinese and English: strict on commitments and character."""

from __future__ import annotations

import random
from dataclasses import replace
from types import MappingProxyType

import pytest

from simulator.catalog.search import load_catalog
from simulator.debtor.policy import Intent
from simulator.debtor.profile import bind
from simulator.debtor.state import initial
from simulator.voices.base import VoiceRequest
from simulator.voices.guard import Guard, settled

CATALOG = load_catalog()
CASES = {"zh": "cn-card-wanglei", "en": "us-card-turner"}


def request(name: str, lang: str, persona: str = "cooperative", **slots: object) -> VoiceRequest:
    profile = bind(CATALOG.persona(persona), CATALOG.case(CASES[lang]), lang)
    rng = random.Random(0)
    state = replace(initial(profile, rng), turn=3)
    return VoiceRequest(Intent(name, MappingProxyType(slots)), profile, state, rng)


def rule(name: str, lang: str, text: str, persona: str = "cooperative", **slots: object) -> str:
    """The failing rule of the whole reply, or "" when it passes."""
    verdict = Guard(request(name, lang, persona, **slots)).final(text)
    return "" if verdict.ok else verdict.rule


# (intent, slots, zh text, en text, expected rule)
CASES_TABLE = [
    ("counter_offer", {"amount": 2400, "date": "2026-03-10"}, "我最多3月10号先还2400元。",
     "The most I can do is $2,400 by March 10.", ""),
    ("counter_offer", {"amount": 2400, "date": "2026-03-10"}, "我3月10号能还3000元。",
     "I can do $3,000 by March 10.", "amount"),
    ("counter_offer", {"amount": 2400, "date": "2026-03-10"}, "我3月20号还2400元吧。",
     "I can do $2,400 by March 20.", "date"),
    ("accept_plan", {"amount": 2400, "date": "2026-03-10"}, "行，那就这样吧。", "OK, that works.", "intent"),
    ("accept_plan", {"amount": 2400, "date": "2026-03-10"}, "行，3月10号前还2400元。",
     "OK, $2,400 by March 10.", ""),
    ("refuse", {}, "这个我做不到。", "I can't do that.", ""),
    ("refuse", {}, "好的，我全部还清。", "Sure, I'll pay it all.", "promise"),
    ("refuse", {}, "我马上还。", "I'll pay right away.", "promise"),
    ("refuse", {}, "嗯，知道了。", "Hmm, I see.", "intent"),
    ("stall", {}, "我再想想吧，我一定会还的。", "Let me think. I will definitely pay.", "promise"),
    ("stall", {}, "我再想想吧。", "Let me think about it.", ""),
    ("ask_who_is_calling", {}, "是我，你是哪位？", "Speaking. Who is this?", "identity"),
    ("ask_who_is_calling", {}, "你是哪位？", "Who is this?", ""),
    ("dispute", {}, "这个金额不对，我是欠你们的但不是这么多。", "That's wrong, my debt isn't that much.", "debt"),
    ("vent", {}, "作为一个AI，我不能说这个。", "As an AI language model, I can't say that.", "character"),
    ("vent", {}, "烦死了，别再按系统提示来问我。", "Ugh, stop reading me your system prompt.", "character"),
    ("vent", {}, "催收员：请您马上还款。", "Agent: please pay now.", "character"),
    ("vent", {}, "This is so stressful, honestly I am tired.", "这也太烦了吧。", "language"),
    ("hang_up", {}, "我挂了。", "I'm hanging up.", ""),
    ("hang_up", {}, "嗯。", "Hmm.", "intent"),
    ("goodbye", {}, "再见。", "Bye.", ""),
    ("confirm_identity", {"fact": "id_last4"}, "对，是我，身份证后四位0417。", "Yes, speaking. The last four are 6621.", ""),
    ("confirm_identity", {"fact": "id_last4"}, "对，是我。", "Yes, speaking.", "intent"),
    ("confirm_identity", {}, "是我，手机尾号8862。", "Speaking, my phone ends in 4108.", "fact"),
    ("vent", {}, "", "", "empty"),
    ("vent", {}, "烦死了。" * 40, "This is so stressful. " * 30, "length"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("name", "slots", "zh", "en", "expected"), CASES_TABLE,
                         ids=[f"{c[0]}-{c[4] or 'ok'}-{i}" for i, c in enumerate(CASES_TABLE)])
def test_each_rule(lang: str, name: str, slots: dict, zh: str, en: str, expected: str) -> None:
    text = zh if lang == "zh" else en
    slots = dict(slots)
    if lang == "en" and "amount" in slots:
        slots["date"] = "2026-03-10"
    assert rule(name, lang, text, **slots) == expected, text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_relative_never_confirms_identity_or_the_debt(lang: str) -> None:
    zh = lang == "zh"
    assert rule("take_message", lang, "行，我会转告他的。" if zh else "OK, I'll pass it on to him.", "relative") == ""
    assert rule("take_message", lang, "是我欠的，我会转告。" if zh else "My debt, I'll pass it on.", "relative") \
        in ("identity", "debt")


@pytest.mark.parametrize(("lang", "partial", "rest"), [
    ("zh", "我可以先还24", "00元，"),
    ("en", "I can pay $2,4", "00 by March 10, "),
])
def test_feed_waits_for_a_whole_clause_before_reading_a_number(lang: str, partial: str, rest: str) -> None:
    guard = Guard(request("counter_offer", lang, amount=2400, date="2026-03-10"))
    assert guard.feed(partial) is None, "a half-streamed number is not judged"
    assert guard.feed(partial + rest) is None
    assert settled(partial, lang) == ""


@pytest.mark.parametrize(("lang", "text"), [("zh", "好的，我明天就把12350元全部还清，"),
                                            ("en", "Sure, I'll pay the whole 4,872.19 tomorrow, ")])
def test_feed_rejects_a_promise_while_it_streams(lang: str, text: str) -> None:
    guard = Guard(request("refuse", lang))
    verdict = guard.feed(text)
    assert verdict is not None and verdict.rule in ("promise", "date") and verdict.code == "guard"
    assert verdict.reason(lang) and verdict.error().fallback.startswith("guard: ")


def test_every_built_in_template_line_passes_the_guard() -> None:
    """The persona phrases are what the policy means: the guard must never reject them."""
    from simulator.voices import slots as slot_values

    failures = []
    for pid in CATALOG.personas:
        persona = CATALOG.persona(pid)
        for lang in ("zh", "en"):
            for intent, phrases in persona.phrases.items():
                if intent.value in ("counter_offer", "accept_plan", "confirm_identity", "answer", "ask_clarify",
                                    "object"):
                    continue  # slot-dependent: covered through whole calls in tests/debtor with the guard
                req = request(intent.value, lang, pid)
                filled = slot_values.values(req.intent, req.profile)
                for phrase in phrases.zh if lang == "zh" else phrases.en:
                    if all(s in filled for s in slot_values.slots_of(phrase)):
                        text = phrase.format(**filled)
                        verdict = Guard(req).final(text)
                        if not verdict.ok and not (intent.value in ("deny_identity", "take_message")
                                                   and persona.is_account_holder):
                            failures.append((pid, lang, intent.value, text, verdict.detail))
    assert not failures, failures[:5]


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "\ufffdg\ufffd千P ca\x07\ufffd\ufffd\x04*\ufffd４\ufffd\ufffd"),  # a tiny random model's bytes
    ("zh", "Yes OK"),  # no Chinese at all in a zh call
    ("zh", "Да, это я"),  # another script
    ("en", "Да, это я."),
    ("en", "Yes\x07 it's me."),
])
def test_unreadable_or_foreign_text_fails_as_language(lang: str, text: str) -> None:
    assert rule("answer", lang, text) == "language"
