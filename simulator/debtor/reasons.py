"""Why the debtor chose its intent: one reason key per branch of the policy, said in zh and en.

The policy sets ``Intent.why`` (a :class:`Why`) and ``Intent.because`` (the numbers and ids
behind it) on every decision, at the branch actually taken, so a trainer's test call shows
the real cause rather than a guess made afterwards. ``explain`` turns both into a sentence.
Ids from the persona file (objections, needs, ``hang_up_when.on`` keys) are shown as written
there: that is what the trainer edits.

Kept out of ``simulator.i18n`` on purpose: the table is the debtor's own and changes with
the policy, not with the CLI.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.debtor.policy import Intent


class Why(StrEnum):
    """Every branch of :func:`simulator.debtor.policy.policy`, named."""

    PICK_UP = "pick_up"
    STEERED = "steered"
    HANG_UP_TRIGGER = "hang_up.trigger"
    HANG_UP_MOOD = "hang_up.mood"
    HANG_UP_PATIENCE = "hang_up.patience"
    WARN_MOOD = "warn.mood"
    WARN_PATIENCE = "warn.patience"
    GOODBYE = "goodbye.agent"
    # someone other than the account holder picked up
    TAKE_MESSAGE = "third_party.message"
    NOT_THEM = "third_party.not_them"
    THIRD_PARTY_WHO = "third_party.who"
    THIRD_PARTY_REFUSE = "third_party.refuse"
    THIRD_PARTY_VENT = "third_party.vent"
    THIRD_PARTY_DENY = "third_party.deny"
    # either
    EXPLAIN_ASKED = "explain.asked"
    CLARIFY = "clarify.jargon"
    VENT_MOOD = "vent.mood"
    ANSWER = "answer.nothing"
    # the account holder
    DENY_SCREENING = "deny.screening"
    ASK_WHO_SCREENING = "ask_who.screening"
    CONFIRM_ASKED = "confirm.asked"
    CONFIRM_FACT = "confirm.fact"
    DISPUTE = "dispute.first"
    THREATEN_IGNORED = "threaten.objection_ignored"
    VENT_IGNORED = "vent.objection_ignored"
    OBJECT_OPEN = "object.open"
    OBJECT_PENDING = "object.pending"
    EXPLAIN_HARDSHIP = "explain.needs_hardship"
    THREATEN_MOOD = "threaten.mood"
    VENT_BELOW_MIN = "vent.below_min"
    ASK_WHO_NEEDED = "ask_who.needed"
    COUNTER_NO_AMOUNT = "counter.no_amount"
    STALL_NOT_READY = "stall.not_ready"
    COUNTER_NOT_READY = "counter.not_ready"
    COUNTER_NO_DATE = "counter.no_date"
    ACCEPT_FITS = "accept.fits_means"
    EXPLAIN_ABOVE_MEANS = "explain.above_means"
    COUNTER_TOO_MUCH = "counter.too_much"
    REFUSE_TOO_MUCH = "refuse.too_much"
    COUNTER_ASKED = "counter.asked_capacity"
    COUNTER_PUSHED = "counter.pushed"
    COUNTER_HARDSHIP = "counter.hardship_route"
    STALL_LOW_TRUST = "stall.low_trust"
    DEAL_ABOVE_MEANS = "deal.above_means"
    ACCEPT_RECAP = "accept.recap"
    DEAL_DONE = "deal.done"


REASONS: dict[str, tuple[str, str]] = {
    # key: (zh, en). {gaps} is filled from the gap.* lines below.
    Why.PICK_UP: ("接起电话", "picks up the phone"),
    Why.STEERED: ("这句话只是在操控模拟（已剔除），客户听不懂", "the turn only tried to steer the simulation (removed): confused"),
    Why.HANG_UP_TRIGGER: ("坐席说了挂断触发词：{said}（hang_up_when.on）", "the agent did what hangs up at once: {said} (hang_up_when.on)"),
    Why.HANG_UP_MOOD: ("情绪 {mood} 低于挂断线 {below}", "mood {mood} fell below the hang-up line {below}"),
    Why.HANG_UP_PATIENCE: ("耐心耗尽（剩 {patience}）", "patience ran out ({patience} left)"),
    Why.WARN_MOOD: ("情绪 {mood} 低于挂断线 {below}：挂断前先警告一次", "mood {mood} below the hang-up line {below}: warns once before hanging up"),
    Why.WARN_PATIENCE: ("耐心耗尽（剩 {patience}）：挂断前先警告一次", "patience ran out ({patience} left): warns once before hanging up"),
    Why.GOODBYE: ("坐席道别，没有新的条件", "the agent said goodbye and put no new terms"),
    Why.TAKE_MESSAGE: ("家属被请求转告：只留言，不表态", "a relative asked to pass on a message: takes it, promises nothing"),
    Why.NOT_THEM: ("又被问是不是本人：不是", "asked again for the account holder: says it is not them"),
    Why.THIRD_PARTY_WHO: ("坐席还没说清自己是谁和哪家机构", "the agent has not said who they are and for whom"),
    Why.THIRD_PARTY_REFUSE: ("非本人被催还钱：不替别人还", "not the account holder and pressed to pay: refuses someone else's debt"),
    Why.THIRD_PARTY_VENT: ("非本人被反复催，情绪 {mood}", "not the account holder, pressed again, mood {mood}"),
    Why.THIRD_PARTY_DENY: ("非本人被催：再说一遍不是本人", "not the account holder and pressed: says again it is not them"),
    Why.EXPLAIN_ASKED: ("坐席问了原因：说明逾期原因", "the agent asked why: explains the reason for being late"),
    Why.CLARIFY: ("听不懂术语「{term}」（没有解释）", "did not understand the jargon '{term}' (not explained)"),
    Why.VENT_MOOD: ("情绪 {mood} 太低，先发泄", "mood {mood} is low: vents first"),
    Why.ANSWER: ("这句话没有需要回应的要求，正常回答", "nothing in the turn calls for more than an answer"),
    Why.DENY_SCREENING: ("本人在筛选来电：未满足 {until} 前不承认身份（party.denies_until）", "screens calls: denies being themselves until {until} (party.denies_until)"),
    Why.ASK_WHO_SCREENING: ("本人在筛选来电：先问对方是谁", "screens calls: asks who is calling first"),
    Why.CONFIRM_ASKED: ("坐席找本人：承认是本人", "the agent asked for the account holder: says it is them"),
    Why.CONFIRM_FACT: ("坐席核实身份（{fact}）：报出核身信息", "the agent asked an identity check ({fact}): answers it"),
    Why.DISPUTE: ("对欠款有异议，先提出异议（truth.dispute）", "disputes the debt and raises it first (truth.dispute)"),
    Why.THREATEN_IGNORED: ("异议 {objection} 被无视，情绪 {mood}：威胁投诉", "objection {objection} ignored, mood {mood}: threatens to complain"),
    Why.VENT_IGNORED: ("异议 {objection} 被无视：发泄", "objection {objection} ignored: vents"),
    Why.OBJECT_OPEN: ("异议 {objection} 还没解决", "objection {objection} is still open"),
    Why.OBJECT_PENDING: ("被催时提出异议 {objection}", "pressed, raises objection {objection}"),
    Why.EXPLAIN_HARDSHIP: ("需要困难被体谅（hardship_acknowledged）：先讲自己的难处", "needs the hardship acknowledged: tells it first"),
    Why.THREATEN_MOOD: ("情绪 {mood} 低于同意线 {min_mood}，再被催：威胁投诉", "mood {mood} below the agreeing line {min_mood}, pressed again: threatens to complain"),
    Why.VENT_BELOW_MIN: ("情绪 {mood} 低于同意线 {min_mood}：发泄", "mood {mood} below the agreeing line {min_mood}: vents"),
    Why.ASK_WHO_NEEDED: ("需要知道坐席是谁（agent_identified）", "needs to know who is calling (agent_identified)"),
    Why.COUNTER_NO_AMOUNT: ("方案里没有金额：自己报一个", "no amount on the table: names one"),
    Why.STALL_NOT_READY: ("方案在能力之内，但还没准备好答应：{gaps}", "the plan fits the means but they are not ready: {gaps}"),
    Why.COUNTER_NOT_READY: ("方案在能力之内，但还没准备好答应：{gaps}", "the plan fits the means but they are not ready: {gaps}"),
    Why.COUNTER_NO_DATE: ("金额可以，但没说日期：最早 {earliest}", "the amount fits but no date was given: earliest {earliest}"),
    Why.ACCEPT_FITS: ("方案在能力之内（{offer} ≤ 现在最多 {lump}），信任、情绪和条件都满足", "the plan fits the means ({offer} ≤ {lump} now) and trust, mood and needs are met"),
    Why.EXPLAIN_ABOVE_MEANS: ("超出能力（{gaps}）：先讲自己的难处", "above the means ({gaps}): tells their hardship first"),
    Why.COUNTER_TOO_MUCH: ("超出能力：{gaps}", "above the means: {gaps}"),
    Why.REFUSE_TOO_MUCH: ("超出能力（{gaps}），信任或情绪也不够还价：拒绝", "above the means ({gaps}) and too little trust or mood to bargain: refuses"),
    Why.COUNTER_ASKED: ("被问能还多少：报价", "asked what they can pay: names a sum"),
    Why.COUNTER_PUSHED: ("被催，信任 {trust} ≥ {min_trust}：还价", "pressed, trust {trust} ≥ {min_trust}: makes an offer"),
    Why.COUNTER_HARDSHIP: ("坐席提出困难方案：还价", "the agent offered a hardship route: makes an offer"),
    Why.STALL_LOW_TRUST: ("被催，但信任 {trust} < {min_trust}", "pressed, but trust {trust} < {min_trust}"),
    Why.DEAL_ABOVE_MEANS: ("已经约定，坐席改成超出能力的条件：{gaps}", "a plan was agreed and the agent changed it to more than they can pay: {gaps}"),
    Why.ACCEPT_RECAP: ("坐席复述约定：确认", "the agent recapped the agreed plan: confirms it"),
    Why.DEAL_DONE: ("已经约定还款，没有新的条件", "a plan is agreed; nothing new to decide"),
    # the parts of {gaps}
    "gap.trust": ("信任 {trust} < {min_trust}", "trust {trust} < {min_trust}"),
    "gap.mood": ("情绪 {mood} < {min_mood}", "mood {mood} < {min_mood}"),
    "gap.unmet": ("条件未满足 {unmet}", "unmet needs {unmet}"),
    "gap.amount": ("金额 {offer} > 现在最多 {lump}", "{offer} > {lump} they can pay now"),
    "gap.monthly": ("每月 {offer_monthly} > 最多 {monthly_max}", "{offer_monthly} a month > {monthly_max} they can"),
    "gap.date": ("日期 {offer_date} 早于最早 {earliest}", "date {offer_date} before the earliest {earliest}"),
    "counter.tail": ("→ 报价 {amount}（能力的 {share}）", "→ offers {amount} ({share} of their means)"),
    "counter.tail_repeat": ("→ 重复上次报价 {amount}", "→ repeats the last offer, {amount}"),
}

_GAPS = (("gap.trust", "min_trust"), ("gap.mood", "min_mood"), ("gap.unmet", "unmet"), ("gap.amount", "lump"),
          ("gap.monthly", "monthly_max"), ("gap.date", "earliest"))
_MONEY = frozenset({"offer", "lump", "offer_monthly", "monthly_max", "amount", "monthly"})
_SIGNED = frozenset({"mood", "min_mood", "below"})


def _value(key: str, value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float | int) and key in _MONEY:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    if isinstance(value, float) and key in _SIGNED:
        return f"{value:+.2f}"
    if isinstance(value, float) and key == "share":
        return f"{value:.0%}"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, tuple | list | frozenset | set):
        return ("、" if lang == "zh" else ", ").join(str(v) for v in value)
    return str(value)


def _text(key: str, lang: str, slots: Mapping[str, str]) -> str:
    zh, en = REASONS[key]
    return (zh if lang == "zh" else en).format_map(_Blank(slots))


class _Blank(dict[str, str]):
    """A slot the branch did not fill reads as "?", never as a KeyError in the panel."""

    def __missing__(self, key: str) -> str:
        return "?"


def explain(intent: Intent, lang: str) -> str:
    """The intent's reason as one sentence in ``lang`` ("" for an intent made without one)."""
    if not intent.why or intent.why not in REASONS:
        return intent.why
    raw = {**intent.slots, **intent.because}
    slots = {k: _value(k, v, lang) for k, v in raw.items()}
    sep = "；" if lang == "zh" else "; "
    slots["gaps"] = sep.join(_text(key, lang, slots) for key, needs in _GAPS if needs in raw)
    text = _text(intent.why, lang, slots)
    if intent.name == "counter_offer" and "amount" in raw:
        tail = "counter.tail" if "share" in raw else "counter.tail_repeat"
        text += " " + _text(tail, lang, slots)
    return text
