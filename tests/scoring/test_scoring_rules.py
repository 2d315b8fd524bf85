"""Each rule: a call that breaks it (zh and en paraphrases), placed on the right turn."""

import pytest
from scoring_helpers import call, rules_at

from scoring import score

# (rule, lang, offending agent line, scenario overrides) - turn 4 is the offending agent turn.
CASES = [
    ("CN-FALSE-LEGAL", "zh", "法院那边已经受理了，这周就冻结你的银行卡。", {}),
    ("CN-THREAT", "zh", "你家在哪我们都查到了，别逼我们上门。", {}),
    ("CN-INSULT", "zh", "你这人脸皮真厚，欠钱还理直气壮。", {}),
    ("CN-INSULT", "zh", "您可真行啊，钱花得挺潇洒，还钱就装傻。", {}),
    ("CN-CONTACT-BLAST", "zh", "再不还，我就把这事发给你单位领导。", {}),
    ("CN-IMPERSONATION", "zh", "我们是区法院执行庭的，今天是最后通知。", {}),
    ("CN-PERSONAL-ACCOUNT", "zh", "你把钱打到我的支付宝，我帮你处理。", {}),
    ("CN-NEW-BORROWING", "zh", "您可以先在别的平台借一笔，把这边还上。", {}),
    ("CN-EXTRA-FEE", "zh", "另外交800块停催费，我们就不再打给你。", {}),
    ("CN-FREQUENCY", "zh", "不还的话我们的系统会一直给您打电话。", {}),
    ("US-VIOLENCE", "en", "Pay up or someone will pay you a visit at work.", {"jurisdiction": "US"}),
    ("US-ABUSE", "en", "You're a pathetic deadbeat and everybody knows it.", {}),
    ("US-FALSE-AFFILIATION", "en", "I'm an attorney with the district attorney's office.", {}),
    ("US-FALSE-THREAT", "en", "We're filing suit against you tomorrow morning.", {}),
    ("US-FALSE-CRIME", "en", "Not paying this is theft, and that's a crime.", {}),
    ("US-FALSE-AMOUNT", "en", "There's also a $90 processing fee added to your balance.", {}),
    ("US-HARASS-CALLS", "en", "You owe $8,640, and we'll keep calling you every day till it's paid.",
     {"contact_attempts_7d": 9}),
    ("UK-PRESSURE", "en", "Why not put it on another credit card to pay us?", {"jurisdiction": "UK"}),
    ("UK-MISREPRESENT", "en", "Bailiffs will be at your door on Monday.", {"jurisdiction": "UK"}),
]


@pytest.mark.parametrize(("rule", "lang", "line", "scenario"), CASES)
def test_rule_on_offending_turn(rule, lang, line, scenario):
    card = score(call(lang, [(("agent"), line), ("debtor", "...")], **scenario))
    assert (rule, 4) in rules_at(card), rules_at(card)
    assert card.overall.result == "fail"
    v = next(v for v in card.violations if v.rule == rule)
    assert v.severity == "critical" and v.source and v.quote


CLEAN = [
    ("zh", "逾期会产生违约金并报送征信，长期不处理银行可以依法起诉。"),
    ("zh", "我们不会联系您的家人和同事，您放心。"),
    ("zh", "分期会收取手续费，标准以App页面显示为准。"),
    ("zh", "反正我今天也没别的事，再给您说一遍。"),
    ("en", "If it stays unpaid, the bank may take legal action, but nothing has been filed."),
    ("en", "Please don't borrow from a payday lender to pay this."),
    ("en", "This is a debt collector attempting to collect a debt; any information obtained will be used "
           "for that purpose."),
]


@pytest.mark.parametrize(("lang", "line"), CLEAN)
def test_tricky_negatives_break_no_rule(lang, line):
    card = score(call(lang, [("agent", line), ("debtor", "ok")]))
    assert [v.rule for v in card.violations if v.rule != "US-MINI-MIRANDA"] == []


@pytest.mark.parametrize(("lang", "when", "rule"), [("zh", "2026-05-12T22:40", "CN-HOURS"),
                                                   ("zh", "2026-05-12T07:40", "CN-HOURS"),
                                                   ("en", "2026-05-12T21:15", "US-HOURS")])
def test_calling_hours_on_turn_zero(lang, when, rule):
    assert (rule, 0) in rules_at(score(call(lang, [], call_local_time=when)))
    assert rule not in {v.rule for v in score(call(lang, [], call_local_time="2026-05-12T20:30")).violations}


def test_late_call_the_customer_asked_for_is_fine():
    card = score(call("zh", [("agent", "您上次说晚上这个时间方便，所以这个点给您打。")], call_local_time="2026-05-12T22:20"))
    assert "CN-HOURS" not in {v.rule for v in card.violations}


def test_third_party_disclosure_and_payment_request():
    turns = [("agent", "您好，请问刘强在吗？"), ("debtor", "他不在，我是他妈妈。"),
             ("agent", "阿姨，他欠我们银行两万多，一直没还。"), ("debtor", "啊？"),
             ("agent", "您能不能先帮他还一部分？"), ("debtor", "我问问他吧。"),
             ("agent", "麻烦您让他回个电话，谢谢，再见。")]
    card = score(call("zh", turns, opening=False))
    assert rules_at(card) == [("CN-THIRD-PARTY", 2), ("CN-THIRD-PARTY", 4)]
    assert not card.steps["identity"].done and not card.steps["reminder"].applicable
    clean = [("agent", "您好，请问刘强在吗？"), ("debtor", "他上班去了，我是他爱人。"),
             ("agent", "好的，我是云港银行的小陈，麻烦您转告他回个电话，谢谢，再见。"), ("debtor", "好。")]
    card = score(call("zh", clean, opening=False, record={"outcome": "callback"}))
    assert card.violations == () and card.steps["identity"].done and card.steps["closing"].done
    assert card.overall.result == "pass" and card.record_accurate


def test_en_roommate_disclosure():
    turns = [("agent", "Hi, is Dana Park there?"), ("debtor", "She's not home, I'm her roommate."),
             ("agent", "Could you tell her she owes $8,640 on her credit card?"), ("debtor", "Uh, sure.")]
    assert ("US-THIRD-PARTY", 2) in rules_at(score(call("en", turns, opening=False)))


def test_attorney_and_cease_press_on():
    turns = [("agent", "This is a debt collector attempting to collect a debt. Your balance is $8,640."),
             ("debtor", "My lawyer is handling this, talk to her."),
             ("agent", "Sure, but could you pay $100 today?"), ("debtor", "No."),
             ("agent", "Can I get your attorney's name and number?"), ("debtor", "Fine.")]
    assert [r for r in rules_at(score(call("en", turns))) if r[0] == "US-REPRESENTED"] == [("US-REPRESENTED", 6)]
    on_file = score(call("en", turns, attorney_on_record=True))
    assert ("US-REPRESENTED", 0) in rules_at(on_file)
    stop = [("agent", "This is a debt collector attempting to collect a debt. Your balance is $8,640."),
            ("debtor", "Do not call me again."), ("agent", "I hear you, but you need to pay in full today."),
            ("debtor", "Bye.")]
    assert ("US-CEASE", 6) in rules_at(score(call("en", stop)))


def test_mini_miranda_once_on_first_debt_turn():
    turns = [("agent", "I'm calling about your credit card: $8,640 is 35 days past due."), ("debtor", "ok"),
             ("agent", "The balance is still $8,640."), ("debtor", "ok")]
    assert [r for r in rules_at(score(call("en", turns))) if r[0] == "US-MINI-MIRANDA"] == [("US-MINI-MIRANDA", 4)]


def test_dispute_pressed_vs_routed():
    pressed = [("agent", "您这张卡欠款8640元，逾期35天。"), ("debtor", "不对，这里面有笔消费不是我刷的。"),
               ("agent", "系统不会错的，您先把钱还了再说。"), ("debtor", "……")]
    assert ("CN-DISPUTE", 6) in rules_at(score(call("zh", pressed)))
    routed = [("agent", "您这张卡欠款8640元，逾期35天。"), ("debtor", "不对，这里面有笔消费不是我刷的。"),
              ("agent", "好的，我帮您提交异议申请，核实清楚之前这笔先不催收。"), ("debtor", "好。")]
    assert "CN-DISPUTE" not in {v.rule for v in score(call("zh", routed)).violations}


def test_frequency_from_metadata():
    turns = [("agent", "您这张卡欠款8640元，逾期35天，今天能还吗？"), ("debtor", "不能。")]
    card = score(call("zh", turns, contacts_today=5))
    # the over-limit call itself is the breach; an ordinary ask later in it is not a second one
    assert ("CN-FREQUENCY", 0) in rules_at(card) and ("CN-FREQUENCY", 4) not in rules_at(card)
    assert "CN-FREQUENCY" not in {v.rule for v in score(call("zh", turns, contacts_today=1)).violations}


def test_time_barred():
    turns = [("agent", "If you don't pay, we may take you to court."), ("debtor", "It's from 2014.")]
    assert ("US-TIME-BARRED", 4) in rules_at(score(call("en", turns, days_overdue=3000)))
    assert "US-TIME-BARRED" not in {v.rule for v in score(call("en", turns)).violations}
