"""A seeded cohort of real practice calls, for demos and for the dashboard's tests.

Every call is played for real: a :class:`~simulator.session.CallSession` with the template
voice, agent lines of four qualities (a model call, a fair one, a pushy one, a rude one
with violations) in Chinese or English, a call record, the real scorer, and the normal
journal path (:func:`simulator.practice.start`), dated over several past days with the
journal's ``at``. So the figures a dashboard shows from it are the figures real calls give.

Trainees improve or struggle on purpose (see :data:`ARCS`), so trends point both ways.
Deterministic for a ``seed`` apart from the session ids and sub-second times.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.catalog import Catalog
    from simulator.debtor.state import DebtorState
    from simulator.store.core import Store

Line = str | Callable[["DebtorState"], str]

CASES = {"zh": "cn-card-wanglei", "en": "us-card-turner"}
PERSONAS = ("cooperative", "angry", "evasive", "cooperative", "abusive")
QUALITIES = ("good", "fair", "poor", "rude")
ARCS = (("poor", "fair", "good", "good"), ("rude", "poor", "fair", "poor"),
        ("good", "good", "fair", "good"), ("fair", "rude", "poor", "fair"))
"""Each trainee's qualities over their calls, in turn: improving, struggling, steady, erratic."""


def _plan_zh(state: DebtorState) -> str | None:
    terms = state.agreed or state.counter
    if terms is None or terms.amount is None:
        return None
    when = f"{terms.date.month}月{terms.date.day}日前" if terms.date else ""
    rest = f"，之后每月{terms.monthly:.0f}元" if terms.monthly else ""
    return f"{when}先还{terms.amount:.0f}元{rest}"


def _plan_en(state: DebtorState) -> str | None:
    terms = state.agreed or state.counter
    if terms is None or terms.amount is None:
        return None
    when = f" by {terms.date:%B} {terms.date.day}" if terms.date else ""
    rest = f", then ${terms.monthly:,.2f} a month" if terms.monthly else ""
    return f"${terms.amount:,.2f}{when}{rest}"


def _agree(plan: Callable[[DebtorState], str | None], said: str, ask: str) -> Line:
    """Accept the debtor's counter-offer in so many words, or ask again if there is none yet."""
    return lambda state: said.format(plan=p) if (p := plan(state)) else ask


SCRIPTS: dict[str, dict[str, list[Line]]] = {
    "zh": {
        "good": ["您好，我是云港银行信用卡中心的小李，工号1234。请问是王磊先生吗？",
                 "为了保护您的信息安全，麻烦您报一下身份证后四位。",
                 "谢谢王先生。您名下的云港银行信用卡目前欠款12350元，已经逾期47天了。",
                 "我理解，您方便说说是什么原因吗？",
                 "明白，确实不容易。如果长期不处理，会产生违约金并影响征信，所以我们一起想个办法。",
                 "您看这个月最多能先还多少？",
                 _agree(_plan_zh, "好的，就按您说的：{plan}。", "您看这个月最多能先还多少？"),
                 "还款请通过云港银行App或者信用卡背面的官方客服热线，到账后会有短信通知。",
                 _agree(_plan_zh, "那我们确认一下：您{plan}，都通过云港银行App还。感谢您的配合，祝您生活愉快，再见。",
                        "感谢您的配合，我们之后再联系，再见。")],
        "fair": ["您好，我是云港银行信用卡中心的小李。请问是王磊先生吗？",
                 "您的信用卡欠款12350元，已经逾期47天了。",
                 "您这个月能还多少？",
                 _agree(_plan_zh, "行，{plan}。", "您这个月能还多少？"),
                 "还款请通过云港银行App。",
                 "好的，就这样，再见。"],
        "poor": ["喂，王磊是吧？",
                 "你欠了12350元，逾期47天了，今天必须全部还清。",
                 "没有商量的余地，今天下午之前必须还。",
                 "就这样。"],
        "rude": ["喂，王磊是吧？你欠的钱什么时候还？",
                 "你这个老赖，欠钱不还还有脸接电话？",
                 "再不还钱我们就去你单位找你领导，让你身败名裂。",
                 "赶紧还钱，挂了。"],
    },
    "en": {
        "good": ["Hi, this is Sam Lee calling from Harbor Bank. May I speak with Dana Turner?",
                 "Thanks. Before we go on, could you confirm your date of birth for me?",
                 "Thank you. This is a debt collector attempting to collect a debt, and any information obtained "
                 "will be used for that purpose.",
                 "Your Harbor Bank credit card has a past-due balance of $4,872.19 and is 152 days past due. "
                 "I understand things happen. Can you tell me what happened?",
                 "I appreciate you telling me. If it stays unpaid, late fees can add up and it may be reported to "
                 "the credit bureaus, so let's find something that works.",
                 "What could you afford to pay, and when?",
                 _agree(_plan_en, "Okay, that works for me: {plan}.", "What could you afford to pay, and when?"),
                 "You can pay through the Harbor Bank app or by calling the number on the back of your card.",
                 _agree(_plan_en, "So to recap: {plan}, through the Harbor Bank app. Thank you for your time, goodbye.",
                        "Thank you for your time; we will follow up. Goodbye.")],
        "fair": ["Hi, this is Sam from Harbor Bank. Is this Dana Turner?",
                 "Your card is $4,872.19 past due, 152 days.",
                 "How much can you pay this month?",
                 _agree(_plan_en, "Fine, {plan}.", "How much can you pay this month?"),
                 "You can pay through the Harbor Bank app.",
                 "Okay, bye."],
        "poor": ["Is this Dana Turner?",
                 "You owe $4,872.19 and it's 152 days late. You need to pay it all today.",
                 "No excuses, pay the full balance today.",
                 "That's it."],
        "rude": ["Is this Dana Turner? When are you paying?",
                 "You're a deadbeat and a liar.",
                 "Pay today or we'll have you arrested and tell your employer.",
                 "Pay up. Bye."],
    },
}


def language_of(trainee: str) -> str:
    """Chinese names practise in Chinese, the others in English."""
    return "en" if trainee.isascii() else "zh"


def play_call(store: Store | None, catalog: Catalog, trainee: str, persona: str, quality: str, lang: str,
              at: datetime | None = None, seed: int = 0, difficulty: str | None = None) -> str | None:
    """One real call, journaled, recorded and scored; returns the session id (``None`` without a store)."""
    from simulator.practice import CallSpec, start

    practice = start(store, catalog, CallSpec(persona, CASES[lang], lang, difficulty, seed), trainee, at=at)
    session = practice.session
    _ = session.pick_up().text
    for line in SCRIPTS[lang][quality]:
        if session.over:
            break
        _ = session.say(line if isinstance(line, str) else line(session.debtor.state)).text
    summary = session.summary()
    if quality in ("good", "fair"):  # the careful agents file what was actually agreed
        if summary["agreed_amount"]:
            practice.record("promise_to_pay", summary["agreed_amount"], summary["agreed_date"])
        else:
            practice.record("hung_up" if summary["hung_up"] else "refused")
    elif quality == "rude":
        practice.record("refused")
    practice.finish()  # the poor agent files nothing: step 5 stays incomplete
    return practice.session_id


def seed_cohort(store: Store, catalog: Catalog, trainees: Sequence[str] = ("王芳", "李强", "Alice", "Bob"),
                calls_per: int = 4, seed: int = 0, days: int = 6, end: datetime | None = None) -> list[str]:
    """Play ``calls_per`` real calls for each trainee over the ``days`` days before ``end``; their session ids.

    ``end`` (default: now) is the day after the last call day; calls start at 09:00-16:00 UTC.
    Trainee ``i`` follows arc ``i`` of :data:`ARCS` (cycled), so trends and weak skills differ.
    """
    rng = random.Random(seed)
    last_day = (end or datetime.now(UTC)).astimezone(UTC).date() - timedelta(days=1)
    ids: list[str] = []
    for index, trainee in enumerate(trainees):
        arc = ARCS[index % len(ARCS)]
        lang = language_of(trainee)
        for call in range(calls_per):
            day = last_day - timedelta(days=round((days - 1) * (1 - call / max(calls_per - 1, 1))))
            at = datetime.combine(day, time(9 + rng.randrange(8), rng.randrange(60)), UTC)
            persona = PERSONAS[(index + call) % len(PERSONAS)]
            session_id = play_call(store, catalog, trainee, persona, arc[call % len(arc)], lang, at=at,
                                   seed=rng.randrange(1_000_000))
            if session_id is not None:
                ids.append(session_id)
    return ids

