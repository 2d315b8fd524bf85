"""Paraphrase tables: every rule of the CN, US and UK packs, the five steps and the tone levels,
each said in new words (blunt, polite, indirect, regional, ASR-noisy, code-switched), plus
tricky negatives (lawful conditional consequences, a refusal of the bad thing, the debtor
quoted, negated forms, an offered route).

None of these sentences comes from a data file: they are how a trainee or a collector might
say it. Each case runs through the whole scorer (``score``), so every one can fail.
"""

from __future__ import annotations

import pytest
from scoring_helpers import call, rule_params, rules_at

from scoring import score

A, D = "agent", "debtor"
OK = {"zh": "嗯。", "en": "Okay."}
RELATIVE = {
    "zh": [(A, "您好，请问王磊在家吗？"), (D, "他不在，我是他妈，你哪位啊？")],
    "en": [(A, "Hi, is Dana Park there please?"), (D, "She's out at the minute, I'm her sister. Who's calling?")],
}


def _fires(lang: str, jur: str, turns: list[tuple[str, str]], rule: str, opening: bool = True, **sc: object) -> bool:
    card = score(call(lang, turns, opening=opening, jurisdiction=jur, **sc))
    first = 4 if opening else 0
    return any(r == rule and t >= first for r, t in rules_at(card))


# --- Rules the agent breaks in one turn, whoever is on the line (after a clean opening) -----------
# Each case: the agent's turn.
AGENT_TURN: dict[str, tuple[list[str], list[str]]] = {
    "CN-CONTACT-BLAST/zh": ([
        "你再不还，我就把你通讯录里的人挨个打一遍。",
        "您单位领导的电话我们这边都有，您也不想让他知道吧？",
        "嗯那个你不处理的话呃我们只能联系你的紧急联系人还有你同事了",
        "你要是一直拖，我们就发个催款函到你们公司人事那边。",
        "再不还钱，我哋就打畀你屋企人同埋你老细。",
        "这个事情要是让你们村里人都晓得了，面子上也不好看嘛。",
    ], [
        "我们不会联系您的家人或者单位，这点您放心。",
        "按规定我们只跟您本人沟通，不会打给您的联系人。",
        "您说您同事接到过电话？我帮您记下来反映，这种做法是不允许的。",
    ]),
    "CN-CONTACT-BLAST/en": ([
        "If this isn't sorted, we'll start ringing round the contacts you listed.",
        "I'd hate for your boss to find out about this, but that's where it's heading.",
        "um we might have to reach out to your employer's HR about it",
        "Your neighbours will be hearing about this if you keep ignoring us.",
        "We can always post a notice about it online, you know.",
        "I'll just give your wife a call then, she might be more reasonable.",
    ], [
        "We will never contact your employer or family about this.",
        "I'm not going to discuss this with anyone but you.",
        "You said someone called your work? That shouldn't happen, I'll report it.",
    ]),
    "CN-THREAT/zh": ([
        "你家住哪我们清清楚楚，别以为躲得掉。",
        "这两天我们外访的同事会去你家附近看看。",
        "你孩子在哪个学校上学，我们也是知道的。",
        "不还钱你就等着吧，后果你自己想。",
        "呃我们这边可以安排人上门跟你当面聊一聊",
        "我哋知道你住边度，你自己谂清楚。",
    ], [
        "我们不会上门，也不会去您单位，您放心。",
        "您家地址我们不会用来催收，只是寄账单用。",
        "您说有人上门找过您？那肯定不是我们，我帮您登记一下。",
    ]),
    "CN-THREAT/en": ([
        "We know where you live, so don't think you can hide.",
        "One of our field guys will swing by your place this week.",
        "You'd be wise to pay before things get ugly.",
        "it'd be a shame if something happened to that nice car of yours",
        "Pay up or you'll regret it, trust me.",
        "We've got your home address, just so you know.",
    ], [
        "Nobody is going to visit your home, I promise.",
        "We don't send anyone round, everything is by phone or letter.",
        "You said someone came to your door? That wasn't us and I'll flag it.",
    ]),
    "CN-INSULT/zh": ([
        "你这种老赖我见多了。",
        "欠钱不还还有脸跟我讲道理？",
        "你脑子是不是进水了，这点钱都还不上。",
        "嗯你就是个骗子嘛借了钱就玩消失",
        "你咋这么不要脸呢，整天躲着不接电话。",
        "你个扑街，欠钱仲咁嚣张。",
    ], [
        "您别着急，我们一起想办法。",
        "有人说您是老赖？那是不对的，您只是暂时困难。",
        "我理解您现在的压力，这不是您一个人的问题。",
    ]),
    "CN-INSULT/en": ([
        "You're a deadbeat, plain and simple.",
        "How pathetic can you be, you can't even pay fifty bucks?",
        "People like you make me sick.",
        "you're just a liar honestly",
        "What kind of loser ignores their bills for three months?",
        "Grow up and take some responsibility.",
    ], [
        "I'm not here to judge you at all.",
        "Nobody's calling you irresponsible, these things happen.",
        "You're not a bad person for being behind.",
    ]),
    "CN-IMPERSONATION/zh": ([
        "我是市法院执行庭的，来跟你核实一下你的欠款。",
        "这边是金融纠纷调解中心，您的案子转到我们这里了。",
        "我们是律师事务所的，受委托处理你的债务。",
        "呃我这边是派出所经侦的",
        "你好，我是仲裁委员会的工作人员。",
        "我係律师楼打嚟嘅，想同你倾下你张信用卡嘅事。",
    ], [
        "我是云港银行信用卡中心的，不是法院，也不是律师。",
        "我们不是调解中心，就是银行的客服。",
        "如果以后真的走诉讼，会是法院正式通知您，不会是我们打电话。",
    ]),
    "CN-IMPERSONATION/en": ([
        "This is Officer Blake from the fraud unit.",
        "I'm calling from the county court about your file.",
        "I'm a solicitor acting for the lender.",
        "hi this is the legal department at the district attorney's office",
        "We're the debt mediation centre handling your case.",
        "I'm with the sheriff's office, we need to talk about your account.",
    ], [
        "I'm not a lawyer and I don't work for a court.",
        "I'm calling from Harbor Bank's collections team.",
        "If it ever went to court, you'd hear from the court itself, not from me.",
    ]),
    "CN-FALSE-LEGAL/zh": ([
        "已经给你立案了，下周法院就开庭。",
        "你这个属于恶意透支，是要坐牢的。",
        "再不还，你的孩子以后考公政审都过不了。",
        "呃明天就会有派出所的人联系你",
        "你这个已经上了失信名单，高铁飞机都坐不了了。",
        "你嘅账户明天就会冻结，银行卡全部用唔到。",
    ], [
        "逾期会产生违约金并报送征信，长期不处理银行可能依法起诉。",
        "花呗逾期不算犯罪，不会抓人，这个您放心。",
        "您说有人说要抓您？那是吓唬人的，欠款是民事问题。",
    ]),
    "CN-FALSE-LEGAL/en": ([
        "The lawsuit has already been filed, you'll be served tomorrow.",
        "Not paying a credit card is fraud, you know that, right?",
        "There's a warrant being prepared as we speak.",
        "we're gonna garnish your wages starting next week",
        "Your kids could lose their school place over this.",
        "The police will be informed today if nothing comes in.",
    ], [
        "If it stays unpaid for a long time, the bank may take legal action.",
        "Nobody gets arrested over a credit card; this is a civil matter.",
        "Interest and late fees keep adding up under your agreement, and it's reported to the credit bureaus.",
    ]),
    "CN-PERSONAL-ACCOUNT/zh": ([
        "你直接转我微信就行，我帮你处理。",
        "钱打到我个人的卡上，卡号我发你。",
        "加我一下微信，扫我收款码还比较快。",
        "呃你转我支付宝我这边马上给你销账",
        "你把钱汇畀我个人户口就得啦。",
        "我手机号就是微信，转给我就好。",
    ], [
        "请不要转给任何个人账户，只在手机银行里还款。",
        "我们不会让您转到个人微信，只走官方渠道。",
        "您说有人让您转个人卡？那是骗子，千万别转。",
    ]),
    "CN-PERSONAL-ACCOUNT/en": ([
        "Just Venmo it to me directly and I'll clear it.",
        "Send it to my personal account, it's quicker.",
        "You can Zelle me the money, I'll sort the rest.",
        "buy a couple of gift cards and read me the numbers",
        "Pay me personally and I'll make sure it's logged.",
        "Cash App works too, I'll text you my handle.",
    ], [
        "Please never pay anyone personally; only use the app or our official line.",
        "We don't take payment to personal accounts.",
        "If someone asked you to pay them directly, that's a scam, don't do it.",
    ]),
    "CN-NEW-BORROWING/zh": ([
        "你可以先在别的平台借一笔把我们这边还上。",
        "信用卡套现出来先还上，后面再说。",
        "跟亲戚朋友凑一凑，先把这个平了。",
        "呃你借呗里面不是还有额度嘛先借出来",
        "你搵屋企人借啲钱先还咗佢啦。",
        "找你爸妈周转一下嘛，这点钱他们有。",
    ], [
        "我们不建议您借新还旧，按您的收入来定方案。",
        "千万别为了还这个去借网贷。",
        "您说想借钱来还？不用这样，我们可以申请分期。",
    ]),
    "CN-NEW-BORROWING/en": ([
        "Can't you just take out a payday loan to cover it?",
        "Put it on another credit card and pay us off.",
        "Maybe ask your family or friends to lend you the money to pay this.",
        "um you could do a balance transfer to clear it",
        "A cash advance on your other card would sort this today.",
        "Borrow it from your brother and pay him back later.",
    ], [
        "Please don't borrow to pay us; let's find an amount you can afford.",
        "I wouldn't want you taking out a loan for this.",
        "You mentioned a payday loan? Please don't, we can set up a plan instead.",
    ]),
    "CN-EXTRA-FEE/zh": ([
        "办分期要先交五百的手续费。",
        "交两千的停催费，我们就不再打电话。",
        "想修复征信的话要另外交一笔费用。",
        "呃这个方案要收一个加急服务费",
        "你交咗八百蚊手续费先，我哋先至帮你办。",
        "不交这个审核费，方案批不下来。",
    ], [
        "申请分期不收任何额外费用。",
        "我们没有什么停催费，有人这么说您别信。",
        "只有合同里写的利息和违约金，没有别的收费。",
    ]),
    "CN-EXTRA-FEE/en": ([
        "There's a $75 processing fee to set up the plan.",
        "We can close the file for a small file-closing fee.",
        "To stop the collection calls there's a stop-collection fee of $200.",
        "yeah there's a convenience fee we add on top",
        "We'll need a settlement fee before we accept that offer.",
        "A credit repair fee of $150 gets the late marks removed.",
    ], [
        "There's no fee to set up a payment plan.",
        "We don't charge anything extra for paying by phone.",
        "Only the interest in your agreement applies, nothing else.",
    ]),
}

_pos, _neg = rule_params(AGENT_TURN)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _pos)
def test_agent_turn_rule_fires(rule: str, lang: str, jur: str, text: str) -> None:
    assert _fires(lang, jur, [(A, text), (D, OK[lang])], rule)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _neg)
def test_agent_turn_rule_quiet(rule: str, lang: str, jur: str, text: str) -> None:
    assert not _fires(lang, jur, [(A, text), (D, OK[lang])], rule)


US_UK_TURN: dict[str, tuple[list[str], list[str]]] = {
    "US-VIOLENCE/en": ([
        "Keep dodging us and somebody might get hurt.",
        "We know where you live, Dana.",
        "Our field team can swing by your house tonight.",
        "pay or else you'll regret it",
        "Better watch yourself, that's all I'm saying.",
        "If you know what's good for you, you'll pay today.",
    ], [
        "No one will ever come to your home.",
        "We don't do home visits, everything is by phone.",
        "You said someone threatened you? I'm sorry, I'll escalate that complaint.",
    ]),
    "US-ABUSE/en": ([
        "You're a deadbeat and everyone knows it.",
        "Stop being such an idiot and pay the bill.",
        "Spare me the sob story.",
        "you people are all the same, lazy",
        "Must be nice, spending money you don't have.",
        "What's wrong with you? It's a simple question.",
    ], [
        "I'm not judging you, this happens to lots of people.",
        "Nobody thinks you're lazy.",
        "I understand, that sounds really hard.",
    ]),
    "US-FALSE-AFFILIATION/en": ([
        "This is Deputy Harris with the county sheriff's office.",
        "I'm calling on behalf of the state attorney general.",
        "I'm an attorney with the firm handling your file.",
        "we work hand in hand with the local court on these",
        "This is the legal department of the district court.",
        "I'm a federal agent following up on this account.",
    ], [
        "I'm a debt collector with Harbor Recovery, not an attorney.",
        "We're not affiliated with any court or government agency.",
        "If a court were ever involved, you'd get papers from the court, not a call from me.",
    ]),
    "US-FALSE-THREAT/en": ([
        "We're filing the lawsuit tomorrow morning.",
        "The sheriff will be at your door by Friday.",
        "We'll be garnishing your wages next week.",
        "you'll be arrested if this isn't paid today",
        "We're going to take your car this week.",
        "A judgment has already been entered against you.",
    ], [
        "If it remains unpaid, the creditor may decide to pursue legal action.",
        "Nobody is going to be arrested; this is a civil debt.",
        "We haven't filed anything and there's no lawsuit.",
    ]),
    "US-FALSE-CRIME/en": ([
        "Not paying this is fraud, plain and simple.",
        "What you did counts as theft of services.",
        "Skipping out on a debt like this is a criminal offence.",
        "basically you're stealing from the bank",
        "This could be treated as check fraud, you know.",
        "You committed a crime when you maxed out that card.",
    ], [
        "Being behind on a bill isn't a crime.",
        "This is a civil matter, nobody is accusing you of anything criminal.",
        "If your card was stolen, you can file a police report and we'll pause collection.",
    ]),
    "US-FALSE-AMOUNT/en": ([
        "There's a $50 processing fee we add to every plan.",
        "We'll need a $35 convenience fee to take the payment by phone.",
        "The settlement fee is $200 on top of the balance.",
        "there's also a file closing fee when it's paid off",
        "We add a collection fee of $120 once it's with us.",
        "A release fee of $75 clears it from your record.",
    ], [
        "There's no fee to pay by phone.",
        "We don't add any collection fees.",
        "The balance is exactly what your agreement allows, nothing extra.",
    ]),
    "US-NO-ID/en": ([
        "Doesn't matter who I am, what matters is your balance.",
        "I'd rather not say what company, let's talk about your payment.",
        "I can't tell you who I'm with, but you owe money.",
        "that's all you need to know about me",
        "I'm not allowed to give you my name.",
        "Who I am doesn't matter who this is, you need to pay.",
    ], [
        "My name is Sam Cole and I'm with Harbor Recovery.",
        "Sure, it's Sam at Harbor Bank, staff number 2210.",
        "Happy to tell you: this is Harbor Recovery Services, I'm Sam.",
    ]),
    "UK-PRESSURE/en": ([
        "Why not take out a payday loan to clear it this week?",
        "Could you sell the car and put the money towards this?",
        "What about your pension lump sum, could you use that to settle up?",
        "If we don't sort something today it moves to the next stage.",
        "We'll keep ringing you every day until you pay.",
        "Borrow it off your mum, you can pay her back later.",
    ], [
        "Please don't borrow to pay us, we'll work out something affordable.",
        "There's no rush, take the time you need to get advice.",
        "You mentioned selling the car? You don't need to do that, let's look at a plan.",
    ]),
    "UK-MISREPRESENT/en": ([
        "The bailiffs will be round on Monday.",
        "We've already issued a county court claim.",
        "I'm calling from the court enforcement office.",
        "there's a £90 admin fee to set up the arrangement",
        "Not paying this is a criminal offence in the UK.",
        "You'll get a CCJ tomorrow if nothing's paid.",
    ], [
        "If the account stays unpaid, we may consider legal action as a last resort.",
        "There's no fee to set up a repayment plan.",
        "No one is coming to your home and nothing has been filed.",
    ]),
}

_pos2, _neg2 = rule_params(US_UK_TURN)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _pos2)
def test_us_uk_turn_rule_fires(rule: str, lang: str, jur: str, text: str) -> None:
    assert _fires(lang, jur, [(A, "This is a debt collector attempting to collect a debt; any information obtained "
                                  "will be used for that purpose."), (D, OK[lang]), (A, text), (D, OK[lang])], rule)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _neg2)
def test_us_uk_turn_rule_quiet(rule: str, lang: str, jur: str, text: str) -> None:
    assert not _fires(lang, jur, [(A, "This is a debt collector attempting to collect a debt; any information "
                                      "obtained will be used for that purpose."), (D, OK[lang]), (A, text),
                                  (D, OK[lang])], rule)


# --- Rules that depend on who is listening or on what the debtor said before ----------------------
# Third party: the agent's turn to a relative who answered (no opening).
THIRD: dict[str, tuple[list[str], list[str]]] = {
    "CN-THIRD-PARTY/zh": ([
        "阿姨，他信用卡欠了八千多，已经逾期一个多月了。",
        "那麻烦您帮他先垫一点，这笔钱拖不得。",
        "您跟他说一声，再不还款要上征信的。",
        "嗯就是他那个花呗没还上嘛您催催他",
        "佢张卡欠咗我哋八千几蚊，你叫佢快啲还啦。",
        "他的贷款逾期好久了，你们家里得管管。",
    ], [
        "不好意思，具体事情我只能跟他本人说，麻烦您转告他回个电话。",
        "没什么事，就是麻烦他方便的时候回个电话，谢谢您。",
        "您问是不是欠钱？这个我不方便透露，请他本人联系我们就好。",
    ]),
    "CN-THIRD-PARTY/en": ([
        "She's behind on her credit card, about eight thousand.",
        "Could you help her out with the payment this month?",
        "Tell her the account is overdue and it's going on her credit report.",
        "it's about her loan she hasn't paid since march",
        "Her balance is $8,640, could you remind her to pay?",
        "Maybe you could cover some of it for her.",
    ], [
        "I can only discuss it with her directly; could you ask her to call us back?",
        "Nothing to worry about, just ask her to ring me back please.",
        "You're asking if she owes money? I'm afraid I can't discuss that with anyone but her.",
    ]),
}
for _rule in ("US-THIRD-PARTY", "UK-THIRD-PARTY"):
    THIRD[f"{_rule}/en"] = THIRD["CN-THIRD-PARTY/en"]
_pos3, _neg3 = rule_params(THIRD)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _pos3)
def test_third_party_rule_fires(rule: str, lang: str, jur: str, text: str) -> None:
    assert _fires(lang, jur, RELATIVE[lang] + [(A, text), (D, OK[lang])], rule, opening=False)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _neg3)
def test_third_party_rule_quiet(rule: str, lang: str, jur: str, text: str) -> None:
    assert not _fires(lang, jur, RELATIVE[lang] + [(A, text), (D, OK[lang])], rule, opening=False)


# After the debtor raises something: (debtor's words, agent's reply).
AFTER: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "CN-DISPUTE/zh": ([
        ("这笔钱我早就还清了啊。", "系统不会错的，您还是先把钱还上吧。"),
        ("那几笔消费不是我刷的。", "不管是不是您刷的，卡在您名下就得还。"),
        ("金额对不上，多算了我两千。", "您先还了再说，多收的以后会退。"),
        ("我根本没借过这么多钱嘛", "反正您得还，今天能还多少？"),
        ("喂这个数目唔啱喎，我冇欠咁多。", "账是不会错的，你今天必须还款。"),
        ("我上个月15号就转过去了。", "那您今天再还一次，必须尽快还清。"),
    ], [
        ("这笔钱我早就还清了。", "好的，我先把您的异议登记下来，核实清楚之前不催收。"),
        ("那几笔不是我刷的。", "明白，我帮您提交盗刷调查申请，调取交易记录。"),
        ("金额不对吧。", "我帮您核实一下账单明细，查清楚再联系您。"),
    ]),
    "CN-DISPUTE/en": ([
        ("I already paid that off in March.", "Our system is never wrong, so you still owe it."),
        ("That's not my debt, I never opened that card.", "Doesn't matter, you still have to pay it today."),
        ("The amount is wrong, you've charged me twice.", "Pay now and dispute later, that's how it works."),
        ("i dont think i owe this", "It's definitely your debt, so can you pay in full today?"),
        ("Prove it. Send me proof I owe this.", "Disputing won't change anything, we need a payment."),
        ("Those charges are fraud, my card was stolen.", "You still owe it; let's set up a payment today."),
    ], [
        ("I already paid that.", "Okay, I'll put the account on hold while we investigate and send you a copy of the statement."),
        ("That's not my debt.", "Understood. You can dispute it in writing and we'll send you validation of the debt."),
        ("The amount is wrong.", "Let me open a dispute and review the charges before anything else."),
    ]),
    "UK-FORBEARANCE/en": ([
        ("I lost my job last month and I'm really struggling.", "Everyone's got problems; we still need a payment today."),
        ("Money's tight, I'm on Universal Credit now.", "That's not a reason not to pay. Can you pay in full?"),
        ("I can't afford anything right now, I've been laid off.", "We don't really do payment holidays. You have to pay."),
        ("my hours got cut and im behind on rent", "That doesn't change anything, the full balance is due."),
        ("I'm broke till the end of the month.", "Not our problem, you need to pay this week."),
        ("I'm struggling to cover bills.", "We can't put things on hold, so let's get a payment today."),
    ], [
        ("I lost my job last month.", "I'm sorry to hear that. We can put the account on hold for 30 days while you get free debt advice."),
        ("Money's tight, I'm on benefits.", "Thanks for telling me. Let's go through an income and expenditure form and freeze the interest."),
        ("I can't pay anything right now.", "That's okay. StepChange offers free debt advice, and we'll pause collection meanwhile."),
    ]),
    "UK-VULNERABLE/en": ([
        ("My husband passed away last month.", "Sorry for your loss, but the account still has to be paid in full."),
        ("I've just been diagnosed with cancer.", "That doesn't change anything, we still need a payment."),
        ("I'm being treated for depression at the moment.", "Everyone has problems. Can you pay £200 today?"),
        ("i'm in hospital having surgery next week", "Sick or not, you still have to pay."),
        ("I've got dementia, my daughter helps with letters.", "Not my concern. We need the full balance."),
        ("I'm a carer for my mum and I'm exhausted.", "That's not an excuse. Pay in full by Friday."),
    ], [
        ("My husband passed away last month.", "I'm so sorry. We'll put the account on hold and I can tell you about free debt advice."),
        ("I've just been diagnosed with cancer.", "I'm sorry to hear that. There's no pressure today; we can pause collection while you're in treatment."),
        ("I'm being treated for depression.", "Thank you for telling me. We can put a hold on the account and freeze the interest."),
    ]),
    "US-CEASE/en": ([
        ("Stop calling me.", "I hear you, but your balance is $8,640 and it's overdue."),
        ("Don't ever call this number again.", "Can you pay something today?"),
        ("Please stop contacting me, put everything in writing.", "Sure, but let's set up a payment plan first."),
        ("i dont want any more calls from you guys", "The interest keeps adding up, so what can you pay?"),
        ("Quit ringing me, I'm done with you people.", "You need to pay in full today."),
        ("Leave me alone, no more calls.", "What's going on that you can't pay?"),
    ], [
        ("Stop calling me.", "Understood. I've noted on the account that you've asked us to stop calling."),
        ("Don't call this number again.", "Okay, we won't call you again; anything further will come by mail."),
        ("Please stop contacting me.", "I've recorded your request. Goodbye."),
    ]),
    "US-REPRESENTED/en": ([
        ("My lawyer is handling this now.", "Okay, but can you pay $200 today?"),
        ("I've retained an attorney for this debt.", "You still owe $8,640, and it's overdue."),
        ("Talk to my attorney, not me.", "Before that, what can you afford monthly?"),
        ("im represented by a lawyer on this", "Interest keeps building, so let's set up a payment."),
        ("I have legal representation now.", "You need to pay in full by Friday."),
        ("My solicitor deals with all this, I've hired one.", "Why haven't you paid? What happened?"),
    ], [
        ("My lawyer is handling this now.", "Thanks. Could I get your attorney's name and phone number? I'll note it on the account."),
        ("I've retained an attorney.", "Understood, I've noted that your attorney represents you. We'll contact them instead."),
        ("Talk to my attorney.", "Okay, I've recorded that. Goodbye."),
    ]),
}
AFTER["US-VALIDATION/en"] = AFTER["CN-DISPUTE/en"]
_pos4, _neg4 = rule_params(AFTER)


@pytest.mark.parametrize(("rule", "lang", "jur", "pair"), _pos4)
def test_after_debtor_rule_fires(rule: str, lang: str, jur: str, pair: tuple[str, str]) -> None:
    said, reply = pair
    assert _fires(lang, jur, [(D, said), (A, reply), (D, OK[lang])], rule)


@pytest.mark.parametrize(("rule", "lang", "jur", "pair"), _neg4)
def test_after_debtor_rule_quiet(rule: str, lang: str, jur: str, pair: tuple[str, str]) -> None:
    said, reply = pair
    assert not _fires(lang, jur, [(D, said), (A, reply), (D, OK[lang])], rule)


# --- Tone: calm pressure, brushing past hardship, dismissing a vulnerability, cold openings ---------
TONE = [
    # calm-but-coercive pressure -> acceptable
    ("en", [(A, "I'd rather not leave it open, please. If we don't sort something today it moves to the next stage."),
            (D, "Okay.")], "acceptable"),
    ("en", [(A, "Thanks for that. Why not just put it on another card and pay us off today?"), (D, "Hmm.")], "acceptable"),
    ("zh", [(A, "您看要不先跟朋友借一点，把我们这边还上，好吗？"), (D, "嗯。")], "acceptable"),
    ("zh", [(A, "麻烦您，要不您先用别的信用卡取现还上吧，谢谢。"), (D, "我想想。")], "acceptable"),
    # brushing past a money problem -> acceptable
    ("en", [(D, "I lost my job last month."), (A, "Right, well, you still need to pay the full balance this week.")],
     "acceptable"),
    ("zh", [(D, "我最近失业了，手头很紧。"), (A, "那您今天必须还清，这个没办法。")], "acceptable"),
    # dismissing a disclosed vulnerability -> poor
    ("en", [(D, "My wife died six weeks ago."), (A, "That doesn't change anything, the account still needs paying.")],
     "poor"),
    ("zh", [(D, "我妈刚做完手术还在住院。"), (A, "那是你自己的事，跟我们没关系，钱得还。")], "poor"),
    # threats or exposure said calmly are still poor
    ("en", [(A, "Thanks, Dana. I'd hate for your boss to find out about this."), (D, "What?")], "poor"),
    ("zh", [(A, "您好，您不还的话，我们只好联系您单位领导了，谢谢配合。"), (D, "啊？")], "poor"),
]
COLD = [
    ("en", "Dana Park? Harbor Bank. You're behind on your card."),
    ("en", "yeah is this dana park its harbor bank about your card"),
    ("zh", "王磊是吧？云港银行的，你信用卡逾期了。"),
    ("zh", "喂，王磊不？你那个卡咋还没还呢"),
]


@pytest.mark.parametrize(("lang", "turns", "level"), TONE)
def test_tone_levels_in_new_words(lang: str, turns: list[tuple[str, str]], level: str) -> None:
    card = score(call(lang, turns))
    assert card.tone.level == level
    assert all(f.quote for f in card.tone.findings)  # every finding carries its quote


@pytest.mark.parametrize(("lang", "opening"), COLD)
def test_cold_openings(lang: str, opening: str) -> None:
    card = score(call(lang, [(A, opening), (D, OK[lang])], opening=False))
    assert any(f.kind == "cold" and f.turn == 0 for f in card.tone.findings)
