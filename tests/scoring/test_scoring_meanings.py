"""Meanings the scorer must hear in paraphrase (none of these lines appears in a data file)."""

import pytest
from scoring_helpers import call, rules_at

from scoring import score
from scoring.analysis import analyse

# A debtor contests the debt: wrong amount, already paid, not theirs, wants proof.
DISPUTES = [
    ("zh", "这个数不对吧，你们是不是多算了？"),
    ("zh", "怎么会欠这么多？肯定是弄错了。"),
    ("zh", "我上个月10号就转过去了，手机上有转账记录。"),
    ("zh", "账单比我算的多了两千块。"),
    ("en", "Hold on, I don't believe I owe you anything. Send me proof first."),
    ("en", "That can't be right, you've got the wrong figure."),
    ("en", "I already sent that payment back in March."),
    ("en", "Never heard of this account. I need to see the paperwork."),
]
NOT_DISPUTES = [
    ("zh", "最多能先还两千，再多不行了。"),
    ("zh", "下个月5号发工资，那天一起还了吧。"),
    ("zh", "都这么晚了你们还上班？"),
    ("en", "I'll pay it on Friday when I get paid."),
]


@pytest.mark.parametrize(("lang", "text"), DISPUTES)
def test_dispute_paraphrases_are_heard(lang: str, text: str) -> None:
    assert analyse(text, "debtor", lang).has("dispute")


@pytest.mark.parametrize(("lang", "text"), NOT_DISPUTES)
def test_offers_and_small_talk_are_not_disputes(lang: str, text: str) -> None:
    assert not analyse(text, "debtor", lang).has("dispute")


# Asking someone who is not the debtor to pay for them.
THIRD_PARTY_PAY = [
    ("zh", "要不您先帮她把这钱垫上，先还一点也行。"),
    ("zh", "不如你们家里帮他凑一凑，先还一部分。"),
    ("zh", "你是他哥，这笔钱你得管。"),
    ("en", "Could you maybe put something towards it for her?"),
    ("en", "Perhaps you could bail him out this once."),
    ("en", "Someone in the family could cover part of it."),
]


@pytest.mark.parametrize(("lang", "text"), THIRD_PARTY_PAY)
def test_asking_a_third_party_to_pay(lang: str, text: str) -> None:
    assert analyse(text, "agent", lang).has("ask_third_party_pay")


def test_telling_the_debtor_how_to_pay_is_not_asking_a_third_party() -> None:
    a = analyse("You can pay online or through our automated phone line.", "agent", "en")
    assert not a.has("ask_third_party_pay")


RELATIVE_OPENING_EN = [("agent", "Hello, may I speak with Dana Park?"),
                       ("debtor", "She's at work. I'm her husband.")]
RELATIVE_OPENING_ZH = [("agent", "您好，请问王磊在吗？"), ("debtor", "他上班去了，我是他爱人。")]


@pytest.mark.parametrize(("lang", "line", "rule", "jur"), [
    ("en", "Let her know it's about the Harbor card, please.", "US-THIRD-PARTY", "US"),
    ("en", "If it isn't sorted it'll show up on her credit file.", "UK-THIRD-PARTY", "UK"),
    ("zh", "不处理的话会影响他的征信。", "CN-THIRD-PARTY", "CN"),
])
def test_consequences_or_product_named_to_a_relative_disclose(lang: str, line: str, rule: str, jur: str) -> None:
    opening = RELATIVE_OPENING_EN if lang == "en" else RELATIVE_OPENING_ZH
    card = score(call(lang, opening + [("agent", line), ("debtor", "OK." if lang == "en" else "好。")],
                      opening=False, jurisdiction=jur))
    assert (rule, 2) in rules_at(card)


def test_callback_request_to_a_relative_is_not_a_disclosure() -> None:
    card = score(call("en", RELATIVE_OPENING_EN + [("agent", "Could you ask her to call Sam at Harbor Bank back?"),
                                                   ("debtor", "Sure.")], opening=False, jurisdiction="US"))
    assert not [r for r, _ in rules_at(card) if r.endswith("THIRD-PARTY")]


@pytest.mark.parametrize(("lang", "heard", "line", "rule", "jur"), [
    ("en", "Yeah it's me, but my manager is right next to me.", "You're £900 behind on your loan.", "UK-THIRD-PARTY",
     "UK"),
    ("en", "Speaking, but you're on speakerphone in the car.", "You owe $8,640, 35 days past due.", "US-THIRD-PARTY",
     "US"),
    ("zh", "是我，不过我开着免提，同事都在旁边。", "您信用卡欠了8640元，逾期35天了。", "CN-THIRD-PARTY", "CN"),
])
def test_disclosure_while_others_listen(lang: str, heard: str, line: str, rule: str, jur: str) -> None:
    card = score(call(lang, [("agent", "Is that Dana?" if lang == "en" else "请问是王磊吗？"), ("debtor", heard),
                             ("agent", line)], opening=False, jurisdiction=jur))
    assert (rule, 2) in rules_at(card)


def test_disclosure_in_private_is_not_third_party() -> None:
    card = score(call("en", [("agent", "Is that Dana?"), ("debtor", "Speaking, I'm alone at home."),
                             ("agent", "You owe $8,640, 35 days past due.")], opening=False, jurisdiction="US"))
    assert not [r for r, _ in rules_at(card) if r.endswith("THIRD-PARTY")]


def test_recording_a_dispute_is_routing_it() -> None:
    card = score(call("zh", [("agent", "您信用卡欠8640元，逾期35天，会影响征信。"),
                             ("debtor", "不对吧，怎么会这么多，肯定是你们算错了。"),
                             ("agent", "好的，我先把这个异议帮您登记下来，核实清楚之前这部分不催收。"),
                             ("debtor", "好。")]))
    assert "CN-DISPUTE" not in [r for r, _ in rules_at(card)]


def test_brushing_off_a_dispute_is_a_violation() -> None:
    card = score(call("zh", [("agent", "您信用卡欠8640元，逾期35天，会影响征信。"),
                             ("debtor", "不对吧，怎么会这么多，肯定是你们算错了。"),
                             ("agent", "系统不会错的，您先还上再说。"),
                             ("debtor", "……")]))
    assert ("CN-DISPUTE", 6) in rules_at(card)
