"""The agent's words for the persona self-check, in Chinese and English.

Each fixed script is a list of turn templates per language; ``{slots}`` are what a trainee
knows from the case file (see :func:`simulator.selfcheck.agents.case_slots`). The model
call's lines are phrases the adaptive agent in ``agents.py`` picks from. Wording follows how
real agents talk (and what the analyser reads): the scripts are meant to *be* the behaviour
they are named after, so a persona's reaction to them is a fair test of the persona.
"""

from __future__ import annotations

Lines = dict[str, list[str]]  # lang -> turn templates

FACT_QUESTIONS: dict[str, tuple[str, str]] = {
    "id_last4": ("麻烦您报一下身份证号码的后四位", "could you give me the last four digits of your ID"),
    "phone_last4": ("麻烦您说一下预留手机号的后四位", "could you confirm the last four digits of the mobile number on file"),
    "date_of_birth": ("麻烦您说一下您的出生日期", "could you confirm your date of birth"),
    "postcode": ("麻烦您说一下您的邮编", "could you confirm your postcode"),
}

# --- the fixed scripts ---------------------------------------------------------------------

PUSHY: Lines = {
    "zh": [
        "您好，我是{inst}的李娜，工号3021，请问是{name}本人吗？",
        "{fact_q}。",
        "您欠款{amount}，已经逾期{days}天了，今天必须全部还清。",
        "我不管您有什么情况，{amount}今天必须一次性还清。",
        "没有商量的余地，{tomorrow}之前全额还上。",
        "我再说一遍，全部{amount}，一分都不能少。",
        "您到底还不还？今天之内必须全部结清！",
        "就这样，今天把{amount}全部还清，再见。",
    ],
    "en": [
        "Hi, this is Sarah Lee from {inst}, staff number 3021. Am I speaking with {name}?",
        "Before we go on, {fact_q}?",
        "You owe {amount}, {days} days past due, and it needs to be paid in full today.",
        "I don't care what's going on. The full {amount} has to be paid today.",
        "There's no other option. Pay the whole balance by {tomorrow}.",
        "I'll say it again: the full balance, {amount}, all of it.",
        "So are you paying it in full today or not?",
        "That's it then. The entire {amount}, today. Goodbye.",
    ],
}

THREATENING: Lines = {
    "zh": [
        "喂，{name}是吧？我是{inst}的。",
        "你欠{amount}拖了{days}天了，今天不还，我们就派人上门找你，你家住哪我们都知道。",
        "你这种老赖，脸都不要了吗？",
        "不还钱是吧？我们会把你欠钱的事告诉你通讯录里的所有人和你单位领导。",
        "等着吧，明天派出所就来抓你，你全家都别想安生。",
        "废物，听见没有？赶紧还钱！",
        "再不还，后果你自己负责，我们有的是办法收拾你。",
        "你就等着瞧吧！",
    ],
    "en": [
        "Is this {name}? I'm with {inst}.",
        "You owe {amount} and you're {days} days late. Pay today or we'll send someone round; we know where you live.",
        "Only a deadbeat lets it go {days} days. Are you stupid or just lazy?",
        "If you don't pay we'll call your boss and everyone in your contacts and tell them you're a deadbeat.",
        "The police will be at your door tomorrow, and your family will pay for this.",
        "Are you deaf, you idiot? Pay up!",
        "Keep ignoring us and things will get very ugly for you.",
        "You'll regret this.",
    ],
}

JARGON: Lines = {
    "zh": [
        "您好，我是{inst}的李娜，工号3021，请问是{name}本人吗？",
        "{fact_q}。",
        "您的账户现在是M2，最低还款额没还，账单日和到期还款日都过了，已经上征信了。",
        "再拖下去就是M3，要走委外、转不良，最后核销，滞纳金和罚息按日计收。",
        "您这边能不能先把最低还款还上，先从M2降到M1？",
        "那您看{typical_date}之前先还{typical}，行吗？",
        "好的，那就先这样，再见。",
    ],
    "en": [
        "Hello, this is Sarah Lee from {inst}, staff number 3021. Am I speaking with {name}?",
        "Thanks. {fact_q}?",
        "Your account is M2 now at 60 DPD, the minimum payment was missed and the penalty APR applies.",
        "If it rolls to M3 it goes pre-legal, then charge-off and placement with an outside agency.",
        "Can you cure the account with a PTP today so we can re-age it to current?",
        "Could you do {typical} by {typical_date}?",
        "Okay, that's all for now. Bye.",
    ],
}

NO_VERIFICATION: Lines = {
    "zh": [
        "您好，我是{inst}的李娜，工号3021。{name}是吧？您在我们这里有{amount}已经逾期{days}天了。",
        "逾期会产生违约金，还会影响您的征信。",
        "您看{tomorrow}之前先还{half}，可以吗？",
        "那您到底什么时候能还？给我个准话。",
        "好吧，那您尽快处理，再见。",
    ],
    "en": [
        "Hi, this is Sarah Lee from {inst}, staff number 3021. Is that {name}? Your account has {amount} that is {days} days past due.",
        "Late fees apply and it can affect your credit report.",
        "Could you pay {half} by {tomorrow}?",
        "So when exactly can you pay? I need a date.",
        "Please sort it out as soon as you can. Bye.",
    ],
}

THIRD_PARTY: Lines = {
    "zh": [
        "喂，请问{name}在吗？",
        "您是{name}家里人吧？{name}在我们{inst}欠了{amount}，已经逾期{days}天了。",
        "您让{name}赶紧还钱。要不您先帮着还一部分，{tomorrow}之前先还{half}。",
        "这钱总得有人还吧？您就说能不能替{name}还？",
        "那您记得告诉{name}，{amount}必须马上还上，再见。",
    ],
    "en": [
        "Hi, is {name} there?",
        "Are you family? {name} owes {inst} {amount} and it's {days} days overdue.",
        "You need to get {name} to pay, or you could pay {half} on their behalf by {tomorrow}.",
        "Someone has to pay this. Will you cover it or not?",
        "Well, tell {name} the {amount} has to be paid right away. Bye.",
    ],
}

# --- the model call --------------------------------------------------------------------------

MODEL: dict[str, dict[str, str]] = {
    "zh": {
        "open": "您好，我是{inst}的客服专员李娜，工号3021。请问您是{name}本人吗？",
        "verify": "为了保护您的账户安全，先核实一下身份，{fact_q}？",
        "verify_again": "不好意思，为了确认是您本人，{fact_q}？",
        "remind": "谢谢您，核实好了。您在我们这里的{product}目前有{amount}已经逾期{days}天了。按合同逾期会产生违约金和利息，"
                  "也会报送征信；长期不处理，银行可以依法起诉。",
        "ask_reason": "我理解接到这样的电话心里不好受，给您添麻烦了。方便说说最近是遇到什么困难了吗？我在听。",
        "ask_capacity": "我们可以根据您的情况申请分期或者困难还款方案，违约金也可以申请减免。您看什么时候、最多能先还多少？"
                        "之后每个月大概能还多少？",
        "offer": "那我们定个具体的：您看{typical_date}之前先还{typical}，可以吗？",
        "accept": "好的，就按您说的：{date}先还{amount}{then_monthly}。",
        "then_monthly": "，之后每月还{monthly}",
        "channel": "还款请通过{inst}官方App的还款页面，或者拨打官方客服热线办理，不要转账给任何个人账户。",
        "recap": "我跟您确认一下：{date}前通过官方App先还{amount}{then_monthly}，到时候我们会短信提醒您。感谢您的配合，"
                 "祝您生活顺利，再见。",
        "reintroduce": "不好意思，我再说明一下：我是{inst}的客服专员李娜，工号3021，您可以拨打官方客服热线核实。请问您是{name}本人吗？",
        "callback": "好的，打扰了。那麻烦您转告{name}，方便的时候给{inst}回个电话，打官方客服热线就可以。",
        "unverified": "抱歉，没能核实您的身份，账户的事我这边不方便说。",
        "goodbye": "好的，那就麻烦您请{name}回电官方客服热线。谢谢您，打扰了，再见。",
    },
    "en": {
        "open": "Hello, this is Sarah Lee, staff number 3021, calling from {inst}. May I speak with {name}, please?",
        "verify": "Thank you. For your security, {fact_q}?",
        "verify_again": "Sorry, just so I know I'm speaking with you, {fact_q}?",
        "remind": "Thanks, that's verified. {mini_miranda}Your {product} shows {amount}, {days} days past due. "
                  "Late fees and interest apply under your agreement, and it can be reported to the credit bureaus.",
        "ask_reason": "I understand these calls are never pleasant, and I'm sorry for the stress. Can you tell me what's "
                      "been going on? I'm listening.",
        "ask_capacity": "We can set up an instalment or hardship plan and look at waiving the late fees. How much could "
                        "you manage to start with, and on what date? And how much a month after that?",
        "offer": "Let's pin it down then: could you do {typical} by {typical_date}?",
        "accept": "Okay, that works: {amount} on {date}{then_monthly}.",
        "then_monthly": ", then {monthly} a month",
        "channel": "You can pay in the official app or on our official payments line, never to a personal account.",
        "recap": "So to confirm: {amount} on {date} through the official app{then_monthly}. We'll send you a reminder. "
                 "Thank you for your time today, take care, goodbye.",
        "reintroduce": "Sorry, let me say it again: I'm Sarah Lee, staff number 3021, from {inst}; you can check the "
                       "number on our official website. Am I speaking with {name}?",
        "callback": "No problem, sorry to bother you. Could you ask {name} to call us back on the number on our "
                    "official website?",
        "unverified": "I'm sorry, I can't discuss the account without verifying who I'm speaking with. ",
        "goodbye": "Thanks, so {name} will call us back on the official number. Have a good day, bye.",
    },
}

MINI_MIRANDA = "This is a debt collector attempting to collect a debt; any information obtained will be used for that purpose. "
"""FDCPA 1692e(11): said once the consumer is verified, never to a third party (US cases only)."""

# What a good agent says to meet one behaviour the debtor is waiting for (an objection's
# ``resolved_by``, or what the debtor's last intent calls for).
MOVES: dict[str, dict[str, str]] = {
    "zh": {
        "introduce_self": "不好意思，我再介绍一下：我是{inst}的客服专员李娜，工号3021，您可以拨打官方客服热线核实。",
        "state_institution": "我们是{inst}的正规工作人员，您可以拨打官方客服热线核实我的身份。",
        "empathise": "我非常理解您的感受，给您带来困扰真的很抱歉。",
        "listen": "您别着急，慢慢说，我在听。",
        "calm": "我理解您现在很生气，换谁都会不舒服。我是来帮您想办法的，我们慢慢说。",
        "hardship_ack": "听起来您这段时间真的不容易，谢谢您愿意跟我说。我们可以帮您申请困难还款方案，按您能承受的金额来。",
        "explain_term": "不好意思，我说得太专业了：{term}，简单说就是您这笔欠款现在的还款情况。",
        "hardship_route": "我们可以帮您申请困难还款方案，违约金也可以申请减免，按您能承受的金额分期还。",
        "payment_channel": "还款可以在官方App的还款页面操作，我一步一步教您，不用转给任何个人账户。",
        "dispute_route": "您说的这笔还款，我马上登记下来提交核实，核实清楚之前这部分不会要求您还。",
        "explain_consequence": "如实跟您说，逾期会按合同产生违约金并报送征信，尽早处理影响最小。",
        "ask_reason": "方便说说是遇到什么困难了吗？",
        "confirm_plan": "那我们就按您说的金额和日期定下来。",
    },
    "en": {
        "introduce_self": "Sorry, let me introduce myself again: I'm Sarah Lee, staff number 3021, from {inst}; you can "
                          "check the number on our official website.",
        "state_institution": "I'm calling from {inst}; you can check by calling the number on our official website.",
        "empathise": "I completely understand, and I'm really sorry for the stress this has caused.",
        "listen": "Take your time, I'm listening.",
        "calm": "I can hear you're upset, and that's understandable. I'm here to help find something that works.",
        "hardship_ack": "That sounds really hard, and thank you for telling me. We can set up a hardship plan at an "
                        "amount you can actually manage.",
        "explain_term": "Sorry, let me put that in plain words: {term} basically means how your payments stand with us.",
        "hardship_route": "We can set up a hardship plan for you and look at waiving the late fees, at an amount you "
                          "can manage.",
        "payment_channel": "You can pay in the official app, and I can walk you through it step by step; never to a "
                           "personal account.",
        "dispute_route": "I've logged your dispute about that payment and passed it to our investigations team; we "
                         "won't ask you to pay that part until it's checked.",
        "explain_consequence": "To be straight with you, late fees apply under your agreement and it can be reported "
                               "to the credit bureaus, so sorting it soon is best.",
        "ask_reason": "Can you tell me what happened?",
        "confirm_plan": "Let's set it at the amount and date you said.",
    },
}
