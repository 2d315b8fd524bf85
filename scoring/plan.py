"""The repayment plan agreed in a call, if any: who proposed it, who confirmed it, its terms.

A plan is agreed when one side proposes concrete terms and the other accepts: the debtor
says yes to the agent's offer, or the agent confirms the debtor's proposal. "I'll see" is
not a plan, and neither is "pay in full soon" without a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.analysis import Analysis
from scoring.callstate import DEBTOR, CallState


@dataclass(frozen=True)
class Plan:
    proposed_at: int
    agreed_at: int
    amounts: tuple[float, ...]
    dates: tuple[str, ...]
    instalments: int | None
    hardship: bool
    recap_at: int | None = None

    @property
    def turns(self) -> tuple[int, ...]:
        return tuple(sorted({self.proposed_at, self.agreed_at}))


def _terms(a: Analysis) -> tuple[tuple[float, ...], tuple[str, ...], int | None]:
    amounts: list[float] = []
    found_dates: list[str] = []
    instalments = None
    for act in a.acts:
        if act.name in ("offer_plan", "counter_offer", "confirm_plan", "recap"):
            amounts.extend(act.slots.get("amounts", ()))
            found_dates.extend(act.slots.get("dates", ()))
            instalments = instalments or act.slots.get("instalments")
    return tuple(dict.fromkeys(amounts)), tuple(dict.fromkeys(found_dates)), instalments


_IN_FULL = re.compile(r"全还|全额|全部还|一次(性)?还清|还清|结清|全款|\b(in full|the (full|whole|entire) (amount|balance)|"
                      r"pay (it|the balance|everything) off|clear the (whole )?balance|settle (it|the account) in full)\b", re.I)


# "一千顶什么用？" / "Five hundred won't cut it": the agent repeats the sum only to turn it down.
_REJECTS = re.compile(r"not (an? )?(acceptable|reasonable) (offer|amount)|(not able to|unable to|can.t|cannot) (set that up|accept (that|it|this))|"
                      r"(well|far|way) below|(顶|有|管)(什么|啥)用|够(干嘛|什么)|哪(够|行)|(远远)?不够(啊|呀|吧)?(?=[？?！!。，,]|$)|太少了?(?=[？?！!。，,吧啊]|$)|"
                      r"\b((won.t|doesn.t|does not|will not|isn.t going to) (cut it|do it|be enough|work)|not (nearly )?"
                      r"(enough|good enough)|too (little|low|small)|(is|that.s) a joke|that.s nothing)\b", re.I)


# "行，剩下的到时候再说": the agent's turn opens by taking the debtor's terms
_AGENT_OK = re.compile(r"^\W*(行|好的?|可以|没问题|成|得嘞|好嘞)(?![不了])|^\W*(ok(ay)?|alright|all right|great|perfect|"
                       r"sounds good|that works|deal|done)\b", re.I)


def _echoes(b: Analysis, amounts: tuple, found_dates: tuple) -> bool:
    """The debtor repeats the offer's terms back ("15号之前3000。"): saying yes by echoing them."""
    more = _terms(b)
    return bool(amounts and set(more[0]) & set(amounts)) and bool(not found_dates or not more[1]
                                                                  or set(more[1]) & set(found_dates))


_ASKS_REST = re.compile(r"(剩下|剩余|余下|其余|尾款)[^。？?]{0,12}(什么时候|哪天|几号|多久|啥时候)|\b(the rest|the remaining|"
                        r"the remainder|what.s left)\b[^.?]{0,30}\b(when|what day|which day)\b|\bwhen\b[^.?]{0,30}"
                        r"\b(the rest|the remaining|the remainder|what.s left)\b", re.I)


def _with_earlier_terms(state: CallState, i: int, amounts: tuple, found_dates: tuple) -> tuple[tuple, tuple]:
    """A plan given in pieces ("这周六吧" … "全额？" … "全额，1987块6"): the debtor's half-terms
    join the other half they gave a turn or two before; an answer to "剩下的4450您打算什么时候？"
    joins the terms of that question."""
    prev = state.turn_before(i, "agent")
    if prev is not None and _ASKS_REST.search(state.transcript.turns[prev].text):
        more = _terms(state.analyses[prev])
        amounts, found_dates = tuple(dict.fromkeys(more[0] + amounts)), tuple(dict.fromkeys(more[1] + found_dates))
    if amounts and found_dates:
        return amounts, found_dates
    for j in range(i - 1, max(-1, i - 4), -1):
        if state.transcript.turns[j].speaker != "debtor":
            continue
        b = state.analyses[j]
        if b.has("refuse") or not (b.has("counter_offer") or b.has("accept_plan")):
            break
        more = _terms(b)
        return amounts or more[0], found_dates or more[1]
    return amounts, found_dates


# "……行吧，拜拜" / "...fine, whatever": a sigh of a yes that ends the call
_SIGH_YES = re.compile(r"^\W*(……|…|\.\.\.)\s*(行吧|好吧|随便吧?|ok(ay)?|fine|whatever|sure)\W*((拜拜|再见|挂了|bye|goodbye)\W*)?$",
                       re.I)


def _resigned(state: CallState, j: int) -> bool:
    """A sighed "……行吧，拜拜" from a debtor who only hedged ("我尽量吧") before: giving in to end
    the call, not agreeing terms (DOMAIN.md: "I'll see" is no plan)."""
    if not _SIGH_YES.search(state.transcript.turns[j].text):
        return False
    return any(state.analyses[k].has("stall") for k in state.debtor_turns() if k < j)


_TAKEN_BACK = re.compile(r"(也|都)?说不准|(说|讲)不定|定不了|\b(not sure|can.t promise|no promises)\b", re.I)
_ONLY_TRY = re.compile(r"\byou.ll (try|see)\b|\byou.re going to try\b|(您|你)(就)?(尽量|试试|看看)|到时候再(定|说|看)|"
                       r"\b(we.ll|let.s) (decide|confirm|see) (then|on \w+day)\b", re.I)


def _concrete(amounts: tuple, found_dates: tuple, instalments: int | None, hardship: bool) -> bool:
    return hardship or bool(amounts and found_dates) or bool(instalments and (amounts or found_dates))


def _next(state: CallState, start: int, speaker: str, limit: int = 2) -> list[int]:
    out = []
    for j in range(start + 1, len(state.transcript.turns)):
        if state.transcript.turns[j].speaker == speaker:
            out.append(j)
            if len(out) == limit:
                break
    return out


def find_plan(state: CallState, before: int | None = None) -> Plan | None:
    """The last plan agreed before turn ``before`` (all turns when None) with the account holder."""
    end = len(state.transcript.turns) if before is None else before
    agreed: Plan | None = None
    disputed = next((j for j in state.debtor_turns() if state.analyses[j].has("dispute")), None)
    for i in range(end):
        turn, a = state.transcript.turns[i], state.analyses[i]
        if state.listener[i] != DEBTOR:
            continue
        # routing a dispute ("已登记您2月24号转账3870元的异议") is no offer; a hold for a hardship
        # ("暂停催收60天 ... 分成24期") with no dispute raised is one
        routing = a.has("dispute_route") and disputed is not None and disputed < i
        if turn.speaker == "agent" and (a.has("offer_plan") or a.has("hardship_arrangement")) and not routing:
            amounts, found_dates, inst = _terms(a)
            if _ONLY_TRY.search(a.text):
                continue  # "So — you'll try for $400 on July 31st": the agent's own words make it no promise
            if not amounts and found_dates and _IN_FULL.search(a.text):
                amounts = (state.transcript.scenario.amount_due,)  # "今天能不能就全还了？" names the sum
            hardship = a.has("hardship_arrangement") and not routing  # a hold while a dispute is checked
            for j in _next(state, i, "debtor", 1):
                b = state.analyses[j]
                # "行……那你下礼拜再打给我吧": yes to talking again, not to the terms
                echoed = _echoes(b, amounts, found_dates) and not b.names & {"hardship", "object", "dispute"}
                if j < end and (b.has("accept_plan") or echoed) and not b.has("refuse") \
                        and not _resigned(state, j) and not (b.has("ask_later_time") and not any(_terms(b)[:2])):
                    more = _terms(b)
                    amounts2, dates2 = amounts + more[0], found_dates + more[1]
                    if _concrete(amounts2, dates2, inst or more[2], hardship):
                        agreed = Plan(i, j, amounts2, dates2, inst or more[2], hardship)
        elif turn.speaker == "debtor" and (a.has("counter_offer") or a.has("accept_plan")) \
                and not _TAKEN_BACK.search(turn.text):
            # "结了我先还三千，不过也说不准哈": terms the debtor hedges in the same breath are no offer
            amounts, found_dates, inst = _terms(a)
            if not (amounts or found_dates or inst):
                continue
            amounts, found_dates = _with_earlier_terms(state, i, amounts, found_dates)
            for k in _next(state, i, "agent", 1):
                c = state.analyses[k]
                if k < end and (c.has("confirm_plan") or c.has("offer_plan") or _AGENT_OK.search(c.text)) \
                        and not _REJECTS.search(c.text):
                    more = _terms(c)
                    amounts2 = tuple(dict.fromkeys(amounts + more[0]))
                    dates2 = tuple(dict.fromkeys(found_dates + more[1]))
                    restated = bool(set(more[0]) & set(amounts) or set(more[1]) & set(found_dates))
                    # "7月10号2000，7月31号1590。到时候必须还上！" repeats both terms: insisting on the
                    # agreed plan, not pushing past it; a demand that repeats less is no confirmation.
                    if c.has("demand_payment") and not ((not amounts or set(more[0]) & set(amounts))
                                                        and (not found_dates or set(more[1]) & set(found_dates))):
                        continue
                    if (c.has("confirm_plan") or restated or _AGENT_OK.search(c.text)) and _concrete(amounts2, dates2, inst or more[2], False):
                        agreed = Plan(i, k, amounts2, dates2, inst or more[2], False)
    if agreed is None:
        return None
    recap = _recap(state, agreed, end)
    if recap is not None:
        amounts, found_dates, _ = _terms(state.analyses[recap])
        when = state.transcript.scenario.call_local_time
        if when is not None and when.date().isoformat() not in agreed.dates \
                and not _PAY_TODAY.search(state.transcript.turns[recap].text):
            # "...and I'm mailing you the application today": today is no payment date unless agreed
            found_dates = tuple(d for d in found_dates if d != when.date().isoformat())
        if amounts or found_dates:
            return Plan(agreed.proposed_at, agreed.agreed_at, amounts or agreed.amounts,
                        found_dates or agreed.dates, agreed.instalments, agreed.hardship, recap)
    return agreed


# "今天7月15号先还3000": today is a payment date when the recap pays something today
_PAY_TODAY = re.compile(r"(今天|今日|\btoday\b)[^。，,.;]{0,10}(还|付|交|缴|扣|\bpay)", re.I)


def _recap(state: CallState, plan: Plan, end: int) -> int | None:
    """The last agent turn after the agreement that restates it."""
    for i in reversed(range(plan.agreed_at + 1, end)):
        a = state.analyses[i]
        if state.transcript.turns[i].speaker == "agent" and (a.has("recap") or a.has("confirm_plan")):
            amounts, found_dates, _ = _terms(a)
            if amounts or found_dates:
                return i
    return None


def headline(plan: Plan, amount_due: float) -> tuple[float | None, str | None]:
    """The commitment a record should carry: the first payment's amount and date."""
    amounts = [a for a in plan.amounts if abs(a - amount_due) > max(1.0, 0.01 * amount_due)] or list(plan.amounts)
    return (amounts[0] if amounts else None), (min(plan.dates) if plan.dates else None)
