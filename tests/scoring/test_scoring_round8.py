"""Findings met on the tenth blind batch: a hold for a hardship that is also a plan, a yes to a
callback that is no yes to terms, the product the debt is on that is no borrowing push, a fee
figure repeated in the recap, a listener the agent himself says is someone else, and more. Every
sentence is written for this file (none is in the labelled calls)."""

from __future__ import annotations

import pytest
from scoring_helpers import acts, card, flagged

from scoring.analysis.normalise import normalise_zh

# --- plans ---------------------------------------------------------------------------------------

def test_a_hold_for_a_hardship_with_instalments_is_a_plan() -> None:
    c = card("zh", [("debtor", "我住院了，腿摔断了，现在一分钱都没有。"),
                    ("agent", "我帮您申请暂停催收两个月，之后分12期，每期720元，第一期8月20号前还，您看行吗？"),
                    ("debtor", "那太好了，这样我还得上。")])
    assert c.steps["negotiation"].done


@pytest.mark.parametrize(("lang", "offer", "later"), [
    ("zh", "分6期的话每期一千四出头，您看呢？", "行……那你下礼拜再打给我吧，我跟家里商量一下。"),
    ("en", "Six payments would be about $1,440 each, starting the 1st. How does that sound?",
     "Okay... call me back next week, I need to talk to my husband."),
])
def test_yes_to_talking_again_is_no_yes_to_terms(lang: str, offer: str, later: str) -> None:
    assert not card(lang, [("agent", offer), ("debtor", later)]).steps["negotiation"].done


def test_an_incredulous_echo_is_no_yes() -> None:
    c = card("en", [("debtor", "I lost my job, I can't pay that."),
                    ("agent", "The minimum arrangement is $150 a month, from the 1st."),
                    ("debtor", "A hundred and fifty? I've got maybe twenty dollars spare.")], jurisdiction="UK")
    assert not c.steps["negotiation"].done


def test_the_agents_own_you_will_try_is_no_promise() -> None:
    c = card("en", [("agent", "Could you do $400 on the 31st?"), ("debtor", "I'll try, I can't promise."),
                    ("agent", "So you'll try for $400 on the 31st. Thanks!"), ("debtor", "Okay. Bye.")])
    assert not c.steps["negotiation"].done


def test_refused_help_is_no_help_offered() -> None:
    names = acts("I am unable to offer a breathing space or a hold on this account.", "en")
    assert "dismiss_hardship" in names and not names & {"hardship_arrangement", "hardship_route"}


# --- compliance ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["您支付宝借呗那笔借款，有5200块没还上。", "小周在借呗上借了点钱，三个月没还了。",
                                  "我是鑫隆信息咨询的，帮京东白条做贷后的。"])
def test_the_product_the_debt_is_on_is_no_borrowing_push(text: str) -> None:
    assert "push_new_borrowing" not in acts(text, "zh")


def test_cn_frequency_after_a_stop_request_stays_a_frequency_finding() -> None:
    c = card("zh", [("debtor", "别再给我打了，我自己会还。"), ("agent", "你不说个日子，我这边照样天天打。")])
    assert 5 in flagged(c, "CN-FREQUENCY")


@pytest.mark.parametrize(("text", "act"), [
    ("车我们随时可以拖走，您自己掂量。", "false_legal"),
    ("您那台车，晚上都停在小区北门那排吧？", "threat"),
    ("盗刷不盗刷的我这边管不了，先还上。", "dismiss_dispute"),
])
def test_zh_car_and_dispute_phrasings(text: str, act: str) -> None:
    assert act in acts(text, "zh")


def test_theft_reported_to_the_police_is_a_dispute() -> None:
    assert "dispute" in acts("钱包被偷了，第二天就有人用我的卡刷了两千，我当天就报了警。", "zh", "debtor")
    assert "threaten_agent" not in acts("我当天就报了警，有回执。", "zh", "debtor")


def test_the_debtor_addressed_as_laoban_is_no_boss() -> None:
    c = card("zh", [("agent", "喂，我找一下王磊王老板，我是云港银行的小陈。")], opening=False)
    assert not flagged(c, "CN-CONTACT-BLAST")


def test_asking_for_your_neighbor_makes_the_listener_a_third_party() -> None:
    c = card("en", [("agent", "Hi, I'm trying to reach your neighbor, Dana Park. Do you have a number for her?"),
                    ("debtor", "Why?"), ("agent", "She owes us and she knows it.")], opening=False, jurisdiction="US")
    assert 2 in flagged(c, "US-THIRD-PARTY") and not flagged(c, "US-MINI-MIRANDA")


def test_a_cover_story_to_the_holder_with_no_company_is_no_identification() -> None:
    holder = card("en", [("agent", "Hi Dana, this is Kim, following up on a personal business matter."),
                         ("debtor", "Okay?"), ("agent", "It's your card, $8,640 past due.")], opening=False, jurisdiction="US")
    assert 0 in flagged(holder, "US-NO-ID")


def test_a_figure_that_came_with_an_invented_fee_is_charged_again_in_the_recap() -> None:
    c = card("en", [("agent", "Fifty a month, plus our $9.95 convenience fee, so $59.95 a month from July 3rd."),
                    ("debtor", "Okay."), ("agent", "So that's $59.95 on July 3rd. Thanks, bye.")], jurisdiction="US")
    assert {4, 6} <= flagged(c, "US-FALSE-AMOUNT")


@pytest.mark.parametrize(("text", "act"), [
    ("This balance is still fully collectible in court.", "assert_enforceable"),
    ("The clock starts again every time we write to you.", "assert_enforceable"),
    ("Bottom line, we'll have your truck by Friday.", "false_legal"),
])
def test_en_enforcement_phrasings(text: str, act: str) -> None:
    assert act in acts(text, "en")


def test_a_lien_said_lawfully_is_no_false_threat() -> None:
    assert "false_legal" not in acts("The association may record a lien against the property if it stays unresolved.", "en")
    assert "false_legal" in acts("We're putting a lien on your house tomorrow.", "en")


def test_an_attorney_heard_as_a_turney() -> None:
    assert "has_lawyer" in acts("We're done. I've got a turney on this.", "en", "debtor")


# --- steps and tone -------------------------------------------------------------------------------

def test_overdue_days_heard_as_yuqi() -> None:
    assert normalise_zh("已经预期66天了") == "已经逾期66天了"
    assert normalise_zh("这是我的预期") == "这是我的预期"


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "跟您对一遍：8月15号前还3400。谢谢，再见。"),
    ("zh", "那咱就这么说定啦：月底前还上。拜拜。"),
    ("en", "Summary of this call: the dispute is recorded. Thank you. Goodbye."),
])
def test_recap_phrasings(lang: str, text: str) -> None:
    assert "recap" in acts(text, lang)


def test_a_nurse_leaving_for_the_hospital_is_going_to_work() -> None:
    assert "vulnerability" not in acts("I've got twenty minutes before I gotta leave for the hospital.", "en", "debtor")
    assert "vulnerability" in acts("I just got out of the hospital last week.", "en", "debtor")


def test_congratulations_on_anything_is_sincere() -> None:
    assert "sarcasm" not in acts("Well, congratulations on the grandbaby!", "en")
