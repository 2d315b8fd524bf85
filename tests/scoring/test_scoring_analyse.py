"""Acts by meaning: several paraphrases per act in both languages, and the tricky negatives."""

import pytest

from scoring.analysis import Context, Facts, analyse
from scoring.vocab import AgentAct, DebtorIntent

FACTS = Facts(amount_due=8640.0, days_overdue=35)
VERIFIED = Context(verified=True, identity_asked=True)

AGENT_POSITIVE = [
    ("greet", "zh", "下午好，打扰您几分钟。"),
    ("greet", "en", "Good evening, sorry to bother you."),
    ("introduce_self", "zh", "我姓黄，是这边负责您账户的专员。"),
    ("introduce_self", "en", "My name's Priya and I'll be helping you today."),
    ("state_institution", "zh", "我这边是北辰银行信用卡中心的。"),
    ("state_institution", "en", "I'm calling from Lakeside Finance about a personal matter."),
    ("ask_identity_check", "zh", "为了确认是您本人，能报一下您手机号后四位吗？"),
    ("ask_identity_check", "en", "Before we continue, can you give me the last four digits of your social?"),
    ("state_amount", "zh", "您目前还有八千六百四没有还。"),
    ("state_amount", "en", "The outstanding balance is $8,640 right now."),
    ("state_overdue", "zh", "这笔已经拖了35天了。"),
    ("state_overdue", "en", "The account is 35 days behind."),
    ("explain_consequence", "zh", "一直拖着的话，会按合同继续计罚息。"),
    ("explain_consequence", "zh", "如果长期不处理，银行有可能通过法律途径追讨。"),
    ("explain_consequence", "en", "Late fees keep being added under the agreement."),
    ("explain_consequence", "en", "If it stays unpaid, the bank may eventually take legal action."),
    ("false_legal", "zh", "法院已经立案了，下周就来执行。"),
    ("false_legal", "zh", "你这就是诈骗，明天派出所就找你。"),
    ("false_legal", "zh", "再不还，你孩子考公务员政审都过不了。"),
    ("false_legal", "en", "We have already filed the lawsuit against you."),
    ("false_legal", "en", "This is fraud and you could be arrested."),
    ("threat", "zh", "我们清楚您家住在哪个小区。"),
    ("threat", "zh", "过两天我们的人会去您单位坐坐。"),
    ("threat", "en", "We know where you live, Mr. Park."),
    ("threat", "en", "Someone will come to your house this weekend."),
    ("insult", "zh", "你这种老赖我见多了。"),
    ("insult", "en", "Only a deadbeat ignores their bills like this."),
    ("contempt", "zh", "借钱的时候怎么不说没钱？"),
    ("contempt", "en", "Spare me the sob story."),
    ("sarcasm", "zh", "您可真是贵人多忘事啊。"),
    ("sarcasm", "en", "Oh sure, you were going to pay, right, how convenient."),
    ("empathise", "zh", "家里有人住院，确实挺难的，您先别着急。"),
    ("empathise", "en", "That sounds really stressful, I'm sorry you're going through it."),
    ("ask_reason", "zh", "方便说说最近是遇到什么情况了吗？"),
    ("ask_reason", "en", "What could you realistically afford each month?"),
    ("offer_plan", "zh", "您看能不能分成6期，每个月还1440？"),
    ("offer_plan", "en", "Could you do $200 a month starting on the 15th?"),
    ("confirm_plan", "zh", "好的，那就按您说的，下周五先还3000。"),
    ("confirm_plan", "en", "Great, so $300 on Friday the 12th then."),
    ("payment_channel", "zh", "您登录手机银行，在信用卡页面就能还。"),
    ("payment_channel", "en", "You can pay online through our secure portal or set up a direct debit."),
    ("personal_account", "zh", "你直接转到我个人的微信上就行。"),
    ("personal_account", "en", "Just send it to my personal Venmo."),
    ("hardship_route", "zh", "您可以提交困难证明，申请停息挂账。"),
    ("hardship_route", "en", "There's free debt advice from StepChange, and we can freeze interest."),
    ("dispute_route", "zh", "这笔有疑问的话，我帮您提交异议，核实清楚之前先不催。"),
    ("dispute_route", "en", "I'll open a dispute and mail you a validation notice."),
    ("push_new_borrowing", "zh", "您找亲戚朋友先借点周转一下嘛。"),
    ("push_new_borrowing", "en", "Maybe take out a payday loan to cover this."),
    ("extra_fee", "zh", "交500块征信修复费就能把记录消掉。"),
    ("extra_fee", "en", "There's a $75 file-closing fee on top of that."),
    ("mention_contacts", "zh", "不处理的话我们就挨个打给你的通讯录。"),
    ("mention_contacts", "en", "Should I call your employer and let them know?"),
    ("impersonation", "zh", "我这边是市调解中心的，专门处理你的欠款。"),
    ("impersonation", "en", "This is Officer Reed from the county sheriff's department."),
    ("frequency_pressure", "zh", "你不接也没用，我们会天天给你打电话。"),
    ("frequency_pressure", "en", "We'll keep calling until you pay."),
    ("debt_collector_disclosure", "en", "This is a communication from a debt collector."),
    ("jargon", "zh", "您现在已经是M2了。"),
    ("jargon", "en", "The account is about to charge off."),
    ("explain_term", "zh", "您现在是M2，也就是逾期超过一个月了。"),
    ("explain_term", "en", "It may charge off, which means the bank writes it off as a loss."),
    ("recap", "zh", "我再跟您确认一遍：下周五前先还3000。"),
    ("recap", "en", "Just to recap: $300 on Friday the 12th by card."),
    ("thanks", "zh", "多谢您配合。"),
    ("thanks", "en", "I appreciate your time."),
    ("goodbye", "zh", "那先这样，祝您生活顺利。"),
    ("goodbye", "en", "Take care, bye now."),
]


@pytest.mark.parametrize(("act", "lang", "text"), AGENT_POSITIVE)
def test_agent_acts(act, lang, text):
    result = analyse(text, "agent", lang, FACTS, VERIFIED)
    assert act in result.names, (text, sorted(result.names))
    found = result.first(act)
    assert text[found.start:found.end] == found.quote


def test_every_agent_act_has_a_case():
    covered = {a for a, _, _ in AGENT_POSITIVE}
    missing = {a.value for a in AgentAct} - covered - {"disclose_debt"}
    assert not missing


AGENT_NEGATIVE = [
    ("false_legal", "zh", "目前银行并没有起诉您，您别担心。"),
    ("false_legal", "zh", "如果长期不还，银行可能会依法起诉。"),
    ("false_legal", "zh", "不会坐牢的，消费贷款逾期属于民事纠纷。"),
    ("false_legal", "en", "Nobody is going to jail over a credit card."),
    ("false_legal", "en", "If it stays unpaid the bank could take you to court."),
    ("threat", "zh", "我们不会上门，也不会联系您的家人。"),
    ("threat", "en", "We will never come to your home."),
    ("mention_contacts", "zh", "我们不会联系您的同事或者领导，这点您放心。"),
    ("mention_contacts", "en", "We won't contact your employer about this."),
    ("insult", "zh", "不好意思，打扰您了。"),
    ("sarcasm", "zh", "不好意思，让您久等了。"),
    ("push_new_borrowing", "zh", "千万不要为了还我们去借网贷。"),
    ("push_new_borrowing", "en", "Please don't take out a payday loan to pay this."),
    ("personal_account", "zh", "请不要转账到任何个人账户，只在官方App还款。"),
    ("extra_fee", "zh", "分期手续费按银行公布的标准收取。"),
    ("jargon", "zh", "还款日是每月10号。"),
]


@pytest.mark.parametrize(("act", "lang", "text"), AGENT_NEGATIVE)
def test_agent_negatives(act, lang, text):
    assert act not in analyse(text, "agent", lang, FACTS, VERIFIED).names, text


def test_lawful_reminder_is_a_consequence_not_false_legal():
    text = "逾期会产生违约金并报送征信，长期不处理银行可以依法起诉。"
    a = analyse(text, "agent", "zh", FACTS, VERIFIED)
    assert "explain_consequence" in a.names and "false_legal" not in a.names
    b = analyse("已经立案了，明天派出所来人。", "agent", "zh", FACTS, VERIFIED)
    assert "false_legal" in b.names


def test_sarcasm_target():
    person = analyse("您可真是大忙人，忙得连账都顾不上还。", "agent", "zh", FACTS, VERIFIED).first("sarcasm")
    app = analyse("我们那个App可真是设计得太“贴心”了。", "agent", "zh", FACTS, VERIFIED).first("sarcasm")
    assert person.slots["target"] == "person" and app.slots["target"] == "situation"


def test_context_explained_term_and_disclosure():
    explained = Context(verified=True, explained_terms=frozenset({"m2"}))
    assert "jargon" not in analyse("您现在还是M2。", "agent", "zh", FACTS, explained).names
    assert "jargon" in analyse("您现在还是M2。", "agent", "zh", FACTS, VERIFIED).names
    assert "disclose_debt" in analyse("他那张信用卡逾期了。", "agent", "zh", FACTS, Context(third_party=True)).names
    assert "disclose_debt" not in analyse("您那张信用卡逾期了。", "agent", "zh", FACTS, VERIFIED).names


def test_slots():
    a = analyse("那就这样，5月15号先还5000，剩下的分3期。", "agent", "zh", Facts(8640, 35, None), VERIFIED)
    plan = a.first("offer_plan")
    assert 5000.0 in plan.slots["amounts"] and plan.slots["instalments"] == 3
    b = analyse("The balance is $8,640.00 and it is 35 days past due.", "agent", "en", FACTS, VERIFIED)
    assert b.first("state_amount").slots["matches_case"] is True
    assert b.first("state_overdue").slots["days"] == 35


DEBTOR_CASES = [
    ("answer", "zh", "在外面呢。"),
    ("answer", "en", "I'm at the store."),
    ("confirm_identity", "zh", "对，我就是。"),
    ("confirm_identity", "en", "Yeah, speaking."),
    ("deny_identity", "zh", "不是我，你们找错人了。"),
    ("deny_identity", "en", "No, this is not me, wrong person."),
    ("ask_who_is_calling", "zh", "你是哪位啊？"),
    ("ask_who_is_calling", "en", "Who is this?"),
    ("vent", "zh", "你们有完没完，天天打！"),
    ("vent", "en", "I'm sick of these calls, leave me alone."),
    ("object", "zh", "利息这么高，凭什么？"),
    ("object", "en", "That's not fair, the fees are too high."),
    ("ask_clarify", "zh", "M1是什么意思？"),
    ("ask_clarify", "en", "Sorry, what does that mean?"),
    ("explain_situation", "zh", "我上个月被裁员了，现在没收入。"),
    ("explain_situation", "en", "I got laid off in March."),
    ("dispute", "zh", "这笔我早就还清了，你们查一下。"),
    ("dispute", "en", "I never opened that card, it's not my debt."),
    ("stall", "zh", "过几天再说吧。"),
    ("stall", "en", "I'll think about it and get back to you."),
    ("counter_offer", "zh", "月底我能先还两千。"),
    ("counter_offer", "en", "I could pay $150 when I get paid on the 15th."),
    ("accept_plan", "zh", "行，就这么办。"),
    ("accept_plan", "en", "Okay, that works for me."),
    ("refuse", "zh", "我就不还，你爱咋咋地。"),
    ("refuse", "en", "I'm not paying that, forget it."),
    ("threaten_agent", "zh", "再打我就投诉你们到银保监。"),
    ("threaten_agent", "en", "I'm going to report you to the CFPB."),
    ("take_message", "zh", "行，我回头跟他说一声。"),
    ("take_message", "en", "I'll pass the message on."),
    ("hang_up", "zh", "不跟你说了，挂了。"),
    ("hang_up", "en", "I'm hanging up now."),
    ("goodbye", "zh", "好，拜拜。"),
    ("goodbye", "en", "Bye."),
    ("not_debtor", "zh", "他出去了，我是他老婆。"),
    ("not_debtor", "en", "She's not home, I'm her roommate."),
    ("wrong_number", "zh", "打错了吧，这没这个人。"),
    ("wrong_number", "en", "You've got the wrong number."),
    ("hardship", "zh", "最近生意亏了，实在拿不出钱。"),
    ("vulnerability", "en", "I've just been diagnosed with cancer."),
    ("stop_calling", "zh", "以后别再给我打电话了。"),
    ("stop_calling", "en", "Stop calling me."),
    ("has_lawyer", "zh", "这事我已经委托律师处理了。"),
    ("has_lawyer", "en", "I've retained an attorney for this."),
    ("give_verification", "zh", "嗯……后四位是5817。"),
    ("give_verification", "en", "It's the 4th of July 1980."),
]


@pytest.mark.parametrize(("act", "lang", "text"), DEBTOR_CASES)
def test_debtor_acts(act, lang, text):
    assert act in analyse(text, "debtor", lang).names, (text, sorted(analyse(text, "debtor", lang).names))


def test_every_debtor_intent_has_a_case():
    assert {i.value for i in DebtorIntent} <= {a for a, _, _ in DEBTOR_CASES}


def test_debtor_negatives():
    assert "dispute" not in analyse("我还以为上个月还过了。", "debtor", "zh").names
    assert "has_lawyer" not in analyse("I don't have a lawyer.", "debtor", "en").names


def test_messy_input_is_tolerated():
    for text in ("", "   ", "嗯……那个……", "um, uh", "[CONSUMER_NAME] speaking", "!!!???"):
        analyse(text, "agent", "en")
        analyse(text, "debtor", "zh")
    assert analyse("Hi [CONSUMER_NAME], this is [AGENT_NAME] from [COMPANY].", "agent", "en").names
