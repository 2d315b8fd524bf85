"""Round 10: gaps found by single-line probes of each rule (one agent line in a clean, verified
call): knowing where someone lives said the other way round, a named colleague's account, a
"credit repair" charge further from its fee, public notices in a village, a dispute "调处" centre,
enforcement officers at the workplace; en: accidents that "tend" to happen, serving papers with
no suit, frozen paychecks, taking "the" house, pressing on after a stop or a dispute. Every
sentence is written for this file (none is in the labelled calls)."""

from __future__ import annotations

import pytest
from scoring_helpers import acts, card, flagged

# --- one line, one act ---------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "act"), [
    ("zh", "您家住在哪个小区，我们这边早就查到了。", "threat"),
    ("zh", "你住址我们都晓得，别想躲。", "threat"),
    ("zh", "钱转到这张卡，户名写的张伟，那是我们组长。", "personal_account"),
    ("zh", "不方便的话扫一下我这个收款码，也一样。", "personal_account"),
    ("zh", "信用记录修复这块我们能帮忙，不过要交八百块服务费。", "extra_fee"),
    ("zh", "再不还，我们就在你们小区门口贴张告示。", "mention_contacts"),
    ("zh", "我们这里是互联网金融纠纷调处中心，今天通知您一下。", "impersonation"),
    ("zh", "下周执行庭的人会去您公司查封财物。", "false_legal"),
    ("en", "Folks who dodge us seem to have little accidents, you know?", "threat"),
    ("en", "A process server is coming by your office Monday to serve you.", "false_legal"),
    ("en", "Your wages get garnished next week if this isn't handled.", "false_legal"),
    ("en", "If it comes to it, we'll come for the car.", "false_legal"),
    ("en", "Okay, but let's go ahead and schedule a small payment for Friday.", "demand_payment"),
    ("en", "Honestly, just pay it and this all goes away.", "dismiss_dispute"),
    ("en", "We don't mail out verification, ma'am.", "dismiss_dispute"),
])
def test_new_words_for_old_acts(lang: str, text: str, act: str) -> None:
    assert act in acts(text, lang)


@pytest.mark.parametrize(("lang", "text", "act"), [
    ("zh", "您家地址我们需要核实一下，确认账单寄对了。", "threat"),
    ("zh", "征信修复要收费的都是骗子，您千万别交钱。", "personal_account"),
    ("zh", "我们这边有停息挂账的申请渠道，我帮您登记。", "impersonation"),
    ("en", "Your card account is frozen for new purchases until it's current.", "false_legal"),
    ("en", "You can just pay online whenever it suits you.", "demand_payment"),
    ("en", "We'll send the verification letter out today.", "dismiss_dispute"),
])
def test_lawful_words_near_them(lang: str, text: str, act: str) -> None:
    assert act not in acts(text, lang)


# --- whole calls: the rule fires on the agent's turn ---------------------------------------------

def test_pressing_for_a_payment_after_a_stop_request_is_us_cease() -> None:
    c = card("en", [("agent", "I'm a debt collector; this is an attempt to collect a debt and any information "
                              "obtained will be used for that purpose."),
                    ("debtor", "Please quit calling me. I mean it."),
                    ("agent", "Totally, but let's just set up one payment today and you won't hear from us.")],
             jurisdiction="US")
    assert flagged(c, "US-CEASE") == {6}


def test_talking_terms_past_the_consumers_attorney_is_us_represented() -> None:
    c = card("en", [("agent", "I'm a debt collector; this is an attempt to collect a debt and any information "
                              "obtained will be used for that purpose."),
                    ("debtor", "My lawyer, Mark Ruiz, is handling this. Call him at 555-0173."),
                    ("agent", "No need to drag lawyers in, let's figure something out between us.")],
             jurisdiction="US")
    assert flagged(c, "US-REPRESENTED") == {6}


def test_refusing_verification_after_a_dispute_is_us_validation() -> None:
    c = card("en", [("agent", "I'm a debt collector; this is an attempt to collect a debt and any information "
                              "obtained will be used for that purpose."),
                    ("debtor", "That isn't my account. I want it in writing."),
                    ("agent", "We don't do paperwork on these, just pay and it goes away.")],
             jurisdiction="US")
    assert flagged(c, "US-VALIDATION") == {6}


def test_a_village_notice_is_cn_contact_blast() -> None:
    c = card("zh", [("agent", "您这个月的账单已经逾期35天了，8640元。"),
                    ("agent", "再拖着，我们就去您老家村委会门口贴个公告。")])
    assert flagged(c, "CN-CONTACT-BLAST") == {5}
