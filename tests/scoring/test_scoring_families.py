"""Families fixed against the dev disagreements, checked on paraphrases that appear in no data file."""

import pytest
from scoring_helpers import call, rules_at

from scoring import score
from scoring.analysis import analyse
from scoring.analysis.numbers import find_amounts

A, D = "agent", "debtor"


def has(lang: str, speaker: str, text: str, act: str) -> bool:
    return analyse(text, speaker, lang).has(act)


# --- Impersonation / false affiliation, and what is not one --------------------------------------
@pytest.mark.parametrize("text", [
    "This is Officer Grant with the county sheriff's department.",
    "I'm calling from the district attorney's office about a complaint.",
    "We work closely with the local police on accounts like yours.",
    "I'm an attorney handling your file.",
    "I'm calling on behalf of the court.",
])
def test_posing_as_court_police_or_lawyer(text: str) -> None:
    assert has("en", A, text, "impersonation")


@pytest.mark.parametrize("text", [
    "We're issuing court proceedings next week.",
    "We may take this to court if it stays unpaid.",
    "I'm not a lawyer, but I can explain the process.",
    "We're going to court on this if nothing changes.",
])
def test_talking_about_court_is_not_posing_as_one(text: str) -> None:
    assert not has("en", A, text, "impersonation")


def test_false_affiliation_is_not_also_a_false_threat() -> None:
    card = score(call("en", [("agent", "This is a debt collector attempting to collect a debt. We partner directly "
                                       "with the district court on files like yours."), ("debtor", "Okay.")],
                      jurisdiction="US"))
    rules = {r for r, _ in rules_at(card)}
    assert "US-FALSE-AFFILIATION" in rules and "US-FALSE-THREAT" not in rules


# --- Introductions without "my name is" ------------------------------------------------------------
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Gavin Price, Northway Debt Purchasing."),
    ("en", "It's Priya Sandhu from Harland Recoveries."),
    ("en", "Morning, Tom Reyes here from Apex Collections."),
    ("en", "You're speaking with Lena Ortiz at Bright Loans Ltd."),
    ("zh", "您好，我是华岳银行信用卡中心的何磊。"),
    ("zh", "招商银行信用卡中心的李明，请问是张先生吗？"),
    ("zh", "喂，我系珠江银行信用卡中心嘅，我叫黄志明，工号8812。"),
])
def test_name_and_company_in_everyday_forms(lang: str, text: str) -> None:
    a = analyse(text, A, lang)
    assert a.has("introduce_self") and a.has("state_institution")
    assert not a.has("mention_account")  # "Debt" in a company name is no debt detail


# --- Routes refused are no routes; where to borrow is no payment channel --------------------------
@pytest.mark.parametrize(("lang", "text", "act"), [
    ("en", "You can't dispute it at this stage.", "dispute_route"),
    ("en", "There's no way to dispute this now.", "dispute_route"),
    ("en", "We don't do hardship plans.", "hardship_route"),
    ("zh", "我们这边没法给您申请分期。", "hardship_route"),
    ("zh", "这个不能给您走异议申请。", "dispute_route"),
    ("en", "Just grab a payday loan online, they approve you in minutes.", "payment_channel"),
    ("zh", "手机上下个借款App借出来先还我们。", "payment_channel"),
])
def test_refused_routes_and_borrowing_places(lang: str, text: str, act: str) -> None:
    assert not has(lang, A, text, act)


@pytest.mark.parametrize(("lang", "text", "act"), [
    ("en", "You can dispute it in writing within 30 days.", "dispute_route"),
    ("en", "We have a hardship programme you can apply for.", "hardship_route"),
    ("zh", "您可以在手机银行里申请分期。", "hardship_route"),
    ("en", "You can pay online at our website.", "payment_channel"),
    ("zh", "您可以在我们App里还款。", "payment_channel"),
])
def test_offered_routes_still_count(lang: str, text: str, act: str) -> None:
    assert has(lang, A, text, act)


# --- Threats: calling contacts is exposure, not a visit; veiled visits in dialect ------------------
def test_calling_contacts_one_by_one_is_exposure_not_a_visit() -> None:
    a = analyse("你通讯录里的人我们一个个打过去。", A, "zh")
    assert a.has("mention_contacts") and not a.has("threat")


@pytest.mark.parametrize("text", [
    "我们安排人过去找你聊聊。",
    "我们都知道你住哪个小区，哪天顺路上去探下你。",
    "你老婆孩子天天在家，你也不想他们担心吧？",
])
def test_veiled_visits_are_threats(text: str) -> None:
    assert has("zh", A, text, "threat")


@pytest.mark.parametrize("text", [
    "您单位的电话我们这边也是有登记的。",
    "再逾期的话，同事就要给您单位打电话核实了。",
])
def test_hinting_at_the_employer_is_contact_exposure(text: str) -> None:
    assert has("zh", A, text, "mention_contacts")


# --- A civil debt explained is not a false crime claim ---------------------------------------------
@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "欠款属于民事纠纷，不会因为这个抓人的。"),
    ("zh", "您放心，还不上钱不会坐牢，这是民事问题。"),
    ("en", "This is a civil matter — nobody gets arrested over credit card debt."),
    ("en", "You won't be arrested for this, it's a civil debt."),
])
def test_civil_matter_reassurance_is_not_false_legal(lang: str, text: str) -> None:
    assert not has(lang, A, text, "false_legal")


@pytest.mark.parametrize(("lang", "text"), [("zh", "不还就抓你进去。"), ("en", "If you don't pay, you could be arrested.")])
def test_arrest_threats_still_are(lang: str, text: str) -> None:
    assert has(lang, A, text, "false_legal")


# --- Borrowing pushed vs the debt described; fees invented vs the official instalment fee ----------
@pytest.mark.parametrize("text", [
    "您老公那边的亲戚，大家凑一凑，先凑齐了还上。",
    "跟家里人借点，先把我们这笔平了，后面再慢慢还他们。",
    "你另一张信用卡先刷一下垫上。",
])
def test_pushing_new_borrowing(text: str) -> None:
    assert has("zh", A, text, "push_new_borrowing")


def test_describing_the_loan_is_not_pushing_borrowing() -> None:
    assert not has("zh", A, "您在我们这儿借的那笔钱，到期没还上的有九千多。", "push_new_borrowing")


@pytest.mark.parametrize("text", [
    "办这个方案要额外收一笔150元的受理费。",
    "不交这个费用的话，分期批不下来，所有客户都要收的。",
])
def test_invented_fees(text: str) -> None:
    assert has("zh", A, text, "extra_fee")


def test_official_instalment_fee_is_not_an_extra_fee() -> None:
    assert not has("zh", A, "分12期，每期大约400元加分期服务费，以支付宝页面显示为准。", "extra_fee")


# --- Debtor side: acceptance, identity, double negation -------------------------------------------
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Oh, that would be a help."), ("en", "Yes please."), ("en", "That'd be great, thanks."),
    ("en", "Works for me."), ("zh", "中，就这么整。"), ("zh", "得嘞，就这么办。"),
])
def test_acceptance_in_other_words(lang: str, text: str) -> None:
    assert has(lang, D, text, "accept_plan")


def test_a_nightmare_is_not_a_yes() -> None:
    assert not has("en", D, "That would be a nightmare.", "accept_plan")


@pytest.mark.parametrize("text", ["Yes it's me, 2/14/61.", "Speaking. DOB is 3/4/88"])
def test_numeric_birth_dates_verify(text: str) -> None:
    a = analyse(text, D, "en")
    assert a.has("confirm_identity") and a.has("give_verification")


def test_not_refusing_is_not_a_refusal() -> None:
    a = analyse("我不是不还，是真没钱。", D, "zh")
    assert not a.has("refuse") and not a.has("deny_identity")


# --- Numbers: bare sums after dates and products; years only with 年 --------------------------------
@pytest.mark.parametrize(("text", "value"), [
    ("那就今天3000，10号前4650。", 4650.0), ("花呗3590，逾期31天了。", 3590.0),
    ("行，下午转我微信2890。", 2890.0), ("我每个月最多能还2000。", 2000.0),
])
def test_bare_sums(text: str, value: float) -> None:
    assert value in [a.value for a in find_amounts(text, "zh")]


def test_a_year_is_not_a_sum() -> None:
    assert find_amounts("2018年开的卡。", "zh") == []
    assert find_amounts("I haven't paid since 2019.", "en") == []


# --- Closing: a restatement of agreed terms is a recap; acknowledging a stop request is not pressing
def test_restating_the_agreed_terms_is_a_recap_zh() -> None:
    card = score(call("zh", [
        ("agent", "您的信用卡欠款8640元，已经逾期35天，按合同会计利息，也会报送征信。"),
        ("debtor", "我5月20号能还3000。"),
        ("agent", "可以，5月20号先还3000元，在手机银行里还就行。"),
        ("debtor", "好。"),
        ("agent", "好嘞，5月20号3000，手机银行还。谢谢王先生，再见。"),
    ], record={"outcome": "promise_to_pay", "promised_amount": 3000, "promised_date": "2026-05-20"}))
    assert card.steps["closing"].done


def test_restating_the_agreed_terms_is_a_recap_en() -> None:
    card = score(call("en", [
        ("agent", "This is a debt collector attempting to collect a debt. Your balance is $8,640, 35 days past due."),
        ("debtor", "I can do $500 on May 29."),
        ("agent", "Sure, $500 on May 29 works. You can pay through our online portal."),
        ("debtor", "Okay."),
        ("agent", "Brilliant — $500 on May 29 via the portal. Thanks, Dana, take care."),
    ], record={"outcome": "promise_to_pay", "promised_amount": 500, "promised_date": "2026-05-29"}, jurisdiction="US"))
    assert card.steps["closing"].done


def test_acknowledging_a_stop_request_is_not_pressing_on() -> None:
    turns = [("agent", "This is a debt collector attempting to collect a debt, about your card account."),
             ("debtor", "Please don't call me about this anymore."),
             ("agent", "Understood. I've put a note on your account that you don't want calls; from now on "
                       "anything further will come by mail."),
             ("debtor", "Thanks."),
             ("agent", "Thank you for your time. Goodbye.")]
    assert "US-CEASE" not in {r for r, _ in rules_at(score(call("en", turns, jurisdiction="US")))}
    pressed = turns[:2] + [("agent", "Noted, but the balance of $8,640 still needs paying today.")]
    assert ("US-CEASE", 6) in rules_at(score(call("en", pressed, jurisdiction="US")))


# --- UK: forbearance is for financial difficulty; vulnerability is its own rule --------------------
def test_vulnerability_alone_is_not_forbearance() -> None:
    card = score(call("en", [
        ("debtor", "I've just come out of hospital after a breakdown."),
        ("agent", "Everyone's got something going on. I need the full £8,640 by Friday."),
    ], jurisdiction="UK"))
    rules = {r for r, _ in rules_at(card)}
    assert "UK-VULNERABLE" in rules and "UK-FORBEARANCE" not in rules


# --- Records that contradict the call -------------------------------------------------------------
def test_record_claiming_nothing_was_disclosed_to_a_relative() -> None:
    turns = [("agent", "Hello, is Dana Park there?"), ("debtor", "She's out, I'm her husband."),
             ("agent", "Can you tell her she's $8,640 behind on her card?"), ("debtor", "Fine.")]
    card = score(call("en", turns, opening=False, jurisdiction="US",
                      record={"outcome": "callback", "notes": "Spoke to husband; nothing about the account was disclosed."}))
    assert card.record_accurate is False


def test_dispute_recorded_as_refusal() -> None:
    turns = [("agent", "This is a debt collector attempting to collect a debt. Your balance is $8,640."),
             ("debtor", "I don't owe that, I paid it off in March."),
             ("agent", "I'll look into it and send you a validation notice. Goodbye.")]
    card = score(call("en", turns, jurisdiction="US", record={"outcome": "refused"}))
    assert card.record_accurate is False


def test_crossed_amount_and_date() -> None:
    turns = [("agent", "您的信用卡欠款8640元，逾期35天了。"), ("debtor", "今天先还1200，剩下的月底还。"),
             ("agent", "好，今天1200，5月29号前还7440，可以吗？"), ("debtor", "可以。")]
    card = score(call("zh", turns, record={"outcome": "promise_to_pay", "promised_amount": 7440,
                                           "promised_date": "2026-05-12"}))
    assert card.record_accurate is False


# --- Tone ----------------------------------------------------------------------------------------
def test_calm_polite_exaggeration_is_pressure_not_intimidation() -> None:
    card = score(call("zh", [("agent", "理解您。不过跟您说一下，下周三您的账户就会移交法院起诉了。"), ("debtor", "啊？")]))
    assert card.tone.level == "acceptable"


def test_crime_claims_stay_intimidation() -> None:
    card = score(call("zh", [("agent", "理解您。不过您这样已经算诈骗了，派出所会来找您的。"), ("debtor", "啊？")]))
    assert card.tone.level == "poor"


@pytest.mark.parametrize(("lang", "line"), [("zh", "那没什么好谈的了。"), ("zh", "行了，就这样。")])
def test_hostile_curt_endings(lang: str, line: str) -> None:
    card = score(call(lang, [("agent", "您的欠款是8640元。"), ("debtor", "我没钱。"), ("agent", line)]))
    assert any(f.kind == "curt_ending" for f in card.tone.findings)


def test_whatever_inside_a_sentence_is_not_a_brush_off() -> None:
    a = analyse("That's $300 a month, plus whatever interest has posted by then.", A, "en")
    assert "interrupt" not in a.tone_kinds() and "curt" not in a.tone_kinds()


def test_opening_without_any_greeting_is_cold() -> None:
    card = score(call("zh", [("agent", "王磊是吧？云港银行的，工号3108。"), ("debtor", "是我。")], opening=False))
    assert any(f.kind == "cold" for f in card.tone.findings)


# --- Ruled-out times said by the customer; refused holds; empathy does not excuse pressing ---------
@pytest.mark.parametrize(("lang", "told", "press"), [
    ("en", "I asked you people last week never to ring me at work.", "Understood. Can you pay $400 by Friday?"),
    ("zh", "我上次跟你们说过别在上班时间打给我。", "知道了，那您这周五能先还两千吗？"),
])
def test_customer_said_not_now_makes_the_call_a_breach(lang: str, told: str, press: str) -> None:
    rule = "US-HOURS" if lang == "en" else "CN-HOURS"
    card = score(call(lang, [("agent", "Thanks." if lang == "en" else "谢谢。"), ("debtor", told), ("agent", press)],
                      jurisdiction="US" if lang == "en" else "CN"))
    assert (rule, 0) in rules_at(card) and (rule, 6) in rules_at(card)
    assert (rule, 4) not in rules_at(card)  # before the reminder in the call


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "We can't put the account on hold for personal reasons."),
    ("zh", "这种情况我们没法给您暂停计息。"),
])
def test_a_refused_hold_is_no_hardship_arrangement(lang: str, text: str) -> None:
    assert not has(lang, A, text, "hardship_arrangement")


def test_condolences_then_pressing_a_vulnerable_customer_is_a_breach() -> None:
    card = score(call("en", [("debtor", "My husband passed away last month, I'm not coping."),
                             ("agent", "I'm sorry to hear that. Can you pay £500 by Friday?")], jurisdiction="UK"))
    assert ("UK-VULNERABLE", 5) in rules_at(card)
