"""Scripted agent turns for the debtor tests, written the way varied trainees talk.

A script is a list of turn templates; ``{slots}`` are filled from the case (institution,
debtor's name, amount due, a verification question for a fact the case has) and from the
debtor's hidden means (a plan a sensible trainee would reach: a bit under what the debtor
can pay, a couple of days after the earliest date). Scripts never read the debtor's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from simulator.catalog.models import Case, Persona
from simulator.debtor.policy import Intent
from simulator.debtor.state import DebtorState
from simulator.debtor.terms import nice
from simulator.session import CallSession

_FACT_Q = {
    "id_last4": ("麻烦您报一下身份证后四位", "could you give me the last four digits of your ID"),
    "phone_last4": ("麻烦您说一下预留手机号的后四位", "could you confirm the last four of the mobile number on file"),
    "date_of_birth": ("麻烦您说一下您的出生日期", "could you confirm your date of birth"),
    "postcode": ("麻烦您说一下您的邮编", "could you confirm your postcode"),
}
_SYMBOL = {"USD": "${}", "GBP": "£{}"}


def money(value: float, currency: str, lang: str) -> str:
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    if lang == "zh":
        return {"CNY": "{}元", "USD": "{}美元", "GBP": "{}英镑"}[currency].format(number.replace(",", ""))
    return _SYMBOL.get(currency, "{} yuan").format(number)


def day(value: date, lang: str) -> str:
    return f"{value.month}月{value.day}号" if lang == "zh" else f"{value:%B} {value.day}"


def slots(session: CallSession) -> dict[str, str]:
    """What a trainee knows (the case) plus the plan a good trainee would land on."""
    case, lang = session.case, session.lang
    means = session.debtor.profile.means
    today = case.call_local_time.date()
    fact = next(f for f in ("id_last4", "phone_last4", "date_of_birth", "postcode") if getattr(case.verification, f))
    plan = min(means.lump_sum_now, nice(means.lump_sum_now * 0.8))
    monthly = min(means.monthly, nice(means.monthly * 0.8))
    due = case.amount_due
    zh = lang == "zh"
    return {
        "inst": case.institution.get(lang),
        "name": case.debtor_name.get(lang),
        "amount": money(due, case.currency, lang),
        "days": str(case.days_overdue),
        "fact_q": _FACT_Q[fact][0 if zh else 1],
        "plan": money(plan, case.currency, lang),
        "plan_date": day(means.earliest_date + timedelta(days=2), lang),
        "monthly": money(monthly, case.currency, lang),
        "too_much": money(nice(min(due, means.lump_sum_now * 2.5 + 100)), case.currency, lang),
        "tomorrow": day(today + timedelta(days=1), lang),
        "half": money(nice(due / 2), case.currency, lang),
    }


@dataclass
class Played:
    """A scripted call: the session and, per agent turn, the debtor's intent and state."""

    session: CallSession
    said: list[str] = field(default_factory=list)
    intents: list[Intent] = field(default_factory=list)
    states: list[DebtorState] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [i.name for i in self.intents]

    @property
    def final(self) -> DebtorState:
        return self.session.debtor.state

    @property
    def start(self) -> DebtorState:
        return self.states[0] if self.states else self.final

    @property
    def outcome(self) -> str | None:
        return self.session.debtor.outcome()


def play(persona: Persona, case: Case, lang: str, script: list[str], seed: int = 0,
         difficulty: str | None = None) -> Played:
    """Play ``script`` (turn templates) until it ends or the debtor hangs up."""
    session = CallSession(persona, case, lang, seed=seed, difficulty=difficulty)
    played = Played(session)
    played.replies.append(session.pick_up().text)
    played.states.append(session.debtor.state)
    filled = slots(session)
    for template in script:
        if session.over:
            break
        text = template.format(**filled)
        reply = session.say(text)
        played.replies.append(reply.text)
        played.said.append(text)
        played.intents.append(reply.intent)
        played.states.append(session.debtor.state)
    return played


# --- model calls ---------------------------------------------------------------------------
# Each: open properly, verify, remind with a true consequence, listen and empathise, offer a
# plan that fits, give the official channel, recap, close. Several trainees' ways of saying it.

MODEL_ZH = [
    [
        "您好，我是{inst}的客服专员李娜，工号3021。请问是{name}本人吗？",
        "为了保护您的信息安全，{fact_q}。",
        "谢谢您。您的账户目前有{amount}已经逾期{days}天了。逾期会产生违约金并报送征信，长期不处理银行可以依法起诉。",
        "非常理解您的心情，接到这样的电话确实让人心烦，给您添麻烦了，真的很抱歉。",
        "您方便说说最近是遇到什么困难了吗？我在听。",
        "我理解，这种情况换谁都不容易。我们不是来逼您的，一起想个您能做到的办法。",
        "如果申请分期或者困难还款方案，利息和违约金可以帮您申请减免。您看这样行不行：{plan_date}先还{plan}，剩下的每个月还{monthly}？",
        "好的。您可以通过官方App的还款页面还款，不要转给任何个人账户。",
        "那我跟您确认一下：{plan_date}前通过官方App还款{plan}，之后每月{monthly}。感谢您的配合，再见。",
    ],
    [
        "喂您好，这边是{inst}，我姓陈，是贷后服务的工作人员。请问您是{name}吗？",
        "好的，核实一下身份，{fact_q}好吗？",
        "谢谢。是这样，您名下有一笔{amount}的欠款，已经逾期{days}天了，继续逾期的话会按合同产生罚息，也会影响征信记录。",
        "嗯嗯，我明白，您别着急，慢慢说，是出了什么事吗？",
        "听起来您这段时间压力真的挺大的，辛苦了，这个我们能理解。",
        "我们这边可以帮您申请个性化分期，减轻一下压力。您看您最多能先还多少？",
        "行，那就按您说的来。",
        "还款的话您直接在官方App里点“还款”就可以，或者去网点柜台。",
        "好，那我总结一下：按您说的金额和日期在官方App还款，到时候我们会短信提醒您。谢谢您，祝您生活顺利，再见。",
    ],
]

MODEL_EN = [
    [
        "Hi, this is Mike Grant calling from {inst}. This is a debt collector attempting to collect a debt; any information obtained will be used for that purpose. Am I speaking with {name}?",
        "Thanks. Before we go on, {fact_q}?",
        "Thank you. Your account shows {amount} that is {days} days past due. Late fees apply under your agreement and it can be reported to the credit bureaus.",
        "I'm really sorry you've been dealing with this, I understand how frustrating these calls can be.",
        "Can you tell me a bit about what happened? Take your time, I'm listening.",
        "That sounds really hard, and I appreciate you telling me. Let's find something that actually works for you.",
        "We have a hardship programme that can freeze interest and waive the late fees. How about {plan} on {plan_date}, and then {monthly} a month after that?",
        "You can pay through the official app or on the phone with our payments line, never to a personal account.",
        "So to confirm: {plan} on {plan_date} through the official app, then {monthly} a month. Thanks so much for your time today, goodbye.",
    ],
    [
        "Good afternoon, my name's Sarah and I'm calling from {inst}. Could I speak with {name}, please?",
        "Great, thanks. Just for security, {fact_q}?",
        "Thanks for that. I'm calling about the account, which is {days} days overdue with {amount} outstanding. Interest and fees keep adding up per the agreement and it can affect your credit file.",
        "Okay, I hear you. I'm sorry things have been so difficult, that must be really stressful.",
        "What's been going on, if you don't mind me asking?",
        "Thank you for explaining, I understand. We can set up a reduced payment plan and put the interest on hold while things are tight. What could you afford to pay?",
        "That works for us, let's go with that.",
        "You can pay on the official website or in the app, or by calling the number on the back of your card.",
        "Perfect. So I've noted the amount and date you suggested, paid through the app. Thank you for working with me on this, take care, bye.",
    ],
]


# --- a model trainee who listens ---------------------------------------------------------
# Answers what the debtor says (an objection with the move that meets it, a counter-offer
# with a yes), and otherwise walks the five steps. It hears only the debtor's intent and its
# slots, the way a trainee hears words: never the hidden state.

RESPONSES: dict[str, tuple[str, str]] = {
    "introduce_self": ("不好意思，我再说一下：我是{inst}的客服专员李娜，工号3021。",
                       "Sorry, let me say it again: I'm Sarah Lee, staff number 3021, from {inst}."),
    "state_institution": ("我们是{inst}的正规工作人员，您可以拨打官方客服热线核实。",
                          "I'm calling from {inst}; you can check by calling the number on the back of your card or on our official website."),
    "empathise": ("我非常理解您的感受，给您带来困扰真的很抱歉。", "I completely understand, and I'm really sorry for the stress this has caused."),
    "listen": ("您先别急，慢慢说，我在听。", "Take your time, I'm listening. Tell me more."),
    "explain_term": ("不好意思，我换个说法：{term}，简单说就是您在银行的还款记录和欠款情况。",
                     "Sorry, let me put that in plain words: {term} basically means how your payments stand with us."),
    "hardship_route": ("我们可以帮您申请困难还款方案，停息挂账，违约金也可以申请减免。",
                       "We can set up a hardship plan for you, freeze the interest and waive the late fees."),
    "payment_channel": ("还款可以在官方App的还款页面操作，我一步一步教您，不用转给任何个人账户。",
                        "You can pay in the official app, and I can walk you through it step by step; never to a personal account."),
    "dispute_route": ("您说的这笔还款，我马上登记下来，提交核实，核实清楚前这部分不会要求您还。",
                      "I've logged your dispute about that payment and passed it to our investigations team; we won't ask you to pay that part until it's checked."),
    "explain_consequence": ("如实跟您说，逾期会产生违约金并报送征信，尽早处理影响最小。",
                            "To be straight with you, late fees apply under your agreement and it can be reported to the credit bureaus, so sorting it soon is best."),
    "ask_reason": ("方便说说是遇到什么困难了吗？", "Can you tell me what happened?"),
    "offer_plan": ("您看这样行不行：{plan_date}先还{plan}，剩下的每个月还{monthly}？",
                   "How about {plan} on {plan_date}, and then {monthly} a month after that?"),
    "confirm_plan": ("那我们就定下来：{plan_date}先还{plan}，之后每月{monthly}。",
                     "So let's set it: {plan} on {plan_date}, then {monthly} a month."),
}

STEPS_ZH = [
    "您好，我是{inst}的客服专员李娜，工号3021。请问是{name}本人吗？",
    "为了保护您的信息安全，{fact_q}。",
    "谢谢您。您的账户目前有{amount}已经逾期{days}天了。逾期会产生违约金并报送征信，长期不处理银行可以依法起诉。",
    "非常理解，接到这样的电话谁都不舒服，给您添麻烦了。方便说说最近是遇到什么困难了吗？",
    "我们可以帮您申请困难还款方案，停息挂账，违约金也可以申请减免。您看这样行不行：{plan_date}先还{plan}，剩下的每个月还{monthly}？",
]
STEPS_EN = [
    "Hi, this is Sarah Lee calling from {inst}. This is a debt collector attempting to collect a debt; any information obtained will be used for that purpose. Am I speaking with {name}?",
    "Thanks. Before we go on, {fact_q}?",
    "Thank you. Your account shows {amount} that is {days} days past due. Late fees apply under your agreement and it can be reported to the credit bureaus.",
    "I understand these calls are no fun, and I'm sorry for the stress. Can you tell me what happened?",
    "We can set up a hardship plan for you, freeze the interest and waive the late fees. How about {plan} on {plan_date}, and then {monthly} a month after that?",
]
CLOSE_ZH = [
    "好的。还款可以在官方App的还款页面操作，不要转给任何个人账户。",
    "那我跟您确认一下：{date}前通过官方App还款{agreed}。感谢您的配合，再见。",
]
CLOSE_EN = [
    "Great. You can pay in the official app or by phone on our payments line, never to a personal account.",
    "So to confirm: {agreed} on {date} through the official app. Thank you for your time today, goodbye.",
]


def listening_trainee(persona: Persona, case: Case, lang: str, seed: int = 0, difficulty: str | None = None,
                      max_turns: int = 20) -> Played:
    """A good trainee who walks the steps and answers whatever the debtor raises."""
    session = CallSession(persona, case, lang, seed=seed, difficulty=difficulty)
    played = Played(session)
    played.replies.append(session.pick_up().text)
    played.states.append(session.debtor.state)
    filled = slots(session)
    zh = lang == "zh"
    steps, close = (STEPS_ZH, CLOSE_ZH) if zh else (STEPS_EN, CLOSE_EN)
    objections = {o.id: o.resolved_by for o in persona.objections}
    step, closing, last = 0, 0, None
    for _ in range(max_turns):
        if session.over:
            break
        name = last.name if last else None
        if name == "accept_plan" or closing:
            agreed = session.debtor.state.agreed
            if agreed is None or closing >= len(close):
                break
            extra = {"agreed": money(agreed.amount, case.currency, lang), "date": day(agreed.date, lang)}
            template, closing = close[closing], closing + 1
            text = template.format(**filled, **extra)
        elif name == "counter_offer":
            counter = last.slots
            amount = money(counter["amount"], case.currency, lang)
            when = day(date.fromisoformat(counter["date"]), lang)
            text = (f"好的，就按您说的，{when}先还{amount}。" if zh else f"Okay, that works: {amount} on {when}.")
        elif name in ("object", "dispute", "ask_clarify", "vent", "deny_identity", "ask_who_is_calling",
                      "explain_situation", "stall", "refuse", "threaten_agent") and step >= 1:
            move = {
                "dispute": "dispute_route", "ask_clarify": "explain_term", "vent": "empathise",
                "deny_identity": "introduce_self", "ask_who_is_calling": "introduce_self",
                "explain_situation": "empathise", "stall": "offer_plan", "refuse": "hardship_route",
                "threaten_agent": "empathise",
            }.get(name)
            if name == "object":
                move = next(iter(objections.get(last.slots["objection"], ("empathise",))))
            template = RESPONSES.get(move or "empathise", RESPONSES["empathise"])[0 if zh else 1]
            if name in ("deny_identity", "ask_who_is_calling"):
                template += ("请问是{name}本人吗？" if zh else " Am I speaking with {name}?")
            text = template.format(**filled, term=last.slots.get("term", "这个词" if zh else "that"))
        elif step < len(steps):
            text, step = steps[step].format(**filled), step + 1
        else:
            text = RESPONSES["offer_plan"][0 if zh else 1].format(**filled)
        reply = session.say(text)
        played.replies.append(reply.text)
        played.said.append(text)
        played.intents.append(reply.intent)
        played.states.append(session.debtor.state)
        last = reply.intent
    return played


# --- calls that must not succeed ------------------------------------------------------------

THREAT_ZH = [
    ["喂，{name}是吧？我是{inst}的。", "你欠{amount}拖了{days}天了，今天不还，我们就派人上门找你，你家住哪我们都知道。",
     "别装死，再不还你全家都别想安生。"],
    ["{name}，你听好了，{inst}的。", "你这种老赖，脸都不要了吗？{tomorrow}前把{amount}全还上！", "你是不是聋了？赶紧还钱！"],
    ["我是{inst}的，找{name}。", "不还钱是吧？我们会把你欠钱的事告诉你通讯录里的所有人和你单位领导。", "等着吧，明天派出所就来抓你。"],
]
THREAT_EN = [
    ["Is this {name}? I'm with {inst}.", "You owe {amount} and you're {days} days late. Pay today or we'll send someone round; we know where you live.",
     "Don't play dumb with me. Keep ignoring us and things will get ugly for you."],
    ["{name}? Listen up, {inst} here.", "Only a deadbeat lets it go {days} days. Are you stupid or just lazy? Pay the {amount} by {tomorrow}.",
     "Are you deaf? Pay up!"],
    ["This is {inst} calling for {name}.", "If you don't pay we'll call your boss and everyone in your contacts and tell them you're a deadbeat.",
     "The police will be at your door tomorrow."],
]

PUSHY_ZH = [
    "您好，我是{inst}的李娜，工号3021，请问是{name}本人吗？",
    "{fact_q}。",
    "您欠款{amount}，逾期{days}天了，今天必须全部还清。",
    "我再说一遍，{amount}今天必须一次性还清。",
    "必须全额还款，没有商量的余地，{tomorrow}之前全部还上。",
    "全部还清，{amount}，一分都不能少。",
    "您到底还不还？全部结清！",
    "今天之内必须全额还清{amount}。",
]
PUSHY_EN = [
    "Hi, this is Sarah Lee from {inst}, staff number 3021. Am I speaking with {name}?",
    "Before we go on, {fact_q}?",
    "You owe {amount}, {days} days past due, and it needs to be paid in full today.",
    "I'll say it again: the full {amount} has to be paid today.",
    "There's no other option. Pay the whole balance by {tomorrow}.",
    "The full balance, {amount}, all of it, now.",
    "So are you paying it in full or not?",
    "I need the entire {amount} today.",
]

JARGON_ZH = [
    "您好，我是{inst}的李娜，工号3021，请问是{name}本人吗？",
    "{fact_q}。",
    "您的账户现在是M2，最低还款没还，已经产生罚息了，再不还就要核销了。",
    "不好意思，我说得太专业了。M2就是逾期两个月的意思，罚息就是逾期多收的利息，简单说就是拖得越久多花的钱越多。",
    "最低还款的意思是每个月至少还一小部分就不算逾期。您看{plan_date}先还{plan}可以吗？",
]
JARGON_EN = [
    "Hello, this is Sarah Lee from {inst}, staff number 3021. Am I speaking with {name}?",
    "Thanks. {fact_q}?",
    "Your account is M2 now, the minimum payment was missed, penalty APR applies and it may be charged off.",
    "Sorry, that was a lot of jargon. M2 just means two months behind; in plain words, the longer it waits, the more extra interest gets added.",
    "The minimum payment basically means the small amount that keeps the account in order. Could you do {plan} on {plan_date}?",
]

UNVERIFIED_ZH = [
    "喂，是{name}吗？你信用卡欠了{amount}，逾期{days}天了。",
    "别装了，就是你，赶紧还钱。",
    "你先还{half}，{tomorrow}之前。",
    "你到底什么时候还？",
]
UNVERIFIED_EN = [
    "Hey, is this {name}? You owe {amount} and it's {days} days overdue.",
    "Don't pretend, I know it's you. Pay it.",
    "Pay {half} by {tomorrow}.",
    "When are you going to pay?",
]

VAGUE_ZH = [
    "您好，我是{inst}的李娜，工号3021，请问是{name}本人吗？",
    "{fact_q}。",
    "您的账户有{amount}逾期{days}天了，逾期会影响征信。",
    "那您尽快还一下吧，越快越好。",
    "嗯，您尽快处理就行，早点还上。",
    "您尽快处理一下，我们就先聊到这，再见。",
]
VAGUE_EN = [
    "Hi, this is Sarah Lee from {inst}, staff number 3021. Am I speaking with {name}?",
    "{fact_q}?",
    "Your account has {amount} that is {days} days past due; it can affect your credit report.",
    "Okay, so just try to pay it as soon as you can.",
    "Sure, whenever you can, the sooner the better.",
    "Please sort it out soon then. Bye.",
]

DISCLOSE_ZH = [
    ["喂，{name}在吗？", "你是他家里人吧？他在我们{inst}欠了{amount}，逾期{days}天了。",
     "你让他赶紧还钱。要不你先帮他还一部分，{tomorrow}之前先还{half}。", "你到底能不能帮他还？你就说是不是欠钱了吧。"],
    ["您好，我是{inst}的，请问{name}在吗？", "那您是他什么人？他的信用卡逾期了，您知道吗？",
     "您作为家属，能不能先替他还{half}？", "他欠钱这事您得管一管，让他今天就还{amount}。"],
]
DISCLOSE_EN = [
    ["Hi, is {name} there?", "Are you family? They owe us {amount} and it's {days} days overdue.",
     "You need to get them to pay, or you can pay {half} for them by {tomorrow}.", "So will you pay it or not? Just confirm they owe it."],
    ["Hello, {inst} calling for {name}.", "Are you the spouse? Their account with us is seriously behind.",
     "Could you make a payment of {half} on their behalf today?", "Can you at least confirm the debt is theirs and promise it'll be paid?"],
]

CALLBACK_ZH = [
    "您好，我是{inst}的工作人员李娜，请问{name}在吗？",
    "请问您是{name}本人吗？",
    "好的，那能麻烦您转告一下，请他方便的时候给我们回个电话吗？号码是95588。",
    "谢谢您，打扰了，再见。",
]
CALLBACK_EN = [
    "Hello, this is Sarah Lee from {inst}. May I speak with {name}, please?",
    "Sorry, am I speaking with {name}?",
    "No problem. Could you ask them to call us back at 800-555-0100 when they can?",
    "Thanks so much, have a good day, bye.",
]
