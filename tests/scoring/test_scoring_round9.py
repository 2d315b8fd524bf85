"""Findings met on the eleventh blind batch (half of it lawful words that sound like breaches):
a denial said after the court word, a lawsuit that "would take" a judgment, the consumer's own
attorney on the line, a joked insult, care for a vulnerable customer, hedged offers. Every
sentence is written for this file (none is in the labelled calls)."""

from __future__ import annotations

import pytest
from scoring_helpers import acts, call, card, flagged

from scoring import score
from scoring.transcript import parse_transcript

# --- lawful words that sound like breaches ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "And court: nothin's been filed, there is no lawsuit.",
    "Nobody can touch your paycheck; that would take a lawsuit and a judge's order first.",
])
def test_denials_and_hypotheticals_about_court_are_lawful(text: str) -> None:
    assert "false_legal" not in acts(text, "en")


def test_the_consumers_own_attorney_on_the_line() -> None:
    raw = call("en", [("agent", "Harbor Bank collections, this is Sam."),
                      ("debtor", "Hi, I'm an attorney. I represent Dana Park; we faxed a letter of representation."),
                      ("agent", "Received. Dana's card balance is $8,640; verification goes to your office. Thanks, bye.")],
               opening=False, jurisdiction="US", attorney_on_record=True)
    raw["turns"][1]["speaker"] = "third_party"
    c = score(parse_transcript(raw))
    assert not flagged(c, "US-REPRESENTED") and not flagged(c, "US-THIRD-PARTY")


def test_a_warning_about_anybodys_cash_app_is_no_personal_account() -> None:
    assert "personal_account" not in acts("Please don't ever send it to anybody's Cash App, only the official app.", "en")


# --- breaches in new words ---------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "act"), [
    ("en", "Come on, don't be a deadbeat on me here. I'm kidding.", "insult"),
    ("en", "Which office I'm calling from isn't the important part.", "refuse_identity"),
    ("en", "Your boss over at the plant is going to hear about this one way or another.", "mention_contacts"),
    ("en", "The extra thirty-five is an account maintenance charge.", "extra_fee"),
    ("zh", "您这个岁数了还欠着银行钱，说出去不好听吧？", "insult"),
    ("zh", "您家小区门口那家超市我常去，说不定哪天就碰上了。", "threat"),
    ("zh", "再不处理性质就不一样了，就不只是欠钱的事了。", "false_legal"),
    ("zh", "我们系统会接着拨，一天拨它几遍。", "frequency_pressure"),
])
def test_breaches_in_new_words(lang: str, text: str, act: str) -> None:
    assert act in acts(text, lang)


def test_a_borrowing_push_over_a_dispute_is_one_finding() -> None:
    c = card("zh", [("debtor", "那笔不是我刷的，我手机丢了，已经报警了。"),
                    ("agent", "您不是还有张信用卡嘛？刷出来先把这边平了，征信就干净了。")])
    assert 5 in flagged(c, "CN-NEW-BORROWING") and 5 not in flagged(c, "CN-DISPUTE")


# --- care and plans ------------------------------------------------------------------------------

def test_care_for_a_vulnerable_customer_is_no_pressing() -> None:
    c = card("en", [("debtor", "Mum has dementia, she went into a care home last week."),
                    ("agent", "I'm so sorry. I'll put a note on the account, and if you need a few weeks first that's fine."),
                    ("debtor", "I could do twenty pounds a week from the 3rd."),
                    ("agent", "Twenty a week from the 3rd of April is fine. Does that work?")], jurisdiction="UK", currency="GBP")
    assert not flagged(c, "UK-VULNERABLE")


def test_an_offer_taken_back_in_the_same_breath_is_no_offer() -> None:
    hedged = card("zh", [("debtor", "周五结了账我先还三千，不过也说不准哈。"), ("agent", "好的，周五三千。")])
    firm = card("zh", [("debtor", "周五结了账我先还三千。"), ("agent", "好的，周五三千。")])
    assert not hedged.steps["negotiation"].done and firm.steps["negotiation"].done


def test_the_day_a_plan_is_set_up_is_no_payment_day() -> None:
    c = card("zh", [("agent", "我这边今天就可以给您办，分12期，每期720元，第一期8月20号。"), ("debtor", "得啊。")],
             call_local_time="2026-07-21T15:10")
    assert c.outcome.date == "2026-08-20"
