"""What the call achieved (promise, amount, date, the debtor's mood) and whether the filed
record says the same."""

from __future__ import annotations

import re
from datetime import date

from scoring.callstate import DEBTOR, THIRD, CallState
from scoring.plan import Plan, headline
from scoring.scorecard import OutcomeResult
from scoring.vocab import Outcome

_UPSET = frozenset({"vent", "object", "threaten_agent", "refuse", "hang_up"})
_SETTLED = frozenset({"accept_plan", "goodbye"})


def _mood(state: CallState) -> str:
    scores = []
    for j in state.debtor_turns():
        b = state.analyses[j]
        if not b.text.strip():
            continue
        scores.append(len(b.names & _SETTLED) * 0.5 - len(b.names & _UPSET)
                      + (0.5 if any(w in b.text.lower() for w in ("谢谢", "thank")) else 0))
    if len(scores) < 2:
        return "same"
    k = min(2, len(scores) // 2)
    start, end = sum(scores[:k]) / k, sum(scores[-k:]) / k
    return "calmer" if end - start > 0.5 else "angrier" if start - end > 0.5 else "same"


def judge_outcome(state: CallState, plan: Plan | None) -> OutcomeResult:
    """The commitment the call ended with, as the scorer heard it."""
    amount = day = None
    promise = False
    if plan is not None:
        amount, day = headline(plan, state.transcript.scenario.amount_due)
        promise = amount is not None or (day is not None and not plan.hardship)
    return OutcomeResult(promise, amount, day, _mood(state))


def record_accurate(state: CallState, plan: Plan | None) -> bool:
    """The filed record agrees with the call: outcome, and the promised amount and date."""
    record = state.transcript.record
    if record is None:
        return False
    if plan is not None:
        allowed = {Outcome.PROMISE_TO_PAY, Outcome.HARDSHIP_PLAN}
    elif not state.reached:
        allowed = {Outcome.CALLBACK, Outcome.WRONG_PARTY}
    else:
        allowed = {Outcome.REFUSED, Outcome.HUNG_UP, Outcome.CALLBACK, Outcome.DISPUTE}
        if _disputed(state):
            allowed.discard(Outcome.REFUSED)  # "I don't owe it" is a dispute, not a refusal
    if record.outcome not in allowed or _notes_contradict(state):
        return False
    if plan is None:
        return record.promised_amount is None or record.promised_amount == 0
    if record.promised_amount is not None and plan.amounts and not any(
            abs(record.promised_amount - a) <= max(1.0, 0.01 * a) for a in plan.amounts):
        return False
    if _mispaired(record.promised_amount, record.promised_date, plan):
        return False
    if record.promised_date is not None and plan.dates:
        try:
            recorded = date.fromisoformat(record.promised_date[:10])
        except ValueError:
            return False
        known = state.transcript.scenario.call_local_time is not None
        if not any(_same_day(recorded, d, known) for d in plan.dates):
            return False
    return True


def _mispaired(amount: float | None, day: str | None, plan: Plan) -> bool:
    """Two payments said as pairs ("今天1200，29号1260") but recorded crosswise (1260 today)."""
    amounts = list(dict.fromkeys(plan.amounts))
    dates = list(dict.fromkeys(plan.dates))
    if amount is None or not day or len(amounts) < 2 or len(amounts) != len(dates):
        return False
    a = next((k for k, x in enumerate(amounts) if abs(x - amount) <= max(1.0, 0.01 * x)), None)
    d = next((k for k, x in enumerate(dates) if x == day[:10]), None)
    return a is not None and d is not None and a != d


def _disputed(state: CallState) -> bool:
    return any(state.analyses[j].has("dispute") for j in state.debtor_turns() if state.listener[j] == DEBTOR)


_NOTE_NOTHING_DISCLOSED = re.compile(
    r"\b(no|nothing|without|didn.t|did not|not)\b[^.;]{0,30}\b(disclosed|discussed|revealed|shared|mentioned|given out)\b|"
    r"\b(disclosed|discussed|revealed|shared) nothing\b|"
    r"(未|没有?|并未|不曾)(向[^，。；]{0,6})?(透露|提及|告知|说明|涉及|谈及|泄露)[^，。；]{0,4}(任何|具体)?[^，。；]{0,6}(信息|情况|欠款|借款|账户|金额|逾期|内容)", re.I)
_NOTE_REFUSED = re.compile(r"\brefus\w* to pay\b|\b(won.t|will not|would not|wouldn.t) pay\b|\bdeclined to pay\b|"
                           r"拒绝还款|拒不还款|拒绝还钱|不愿(意)?还|拒还|表示不还|(无|没有|毫无)还款意愿|\bno (intention|willingness) to pay\b", re.I)
_NOTE_NO_REASON = re.compile(r"\bno reason(s)? (was |were )?(given|stated|provided|offered)\b|\b(gave|give|offered|provided) no "
                             r"(reason|explanation)\b|\bwithout (giving |a )?(any )?reason\b|未(说明|给出|提供|告知)(任何)?原因|"
                             r"没(有)?(说|讲|给)(明|出)?(任何)?(原因|理由)|原因不明|无故", re.I)
_NOTE_NO_DISPUTE = re.compile(r"\b(no|not|without|never)\b[^.;]{0,20}\b(dispute[sd]?|disputing|contest\w*|challeng\w*)\b|"
                              r"\b(acknowledg\w*|accept\w*|agree\w*|confirm\w*) (the|that the|this) (debt|balance)\b|"
                              r"(无|没有?|未|并无|不存在)(提出)?(任何)?异议|(对|就)[^，。；]{0,8}(无|没有?)异议|认可(全部)?(欠款|债务)", re.I)
_NOTE_NO_VULNERABILITY = re.compile(r"\bno (signs? of |indications? of |known )?(vulnerabilit(y|ies)|vulnerable circumstances)\b|\bnot vulnerable\b|(无|未发现|没有|未见)(任何)?(脆弱|特殊困难|特殊情况)", re.I)
_NOTE_CALLS_OK = re.compile(r"\bno objection to (further |more |future )?(calls|contact)\b|\b(happy|ok|okay|fine) (to|with) (further |more )?"
                            r"(calls|contact)\b|\bfollow[- ]up call\b|(同意|可以)(继续|再次)?(来电|联系|致电)|(下次|再次)(致电|跟进|回访)", re.I)
_NOTE_STOPPED = re.compile(r"\bno (further |more )?(collection|payment|demands?|pressure)\b[^.;]{0,30}\b(discussed|requested|sought|made|"
                           r"pursued|attempted|applied)\b|\b(collection|collecting) (activity )?(stopped|ceased|halted|paused)\b|"
                           r"\bstopped (collecting|collection)\b|(未再|没有再|不再|停止)(催收|催款|要求还款|提及还款|谈还款)", re.I)
_NOTE_RELATIVE = re.compile(r"家属|亲属|家人|(他|她)的?(妈|爸|妻子|丈夫|老婆|老公)|\b(relative|family member|spouse|wife|husband|mother|"
                            r"father|son|daughter)\b", re.I)
_DISCLOSING = frozenset({"state_amount", "state_overdue", "disclose_debt", "ask_third_party_pay"})


def _notes_contradict(state: CallState) -> bool:
    """The notes say the opposite of what happened: "nothing disclosed" after the debt was told to
    a relative; "refused to pay" when the customer offered a sum and never refused."""
    record = state.transcript.record
    notes = (record.notes or "") if record is not None else ""
    if not notes:
        return False
    if _NOTE_NOTHING_DISCLOSED.search(notes) and any(
            state.listener[i] == THIRD and state.analyses[i].names & _DISCLOSING for i in state.agent_turns()):
        return True
    if _NOTE_NO_REASON.search(notes) and any(state.analyses[j].names & {"hardship", "vulnerability", "dispute"}
                                             for j in state.debtor_turns() if state.listener[j] == DEBTOR):
        return True  # "no reason given" when the customer gave one (job loss, illness, a dispute)
    if _NOTE_NO_DISPUTE.search(notes) and _disputed(state):
        return True  # "客户对欠款无异议" after the customer said the charges were not theirs
    debtor_said = {n for j in state.debtor_turns() if state.listener[j] == DEBTOR for n in state.analyses[j].names}
    if _NOTE_NO_VULNERABILITY.search(notes) and "vulnerability" in debtor_said:
        return True  # "No vulnerability identified" after "I'm a carer... on antidepressants"
    if _NOTE_CALLS_OK.search(notes) and state.cease_at is not None:
        return True  # "No objection to further calls. Follow-up 8/26" after "stop calling me"
    stop = min((m for m in (state.attorney_at, state.cease_at) if m is not None), default=None)
    if stop is not None and _NOTE_STOPPED.search(notes) and any(
            i > stop and state.analyses[i].names & {"offer_plan", "demand_payment"} for i in state.agent_turns()):
        return True  # "No further collection discussed after attorney disclosure" over a $200 ask
    if _NOTE_RELATIVE.search(notes) and _wrong_number(state):
        return True  # "家属接听，已请其转告" when the number belongs to a stranger
    if _NOTE_REFUSED.search(notes):
        # "refused to pay" / "无还款意愿" when the customer offered a sum or asked to pay part or in
        # instalments ("能不能先还一部分，剩下的分几个月？") and never refused
        debtor = [state.analyses[j] for j in state.debtor_turns() if state.listener[j] == DEBTOR]
        offered = any(b.has("counter_offer") for b in debtor)
        if offered and not any(b.has("refuse") for b in debtor):
            return True
    return False


def _same_day(recorded: date, said: str, year_known: bool) -> bool:
    found = date.fromisoformat(said)
    return recorded == found if year_known else (recorded.month, recorded.day) == (found.month, found.day)


def _wrong_number(state: CallState) -> bool:
    """The one who answered said the number is not the debtor's at all (打错了 / wrong number)."""
    return any(state.analyses[j].has("wrong_number") for j in state.debtor_turns())

