"""How people actually talk on the phone: hedged yeses, spoken sums, drawn-out words, ASR fillers,
dialect negation, threats made conditional on paying. Each case is a paraphrase written for this
file (none is in the labelled calls), in both languages where the idea exists in both."""

from __future__ import annotations

import pytest
from scoring_helpers import call, rules_at

from scoring import score
from scoring.analysis import analyse, numbers
from scoring.transcript import parse_transcript


def acts(text: str, speaker: str, lang: str) -> set[str]:
    return {a.name for a in analyse(text, speaker, lang).acts}


@pytest.mark.parametrize(("text", "value"), [
    ("一万六千八百八，拖了", 16880.0),
    ("您那张卡，九千二百五，到今天", 9250.0),
    ("两万三，一分没动", 23000.0),
])
def test_spoken_chinese_sums_need_no_paying_verb(text: str, value: float) -> None:
    assert [a.value for a in numbers.find_amounts(text, "zh")] == [value]


@pytest.mark.parametrize("text", ["一千多天没联系", "三千多个人排队", "\ufffd千P"])
def test_counts_and_stray_characters_are_not_sums(text: str) -> None:
    assert numbers.find_amounts(text, "zh") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Okay... fine, I'll try and scrape it together somehow.", "en"),
    ("Alright, we'll see what I can do.", "en"),
    ("好吧，我尽量。", "zh"),
    ("行，我再看看吧。", "zh"),
])
def test_a_yes_taken_back_by_a_hedge_is_no_agreement(text: str, lang: str) -> None:
    assert "accept_plan" not in acts(text, "debtor", lang)


@pytest.mark.parametrize("text", ["这周肯定不行，我连房租都没凑齐。", "不可以，我没钱。"])
def test_buxing_is_not_xing(text: str) -> None:
    assert "accept_plan" not in acts(text, "debtor", "zh")


@pytest.mark.parametrize(("text", "lang"), [
    ("对，九月五号，三千。", "zh"),
    ("是的，就这么办。", "zh"),
])
def test_a_plain_yes_accepts(text: str, lang: str) -> None:
    assert "accept_plan" in acts(text, "debtor", lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("今天要是能把钱定下来，您单位领导那边我们就不用去打招呼了。", "zh"),
    ("If we can get this sorted today, I won't need to ring your boss.", "en"),
])
def test_exposure_spared_only_if_you_pay_is_exposure_threatened(text: str, lang: str) -> None:
    assert "mention_contacts" in acts(text, "agent", lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("我们不会联系您单位，也不会打给您通讯录里的人。", "zh"),
    ("We will never contact your employer about this.", "en"),
])
def test_a_plain_promise_not_to_expose_is_not_a_threat(text: str, lang: str) -> None:
    assert "mention_contacts" not in acts(text, "agent", lang)


def test_drawn_out_words_are_read_as_words() -> None:
    assert "ask_identity_check" in acts("麻烦您说一下身份证最后——四——位。", "agent", "zh")


def test_asr_fillers_do_not_split_an_introduction() -> None:
    found = acts("hi good evening this is um marcus webb with lakeshore recovery group", "agent", "en")
    assert {"introduce_self", "state_institution"} <= found


@pytest.mark.parametrize("text", ["seven seven oh two", "uh, four one one nine"])
def test_spoken_digits_verify(text: str) -> None:
    assert "give_verification" in acts(text, "debtor", "en")


def test_cantonese_dont_negates() -> None:
    assert "personal_account" not in acts("记住，唔好转钱畀任何私人账户。", "agent", "zh")


@pytest.mark.parametrize(("text", "lang"), [
    ("我是王磊的爱人，他不在家。", "zh"),
    ("你找的是我爸吧，我是他儿子。", "zh"),
    ("Oh, you want my father. I'm Dana Junior.", "en"),
])
def test_relatives_say_who_they_are(text: str, lang: str) -> None:
    assert acts(text, "debtor", lang) & {"not_debtor", "relative"}
    assert "confirm_identity" not in acts(text, "debtor", lang)


def test_a_relative_who_first_said_yes_heard_a_disclosure() -> None:
    raw = call("en", [
        ("agent", "Is this Dana Park?"),
        ("debtor", "Yeah, this is Dana."),
        ("agent", "Dana, it's Sam from Harbor Bank. I'm calling about your card: $8,640 is 35 days past due."),
        ("debtor", "Oh, you want my mom. I'm Dana Junior."),
        ("agent", "Sorry about that! Could you ask her to call Sam back at 800-555-0100? Thanks."),
    ], opening=False)
    card = score(parse_transcript(raw))
    assert ("US-THIRD-PARTY", 2) in rules_at(card)
    assert not card.steps["reminder"].applicable


@pytest.mark.parametrize(("reply", "rejected"), [
    ("一千顶什么用？今天必须全还。", True),
    ("A thousand won't cut it. I need the full amount today.", True),
    ("行，一千，9月5号，就这么定了。", False),
])
def test_repeating_a_sum_to_turn_it_down_confirms_nothing(reply: str, rejected: bool) -> None:
    lang = "en" if reply.isascii() else "zh"
    offer = "I can do a thousand today, that's it." if lang == "en" else "我最多今天先还一千，9月5号。"
    card = score(parse_transcript(call(lang, [("debtor", offer), ("agent", reply)], call_local_time="2026-09-01T10:00")))
    assert card.steps["negotiation"].done is not rejected


def test_a_sum_the_debtor_has_not_got_is_no_offer() -> None:
    assert "counter_offer" not in acts("I haven't got three hundred pounds. My rent's due Friday.", "debtor", "en")


def test_notes_that_deny_a_raised_dispute_are_inaccurate() -> None:
    raw = call("zh", [
        ("debtor", "这笔不是我刷的，是被盗刷了，我已经挂失报案了。"),
        ("agent", "好的，我把您的异议登记下来，提交核查，核实之前先不催收。谢谢您，再见。"),
    ], record={"outcome": "dispute", "notes": "客户对欠款无异议。"})
    assert score(parse_transcript(raw)).record_accurate is False


@pytest.mark.parametrize("text", ["到时候出什么事，你自己担着。", "你那个小区我们那边也有人。"])
def test_veiled_zh_threats(text: str) -> None:
    assert "threat" in acts(text, "agent", "zh")


@pytest.mark.parametrize("text", ["利息违约金天天往上滚。", "孩子上学也是花钱的时候，您多保重。", "手续费按银行公示的标准收取。"])
def test_zh_words_that_only_look_hostile(text: str) -> None:
    assert not acts(text, "agent", "zh") & {"insult", "false_legal", "mention_contacts"}
