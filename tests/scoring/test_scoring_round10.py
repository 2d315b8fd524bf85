"""Round 10: gaps found by single-line probes of each rule (one agent line in a clean, verified
call): knowing where someone lives said the other way round, a named colleague's account, a
"credit repair" charge further from its fee, public notices in a village, a dispute "调处" centre,
enforcement officers at the workplace; en: accidents that "tend" to happen, serving papers with
no suit, frozen paychecks, taking "the" house, pressing on after a stop or a dispute. Every
sentence is written for this file (none is in the labelled calls)."""

from __future__ import annotations

import pytest
from scoring_helpers import acts, call, card, flagged

from scoring import score
from scoring.transcript import parse_transcript

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
    ("zh", "真要出点啥事，可别怪我们没打招呼。", "threat"),
    ("zh", "借的时候挺痛快，现在脸都不要了是吧？", "insult"),
    ("zh", "你这个金额都够立案的了，跑不掉。", "false_legal"),
    ("zh", "嫌麻烦就支付宝直接打给我，我给你处理。", "personal_account"),
    ("zh", "你让你老公那边先拿点出来嘛。", "push_new_borrowing"),
    ("zh", "逾期超过两个月，我们这边要另外收一笔催缴服务费。", "extra_fee"),
    ("zh", "账单都是电脑生成的，不可能有错，您先还了再说。", "dismiss_dispute"),
    ("en", "Are you really this dense about money?", "insult"),
    ("en", "I'd watch that truck of yours, you never know what happens overnight.", "threat"),
    ("en", "You don't want a process server showing up at your work.", "false_legal"),
    ("en", "Sorry, the verification period has passed, so it's yours now.", "dismiss_dispute"),
    ("en", "Twenty quid a month won't be acceptable, I'm afraid.", "dismiss_hardship"),
    ("zh", "您儿子在那个实验小学门口几点放学，我们也清楚。", "threat"),
    ("zh", "真闹到那一步，对你们全家都没好处。", "threat"),
    ("zh", "你是真听不懂人话还是装的？", "insult"),
    ("zh", "微信发个红包给我，我这边帮你销掉。", "personal_account"),
    ("zh", "我可以给你推荐几个网贷平台，秒下款。", "push_new_borrowing"),
    ("zh", "想不留记录的话，转五百过来我帮你搞定。", "extra_fee"),
    ("zh", "你填的紧急联系人是你同学吧？我一会儿给他打个电话说说。", "mention_contacts"),
    ("zh", "不接是吧，我们换着号打，打到你接为止。", "frequency_pressure"),
    ("zh", "再拖着，你孩子以后高考政审都麻烦。", "false_legal"),
    ("en", "Grow a backbone and deal with your bills.", "insult"),
    ("en", "You'll see how we deal with folks like you.", "threat"),
    ("en", "We can get your driver's license suspended over this.", "false_legal"),
    ("en", "Your file's been flagged for litigation as of this morning.", "false_legal"),
    ("en", "There's a $15 charge for processing your payment by card.", "extra_fee"),
    ("en", "Everybody claims that, ma'am.", "dismiss_dispute"),
    ("zh", "您那个水果摊挺红火的，改天我们过去照顾照顾生意。", "threat"),
    ("zh", "大家都是明白人，别把事情做绝。", "threat"),
    ("zh", "工资就那么点，还学人家超前消费。", "insult"),
    ("zh", "你要是找家小贷公司借一笔，今天就能还上。", "push_new_borrowing"),
    ("zh", "你要是无所谓单位领导知道，那就接着拖。", "mention_contacts"),
    ("en", "Next step, your file goes over to our attorneys for filing.", "false_legal"),
    ("en", "I could report you to the payroll office.", "false_legal"),
    ("en", "Me showing up at your house isn't going to be pretty.", "threat"),
    ("en", "We've tacked on a 30% recovery charge since March.", "extra_fee"),
    ("zh", "你几点出门几点回家，我们这边都有数。", "threat"),
    ("zh", "晚上门窗关好，别说我没提醒。", "threat"),
    ("zh", "欠了钱你还有理了？", "insult"),
    ("zh", "你家里人没教过你欠钱要还吗？", "insult"),
    ("zh", "法院的人下周来把你铐走。", "false_legal"),
    ("zh", "你名下的工资卡马上就给冻住。", "false_legal"),
    ("zh", "钱交给我，我来替你还，省事。", "personal_account"),
    ("zh", "你那辆车拿去抵押了不就有钱了。", "push_new_borrowing"),
    ("zh", "你领导的号码我手上也有。", "mention_contacts"),
    ("zh", "系统外呼会每天给你打，你自己看着办。", "frequency_pressure"),
    ("zh", "那是你们家里的事，钱还是得你来还。", "dismiss_dispute"),
    ("en", "What are you, twelve?", "insult"),
    ("en", "We've got people who specialize in accounts like yours.", "threat"),
    ("en", "We'll just drain your bank account.", "false_legal"),
    ("en", "Not paying this is basically larceny.", "false_legal"),
    ("en", "There's a $35 rush fee to post it today.", "extra_fee"),
    ("en", "Hi, this is Officer Dale calling from the IRS.", "impersonation"),
    ("en", "We can pull it from your paycheck without a court order.", "false_legal"),
    ("en", "Can you settle the arrears by card right now?", "demand_payment"),
    ("en", "There's no option to freeze the interest, sorry.", "dismiss_hardship"),
    ("zh", "都三十岁的人了，要点脸好吗？", "insult"),
    ("zh", "以后你签证都办不下来。", "false_legal"),
    ("zh", "我今天是代表法院来跟您谈的。", "impersonation"),
    ("zh", "汇到这个账户，户名是我们这边的财务老李。", "personal_account"),
    ("zh", "再去申请张信用卡，额度批下来先还我们。", "push_new_borrowing"),
    ("zh", "征信上的逾期我们能帮你删掉，收一千二。", "extra_fee"),
    ("zh", "我一天打你三十遍，看你接不接。", "frequency_pressure"),
    ("en", "Keep this up and your credit gets wrecked for good.", "false_legal"),
    ("zh", "你还是识趣点，早点把钱拿出来。", "threat"),
    ("zh", "你们小区门口的保安我们也认识。", "threat"),
    ("zh", "法院那边已经做了诉前保全。", "false_legal"),
    ("zh", "你现在已经是失信人员了。", "false_legal"),
    ("zh", "我们这边是居委会的，来了解一下情况。", "impersonation"),
    ("zh", "拿借呗的额度先把这个窟窿堵上。", "push_new_borrowing"),
    ("zh", "每个月还要多收八十的账户管理费。", "extra_fee"),
    ("zh", "那我们只好通知你的房东了。", "mention_contacts"),
    ("zh", "盗没盗刷我们管不着，合同上是您的名字就得还。", "dismiss_dispute"),
    ("en", "We're affiliated with the county sheriff on these files.", "impersonation"),
    ("en", "Maybe your parents could help you out this month?", "push_new_borrowing"),
    ("en", "With this on your file you'll never qualify for a mortgage again.", "false_legal"),
    ("en", "We'll intercept your tax refund.", "false_legal"),
    ("en", "We can't accept anything less than £200 a month.", "dismiss_hardship"),
    ("en", "Come on, don't play dumb.", "insult"),
    ("zh", "今天不给个准话，之后的事我可就管不了了。", "threat"),
    ("zh", "我们同事就住你们那个小区。", "threat"),
    ("zh", "你就是个白眼狼。", "insult"),
    ("zh", "开庭已经排上期了。", "false_legal"),
    ("zh", "这边是人行征信中心的工作人员。", "impersonation"),
    ("zh", "钱汇到我发你的那个建行账户就行。", "personal_account"),
    ("zh", "问问你那几个做生意的老乡，借点周转一下。", "push_new_borrowing"),
    ("zh", "开结清证明要收一百五的证明费。", "extra_fee"),
    ("zh", "我们会给你的联系人群发短信。", "mention_contacts"),
    ("en", "Your account's in collections now, just tell him that.", "disclose_debt"),
    ("en", "That mark sits on your report permanently.", "false_legal"),
    ("en", "This is Dana with the credit bureau.", "impersonation"),
    ("en", "Folks have gotten hurt over smaller bills.", "threat"),
    ("en", "Bailiffs can force entry, you know.", "false_legal"),
    ("en", "Everyone has kids; that's no excuse not to pay.", "dismiss_hardship"),
    ("en", "I need at least half the balance by Friday.", "demand_payment"),
])
def test_new_words_for_old_acts(lang: str, text: str, act: str) -> None:
    assert act in acts(text, lang)


@pytest.mark.parametrize(("lang", "text", "act"), [
    ("zh", "这个手续费不对吧，我没见合同里写过。", "dispute"),
    ("zh", "我从来没开通过这个借呗。", "dispute"),
    ("en", "I'm disputing every penny of this.", "dispute"),
    ("en", "I'm on a debt management plan with StepChange now.", "hardship"),
])
def test_debtor_words(lang: str, text: str, act: str) -> None:
    assert act in acts(text, lang, "debtor")


def test_a_deadline_before_hanging_up_is_urgent() -> None:
    from scoring.analysis import analyse
    found = [a for a in analyse("I'll need an answer before we hang up today.", "agent", "en").acts
             if a.name == "demand_payment"]
    assert found and found[0].slots.get("urgent") is True


@pytest.mark.parametrize(("lang", "text", "act"), [
    ("zh", "您家地址我们需要核实一下，确认账单寄对了。", "threat"),
    ("zh", "征信修复要收费的都是骗子，您千万别交钱。", "personal_account"),
    ("zh", "我们这边有停息挂账的申请渠道，我帮您登记。", "impersonation"),
    ("en", "Your card account is frozen for new purchases until it's current.", "false_legal"),
    ("en", "You can just pay online whenever it suits you.", "demand_payment"),
    ("en", "We'll send the verification letter out today.", "dismiss_dispute"),
    ("zh", "您要是发现被盗刷了，可以报警，也可以走我们的异议流程。", "false_legal"),
    ("zh", "出了问题您随时打我们客服热线。", "threat"),
    ("en", "Keep an eye on your mailbox, the letter goes out Monday.", "threat"),
    ("zh", "我们不会给您家里人打电话，您放心。", "mention_contacts"),
    ("zh", "您好，我是恒信小额贷款公司贷后部的小刘。", "push_new_borrowing"),
    ("en", "We can't touch your wages without a court order, and there's no lawsuit.", "false_legal"),
    ("en", "Your Social Security benefits are protected, we won't go near them.", "impersonation"),
    ("en", "If someone used your card, you can report it to the bank's fraud team.", "false_legal"),
    ("zh", "逾期记录我们是要报给人民银行征信系统的。", "impersonation"),
    ("zh", "千万别去下那些网贷App借钱还我们。", "push_new_borrowing"),
    ("en", "Whatever you decide, I'll respect it; there's no fee for paying by phone.", "extra_fee"),
])
def test_lawful_words_near_them(lang: str, text: str, act: str) -> None:
    assert act not in acts(text, lang)


# --- whole calls: the rule fires on the agent's turn ---------------------------------------------

_MINI_MIRANDA = ("I'm a debt collector; this is an attempt to collect a debt and any information "
                 "obtained will be used for that purpose.")


@pytest.mark.parametrize(("said", "answer", "rule"), [
    ("Please quit calling me. I mean it.",
     "Totally, but let's just set up one payment today and you won't hear from us.", "US-CEASE"),
    ("My lawyer, Mark Ruiz, is handling this. Call him at 555-0173.",
     "No need to drag lawyers in, let's figure something out between us.", "US-REPRESENTED"),
    ("That isn't my account. I want it in writing.",
     "We don't do paperwork on these, just pay and it goes away.", "US-VALIDATION"),
])
def test_pressing_on_after_the_consumer_said_so(said: str, answer: str, rule: str) -> None:
    c = card("en", [("agent", _MINI_MIRANDA), ("debtor", said), ("agent", answer)], jurisdiction="US")
    assert flagged(c, rule) == {6}


def test_a_dismissed_disputed_fee_is_cn_dispute() -> None:
    c = card("zh", [("agent", "您这张卡逾期35天，欠款8640元。"),
                    ("debtor", "这个罚息不对，我要先对一下账单。"),
                    ("agent", "罚息都是系统算的不会错，您先还了再说。")])
    assert flagged(c, "CN-DISPUTE") == {6}


def test_refusing_a_dmp_token_offer_is_uk_forbearance() -> None:
    c = card("en", [("agent", "It's about your Harbor card, the balance is £840."),
                    ("debtor", "I'm in a debt management plan; StepChange can offer you £4 a month."),
                    ("agent", "Four pounds a month isn't going to work for us.")],
             jurisdiction="UK", currency="GBP")
    assert flagged(c, "UK-FORBEARANCE") == {6}


def test_sarcasm_about_what_is_yours_aims_at_the_person() -> None:
    from scoring.analysis import analyse
    found = [a for a in analyse("Must be nice, buying stuff with money that isn't yours.", "agent", "en").acts
             if a.name == "sarcasm"]
    assert found and found[0].slots.get("target") == "person"


def test_naming_a_collection_agency_to_a_coworker_is_us_third_party() -> None:
    raw = call("en", [("agent", "Hi, this is Sam Cole. May I speak with Dana Park?"),
                      ("debtor", "She's in a meeting, I'm her coworker."),
                      ("agent", "Tell her the collection agency rang about her account, thanks.")],
               opening=False, jurisdiction="US")
    raw["turns"][1]["speaker"] = "third_party"
    assert flagged(score(parse_transcript(raw)), "US-THIRD-PARTY") == {2}


def test_a_village_notice_is_cn_contact_blast() -> None:
    c = card("zh", [("agent", "您这个月的账单已经逾期35天了，8640元。"),
                    ("agent", "再拖着，我们就去您老家村委会门口贴个公告。")])
    assert flagged(c, "CN-CONTACT-BLAST") == {5}
