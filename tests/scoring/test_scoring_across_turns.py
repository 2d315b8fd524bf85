"""Findings that depend on earlier turns, met on the seventh blind batch: an invented fee folded
into a later total, a debtor who says the money already went out, an agent who deflects the
check to "customer service", and an agent who only sets up the sum the debtor offered. Every
sentence is written for this file (none is in the labelled calls)."""

from __future__ import annotations

import pytest
from scoring_helpers import call, rules_at

from scoring import score
from scoring.analysis import analyse
from scoring.scorecard import Scorecard
from scoring.transcript import parse_transcript


def card(lang: str, turns: list[tuple[str, str]], **scenario: object) -> Scorecard:
    return score(parse_transcript(call(lang, turns, **scenario)))


def flagged(c: Scorecard, rule: str) -> set[int]:
    return {t for r, t in rules_at(c) if r == rule}


# --- an invented fee keeps counting where it is carried -----------------------------------------

FEE_CALLS = [
    ("zh", "CN-EXTRA-FEE",
     "另外办分期要交150元的加急费，这个是必须的。", "那就是8640加150，一共8790，今天先转过来。"),
    ("zh", "CN-EXTRA-FEE",
     "走这个方案得先交一笔150块的审核费。", "行，月底前还清，150的审核费也含在里面了。"),
    ("en", "US-FALSE-AMOUNT",
     "There's a $25 handling fee on every arrangement we set up.", "So that's $8,665 in total by Friday."),
    ("en", "US-FALSE-AMOUNT",
     "Setting up the plan carries a $25 handling fee, I'm afraid.", "Look, it's twenty-five bucks, it's just how we work."),
]


@pytest.mark.parametrize(("lang", "rule", "fee", "later"), FEE_CALLS)
def test_a_fee_folded_into_a_later_total_is_flagged_again(lang: str, rule: str, fee: str, later: str) -> None:
    reply = "嗯。" if lang == "zh" else "Okay."
    c = card(lang, [("agent", fee), ("debtor", reply), ("agent", later)], jurisdiction="CN" if lang == "zh" else "US")
    assert {4, 6} <= flagged(c, rule)


@pytest.mark.parametrize(("lang", "rule", "fee", "later"), [
    ("zh", "CN-EXTRA-FEE", "另外办分期要交150元的加急费。", "算了，加急费给您免了，就按8640还。"),
    ("en", "US-FALSE-AMOUNT", "There's a $25 handling fee on this.", "You know what, I'll waive the fee, so just the $8,640."),
    ("en", "US-FALSE-AMOUNT", "There's a $25 handling fee on this.", "So $8,640 by Friday, through the app."),
])
def test_a_dropped_fee_or_a_total_without_it_is_not_carried(lang: str, rule: str, fee: str, later: str) -> None:
    reply = "嗯。" if lang == "zh" else "Okay."
    c = card(lang, [("agent", fee), ("debtor", reply), ("agent", later)], jurisdiction="CN" if lang == "zh" else "US")
    assert 4 in flagged(c, rule) and 6 not in flagged(c, rule)


def test_the_products_own_fee_next_to_an_instalment_is_not_the_invented_fee() -> None:
    turns = [("agent", "可以分12期，每期大约720元，另有分期手续费，以页面为准。另外要交一笔99元的受理费。"),
             ("debtor", "好吧。"), ("agent", "跟您确认：每期约720元加手续费，下月10号前在App还。再见。")]
    c = card("zh", turns, jurisdiction="CN")
    assert flagged(c, "CN-EXTRA-FEE") == {4}


# --- "I already paid" is a dispute ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "我上周五就在App上还了，扣款短信都还在呢。",
    "不对吧，前天我已经转过去三千了，你们是不是没入账？",
    "有还款成功的截图啊，你们自己查。",
])
def test_a_past_payment_claim_is_a_dispute(text: str) -> None:
    assert "dispute" in {a.name for a in analyse(text, "debtor", "zh").acts}


@pytest.mark.parametrize("text", [
    "我还以为上个月还了呢，忘了。",
    "下个月10号发工资，那天一起还了吧。",
])
def test_a_mistaken_belief_or_a_proposal_is_no_dispute(text: str) -> None:
    assert "dispute" not in {a.name for a in analyse(text, "debtor", "zh").acts}


@pytest.mark.parametrize("text", [
    "核查不归我管，您今天先把8640处理了。",
    "查不查那是客服的事，您先还上。",
    "系统里没有就等于没还，您今天还一下吧。",
    "您那个截图我们没法当依据。",
])
def test_deflecting_the_check_dismisses_the_dispute(text: str) -> None:
    turns = [("debtor", "我上周就还了两千，有转账记录。"), ("agent", text)]
    c = card("zh", [("agent", "您这张卡8640，逾期35天，会产生罚息并上报征信。"), *turns], jurisdiction="CN")
    assert 6 in flagged(c, "CN-DISPUTE")


def test_setting_up_only_the_sum_the_debtor_offered_presses_for_nothing_new() -> None:
    turns = [("agent", "您这张卡8640，逾期35天，会产生罚息并上报征信。"),
             ("debtor", "不对，我上周就还了两千。今天最多先还1000，剩下的你们查清楚再说。"),
             ("agent", "好的，异议我给您登记提交核查。今天这1000，您在App点立即还款就行。"),
             ("debtor", "知道了。"),
             ("agent", "今天1000，您在App还。谢谢，再见。")]
    c = card("zh", turns, jurisdiction="CN")
    assert flagged(c, "CN-DISPUTE") == set()
    pressing = [*turns[:2], ("agent", "今天先还1000，剩下的7640下周也得补上。")]
    assert flagged(card("zh", pressing, jurisdiction="CN"), "CN-DISPUTE") == {6}


# --- UK: borrowing to pay tonight ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Have you got another card you could pop it on tonight?",
    "What about your sister, could she send it across now and you square her up on payday?",
])
def test_pushing_a_uk_customer_to_borrow_now_is_pressure(text: str) -> None:
    c = card("en", [("debtor", "I get paid on the 20th, I'll clear it then."), ("agent", text)], jurisdiction="UK")
    assert 5 in flagged(c, "UK-PRESSURE")


def test_saying_it_is_late_in_the_evening_tells_no_debt() -> None:
    a = analyse("Sorry, I know it's late, I'm on the late shift.", "agent", "en")
    assert "state_overdue" not in {x.name for x in a.acts}


# --- plans agreed without the word "yes" ---------------------------------------------------------

@pytest.mark.parametrize("reply", ["20号前2000。剩下的再说吧。", "这样我能扛得住。", "2000，20号前，行。"])
def test_a_debtor_who_echoes_the_terms_or_says_it_is_bearable_agrees(reply: str) -> None:
    turns = [("agent", "您这张卡8640，逾期35天，会产生罚息并上报征信。"), ("debtor", "我现在钱不够。"),
             ("agent", "那就5月20号前先还2000，可以吧？"), ("debtor", reply)]
    c = card("zh", turns, jurisdiction="CN")
    assert c.steps["negotiation"].done


@pytest.mark.parametrize(("lang", "text"), [("zh", "那欠钱不还会坐牢吗？"), ("zh", "要是一直不还的话会怎么样？")])
def test_asking_what_happens_if_unpaid_is_no_refusal(lang: str, text: str) -> None:
    assert "refuse" not in {a.name for a in analyse(text, "debtor", lang).acts}


# --- who is mocked, who is warned against --------------------------------------------------------

def test_warning_against_fraudsters_insults_nobody() -> None:
    c = card("zh", [("agent", "千万别信那些说能帮您洗征信的人，都是骗子。")], jurisdiction="CN")
    assert flagged(c, "CN-INSULT") == set()


@pytest.mark.parametrize("text", ["您这借口一套又一套的，编得真圆啊。", "上次是孩子生病，这回又是出差？", "下回可别再编个亲戚住院了。"])
def test_mocking_the_debtors_reasons_as_made_up_is_an_insult(text: str) -> None:
    assert 4 in flagged(card("zh", [("agent", text)], jurisdiction="CN"), "CN-INSULT")


# --- US and UK wording ----------------------------------------------------------------------------

def test_a_repossession_the_contract_allows_if_unpaid_is_a_lawful_consequence() -> None:
    text = "If the account stays behind, your finance agreement lets the lender repossess the car."
    assert flagged(card("en", [("agent", text)], jurisdiction="US"), "US-FALSE-THREAT") == set()


def test_claiming_to_work_with_the_prosecutor_is_a_false_affiliation() -> None:
    text = "Our unit partners closely with the district attorney on accounts like yours."
    assert 4 in flagged(card("en", [("agent", text)], jurisdiction="US"), "US-FALSE-AFFILIATION")


@pytest.mark.parametrize(("lang", "text", "act"), [
    ("en", "No, it's her nan. She's out at the shops.", "relative"),
    ("zh", "我两个礼拜以后再给您打个电话问问情况。谢谢您，再见。", "recap"),
    ("en", "I'll try him again after six then. Thanks, bye.", "recap"),
])
def test_everyday_lines_read_as_what_they_are(lang: str, text: str, act: str) -> None:
    speaker = "debtor" if act == "relative" else "agent"
    assert act in {a.name for a in analyse(text, speaker, lang).acts}
