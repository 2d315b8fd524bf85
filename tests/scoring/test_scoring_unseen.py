"""Unseen-wording probes: every rule of the CN, US and UK packs, the five steps and the three
tone levels, written from shared/DOMAIN.md's definitions alone (not from the scorer's patterns,
not from any labelled call), the way collectors actually talk: colloquial, indirect, polite but
violating, ASR slips (no punctuation, fillers, spelled-out numbers), spoken Chinese (咱们, 您这边,
回头, 搞定), and tricky negatives that must stay quiet (lawful conditional consequences, consented
late calls, the company name given to a relative who asks, hardship handled well).

Every case goes through the public ``score`` on a small transcript, so every one can fail.
"""

from __future__ import annotations

import pytest
from scoring_helpers import call, rule_params, rules_at

from scoring import Step, score

A, D = "agent", "debtor"
OK = {"zh": "嗯。", "en": "Okay."}
MIRANDA = (A, "Before we go on: I'm a debt collector, this is an attempt to collect a debt, and any "
              "information obtained will be used for that purpose.")


def _rules(lang: str, turns: list[tuple[str, str]], opening: bool = True, **sc: object) -> list[tuple[str, int]]:
    return rules_at(score(call(lang, turns, opening=opening, **sc)))


# --- One agent turn after a clean, verified opening ------------------------------------------------
AGENT_TURN: dict[str, tuple[list[str], list[str]]] = {
    "CN-FREQUENCY/zh": ([
        "你今天不接，我们就一个小时打一次，打到你接为止。",
        "今天都给你打了十几个电话了，你倒是接啊。",
        "接下来我们每天早中晚都会给您来电，直到还上为止。",
        "呃你信不信我让同事轮流打给你",
        "不处理的话，您这手机以后就别想清静了。",
        "我们系统会自动一直拨您的号码，一天几十通都有可能。",
    ], [
        "这是我们这周第二次联系您，上次没打通，不好意思打扰了。",
        "您放心，约好时间以后我们不会反复打扰您。",
        "那我周五下午再给您打个电话确认一下，可以吗？",
        "有问题您随时可以来电咨询，我们每天都有人值班。",
        "我们系统会自动给您发一条还款提醒短信。",
        "那咱们约好了，下周一上午我再给您打一个电话。",
    ]),
    "CN-CONTACT-BLAST/zh": ([
        "你手机里那些联系人我们这边都有，要不要我们帮你问问他们？",
        "你也不想你同事都知道你欠钱吧？那就赶紧处理。",
        "再拖下去，我们只能把情况发到你们单位的群里了。",
        "回头我们给你老家村委会寄个函，让大家都知道一下。",
        "你朋友圈里的人，我们也会一个一个通知到的。",
        "别让我们难做，真要打给你通讯录里的人，大家脸上都不好看。",
    ], [
        "您的通讯录我们是不会用的，您放心。",
        "您担心我们打到您单位？不会的，我们只跟您本人联系。",
        "您说您朋友接到了催收电话？这个不合规，我帮您登记投诉。",
        "您放心，我们不想也不会让您单位知道这件事。",
    ]),
    "CN-THREAT/zh": ([
        "你住的那个小区我们也去过，环境还不错嘛。",
        "晚上走路小心点，别到时候说我们没提醒你。",
        "我们的人这周会去你家门口等你，当面聊。",
        "你要是不识相，有的是办法让你还。",
        "你老婆在哪上班我们都清楚，你自己掂量掂量。",
        "今天不给个说法，明天我们就上门，别怪我们不客气。",
    ], [
        "我们不会派人上门，有什么都在电话里说。",
        "如果一直不处理，银行可能会走法律程序，这个我得如实告诉您。",
        "有人上门吓唬您？那不是正规做法，您可以报警，也可以向我们投诉。",
        "您的住址只用来寄对账单，不会有人去找您。",
        "您可以先掂量一下哪个方案更合适，不着急。",
    ]),
    "CN-INSULT/zh": ([
        "就你这样的，活该被催。",
        "都多大人了，借钱不还，丢不丢人啊？",
        "你是听不懂人话吗？我都说几遍了。",
        "哟，没钱还天天点外卖，日子过得挺滋润啊。",
        "你这种人我见得多了，嘴上说还，没一个真还的。",
        "真是服了你了，脸皮够厚的。",
    ], [
        "您别这么说自己，谁都有难的时候。",
        "我没有说您不讲信用的意思，可能是我表达得不清楚。",
        "您说我们骂人？抱歉让您不舒服了，我们会注意的。",
        "您别担心，这不丢人，很多人都遇到过。",
    ]),
    "CN-IMPERSONATION/zh": ([
        "我这边是公安局经侦大队的，找你核实一下信用卡的事。",
        "我们是法院委托的，今天专门来通知你。",
        "你好，我是国信律师事务所的王律师，代表银行跟你谈。",
        "这里是金融纠纷调解委员会，你的欠款已经转到我们这了。",
        "我是检察院的，你这个案子我们在跟。",
        "呃我这边是那个执行局的哈 跟你说下你这个卡的事",
    ], [
        "我是云港银行信用卡中心的催收专员小陈。",
        "我们只是银行的工作人员，不是法院也不是律师，您别紧张。",
        "以后如果真的起诉，法院会正式给您送达文书，不是我们打电话通知。",
        "您可以打我们银行的官方客服电话核实我的身份。",
    ]),
    "CN-FALSE-LEGAL/zh": ([
        "你这个情况法院已经受理了，传票这两天就到。",
        "今天不还，明天公安就会上门带人。",
        "你家小孩以后上学、当兵都会受影响的。",
        "你再拖，房子车子马上就要被查封了。",
        "银行已经把你列入失信名单了，以后坐不了飞机。",
        "这个已经走到刑事那一块了你知道吧",
    ], [
        "如果一直不处理，银行可能会走法律程序。",
        "逾期会有违约金，也会上报征信，影响您以后贷款。",
        "不会抓人的，欠款是民事纠纷，您别担心。",
        "长期不还的话，银行有权依法起诉，最后以法院判决为准。",
        "只有符合法律规定的恶意透支才可能追究刑事责任，您现在只是普通逾期。",
    ]),
    "CN-PERSONAL-ACCOUNT/zh": ([
        "你先把钱转到我同事的卡上，他帮你操作。",
        "我给你发个收款码，扫一下就行，直接到我这。",
        "直接转我支付宝，账号就是我手机号。",
        "你转给我个人，我这边帮你走内部渠道，利息能少点。",
        "呃转到这个卡号上 6222开头那个 户名是我本人",
        "加一下我私人微信，转账给我比较方便。",
    ], [
        "还款请只通过云港银行APP或者支付宝官方还款页面。",
        "我们任何工作人员都不会让您转到个人账户。",
        "如果有人让您转到私人卡上，那肯定是诈骗，您直接挂掉。",
        "您可以在支付宝里搜信用卡还款，选云港银行，填卡号就能还。",
        "对公账户的户名是云港银行信用卡中心，您核对一下再转。",
    ]),
    "CN-NEW-BORROWING/zh": ([
        "你去网贷上借一点呗，先把这边窟窿补上。",
        "你其他卡还有额度吧？刷出来先还我们这张。",
        "找你朋友同事借借嘛，几千块的事。",
        "美团月付、京东白条那些你开了没？先周转一下。",
        "你可以先拿房子抵押贷一笔出来还。",
        "呃你那个微粒贷不是还能借嘛",
    ], [
        "千万别去借网贷来还，利息更高，咱们按您的情况分期。",
        "您说要跟朋友借？不用着急借钱，我们先看看能不能申请个分期。",
        "我们不建议您用其他信用卡套现还款。",
        "不用找您朋友借，我们可以帮您申请分期。",
    ]),
    "CN-EXTRA-FEE/zh": ([
        "要申请减免的话，得先交三百块的审核费。",
        "交一千块保证金，我们就给您停止催收。",
        "您再交个征信修复费，逾期记录就能消掉。",
        "走加急通道需要另外付两百块钱。",
        "分期的话我们要另收五百块服务费。",
        "你先交个停催费吧，交了以后就没人打扰你了。",
    ], [
        "办理分期只收合同里约定的手续费，不会额外收钱。",
        "我们不收任何停催费、修复费，有人这么要求都是诈骗。",
        "逾期产生的违约金和利息是按合同收的。",
    ]),
}

US_UK_TURN: dict[str, tuple[list[str], list[str]]] = {
    "US-VIOLENCE/en": ([
        "You don't want me sending a couple of guys round to have a word.",
        "Things could get physical if you keep stringing us along.",
        "I'd watch my back if I were you.",
        "We know which car is yours. Hate for anything to happen to it.",
        "we got people in your area, just saying",
    ], [
        "Nobody is going to hurt anyone; this is just about the balance.",
        "No one will come to your house.",
        "We don't send people round to anyone's house.",
        "If someone threatened you, please report it; that's not how we work.",
    ]),
    "US-ABUSE/en": ([
        "Are you stupid or just pretending?",
        "Quit whining and pay your damn bill.",
        "What a joke. Grown adult can't pay a card bill.",
        "You're a freeloader, that's what you are.",
        "shut up and listen for once",
        "Oh boo hoo, everyone's got problems.",
    ], [
        "I'm sorry, I didn't mean to sound harsh.",
        "Take your time, I'm listening.",
        "Nobody's calling you a freeloader, I just need to understand your situation.",
    ]),
    "US-FALSE-AFFILIATION/en": ([
        "This is Agent Miller from the Department of Justice.",
        "I'm calling from the IRS about an unpaid account.",
        "I'm with the law office representing Harbor Bank.",
        "We're a government-licensed recovery bureau working with the courts.",
        "This is the process server's office, we have papers for you.",
        "i'm calling from the county clerk's office",
    ], [
        "I'm with Harbor Recovery, a private collection agency.",
        "We're not a law firm and we're not the government.",
        "I work in Harbor Bank's collections department, that's all.",
        "If this ever went to court, you'd hear from the county clerk's office, not from me.",
    ]),
    "US-FALSE-THREAT/en": ([
        "You could be looking at jail time over this.",
        "We're going to freeze your bank account tomorrow.",
        "The repo truck will come for your car this weekend.",
        "Your paycheck will be garnished starting next pay period.",
        "We'll have a warrant out for you by Monday.",
        "they'll take your house if you don't pay",
    ], [
        "If the balance stays unpaid, Harbor Bank could decide to file a lawsuit.",
        "We can't garnish wages without a court order, and there isn't one.",
        "No one's going to jail over a credit card.",
    ]),
    "US-FALSE-CRIME/en": ([
        "Running up a card you can't pay is basically stealing.",
        "You realize this is a criminal matter now?",
        "What you're doing is fraud, and fraud is a felony.",
        "We could have you charged with theft.",
        "you're basically a thief at this point",
    ], [
        "Falling behind isn't a crime.",
        "Nobody's saying you did anything criminal.",
        "If someone used your card without permission, that's fraud against you; let's report it.",
    ]),
    "US-FALSE-AMOUNT/en": ([
        "I'll need an extra $40 for processing the payment over the phone.",
        "Your balance is now $9,500 with our collection costs.",
        "There's a $25 service charge on top of each installment.",
        "We'll tack on a $100 admin fee if it's not paid today.",
        "the total with our fees comes to about ten grand",
    ], [
        "Your balance is $8,640, no extra fees.",
        "There's no charge for paying online or by phone.",
        "The amount is $8,640, which includes the interest under your card agreement.",
        "The balance includes the late fees in your card agreement.",
        "There's no processing charge for paying by phone.",
    ]),
    "UK-PRESSURE/en": ([
        "Have you thought about remortgaging to clear this off?",
        "Surely a mate could lend you the money till payday?",
        "A 0% balance transfer card would sort this out nicely.",
        "This offer's only good if you pay today, after that it's gone.",
        "Sell a few bits on eBay and you'll have it by the weekend.",
        "We'll be phoning you daily until it's cleared, just so you know.",
    ], [
        "Take your time, and please get free debt advice before deciding anything.",
        "I'd rather you didn't borrow to pay us; let's agree something affordable.",
        "There's no deadline today, we can speak again next week after you've looked at your budget.",
        "We'll call you back on Friday as agreed, and not before then.",
        "You mentioned selling some bits on eBay? Please don't feel you have to.",
    ]),
    "UK-MISREPRESENT/en": ([
        "I'm ringing from the High Court enforcement team.",
        "We'll be sending enforcement officers round to take your goods next week.",
        "A CCJ has already been registered against you.",
        "There's a £50 charge for every call we have to make to you.",
        "You could go to prison for this, you know.",
        "We started court proceedings this morning.",
    ], [
        "If it's not resolved we may consider legal action, but that's a last resort and nothing has started.",
        "We haven't applied for a CCJ.",
        "I'm calling from Harbor Bank's collections team.",
        "No one from the court enforcement team is involved; this is just Harbor Bank.",
    ]),
}

_pos1, _neg1 = rule_params(AGENT_TURN)
_pos2, _neg2 = rule_params(US_UK_TURN)


def _agent_turn(lang: str, jur: str, text: str) -> list[tuple[str, int]]:
    lead = [MIRANDA, (D, OK[lang])] if jur != "CN" else []
    return _rules(lang, lead + [(A, text), (D, OK[lang])], jurisdiction=jur)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _pos1 + _pos2)
def test_unseen_agent_turn_fires(rule: str, lang: str, jur: str, text: str) -> None:
    assert any(r == rule and t >= 4 for r, t in _agent_turn(lang, jur, text))


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _neg1 + _neg2)
def test_unseen_agent_turn_quiet(rule: str, lang: str, jur: str, text: str) -> None:
    assert not any(r == rule for r, _ in _agent_turn(lang, jur, text))


# --- A relative answers; the agent's next turn (no opening) ---------------------------------------
RELATIVE = {
    "zh": [(A, "喂，您好，请问王磊在吗？"), (D, "他出去了，我是他爱人，你哪位？")],
    "en": [(A, "Hi there, is Dana Park around?"), (D, "No, she's at work. This is her husband. What's it about?")],
}
THIRD: dict[str, tuple[list, list]] = {
    "CN-THIRD-PARTY/zh": ([
        [(A, "您是他爱人啊？他那个信用卡已经欠了好几个月了，您这边知道吗？")],
        [(A, "那麻烦您跟他说一声，银行这边在催款呢，再不还就麻烦了。")],
        [(A, "回头您提醒他把那八千多块钱还一下哈。")],
        [(A, "要不这样，您先帮他转一部分过来，回头他再还您。")],
        [(A, "我是云港银行的。"), (D, "他是不是欠你们钱了？"), (A, "对，欠得不少，您劝劝他。")],
        [(A, "嗯就是他那个卡逾期了 您跟他讲一下")],
    ], [
        [(A, "没事没事，就是一点个人业务，麻烦您让他方便的时候回个电话。")],
        [(A, "我是云港银行的小陈，麻烦您转告他回个电话就行，谢谢您。")],
        [(A, "好的，那我晚点再打吧，不打扰您了。")],
        [(A, "我姓陈。"), (D, "他是不是欠你们钱了？"), (A, "具体什么事我不方便说，得跟他本人讲，您别担心。")],
    ]),
    "US-THIRD-PARTY/en": ([
        [(A, "Oh, you're her husband? She's pretty far behind on her card with us.")],
        [(A, "Could you let her know her payment's overdue and it really needs sorting out?")],
        [(A, "Any chance you could chip in a bit towards what she owes?")],
        [(A, "It's Harbor Bank."), (D, "Is this about money she owes?"), (A, "Yeah, pretty much, it's her credit card.")],
        [(A, "it's regarding her past due account with us")],
    ], [
        [(A, "It's a personal matter. Could you just ask her to give Sam a call back?")],
        [(A, "It's Sam from Harbor Bank. Could she call me back when she gets a chance?")],
        [(A, "No problem, I'll try her another time. Thanks!")],
        [(A, "It's Sam."), (D, "Does she owe you money?"), (A, "I'm sorry, I can only talk about that with her directly.")],
    ]),
}
THIRD["UK-THIRD-PARTY/en"] = THIRD["US-THIRD-PARTY/en"]
_pos3, _neg3 = rule_params(THIRD)


def _third(lang: str, jur: str, turns: list[tuple[str, str]]) -> list[tuple[str, int]]:
    return _rules(lang, RELATIVE[lang] + turns + [(D, OK[lang])], opening=False, jurisdiction=jur)


@pytest.mark.parametrize(("rule", "lang", "jur", "turns"), _pos3)
def test_unseen_third_party_fires(rule: str, lang: str, jur: str, turns: list) -> None:
    assert any(r == rule and t >= 2 for r, t in _third(lang, jur, turns))


@pytest.mark.parametrize(("rule", "lang", "jur", "turns"), _neg3)
def test_unseen_third_party_quiet(rule: str, lang: str, jur: str, turns: list) -> None:
    assert not any(r == rule for r, _ in _third(lang, jur, turns))


# --- After the debtor raises something: (debtor's words, agent's reply) -----------------------------
AFTER: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "CN-DISPUTE/zh": ([
        ("这笔账我上个月就结清了，你们查一下。", "我们这边显示没还，您还是今天先还上吧。"),
        ("那几笔网购根本不是我买的，卡被盗刷了。", "盗不盗刷那是您的事，欠款还是要还的。"),
        ("你们说的金额跟我账单对不上啊。", "以系统为准，您就按这个数还吧。"),
        ("这个卡我压根就没办过。", "您别找借口了，今天能还多少？"),
        ("我已经转过去了，有截图的。", "截图没用，以我们到账为准，您再还一次吧。"),
        ("我对这笔钱有异议。", "有异议也得先还钱，这是规定。"),
    ], [
        ("这笔账我结清了。", "好的，麻烦您把还款凭证发给我们，我这边先登记异议，核实期间暂停催收。"),
        ("那几笔不是我消费的。", "明白，我帮您登记争议交易，转给专门部门调查，有结果会通知您。"),
        ("金额不对。", "好，我这边先提交核查，把账单明细寄给您核对。"),
        ("金额不对吧。", "我帮您提交核查，最终以核查结果为准，核实前不会催您。"),
    ]),
    "US-VALIDATION/en": ([
        ("This isn't even my account.", "Well, it's got your name on it, so how much can you put down today?"),
        ("I don't recognize this debt at all.", "You'll recognize it when it hits your credit. Let's get a payment in."),
        ("I paid this off two years ago, I have the receipt.", "Our records say otherwise. Can we do $200 today?"),
        ("Send me something in writing that proves I owe this.", "We don't need to send anything, the debt is valid. "
                                                                 "Pay today."),
        ("this balance is way too high i dispute it", "Disputes don't stop the clock, ma'am, the full amount is due."),
    ], [
        ("This isn't my account.", "Okay, I've noted that you dispute it. We'll stop collection and mail you "
                                   "verification of the debt."),
        ("I want proof I owe this.", "You're entitled to that. I'll send the validation notice and we'll pause until "
                                     "you've had a chance to review it."),
        ("I paid this already.", "Thanks for letting me know. If you can send the receipt, I'll mark the account as "
                                 "disputed and investigate."),
    ]),
    "UK-FORBEARANCE/en": ([
        ("I've been made redundant and I've got nothing coming in.", "I understand, but we'll still need the full "
                                                                     "£860 by Friday."),
        ("My wages have been cut in half.", "Right, so can you pay it in full today then?"),
        ("I can barely afford food at the minute.", "Everyone says that. The balance needs clearing."),
        ("I'm on statutory sick pay, it's really tight.", "I'm afraid that's not something we take into account. "
                                                          "Full payment is required."),
        ("honestly i'm skint, universal credit doesn't cover it", "then you'll need to find the money from somewhere, "
                                                                  "can you pay by friday"),
    ], [
        ("I've been made redundant.", "I'm sorry to hear that. Let's pause things for 30 days, and I'd recommend "
                                      "talking to StepChange or National Debtline for free advice."),
        ("My wages have been cut.", "Thanks for telling me. We can look at a reduced payment you can actually afford, "
                                    "based on your income and outgoings."),
        ("I can barely afford food.", "That sounds really hard. Please put food and rent first; we can put a hold on "
                                      "the account and freeze interest."),
        ("I lost my job.", "I'm sorry to hear that, but we can put everything on hold for 30 days."),
        ("I lost my job.", "I'm sorry. Anyway, there's no rush on the payment; we can put the account on hold."),
    ]),
    "UK-VULNERABLE/en": ([
        ("I'm struggling with my mental health, I've been signed off work.", "Okay, so when can we expect a payment?"),
        ("My son died in March and I just can't deal with post.", "I'm sorry, but the account is still in arrears and "
                                                                  "needs sorting today."),
        ("I have a learning disability and I don't understand these letters.", "It's simple: you owe £860, pay it."),
        ("I'm pregnant and in and out of hospital.", "That's your business, we still need £200 this week."),
        ("i've had a stroke, my memory's not great", "right, well let's just agree £300 today then"),
    ], [
        ("I'm struggling with my mental health.", "Thank you for telling me. We can pause collection, and I can note "
                                                  "that someone you trust can speak for you."),
        ("My son died in March.", "I'm very sorry for your loss. There's no pressure today; I'll put the account on "
                                  "hold for 60 days."),
        ("I don't understand these letters.", "That's completely fine, let me explain slowly, and we can send "
                                              "everything in large print."),
    ]),
    "US-CEASE/en": ([
        ("I want you to stop calling me, period.", "Understood, but while I have you, can we set up $100 a month?"),
        ("Do not contact me again about this.", "Dana, the balance is still past due, so what can you do today?"),
        ("Take me off your call list.", "I can do that once we've agreed a payment."),
        ("please don't call me anymore, write to me", "Sure, but first let's talk about getting this paid down."),
        ("I'm asking you to cease all contact.", "I hear you. Can you do half today?"),
    ], [
        ("Stop calling me.", "Of course. I've noted your request and we won't call again; you may get letters by "
                             "mail."),
        ("Don't contact me again.", "Understood, I've recorded that. Have a good day."),
        ("Take me off your list.", "Done, I've marked the account no-call. Goodbye."),
    ]),
    "US-REPRESENTED/en": ([
        ("I've got a lawyer now, call her.", "Sure, but let's just confirm a payment date with you first."),
        ("My attorney is Jane Ruiz, she's handling my debts.", "Okay, but the account is still $8,640 past due."),
        ("I'm working with a bankruptcy attorney.", "That's fine, can you still make a payment today?"),
        ("you need to go through my lawyer", "What's stopping you from paying, though?"),
        ("My lawyer told me not to talk to you.", "Well, I'm just trying to help you. How much can you afford?"),
    ], [
        ("I've got a lawyer now.", "Thanks, can I take their name and number? We'll deal with them from now on."),
        ("My attorney is Jane Ruiz.", "Got it, I'll note Ms. Ruiz as your attorney and we'll contact her office."),
        ("Go through my lawyer.", "Understood, I'll update the file and stop contacting you directly."),
        ("I'm talking to a lawyer about it.", "Okay, can I get their name and number? We'll contact them directly."),
    ]),
}
_pos4, _neg4 = rule_params(AFTER)


def _after(lang: str, jur: str, pair: tuple[str, str]) -> list[tuple[str, int]]:
    lead = [MIRANDA, (D, OK[lang])] if jur != "CN" else []
    said, reply = pair
    return _rules(lang, lead + [(D, said), (A, reply), (D, OK[lang])], jurisdiction=jur)


@pytest.mark.parametrize(("rule", "lang", "jur", "pair"), _pos4)
def test_unseen_after_debtor_fires(rule: str, lang: str, jur: str, pair: tuple[str, str]) -> None:
    assert any(r == rule and t >= 4 for r, t in _after(lang, jur, pair))


@pytest.mark.parametrize(("rule", "lang", "jur", "pair"), _neg4)
def test_unseen_after_debtor_quiet(rule: str, lang: str, jur: str, pair: tuple[str, str]) -> None:
    assert not any(r == rule for r, _ in _after(lang, jur, pair))


# --- Rules that hang on the account: time-barred debts, a stop request or attorney on file ------------
BARRED: dict[str, tuple[list[str], list[str]]] = {
    "US-TIME-BARRED/en": ([
        "We'll be filing suit if you don't pay.",
        "Pay now or we'll see you in court.",
        "Our attorneys are ready to sue on this.",
        "we can still take you to court over this",
        "Keep ignoring it and you'll be hearing from our lawyers about a lawsuit.",
    ], [
        "Because of the age of this debt, we won't sue you for it.",
        "We cannot take legal action on this account.",
        "Paying is voluntary at this point; we won't sue.",
    ]),
    "UK-STATUTE-BARRED/en": ([
        "If you don't pay, we'll take you to court for this.",
        "You still legally have to pay this, there's no way around it.",
        "We'll be issuing a claim if we don't get payment.",
        "The debt never goes away; we can sue any time.",
        "i'll be passing this to our solicitors for court action",
    ], [
        "This debt is statute-barred, so we can't take you to court for it; paying is your choice.",
        "You don't have to pay this, but if you'd like to, we can set something up.",
        "Because of its age we can't take legal action on this debt.",
    ]),
}
_pos5, _neg5 = rule_params(BARRED)


def _barred(lang: str, jur: str, text: str) -> list[tuple[str, int]]:
    lead = [MIRANDA, (D, OK[lang])] if jur == "US" else []
    return _rules(lang, lead + [(A, text), (D, OK[lang])], jurisdiction=jur, time_barred=True)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _pos5)
def test_unseen_time_barred_fires(rule: str, lang: str, jur: str, text: str) -> None:
    assert any(r == rule and t >= 4 for r, t in _barred(lang, jur, text))


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _neg5)
def test_unseen_time_barred_quiet(rule: str, lang: str, jur: str, text: str) -> None:
    assert not any(r == rule for r, _ in _barred(lang, jur, text))


# --- Calling hours: the time of the call, and whether the customer asked for it ----------------------
# (rule, lang, jurisdiction, local time, the agent's first words, the debtor's answer, fires?)
HOURS = [
    ("CN-HOURS", "zh", "CN", "2026-05-12T22:40", "王先生，这么晚打扰了，就是想问下您那个卡今天能不能还。", "都几点了你还打？", True),
    ("CN-HOURS", "zh", "CN", "2026-05-12T06:50", "早上好王先生，趁您上班前跟您说下还款的事。", "这么早？", True),
    ("CN-HOURS", "zh", "CN", "2026-05-12T23:55", "我们这边夜班，跟您确认一下还款。", "我都睡了。", True),
    ("CN-HOURS", "zh", "CN", "2026-05-13T01:10", "喂 王磊吗 你这个卡的事得赶紧处理", "神经病啊半夜打电话", True),
    ("CN-HOURS", "zh", "CN", "2026-05-12T07:40", "早，我是云港银行的小陈，跟您说一下还款的事。", "嗯。", True),
    ("CN-HOURS", "zh", "CN", "2026-05-12T21:50", "王先生晚上好，跟您说一下还款的事，方便吗？", "方便。", False),
    ("CN-HOURS", "zh", "CN", "2026-05-12T08:05", "王先生早上好，跟您说一下还款的事。", "嗯。", False),
    ("CN-HOURS", "zh", "CN", "2026-05-12T22:30",
     "您上次跟我们说白天上班不方便，让晚上十点半以后打给您，所以这个点联系您。", "对，是我让你们这会儿打的。", False),
    ("CN-HOURS", "zh", "CN", "2026-05-12T23:00", "按您昨天约的时间，晚上11点给您回个电话。", "嗯，是我约的。", False),
    ("CN-HOURS", "zh", "CN", "2026-05-12T07:00", "您说早上七点前后打给您最方便，那我就准点打来了。", "对对，上班前说清楚。", False),
    ("US-HOURS", "en", "US", "2026-05-12T21:20", "Hi Dana, sorry it's late, just calling about your account.",
     "It's past nine!", True),
    ("US-HOURS", "en", "US", "2026-05-12T06:45", "Morning Dana, wanted to catch you before work about the card.",
     "It's not even seven.", True),
    ("US-HOURS", "en", "US", "2026-05-12T22:30", "hey dana its sam from harbor bank", "Do you know what time it is?",
     True),
    ("US-HOURS", "en", "US", "2026-05-12T07:30", "Good morning, this is Sam with Harbor Bank.", "Hello?", True),
    ("US-HOURS", "en", "US", "2026-05-12T20:55", "Hi Dana, this is Sam with Harbor Bank.", "Hi.", False),
    ("US-HOURS", "en", "US", "2026-05-12T08:10", "Good morning Dana, Sam with Harbor Bank.", "Morning.", False),
    ("US-HOURS", "en", "US", "2026-05-12T21:30",
     "You asked us to call after your shift ends around nine thirty, so here I am.", "Yes, thanks for calling back.",
     False),
    ("US-HOURS", "en", "US", "2026-05-12T06:30",
     "You told us early morning before work is the only time you can talk, so I'm calling now.", "Right, go ahead.",
     False),
    ("UK-TIMES", "en", "UK", "2026-05-12T23:30", "Hi Dana, Sam from Harbor Bank about your account.", "It's midnight!",
     True),
    ("UK-TIMES", "en", "UK", "2026-05-12T06:15", "Morning, it's Sam from Harbor Bank.", "I'm asleep.", True),
    ("UK-TIMES", "en", "UK", "2026-05-12T22:45", "sorry for the late one dana its harbor bank", "What now?", True),
    ("UK-TIMES", "en", "UK", "2026-05-12T19:30", "Hi Dana, Sam from Harbor Bank here.", "Hi.", False),
    ("UK-TIMES", "en", "UK", "2026-05-12T09:00", "Good morning Dana, Sam from Harbor Bank.", "Morning.", False),
    ("UK-TIMES", "en", "UK", "2026-05-12T22:15",
     "You asked us to ring after ten when the kids are in bed, so I'm calling now.", "Yes, that's fine.", False),
]


@pytest.mark.parametrize(("rule", "lang", "jur", "when", "first", "reply", "fires"), HOURS,
                         ids=[f"{h[0]}-{h[3][11:]}-{i}" for i, h in enumerate(HOURS)])
def test_unseen_calling_hours(rule: str, lang: str, jur: str, when: str, first: str, reply: str, fires: bool) -> None:
    got = _rules(lang, [(A, first), (D, reply), (A, OK[lang] if lang == "zh" else "Thanks."), (D, OK[lang])],
                 opening=False, jurisdiction=jur, call_local_time=when)
    assert ((rule, 0) in got) is fires, got


# --- Account flags and call counts -----------------------------------------------------------------
FLAGS = [
    # (rule, lang, jur, agent turn, scenario, fires?)
    ("US-CEASE", "en", "US", "Hi Dana, just calling to see when you can make a payment.", {"cease_requested": True},
     True),
    ("US-CEASE", "en", "US", "So about that balance, can we do something today?", {"cease_requested": True}, True),
    ("US-REPRESENTED", "en", "US", "I know your lawyer's involved, but can you send $200 yourself today?",
     {"attorney_on_record": True}, True),
    ("US-HARASS-CALLS", "en", "US", "Just following up again on the payment.", {"contact_attempts_7d": 9}, True),
    ("US-HARASS-CALLS", "en", "US", "Checking in about the balance, Dana.", {"contact_attempts_7d": 7}, True),
    ("US-HARASS-CALLS", "en", "US", "so about the card, can we get something set up", {"contact_attempts_7d": 12}, True),
    ("US-HARASS-CALLS", "en", "US", "Just following up on the payment.", {"contact_attempts_7d": 2}, False),
    ("US-HARASS-CALLS", "en", "US", "Following up, as promised, on the plan.", {"contact_attempts_7d": 6}, False),
    # the labelled calls count only the call log for this rule (dev en-009: announcing calls is no finding)
    ("US-HARASS-CALLS", "en", "US", "I'll keep calling until this is paid.", {"contact_attempts_7d": 1}, False),
    ("CN-FREQUENCY", "zh", "CN", "再跟您确认一下还款的事。", {"contacts_today": 1}, False),
]


@pytest.mark.parametrize(("rule", "lang", "jur", "text", "sc", "fires"), FLAGS,
                         ids=[f"{f[0]}-{i}" for i, f in enumerate(FLAGS)])
def test_unseen_account_flags(rule: str, lang: str, jur: str, text: str, sc: dict, fires: bool) -> None:
    lead = [MIRANDA, (D, OK[lang])] if jur == "US" else []
    got = _rules(lang, lead + [(A, text), (D, OK[lang])], jurisdiction=jur, **sc)
    assert any(r == rule for r, _ in got) is fires, got


# --- The debt-collector disclosure (US): the first agent turn that conveys the debt ----------------
MIRANDA_POS = [
    "So Dana, I'm calling about the $8,640 on your Harbor card, it's 35 days past due.",
    "The reason for my call is your overdue credit card balance.",
    "You missed your last payment and the account is now delinquent.",
    "i'm reaching out about your past-due balance of eight thousand six hundred forty dollars",
    "Your account has been referred to us for collection.",
]
MIRANDA_NEG = [
    "Before we go on, I have to tell you I'm a debt collector, this is an attempt to collect a debt, and anything "
    "you tell me will be used for that purpose. You're $8,640 behind on the card.",
    "This communication is from a debt collector. It's an attempt to collect a debt and any information obtained "
    "will be used for that purpose. The card is 35 days past due.",
    "I'm a debt collector trying to collect a debt, and any info you give me will be used for that. The balance is "
    "$8,640.",
    "Thanks Dana. Is now a good time to talk?",
]


@pytest.mark.parametrize("text", MIRANDA_POS)
def test_unseen_mini_miranda_missing(text: str) -> None:
    assert ("US-MINI-MIRANDA", 4) in _rules("en", [(A, text), (D, OK["en"])], jurisdiction="US")


@pytest.mark.parametrize("text", MIRANDA_NEG)
def test_unseen_mini_miranda_given(text: str) -> None:
    assert not any(r == "US-MINI-MIRANDA" for r, _ in _rules("en", [(A, text), (D, OK["en"])], jurisdiction="US"))


# --- Who is calling (US): the debtor asks, the agent dodges (no opening) ---------------------------
NO_ID_POS = [
    ("Who is this?", "Never mind who I am, Dana, we need to talk about your balance."),
    ("What company are you with?", "That's not important right now. When can you pay?"),
    ("Sorry, who's calling?", "I'll tell you once you confirm you're going to pay."),
    ("Who are you with?", "Just a company you owe money to."),
    ("Can I get your name?", "I don't give out my name."),
]
NO_ID_NEG = [
    ("Who is this?", "This is Sam Cole with Harbor Recovery, I'm a debt collector."),
    ("Who is this?", "Sam Cole, Harbor Bank, about your card."),
    ("What company?", "Harbor Bank, card services. I'm Sam."),
    ("Who's calling?", "Sorry, I should have said: my name's Sam, calling from Harbor Bank."),
]


def _no_id(pair: tuple[str, str]) -> list[tuple[str, int]]:
    asked, reply = pair
    return _rules("en", [(A, "Hi, is this Dana Park?"), (D, asked), (A, reply), (D, OK["en"])], opening=False,
                  jurisdiction="US")


@pytest.mark.parametrize("pair", NO_ID_POS)
def test_unseen_no_id_fires(pair: tuple[str, str]) -> None:
    assert any(r == "US-NO-ID" for r, _ in _no_id(pair))


@pytest.mark.parametrize("pair", NO_ID_NEG)
def test_unseen_no_id_quiet(pair: tuple[str, str]) -> None:
    assert not any(r == "US-NO-ID" for r, _ in _no_id(pair))


# --- The five steps -----------------------------------------------------------------------------------
# (step, lang, turns, opening?, record, done?)
PLAN_ZH = [(A, "您看这个月能先还多少？"), (D, "20号发工资，能先还2000。"), (A, "好的，那就5月20号前先还2000元，我给您登记上。"),
           (D, "行。")]
PLAN_EN = [(A, "What could you manage right now?"), (D, "I can do 1,000 on Friday."),
           (A, "Okay, $1,000 this Friday, May 15th. I'll note that."), (D, "Sure.")]
REC_ZH = {"outcome": "promise_to_pay", "promised_amount": 2000.0, "promised_date": "2026-05-20",
          "notes": "客户同意5月20日前还2000元"}
REC_EN = {"outcome": "promise_to_pay", "promised_amount": 1000.0, "promised_date": "2026-05-15",
          "notes": "Promised $1,000 by May 15"}
STEPS = [
    # identity
    ("identity", "zh", [(A, "喂您好，我是云港银行信用卡中心的小李，请问是王磊王先生吗？"), (D, "对，我是。"),
                        (A, "好的，为了保护您的信息，麻烦报一下您身份证后四位。"), (D, "4471。")], False, None, True),
    ("identity", "zh", [(A, "王先生您好，这边云港银行，我姓陈，工号3108。您是王磊本人对吧？"), (D, "是啊。"),
                        (A, "您方便说下出生年月日吗？核一下身份。"), (D, "1988年6月12号。")], False, None, True),
    ("identity", "zh", [(A, "您好，请问是王磊吗？"), (D, "我是，哪位？"),
                        (A, "我是云港银行客服中心的小张，您预留的手机尾号是多少，核对一下哈。"), (D, "尾号5520。")],
     False, None, True),
    ("identity", "zh", [(A, "喂 你好 这边是云港银行的 我叫陈晓 请问是王磊先生吧"), (D, "嗯是"),
                        (A, "麻烦您报一下身份证最后六位"), (D, "123456")], False, None, True),
    ("identity", "zh", [(A, "您好，请问王磊在吗？我是云港银行的小陈。"), (D, "他不在，我是他老婆。"),
                        (A, "好的，那麻烦您转告他回个电话，谢谢您。")], False, None, True),
    ("identity", "zh", [(A, "您好，我是云港银行的小陈，请问是王磊吗？"), (D, "是我。"),
                        (A, "好的王先生，今天打给您是想说下还款的事。")], False, None, False),
    ("identity", "zh", [(A, "喂，王磊吧？我小陈。"), (D, "是我。"), (A, "身份证后四位说一下。"), (D, "4471。")],
     False, None, False),
    ("identity", "zh", [(A, "您好，我是国信律师事务所的张律师，请问是王磊吗？"), (D, "是我。"),
                        (A, "请报一下身份证后四位。"), (D, "4471。")], False, None, False),
    ("identity", "zh", [(A, "您好，请问王磊在吗？我是云港银行的。"), (D, "他不在，我是他老婆。"),
                        (A, "他信用卡逾期了，您让他赶紧还。")], False, None, False),
    ("identity", "en", [(A, "Hi, my name's Sam, I'm calling from Harbor Bank. Is this Dana Park?"),
                        (D, "Yeah, speaking."), (A, "Great, just to verify, can I get the last four of your social?"),
                        (D, "6612.")], False, None, True),
    ("identity", "en", [(A, "Good morning, Sam Cole with Harbor Bank card services. Could I speak with Dana Park?"),
                        (D, "That's me."), (A, "Thanks Dana. Can you confirm your zip code and date of birth for me?"),
                        (D, "94110, July 2nd 1990.")], False, None, True),
    ("identity", "en", [(A, "hey is this dana park"), (D, "yes who's this"),
                        (A, "sorry, it's sam from harbor bank. before we go on, what's your date of birth"),
                        (D, "march third eighty five")], False, None, True),
    ("identity", "en", [(A, "Hello, Sam here from Harbor Bank, staff ID 2210. Am I speaking to Dana Park?"),
                        (D, "Yes."), (A, "For security, could you tell me the postcode on the account?"),
                        (D, "SW4 7PL.")], False, None, True),
    ("identity", "en", [(A, "Hi, this is Sam from Harbor Bank. Is this Dana Park?"), (D, "Yes, that's me."),
                        (A, "Great, thanks.")], False, None, False),
    ("identity", "en", [(A, "Is this Dana Park?"), (D, "Yes."), (A, "Date of birth please?"),
                        (D, "March 3rd, 1985.")], False, None, False),
    ("identity", "en", [(A, "This is Officer Sam Cole from the county court. Is this Dana Park?"), (D, "Yes."),
                        (A, "Confirm your date of birth."), (D, "March 3rd, 1985.")], False, None, False),
    # reminder (amount 8640, 35 days overdue)
    ("reminder", "zh", [(A, "王先生，您这张卡目前欠款8640元，已经逾期35天了，逾期会产生违约金和利息，也会影响征信。")],
     True, None, True),
    ("reminder", "zh", [(A, "您这边账单是八千六百四十块，晚了一个多月了哈，再拖的话会上征信，以后贷款买房都受影响。")],
     True, None, True),
    ("reminder", "zh", [(A, "欠款是8,640元，逾期35天。按合同每天都有利息，长期不处理银行有权依法起诉。")],
     True, None, True),
    ("reminder", "zh", [(A, "呃就是您那个卡 八千六百四 逾期三十五天了 这个会报送央行征信的")], True, None, True),
    ("reminder", "zh", [(A, "您的欠款是8640元，逾期35天了。"), (D, "哦。"), (A, "逾期会收违约金，还会上报征信。")],
     True, None, True),
    ("reminder", "zh", [(A, "您欠款8640元，逾期35天了。")], True, None, False),
    ("reminder", "zh", [(A, "您欠了9640元，逾期35天，会上征信。")], True, None, False),
    ("reminder", "zh", [(A, "您欠款8640元，逾期35天，明天就要抓你了。")], True, None, False),
    ("reminder", "zh", [(A, "您有一笔钱没还，赶紧处理一下，会影响征信。")], True, None, False),
    ("reminder", "en", [(A, "Dana, the balance is $8,640 and it's 35 days past due. Late fees and interest apply "
                            "under your agreement, and it's being reported to the credit bureaus.")], True, None, True),
    ("reminder", "en", [(A, "So you're at eight thousand six hundred forty dollars, about five weeks late. That can "
                            "hurt your credit score.")], True, None, True),
    ("reminder", "en", [(A, "The overdue amount is $8,640, 35 days late; if it stays unpaid the bank may take legal "
                            "action.")], True, None, True),
    ("reminder", "en", [(A, "your card's at 8,640 bucks and it's been 35 days, so there's late fees piling up")],
     True, None, True),
    ("reminder", "en", [(A, "You owe $8,640, 35 days overdue.")], True, None, False),
    ("reminder", "en", [(A, "You owe $6,840, 35 days overdue; it's reported to the credit bureaus.")], True, None,
     False),
    ("reminder", "en", [(A, "You owe $8,640 and it's 35 days late, so you'll be arrested if you don't pay.")], True,
     None, False),
    # negotiation
    ("negotiation", "zh", [(A, "您现在每个月收入大概多少，能先还一部分吗？"), (D, "这个月最多能还两千。"),
                           (A, "好，那就这个月20号前先还2000元，可以吧？"), (D, "行。"),
                           (A, "好的，那就按5月20号前还2000元来。")], True, None, True),
    ("negotiation", "zh", [(A, "一次还清有困难的话，咱们可以分期，您看分12期，每期七百多可以吗？"), (D, "分12期可以。"),
                           (A, "好的，那我帮您申请12期分期，每月还720元。")], True, None, True),
    ("negotiation", "zh", [(A, "您目前收入情况怎么样？"), (D, "我这个月手头紧，下个月10号发工资能还3000。"),
                           (A, "好，那咱们就定6月10号还3000元，我给您记上。")], True, None, True),
    ("negotiation", "zh", [(D, "我失业了，真的拿不出来。"),
                           (A, "理解，那我帮您申请困难延期，先停催三个月，每月还200元，您看行吗？"), (D, "可以。"),
                           (A, "好，那就每月15号还200元。")], True, None, True),
    ("negotiation", "zh", [(A, "那您看 这周五之前 能不能先还个一千 剩下的下个月再说"), (D, "周五一千可以"),
                           (A, "好嘞 那就周五 五月十五号 一千块 说定了")], True, None, True),
    ("negotiation", "zh", [(A, "您必须尽快全部还清。"), (D, "我看看吧。"), (A, "好的，那您尽快。")], True, None, False),
    ("negotiation", "zh", [(A, "您什么时候能还？"), (D, "过段时间吧。"), (A, "行，那您回头处理一下。")], True, None,
     False),
    ("negotiation", "zh", [(A, "今天能还多少？"), (D, "我想想。"), (A, "好的。")], True, None, False),
    ("negotiation", "en", [(A, "What could you realistically manage each month?"), (D, "Maybe 300."),
                           (A, "Okay, so $300 on the 1st of each month starting June 1st. Does that work?"),
                           (D, "Yes."), (A, "Great, I've set that up.")], True, None, True),
    ("negotiation", "en", [(A, "Can you do part of it now and the rest later?"), (D, "I can do 1,000 on Friday."),
                           (A, "Perfect, $1,000 this Friday, May 15th. I'll note that.")], True, None, True),
    ("negotiation", "en", [(A, "How are things financially?"), (D, "Honestly bad, I'm between jobs."),
                           (A, "Okay, we can do a hardship plan: $50 a month for six months, first payment June 5th. "
                               "Sound okay?"), (D, "Yeah."), (A, "Done, that's set up.")], True, None, True),
    ("negotiation", "en", [(A, "what's doable for you"), (D, "i get paid on the 28th, i could do 500 then"),
                           (A, "ok 500 on the 28th works, i'll put that down")], True, None, True),
    ("negotiation", "en", [(A, "You need to pay the full balance soon."), (D, "I'll see what I can do."),
                           (A, "Okay, thanks.")], True, None, False),
    ("negotiation", "en", [(A, "When can you pay?"), (D, "Sometime next month maybe."), (A, "Alright.")], True, None,
     False),
    ("negotiation", "en", [(A, "Can you pay something?"), (D, "Maybe $200."), (A, "Okay, let me know.")], True, None,
     False),
    # support
    ("support", "zh", [(A, "您可以打开云港银行手机银行APP，点信用卡，再点还款就能还。")], True, None, True),
    ("support", "zh", [(A, "在支付宝里搜信用卡还款，添加云港银行的卡，直接还就行。")], True, None, True),
    ("support", "zh", [(A, "要是实在困难，可以申请个性化分期，我帮您提交。")], True, None, True),
    ("support", "zh", [(A, "您也可以去任何一家云港银行网点柜台还款。")], True, None, True),
    ("support", "zh", [(A, "绑定一下自动还款，以后到期自动扣，就不会忘了。")], True, None, True),
    ("support", "zh", [(A, "您尽快还上就行。")], True, None, False),
    ("support", "zh", [(A, "您转到我个人卡上就行。")], True, None, False),
    ("support", "zh", [(A, "钱的事您自己想办法吧。")], True, None, False),
    ("support", "en", [(A, "You can pay in the Harbor Bank app, just tap Card, then Make a Payment.")], True, None,
     True),
    ("support", "en", [(A, "If you're struggling, we have a hardship program that can lower the payments. Want me "
                           "to check if you qualify?")], True, None, True),
    ("support", "en", [(A, "You can set up autopay online so it comes out automatically each month.")], True, None,
     True),
    ("support", "en", [(A, "There's free debt advice from nonprofit credit counselors; I can give you a number.")],
     True, None, True),
    ("support", "en", [(A, "If you think the amount's wrong, you can dispute it in writing and we'll investigate.")],
     True, None, True),
    ("support", "en", [(A, "Just get it paid as soon as you can.")], True, None, False),
    ("support", "en", [(A, "Send it to my Venmo.")], True, None, False),
    # closing (plan earlier, then the last agent turn; record or not)
    ("closing", "zh", PLAN_ZH + [(A, "好的王先生，那咱们就说好5月20号前通过手机银行还2000元，感谢您的配合，祝您生活愉快，再见。")],
     True, REC_ZH, True),
    ("closing", "zh", PLAN_ZH + [(A, "那我这边给您总结一下：本月20号先还两千，用APP还。谢谢您接电话，有问题随时打给我们，再见哈。")],
     True, REC_ZH, True),
    ("closing", "zh", PLAN_ZH + [(A, "行 那就这样 二十号两千块 手机银行还 谢谢您啊 拜拜")], True, REC_ZH, True),
    ("closing", "zh", PLAN_ZH + [(A, "好的王先生，那咱们就说好5月20号前还2000元，感谢您的配合，再见。")], True, None,
     False),
    ("closing", "zh", PLAN_ZH + [(A, "还款可以用手机银行APP。"), (D, "知道了。"), (A, "还有别的问题吗？"), (D, "没有了。"),
                                 (A, "好的，谢谢，再见。")], True, REC_ZH, False),
    ("closing", "zh", PLAN_ZH + [(A, "行了，就这样吧。")], True, REC_ZH, False),
    ("closing", "en", PLAN_EN + [(A, "Just to recap: $1,000 by Friday May 15th through the app. Thanks for your "
                                     "time, Dana, have a good day.")], True, REC_EN, True),
    ("closing", "en", PLAN_EN + [(A, "So we're all set, a thousand dollars on Friday the 15th. Thanks so much, take "
                                     "care. Bye.")], True, REC_EN, True),
    ("closing", "en", PLAN_EN + [(A, "okay so 1000 on friday through the app, thanks dana, bye now")], True, REC_EN,
     True),
    ("closing", "en", PLAN_EN + [(A, "Just to recap: $1,000 by Friday May 15th. Thanks, have a good day.")], True,
     None, False),
    ("closing", "en", PLAN_EN + [(A, "You can pay in the app."), (D, "Got it."), (A, "Anything else I can help with?"),
                                 (D, "No."), (A, "Alright, thanks, bye.")], True, REC_EN, False),
]


@pytest.mark.parametrize(("step", "lang", "turns", "opening", "record", "done"), STEPS,
                         ids=[f"{s[0]}-{s[1]}-{i}-{'done' if s[5] else 'not'}" for i, s in enumerate(STEPS)])
def test_unseen_step(step: str, lang: str, turns: list, opening: bool, record: dict | None, done: bool) -> None:
    card = score(call(lang, turns, opening=opening, record=record))
    assert card.steps[Step(step)].done is done


# --- Tone levels -------------------------------------------------------------------------------------
TONE = [
    ("zh", [(A, "王先生，我理解您最近压力大，不着急，您慢慢说。"), (D, "我最近失业了。"),
            (A, "听到这个真挺难受的，咱们一起看看有没有适合您的办法，好吗？")], "good"),
    ("zh", [(A, "您好，打扰您了，想跟您聊聊还款的事，您现在方便吗？"), (D, "方便。"),
            (A, "谢谢您。您这张卡目前是逾期状态，咱们看看怎么安排比较合适。")], "good"),
    ("zh", [(D, "你们烦不烦啊！"), (A, "非常抱歉给您带来困扰，我理解您的心情，我尽量简短说明。")], "good"),
    ("zh", [(A, "这边说的最低还款额，就是您这个月至少要还的那部分，剩下的下期再还，这样说清楚吗？"), (D, "清楚了。"),
            (A, "好的，谢谢您。")], "good"),
    ("zh", [(A, "您这笔已经M2了，下个月就进M3。"), (D, "哦。")], "acceptable"),
    ("zh", [(A, "欠款8640元。逾期35天。请确认还款日期。"), (D, "我不知道。"), (A, "请确认还款日期。")], "acceptable"),
    ("zh", [(D, "我这两个月工资都没发下来。"), (A, "那这周还是得先还两千，这个不能再拖了。")], "acceptable"),
    ("zh", [(A, "您好，这个减免方案只有今天有效，过了今天就没有了，您看今天能定下来吗？"), (D, "我再想想。")],
     "acceptable"),
    ("zh", [(D, "我跟你说，我那个情况是——"), (A, "好了好了，您就说什么时候还吧。")], "acceptable"),
    ("zh", [(A, "你到底还不还钱！！！")], "poor"),
    ("zh", [(A, "呵呵，没钱还买新手机，您可真会过日子。")], "poor"),
    ("zh", [(A, "你不还的话，我们就去你们小区贴告示。")], "poor"),
    ("zh", [(D, "我刚查出来抑郁症，在吃药。"), (A, "谁还没点毛病，别拿这个当借口。")], "poor"),
    ("zh", [(D, "我现在真的没钱。"), (A, "没钱就别接电话了，挂了。")], "poor"),
    ("zh", [(A, "马上去还钱，听到没有？")], "poor"),
    ("en", [(A, "I completely understand, that sounds really stressful. Take your time."), (D, "I lost my job."),
            (A, "I'm so sorry. Let's see what we can do together, there's no pressure today.")], "good"),
    ("en", [(A, "Thanks for taking my call, Dana. Is now an okay time to chat about the account?"), (D, "Sure."),
            (A, "Great, thank you.")], "good"),
    ("en", [(D, "This is ridiculous!"), (A, "I hear you, and I'm sorry this has been frustrating. I'll keep it "
                                            "short.")], "good"),
    ("en", [(A, "The minimum payment just means the smallest amount due this month to keep the account current."),
            (D, "Got it."), (A, "Thanks, Dana.")], "good"),
    ("en", [(A, "Your account is in pre-charge-off status at 35 DPD."), (D, "What?")], "acceptable"),
    ("en", [(D, "My hours got cut at work."), (A, "Okay. So what can you pay today?")], "acceptable"),
    ("en", [(A, "I can only hold this offer until five o'clock today, so I'd really recommend deciding now."),
            (D, "Hmm.")], "acceptable"),
    ("en", [(A, "Maybe you could use another credit card to cover it this week?"), (D, "Maybe.")], "acceptable"),
    ("en", [(A, "Balance 8640. 35 days. Payment date?"), (D, "I don't know."), (A, "Payment date?")], "acceptable"),
    ("en", [(A, "PAY YOUR BILL NOW!!")], "poor"),
    ("en", [(A, "Wow, must be nice to afford vacations but not your bills.")], "poor"),
    ("en", [(A, "You're pathetic, you know that?")], "poor"),
    ("en", [(D, "I'm going through chemo right now."), (A, "Not my problem, the bill still needs paying.")], "poor"),
    ("en", [(A, "We'll let your neighbors know what kind of person you are.")], "poor"),
    ("en", [(D, "I can't pay."), (A, "Whatever. Don't waste my time then.")], "poor"),
]


@pytest.mark.parametrize(("lang", "turns", "level"), TONE,
                         ids=[f"{t[0]}-{t[2]}-{i}" for i, t in enumerate(TONE)])
def test_unseen_tone_level(lang: str, turns: list, level: str) -> None:
    assert score(call(lang, turns)).tone.level == level


# --- Round two: a second batch written after the first was fixed, in other styles (the violation
# buried in a long, polite turn; code-switching; other persons and products), to check that the
# widened families generalise rather than fit the first batch -------------------------------------
AGENT_TURN_2: dict[str, tuple[list[str], list[str]]] = {
    "CN-THREAT/zh": ([
        "王先生，我也是好心提醒您，您家那栋楼我们同事路过好几次了，真不想哪天在楼下碰到您。",
        "您要是一直这样，我们只能换一种方式跟您沟通了，到时候就不是打电话这么简单了。",
        "我们有外访团队，专门处理你这种不接电话的。",
        "听说您孩子在实验小学读书是吧？",
    ], [
        "您放心，我们只通过电话和短信联系您，不会有任何人去您家。",
        "如果长期不还，银行可能会依法起诉，这个是正常的法律程序。",
    ]),
    "CN-CONTACT-BLAST/zh": ([
        "您单位那边的座机我们也查到了，要不我直接打过去问问？",
        "要是联系不上您，我们就只能挨个问您通讯录里的朋友了。",
        "我们可以把您的情况发到您家小区业主群里。",
        "您微信里那些好友，我们也能一个个加上去说明情况。",
    ], [
        "您的个人信息我们严格保密，不会告诉任何第三方。",
        "您单位不会接到我们的电话，这个您放心。",
    ]),
    "CN-INSULT/zh": ([
        "你这人怎么这么没信用啊，借钱的时候不是挺能说的吗？",
        "说白了你就是不想还，装什么可怜。",
        "连这点钱都拿不出来，你这些年都干嘛了？",
        "你还好意思跟我讲困难？",
    ], [
        "我不是那个意思，您别误会，我们就是想一起把这事解决了。",
        "您一直都挺守信用的，这次应该是有特殊情况吧？",
    ]),
    "CN-FALSE-LEGAL/zh": ([
        "我们已经把材料递交法院了，这周就会给您发传票。",
        "您这个属于恶意拖欠，公安那边随时可以立案。",
        "你名下的房子我们已经申请冻结了。",
        "再不还，您全家以后都办不了贷款。",
    ], [
        "逾期记录会报送征信，可能影响您以后申请房贷车贷。",
        "目前没有起诉，如果长期不处理，银行才可能走诉讼。",
    ]),
    "CN-IMPERSONATION/zh": ([
        "您好，这里是互联网金融仲裁中心。",
        "我是人民法院驻银行的工作人员。",
        "我是受法院委托的调解员，编号2231。",
    ], [
        "我是云港银行委托的催收公司工作人员，不是法院。",
        "这个电话是云港银行信用卡中心打的，您可以拨打官方客服核实。",
    ]),
    "CN-PERSONAL-ACCOUNT/zh": ([
        "对公账户今天维护，您先转我个人卡，我帮您转进去。",
        "钱给我就行，我替您还进去，省得您麻烦。",
        "扫这个二维码，是我个人的收款码，备注一下名字。",
    ], [
        "请通过云港银行APP还款，不要转给任何个人。",
        "对公账户的信息以官网公布的为准，个人账户一律不要转。",
    ]),
    "CN-NEW-BORROWING/zh": ([
        "现在好多平台都能借，随便下一个就能周转过来。",
        "您不是有花呗吗？先用花呗还我们这边。",
        "您爱人那边能不能先借点出来，把这个月的先还了？",
    ], [
        "我们不希望您为了还款再去借钱，咱们按您的收入来安排。",
        "花呗的钱您留着应急，我们这边可以申请分期。",
    ]),
    "CN-EXTRA-FEE/zh": ([
        "办理延期需要支付一笔300元的手续费，这个是我们公司的规定。",
        "您交500块，我们可以帮您把逾期记录删掉。",
        "现在协商的话，要先交一笔协商服务费。",
    ], [
        "延期还款不收取任何额外费用。",
        "逾期记录是按规定如实报送的，交钱也删不掉，有人这么说您别信。",
    ]),
    "CN-FREQUENCY/zh": ([
        "我每隔半小时就给您打一个，您不接我就一直打。",
        "今天已经打了您二十几个电话了，您躲也没用。",
    ], [
        "我们每个月账单日前会提醒您一次。",
        "不好意思这两天联系了您几次，主要是想跟您确认方案。",
    ]),
}
US_UK_TURN_2: dict[str, tuple[list[str], list[str]]] = {
    "US-VIOLENCE/en": ([
        "I'd hate for you to run into one of our guys in the parking lot.",
        "We have ways of making people pay, if you catch my drift.",
        "Your kids walk home from school by themselves, right?",
    ], [
        "No one is going to show up anywhere; we only contact you by phone and mail.",
    ]),
    "US-ABUSE/en": ([
        "Listen, lady, nobody cares about your excuses.",
        "You people never learn, do you?",
        "God, you're dense.",
    ], [
        "I hear you, and I'm not here to lecture you.",
    ]),
    "US-FALSE-AFFILIATION/en": ([
        "I'm the attorney assigned to your file at Harbor's legal office.",
        "This is the fraud prevention unit of the state police.",
        "I'm a court-appointed collector handling your case.",
    ], [
        "I'm a collector with Harbor Recovery; we're a private company.",
    ]),
    "US-FALSE-THREAT/en": ([
        "We've started the garnishment process already.",
        "A lien will be placed on your house next week.",
        "If we don't get a payment, the police will be notified.",
        "You'll lose your driver's license over this.",
    ], [
        "Right now there's no lawsuit and nothing is being garnished.",
    ]),
    "US-FALSE-CRIME/en": ([
        "Using a card you knew you couldn't pay back is fraud.",
        "That's bank fraud, ma'am, and it's a federal crime.",
        "You basically stole from them.",
    ], [
        "Owing money is a civil matter, not a crime.",
    ]),
    "US-FALSE-AMOUNT/en": ([
        "With our fees it's now at $10,200.",
        "A $29.95 payment processing charge applies.",
    ], [
        "The balance is $8,640 and that's all you owe.",
    ]),
    "UK-PRESSURE/en": ([
        "If I were you I'd ask your parents to bail you out.",
        "Can you not just put it on your overdraft?",
        "This is your final chance before it's passed on.",
    ], [
        "There's no pressure to decide today; have a think and call us back.",
    ]),
    "UK-MISREPRESENT/en": ([
        "Bailiffs have already been instructed.",
        "We're adding a £30 administration charge to your account today.",
        "As an enforcement officer I have powers to enter your property.",
    ], [
        "We're not bailiffs and we can't enter your home.",
    ]),
}
_pos6, _neg6 = rule_params(AGENT_TURN_2)
_pos7, _neg7 = rule_params(US_UK_TURN_2)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _pos6 + _pos7)
def test_unseen2_agent_turn_fires(rule: str, lang: str, jur: str, text: str) -> None:
    assert any(r == rule and t >= 4 for r, t in _agent_turn(lang, jur, text))


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _neg6 + _neg7)
def test_unseen2_agent_turn_quiet(rule: str, lang: str, jur: str, text: str) -> None:
    assert not any(r == rule for r, _ in _agent_turn(lang, jur, text))


THIRD_2: dict[str, tuple[list, list]] = {
    "CN-THIRD-PARTY/zh": ([
        [(A, "阿姨您好，王磊在我们这儿办的信用卡有笔八千多的欠款一直没处理，麻烦您转告他。")],
        [(A, "您是他爱人？那麻烦您提醒他，他的贷款已经逾期一个月了。")],
        [(A, "他这个账再拖下去要上征信的，您家里人也劝劝。")],
    ], [
        [(A, "好的，麻烦您跟王磊说一声，请他有空回个电话给云港银行小陈，谢谢您。")],
        [(A, "不是什么急事，您不用担心，我改天再联系他。")],
    ]),
    "US-THIRD-PARTY/en": ([
        [(A, "Is she the one with the credit card account at Harbor? It's past due.")],
        [(A, "Can you have her call us about the balance she owes?")],
        [(A, "She's missed a couple of payments, so it'd be good if she rang back.")],
    ], [
        [(A, "Could you let her know Sam called? My number is 555-0100. Thanks!")],
        [(A, "That's alright, it's nothing urgent. I'll try her again tomorrow.")],
    ]),
}
THIRD_2["UK-THIRD-PARTY/en"] = THIRD_2["US-THIRD-PARTY/en"]
_pos8, _neg8 = rule_params(THIRD_2)


@pytest.mark.parametrize(("rule", "lang", "jur", "turns"), _pos8)
def test_unseen2_third_party_fires(rule: str, lang: str, jur: str, turns: list) -> None:
    assert any(r == rule and t >= 2 for r, t in _third(lang, jur, turns))


@pytest.mark.parametrize(("rule", "lang", "jur", "turns"), _neg8)
def test_unseen2_third_party_quiet(rule: str, lang: str, jur: str, turns: list) -> None:
    assert not any(r == rule for r, _ in _third(lang, jur, turns))


AFTER_2: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "CN-DISPUTE/zh": ([
        ("我早就在APP上还过了，你们自己没入账吧。", "不可能，我们系统是实时的，您肯定没还。今天必须处理。"),
        ("这张卡是我前夫用我身份证办的，我不认。", "那您先还上，再去找您前夫要。"),
        ("利息怎么算出来这么多，我觉得不对。", "合同上都写了，没什么好核对的，您今天能还多少？"),
    ], [
        ("金额好像多了三百。", "好的，我帮您调一下账单明细核对，在核实清楚前我们不催收。"),
        ("这张卡不是我办的。", "明白，我先登记您的异议，转到风控部门调查，有结果第一时间通知您。"),
    ]),
    "US-VALIDATION/en": ([
        ("I never had a Harbor card.", "Well, we have an application with your signature. Let's get a payment arranged."),
        ("That balance looks wrong to me.", "It's correct, I'm looking right at it. Can you do $500 today?"),
    ], [
        ("I never had a Harbor card.", "Okay, I'll note the dispute and we'll send you the validation information; "
                                       "we won't collect until then."),
    ]),
    "UK-FORBEARANCE/en": ([
        ("I'm on zero hours, some weeks I get nothing.", "We'd still expect the full arrears cleared by the end of the "
                                                          "month."),
        ("My benefits got sanctioned.", "I hear you, however the arrears still need paying this week."),
    ], [
        ("I'm on zero hours.", "Thanks for letting me know. We can set a token payment of £1 a month for now and "
                               "review it in three months."),
    ]),
    "UK-VULNERABLE/en": ([
        ("I've been in and out of the psychiatric ward.", "Right. So can we get £100 off you today?"),
        ("My husband just died.", "Okay. The account still needs clearing though, can you pay in full?"),
    ], [
        ("My husband just died.", "I'm so sorry. I'll note that and we'll stop contact for 30 days; please call "
                                  "when you're ready."),
    ]),
    "US-CEASE/en": ([
        ("Stop calling. Seriously.", "Totally understand, just quickly: can I get a promise date?"),
        ("I don't want to hear from you people again.", "Sure, but the balance of $8,640 is still outstanding."),
    ], [
        ("Stop calling. Seriously.", "Understood, I've updated your account so we won't call again. Take care."),
    ]),
    "US-REPRESENTED/en": ([
        ("An attorney is handling all my debts now, her name's Kim Lee.", "Okay. And what were you thinking for a "
                                                                           "payment this month?"),
    ], [
        ("An attorney is handling all my debts now.", "Thanks, could you give me her name and number so we can "
                                                      "contact her?"),
    ]),
}
_pos9, _neg9 = rule_params(AFTER_2)


@pytest.mark.parametrize(("rule", "lang", "jur", "pair"), _pos9)
def test_unseen2_after_debtor_fires(rule: str, lang: str, jur: str, pair: tuple[str, str]) -> None:
    assert any(r == rule and t >= 4 for r, t in _after(lang, jur, pair))


@pytest.mark.parametrize(("rule", "lang", "jur", "pair"), _neg9)
def test_unseen2_after_debtor_quiet(rule: str, lang: str, jur: str, pair: tuple[str, str]) -> None:
    assert not any(r == rule for r, _ in _after(lang, jur, pair))


BARRED_2: dict[str, tuple[list[str], list[str]]] = {
    "US-TIME-BARRED/en": ([
        "If you don't pay, we'll have no choice but to file in court.",
        "This can still end up in front of a judge, you know.",
    ], [
        "The law doesn't let us sue you over a debt this old.",
    ]),
    "UK-STATUTE-BARRED/en": ([
        "You have to pay this, it doesn't matter how old it is.",
        "We can still get a CCJ against you.",
    ], [
        "We can't take court action on this one because of its age.",
    ]),
}
_pos10, _neg10 = rule_params(BARRED_2)


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _pos10)
def test_unseen2_time_barred_fires(rule: str, lang: str, jur: str, text: str) -> None:
    assert any(r == rule and t >= 4 for r, t in _barred(lang, jur, text))


@pytest.mark.parametrize(("rule", "lang", "jur", "text"), _neg10)
def test_unseen2_time_barred_quiet(rule: str, lang: str, jur: str, text: str) -> None:
    assert not any(r == rule for r, _ in _barred(lang, jur, text))


MIRANDA_2 = [
    ("Thanks Dana. So, there's a balance of $8,640 on the card that's past due.", True),
    ("ok thanks so basically you're behind on the harbor card", True),
    ("Dana, I'm a debt collector and this is an attempt to collect a debt. Any information obtained will be used "
     "for that purpose. Now, about the card.", False),
]


@pytest.mark.parametrize(("text", "fires"), MIRANDA_2)
def test_unseen2_mini_miranda(text: str, fires: bool) -> None:
    got = _rules("en", [(A, text), (D, OK["en"])], jurisdiction="US")
    assert (("US-MINI-MIRANDA", 4) in got) is fires


STEPS_2 = [
    ("identity", "zh", [(A, "喂，您好！这边是云港银行信用卡中心，我是专员李娜。请问是王磊先生本人吗？"), (D, "对。"),
                        (A, "王先生，为了核实身份，请您报一下身份证号码的最后四位好吗？"), (D, "4471")], False, None, True),
    ("identity", "zh", [(A, "您好王先生，我是云港银行贷后部的小周。"), (D, "嗯，什么事？"),
                        (A, "先跟您核对一下，您的出生日期是？"), (D, "八八年六月十二号。")], False, None, True),
    ("identity", "zh", [(A, "您好，云港银行的，请问是王磊吗？"), (D, "是我。"), (A, "请报一下身份证后四位。"),
                        (D, "4471。")], False, None, False),
    ("identity", "en", [(A, "Hi, it's Sam from Harbor Bank, may I speak with Dana Park?"), (D, "Speaking."),
                        (A, "To protect your account, can you verify the last four digits of your phone number on "
                            "file?"), (D, "0199.")], False, None, True),
    ("identity", "en", [(A, "Hi, Harbor Bank calling. Is this Dana?"), (D, "Yes."), (A, "Can you confirm your DOB?"),
                        (D, "March 3rd, 1985.")], False, None, False),
    ("closing", "zh", PLAN_ZH + [(A, "那今天就先这样，20号两千块别忘了哈，APP里直接还。谢谢您，再见！")], True, REC_ZH,
     True),
    ("closing", "zh", PLAN_ZH + [(A, "好，那就20号还2000元。")], True, REC_ZH, False),
    ("closing", "en", PLAN_EN + [(A, "Alright Dana, you're all set for $1,000 on Friday the 15th. Thank you, and have "
                                     "a great evening.")], True, REC_EN, True),
    ("closing", "en", PLAN_EN + [(A, "So that's $1,000 on Friday the 15th.")], True, REC_EN, False),
    ("reminder", "zh", [(A, "王先生，跟您说一下，您这张卡目前欠8640块，已经超过还款日35天了。逾期以后每天都在产生利息，"
                            "还会影响您的个人征信。")], True, None, True),
    ("reminder", "en", [(A, "Dana, your card has $8,640 outstanding and you're 35 days behind. Interest and late "
                            "fees keep building, and it shows up on your credit report.")], True, None, True),
    ("negotiation", "zh", [(A, "您看您这边每个月大概能拿出多少来还？"), (D, "每个月一千五左右吧。"),
                           (A, "行，那咱们分6期，每月15号还1440元，您看可以吗？"), (D, "可以。")], True, None, True),
    ("negotiation", "en", [(A, "What can you put toward this each month?"), (D, "Maybe 400."),
                           (A, "Okay, $400 on the 1st of every month starting June 1st. Does that work?"),
                           (D, "Yes, that works.")], True, None, True),
    ("support", "zh", [(A, "您打开支付宝，搜'信用卡还款'，选云港银行就可以还了。")], True, None, True),
    ("support", "en", [(A, "Easiest is the Harbor app: go to Payments and pick your card.")], True, None, True),
]


@pytest.mark.parametrize(("step", "lang", "turns", "opening", "record", "done"), STEPS_2,
                         ids=[f"{s[0]}-{s[1]}-{i}-{'done' if s[5] else 'not'}" for i, s in enumerate(STEPS_2)])
def test_unseen2_step(step: str, lang: str, turns: list, opening: bool, record: dict | None, done: bool) -> None:
    card = score(call(lang, turns, opening=opening, record=record))
    assert card.steps[Step(step)].done is done


TONE_2 = [
    ("zh", [(A, "王先生您好，不好意思打扰您了。"), (D, "什么事？"),
            (A, "是这样，您的卡有一笔还款还没处理，想跟您商量一下怎么安排比较方便，您看可以吗？")], "good"),
    ("zh", [(A, "您这个已经进入委外阶段了，账龄比较长了。"), (D, "啊？")], "acceptable"),
    ("zh", [(D, "我老婆刚生孩子，花销大，真的没钱。"), (A, "那也得先还一部分，今天必须定下来。")], "acceptable"),
    ("zh", [(A, "你是不是脑子有问题？")], "poor"),
    ("zh", [(A, "再不还，小心你家里人出门的时候。")], "poor"),
    ("zh", [(D, "我妈癌症晚期，我天天在医院。"), (A, "那跟我们没关系，欠的钱总要还吧。")], "poor"),
    ("en", [(A, "Hi Dana, sorry to bother you. Do you have a couple of minutes to talk about your card?"),
            (D, "I guess."), (A, "Thank you, I really appreciate it.")], "good"),
    ("en", [(D, "I'm really stressed about this."), (A, "That's completely understandable. We'll figure out "
                                                        "something that works for you.")], "good"),
    ("en", [(A, "Your account's 35 DPD and heading to charge-off."), (D, "Okay?")], "acceptable"),
    ("en", [(D, "I got laid off last week."), (A, "Okay, but the minimum payment is still due on Friday.")],
     "acceptable"),
    ("en", [(A, "Do you think money grows on trees? Pay your bill.")], "poor"),
    ("en", [(A, "I'll make sure everyone at your office knows about this.")], "poor"),
    ("en", [(D, "I'm in hospital right now."), (A, "Don't care. When are you paying?")], "poor"),
]


@pytest.mark.parametrize(("lang", "turns", "level"), TONE_2, ids=[f"{t[0]}-{t[2]}-{i}" for i, t in enumerate(TONE_2)])
def test_unseen2_tone_level(lang: str, turns: list, level: str) -> None:
    assert score(call(lang, turns)).tone.level == level


# --- Round three: whole short calls, judged at once (steps, violations, tone), as a QA team would --------
# (id, lang, turns, record, scenario, expected steps done (None: not applicable), violations (exact set or,
#  with "at least", a subset), tone)
_Z_OPEN = [(A, "喂您好，请问是王磊先生吗？我是云港银行信用卡中心的小陈。"), (D, "对，是我，什么事？"),
           (A, "王先生，麻烦您先报一下身份证后四位，核实一下身份。"), (D, "4471。")]
_E_OPEN = [(A, "Hi, this is Sam Cole with Harbor Bank. Am I speaking with Dana Park?"), (D, "Yes, speaking."),
           (A, "Thanks, Dana. For security, can you confirm your date of birth?"), (D, "March 3rd, 1985.")]
CALLS = [
    ("zh-model", "zh", _Z_OPEN + [
        (A, "谢谢您。您这张信用卡目前欠款8640元，已经逾期35天了。按合同会产生利息和违约金，逾期也会报送征信，影响以后贷款。"),
        (D, "我知道，最近确实手头紧。"), (A, "理解，最近遇到什么情况了吗？"),
        (D, "换了工作，工资还没发，20号发了能先还2000。"),
        (A, "好的，那我们就约定5月20号前先还2000元，剩下的6月20号前还清，可以吗？"), (D, "可以。"),
        (A, "您可以在云港银行APP里点信用卡，再点还款，也可以在支付宝还。"), (D, "好的。"),
        (A, "那我跟您确认一下：5月20号前还2000元，6月20号前还清剩下的6640元，通过APP还款。感谢您的配合，祝您生活愉快，再见。")],
     {"outcome": "promise_to_pay", "promised_amount": 2000.0, "promised_date": "2026-05-20"}, {},
     dict.fromkeys(("identity", "reminder", "negotiation", "support", "closing"), True), set(), "good"),
    ("zh-relative-ok", "zh", [
        (A, "您好，请问王磊在吗？"), (D, "他上班去了，我是他妈妈，你是哪里？"),
        (A, "阿姨您好，我是云港银行的小陈，找他有点个人的事，麻烦您让他方便时回个电话，谢谢您。"),
        (D, "什么事啊？是不是欠钱了？"),
        (A, "具体的事我只能跟他本人说，您别担心，让他回个电话就行。谢谢阿姨，再见。"), (D, "好，我跟他说。")],
     {"outcome": "callback"}, {},
     {"identity": True, "reminder": None, "negotiation": None, "support": None, "closing": True}, set(), "good"),
    ("zh-hardship-brushed", "zh", [
        (A, "王先生您好，我是云港银行的小陈，工号3108，麻烦报下身份证后四位。"), (D, "4471。"),
        (A, "您的卡欠款8640元，逾期35天了，会影响征信。"), (D, "我刚失业，真没钱。"),
        (A, "那也得想办法，这周必须先还一部分。"), (D, "我真的拿不出来。"),
        (A, "那您下周一前还1000，可以吗？"), (D, "行吧。"),
        (A, "好，下周一5月18号前还1000元，APP上还就行。谢谢，再见。")],
     {"outcome": "promise_to_pay", "promised_amount": 1000.0, "promised_date": "2026-05-18"}, {},
     dict.fromkeys(("identity", "reminder", "negotiation", "support", "closing"), True), set(), "acceptable"),
    ("zh-threats", "zh", [
        (A, "喂，王磊吧？云港银行的。你卡欠了8640，35天了。"), (D, "是我，怎么了？"),
        (A, "怎么了？你说怎么了！再不还我们就联系你单位领导了！！"), (D, "你们这是威胁吧？"),
        (A, "随你怎么想，反正今天不还，明天就上门。")], None, {},
     {"identity": False, "closing": False}, {"CN-CONTACT-BLAST", "CN-THREAT"}, "poor"),
    ("zh-dispute-routed-no-record", "zh", _Z_OPEN + [
        (A, "您这张卡欠款8640元，逾期35天。"), (D, "不对，我上个月已经还了3000，怎么还是这么多？"),
        (A, "好的，我帮您登记一下，调取还款记录核实，核实清楚之前不会再催收。"), (D, "好。"),
        (A, "核实结果三个工作日内给您回电，感谢您，再见。")], None, {},
     {"identity": True, "closing": False}, set(), "good"),
    ("zh-late-consented", "zh", [
        (A, "王先生晚上好，我是云港银行的小陈。您昨天说白天上班不方便，让我们晚上十点半以后打。"), (D, "对，是我让打的。"),
        (A, "谢谢您。先核实一下，麻烦报一下身份证后四位。"), (D, "4471。")], None,
     {"call_local_time": "2026-05-12T22:35"}, {"identity": True}, set(), "good"),
    ("zh-huabei-crime", "zh", _Z_OPEN + [
        (A, "王先生，您的花呗逾期不还属于恶意透支，是要负刑事责任的，您还是尽快处理吧。"), (D, "啊？这么严重？")], None,
     {"product": "huabei"}, {"identity": True}, {"CN-FALSE-LEGAL"}, "poor"),
    ("en-model", "en", _E_OPEN + [
        (A, "Thank you. I'm a debt collector and this is an attempt to collect a debt; any information obtained will be "
            "used for that purpose. Your card balance is $8,640 and it's 35 days past due. Late fees and interest "
            "apply under your agreement, and it's reported to the credit bureaus."),
        (D, "Yeah, I've been meaning to call. Money's been tight."),
        (A, "I understand, thanks for telling me. What could you manage right now?"),
        (D, "I could do $1,000 on Friday."),
        (A, "Okay, $1,000 this Friday, May 15th. You can pay in the Harbor app under Payments, or I can set up "
            "autopay."), (D, "The app is fine."),
        (A, "Great. So to recap: $1,000 by Friday, May 15th, through the app. Thanks so much, Dana, have a good day.")],
     {"outcome": "promise_to_pay", "promised_amount": 1000.0, "promised_date": "2026-05-15"}, {"jurisdiction": "US"},
     dict.fromkeys(("identity", "reminder", "negotiation", "support", "closing"), True), set(), "good"),
    ("en-roommate-ok", "en", [
        (A, "Hi, may I speak with Dana Park?"), (D, "She's not in, this is her roommate. Who's calling?"),
        (A, "This is Sam with Harbor Bank. Could you ask her to give me a call back at 555-0100? Thanks."),
        (D, "Sure, is everything okay?"),
        (A, "It's a personal business matter, nothing to worry about. Thanks for your help, bye.")],
     {"outcome": "callback"}, {"jurisdiction": "US"},
     {"identity": True, "reminder": None, "negotiation": None, "support": None, "closing": True}, set(), "good"),
    ("en-us-bad", "en", [
        (A, "Dana Park? This is Mike. You owe $8,640 and it's way past due."), (D, "Who is this? Who are you with?"),
        (A, "Doesn't matter. Pay today or we'll have the sheriff come by."), (D, "Stop calling me."),
        (A, "I'll call as much as I want until you pay.")], None, {"jurisdiction": "US"},
     {"identity": False, "closing": False},
     ("at least", {"US-NO-ID", "US-MINI-MIRANDA", "US-FALSE-THREAT", "US-CEASE"}), "poor"),
    ("en-uk-forbearance", "en", _E_OPEN + [
        (D, "I've just been made redundant, I'm really struggling."),
        (A, "I'm sorry to hear that. We can put the account on hold for 30 days and freeze interest, and StepChange "
            "can give you free debt advice."), (D, "That would really help."),
        (A, "I've set that up. So: the account is on hold for 30 days, interest frozen, and I'll send you the "
            "StepChange details. Thanks for your time, take care.")],
     {"outcome": "hardship_plan"}, {"jurisdiction": "UK"},
     {"identity": True, "support": True, "closing": True}, set(), "good"),
    ("en-uk-bereaved", "en", _E_OPEN + [
        (D, "My wife passed away last month, I'm not coping."),
        (A, "Okay. Anyway, the arrears are £860 and we need a payment today.")], None, {"jurisdiction": "UK"},
     {"identity": True}, {"UK-VULNERABLE"}, "poor"),
]


@pytest.mark.parametrize(("lang", "turns", "record", "sc", "steps", "rules", "tone"), [c[1:] for c in CALLS],
                         ids=[c[0] for c in CALLS])
def test_unseen3_whole_call(lang: str, turns: list, record: dict | None, sc: dict, steps: dict, rules: object,
                            tone: str) -> None:
    card = score(call(lang, turns, opening=False, record=record, **sc))
    got_steps = {s: (card.steps[Step(s)].done if card.steps[Step(s)].applicable else None) for s in steps}
    got_rules = {v.rule for v in card.violations}
    assert got_steps == steps
    if isinstance(rules, tuple):
        assert rules[1] <= got_rules, got_rules
    else:
        assert got_rules == rules
    assert card.tone.level == tone, card.tone.findings


def test_unseen3_no_id_company_given_before_is_quiet() -> None:
    turns = [(A, "Hi, this is Sam Cole from Harbor Bank. Is this Dana Park?"), (D, "Who is this?"),
             (A, "It's Sam, I'm calling about an account."), (D, OK["en"])]
    assert not any(r == "US-NO-ID" for r, _ in _rules("en", turns, opening=False, jurisdiction="US"))
