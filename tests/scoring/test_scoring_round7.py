"""Findings met on the ninth blind batch: a relative who takes the phone after the holder was
verified, an answer that fills in the rest of a plan, a sighed yes after a hedge, a question
turned away unanswered, garnishment with no judgment behind it, a caller hiding behind a
pretext, a pause refused, and words that look like a breach but are not one. Every sentence is
written for this file (none is in the labelled calls)."""

from __future__ import annotations

import pytest
from scoring_helpers import acts, call, card, flagged

from scoring import score
from scoring.analysis.dates import find_dates
from scoring.transcript import parse_transcript

# --- who is on the line -------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "rule", "grab", "leak"), [
    ("zh", "CN-THIRD-PARTY", "（电话被抢过去）喂？我是他老婆。他欠你们多少？",
     "嫂子，他这张卡欠了8640，逾期一个多月了。"),
    ("en", "US-THIRD-PARTY", "Gimme that. Hi, this is his wife. What does he owe you?",
     "Well ma'am, he's $8,640 behind on the card, about five weeks."),
])
def test_a_relative_who_grabs_the_phone_after_verification_is_a_third_party(
        lang: str, rule: str, grab: str, leak: str) -> None:
    c = card(lang, [("debtor", grab), ("agent", leak)], jurisdiction="US" if lang == "en" else "CN")
    assert 5 in flagged(c, rule)
    assert c.steps["identity"].done  # the holder was verified properly before the leak


def test_a_third_party_speaker_label_says_who_answered() -> None:
    raw = call("en", [("agent", "Hi, may I speak with Dana Park please?"),
                      ("debtor", "She's at work. Who's calling?"),
                      ("agent", "This is Sam. Could you ask her to call me back at 555-0100? Thank you, bye.")],
               opening=False, jurisdiction="US", record={"outcome": "callback", "notes": "left a number"})
    raw["turns"][1]["speaker"] = "third_party"
    c = score(parse_transcript(raw))
    assert not c.steps["reminder"].applicable and not c.steps["negotiation"].applicable


def test_someone_else_answering_and_the_holder_saying_their_name_hands_over() -> None:
    c = card("zh", [("agent", "您好，请问王磊在吗？我是云港银行的小陈，工号3108。"), ("debtor", "我是他妈，你等下。"),
                    ("debtor", "喂，我是王磊。"), ("agent", "王先生您好，麻烦报一下身份证后四位。"), ("debtor", "4471。"),
                    ("agent", "谢谢。您的信用卡欠款8640元，逾期35天了。")], opening=False)
    assert c.steps["identity"].done and not flagged(c, "CN-THIRD-PARTY")


# --- plans ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "turns", "amount", "date"), [
    ("zh", [("debtor", "我下周一先还三千吧。"), ("agent", "下周一是5月18号，先还3000。剩下的5640您打算什么时候还？"),
            ("debtor", "6月5号之前还清。"), ("agent", "好的，记下了。")], 3000.0, "2026-05-18"),
    ("en", [("debtor", "I can do three thousand on Monday."), ("agent", "Monday the 18th, $3,000. When could you pay the rest?"),
            ("debtor", "June 5th."), ("agent", "Okay, I've noted that.")], 3000.0, "2026-05-18"),
])
def test_an_answer_about_the_rest_keeps_the_first_payment(lang: str, turns: list, amount: float, date: str) -> None:
    c = card(lang, turns)
    assert c.steps["negotiation"].done
    assert (c.outcome.amount, c.outcome.date) == (amount, date)


@pytest.mark.parametrize(("lang", "hedge", "sigh", "firm"), [
    ("zh", "嗯，我尽量吧。", "……行吧，拜拜。", "行，15号我还8640。"),
    ("en", "I'll try, I guess.", "...fine. Bye.", "Yes, $8,640 on the 15th, I'll do it."),
])
def test_a_sighed_yes_after_a_hedge_is_no_agreement(lang: str, hedge: str, sigh: str, firm: str) -> None:
    offer = "那就15号还8640，可以吗？" if lang == "zh" else "So $8,640 on the 15th, okay?"
    base = [("agent", offer), ("debtor", hedge), ("agent", offer)]
    assert not card(lang, base + [("debtor", sigh)]).steps["negotiation"].done
    assert card(lang, base + [("debtor", firm)]).steps["negotiation"].done


@pytest.mark.parametrize(("lang", "text"), [("zh", "全还吧，8640，15号。"), ("en", "Fine, $8,640 on the 15th.")])
def test_full_payment_said_with_the_figure_and_the_day_is_an_offer(lang: str, text: str) -> None:
    ask = "15号，还多少？" if lang == "zh" else "The 15th. How much?"
    ok = "行。" if lang == "zh" else "Okay."
    assert card(lang, [("agent", ask), ("debtor", text), ("agent", ok)]).steps["negotiation"].done


def test_a_settlement_confirmed_with_its_terms_is_agreed_even_in_full() -> None:
    c = card("en", [("agent", "We can settle for $5,000 in one payment."), ("debtor", "I can do it Friday, the 15th."),
                    ("agent", "Friday, May 15, $5,000, settled in full. Perfect.")])
    assert c.steps["negotiation"].done


# --- tone ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "这个问题请您以合同为准，我这边不做解答。"),
    ("en", "I'm not able to answer that. Please refer to your agreement."),
])
def test_a_question_turned_away_unanswered_is_cold(lang: str, text: str) -> None:
    ask = "那晚了会怎么样？" if lang == "zh" else "What happens if I'm late?"
    c = card(lang, [("debtor", ask), ("agent", text)])
    assert any(f.kind == "cold" and f.turn == 5 for f in c.tone.findings)


def test_hanging_up_with_no_word_of_goodbye_is_cold() -> None:
    bare = card("zh", [("agent", "15号还8640，行吗？"), ("debtor", "行了吧？"), ("agent", "行，记下了。")])
    kind = card("zh", [("agent", "15号还8640，行吗？"), ("debtor", "行了吧？"), ("agent", "行，记下了，谢谢您，再见。")])
    assert any(f.kind == "cold" and f.turn == 6 for f in bare.tone.findings)
    assert not any(f.turn == 6 for f in kind.tone.findings)


def test_nerves_are_not_money_trouble() -> None:
    assert "hardship" not in acts("你们银行什么事啊，这么紧张。", "zh", "debtor")
    assert "hardship" in acts("这个月手头紧张，还不上。", "zh", "debtor")


def test_mock_praise_is_sarcasm_and_real_congratulations_are_not() -> None:
    assert "sarcasm" in acts("Their letters are a real page-turner. Somebody won an award for them.", "en")
    assert "sarcasm" not in acts("Congratulations on the new job, that's great news.", "en")
    assert "empathise" in acts("I hear you. Let's find something that works.", "en")


# --- compliance --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "false"), [
    ("Once it's ninety days late the county can start garnishing your paycheck.", True),
    ("If they sue and win a judgment, they could ask the court to garnish wages.", False),
])
def test_garnishment_needs_a_judgment_behind_it(text: str, false: bool) -> None:
    assert ("false_legal" in acts(text, "en")) is false


def test_a_crime_claim_with_a_judge_in_it_is_one_crime_finding() -> None:
    c = card("en", [("agent", "Folks who skip out on a signed contract get treated as theft and end up in front of a judge.")],
             jurisdiction="US")
    assert 4 in flagged(c, "US-FALSE-CRIME") and 4 not in flagged(c, "US-FALSE-THREAT")


def test_a_friendly_pretext_hides_who_is_calling() -> None:
    c = card("en", [("agent", "Hi, is this Pat, Dana's sister?"), ("debtor", "Yes. Who's this?"),
                    ("agent", "Oh, I'm an old friend of Dana's from college, just need her new address.")],
             opening=False, jurisdiction="US")
    assert 2 in flagged(c, "US-NO-ID")


@pytest.mark.parametrize(("lang", "rule", "text"), [
    ("en", "UK-FORBEARANCE", "I understand. However, I am unable to offer a pause on the account. £68 is due this month."),
    ("en", "UK-PRESSURE", "You'll want that sorted before the end of today. Got a card you could stick it on?"),
])
def test_uk_refused_pause_and_deadline_pressure(lang: str, rule: str, text: str) -> None:
    c = card(lang, [("debtor", "I lost my job, I'm on Universal Credit. Can you pause it for a month?"), ("agent", text)],
             jurisdiction="UK", currency="GBP")
    assert 5 in flagged(c, rule)


def test_telling_someone_where_they_can_pay_is_no_demand() -> None:
    assert "demand_payment" not in acts("You can make a payment at any time in the app, under My card.", "en")
    assert "demand_payment" in acts("You need to make a payment today.", "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "你找工友周转一下，先借个三千把窟窿堵上。"),
    ("zh", "你手机上那个“好借”App，额度挺高的。"),
    ("en", "Got a credit card you could stick it on, or someone who'd lend it you?"),
])
def test_borrowing_pushes_in_other_words(lang: str, text: str) -> None:
    assert "push_new_borrowing" in acts(text, lang)


def test_a_product_loan_is_no_borrowing_push() -> None:
    assert "push_new_borrowing" not in acts("我们是受委托处理您微粒贷借款的，逾期31天了。", "zh")


@pytest.mark.parametrize(("lang", "text", "act"), [
    ("zh", "就是提醒您一下，我们认得门。", "threat"),
    ("zh", "不然我天天来电话问您。", "frequency_pressure"),
    ("zh", "我这边给你提异议工单，核实期间不催收。", "dispute_route"),
    ("zh", "我是北岭资产的老周，工号2207。", "state_institution"),
    ("zh", "在微信里搜“微粒贷”，点进去“还款”就行。", "payment_channel"),
])
def test_zh_lookalike_phrasings(lang: str, text: str, act: str) -> None:
    assert act in acts(text, lang)


def test_a_lowercase_sat_is_the_verb_not_saturday() -> None:
    from datetime import date
    ref = date(2026, 4, 7)
    assert find_dates("the truck sat eleven days in the lot", "en", ref) == []
    assert [d.value.isoformat() for d in find_dates("pay by Sat. please", "en", ref)] == ["2026-04-11"]


def test_asking_for_it_in_writing_is_no_stop_request() -> None:
    assert "stop_calling" not in acts("No. I'm not agreeing to anything. Put it in writing.", "en", "debtor")
    assert "stop_calling" in acts("Stop calling me. Send everything in writing.", "en", "debtor")


def test_a_debtor_who_hangs_up_on_the_agent_leaves_no_bare_hang_up() -> None:
    raw = call("zh", [("agent", "15号还8640，行吗？"), ("debtor", "我再想想。"), ("agent", "那您看")])
    raw["turns"].append({"speaker": "system", "text": "[客户挂断]"})
    cut_off = score(parse_transcript(raw))
    assert not any(f.kind == "cold" and f.turn == 6 for f in cut_off.tone.findings)
