"""Compliance checks: each rule in the packs names one check; this module implements them.

Placement follows DOMAIN.md: a finding on each offending agent turn; calling hours on
turn 0 (the call itself); rules broken by making the call at all (a ruled-out time, a stop
request or attorney on file, too many calls) on turn 0 and on each agent turn that presses
on; the missing debt-collector disclosure once, on the first agent turn that conveys debt
information.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import time
from functools import lru_cache

from scoring.analysis import Act, Analysis
from scoring.analysis.numbers import find_amounts
from scoring.callstate import DEBTOR, THIRD, CallState
from scoring.rubric import Evidence, Rule
from scoring.scorecard import Violation

PRESSING = ("offer_plan", "demand_payment", "state_amount", "state_overdue", "explain_consequence", "false_legal",
            "threat", "insult", "contempt", "sarcasm", "ask_identity_check", "ask_reason", "mention_account",
            "mention_contacts", "push_new_borrowing", "dismiss_hardship", "dismiss_dispute", "frequency_pressure",
            "assert_enforceable", "payment_channel")
"""Acts by which an agent presses on with collecting (a turn that only takes details or says goodbye does not)."""

Found = tuple[int, str]  # (turn, quote)


def matching_act(a: Analysis, evidence: Iterable[Evidence], skip: Callable[[Act], bool] | None = None) -> Act | None:
    """The first act of ``a`` that one of the evidence specs asks for (slots included), passing
    over the acts ``skip`` rejects."""
    for spec in evidence:
        if spec.act not in a.names:
            continue
        for act in a.all(spec.act):
            if all(_slot_ok(act.slots.get(key), allowed) for key, allowed in spec.where.items()) \
                    and not (skip and skip(act)):
                return act
    return None


def _slot_ok(value: object, allowed: list) -> bool:
    if isinstance(value, tuple | list | frozenset | set):
        return any(v in allowed for v in value)
    return value in allowed


def _specs(names: Iterable[str]) -> list[Evidence]:
    return [Evidence(act=n) for n in names]


def _agent_act(state: CallState, rule: Rule) -> list[Found]:
    out = _agent_act_only(state, rule)
    if any(spec.act == "extra_fee" for spec in rule.evidence):
        # "加急费给您免了" names the fee only to drop it
        names = {spec.act for spec in rule.evidence}
        out = [f for f in out if not (_FEE_DROPPED.search(state.transcript.turns[f[0]].text)
                                      and state.analyses[f[0]].names & names <= {"extra_fee"})]
        out.extend(_fee_carried(state, out))
    out.extend(_reaffirmed(state, out))
    return out


# "Can and will." / "Yep." / "当然能。": a yes to the debtor's question about what was just said
_AFFIRM = re.compile(r"^\W*(yes|yeah|yep|yup|absolutely|you bet|of course|that.s right|correct|damn right|"
                     r"(we|i|they|it) (sure )?(can|will|do|does|am|is)|sure (can|do|will|is|does)|can and will)\b|"
                     r"^\W*(是的|是啊|对(啊|的|呀)?[，,。！!]|没错|当然|会的|能的|肯定(会|能|的)|就是|那当然)", re.I)
_AFFIRM_NOT = re.compile(r"\b(no|not|never|nobody|nothing)\b|n.t\b|不|没|别", re.I)


def _reaffirmed(state: CallState, found: list[Found]) -> list[Found]:
    """A claim repeated by assent: the debtor asks about it ("You can't touch my VA check. Can
    you?") and the agent's next turn says yes ("Can and will."). That turn breaks the rule again."""
    seen = {i for i, _ in found}
    out = []
    for i in sorted(seen):
        j = state.turn_after(i)
        if j is None or state.transcript.turns[j].speaker != "debtor" or not re.search(r"[?？]\s*$", state.transcript.turns[j].text):
            continue
        k = state.turn_after(j)
        if k is None or k in seen or state.transcript.turns[k].speaker != "agent":
            continue
        text = state.transcript.turns[k].text
        m = _AFFIRM.search(text)
        if m:
            first = re.split(r"[.!?。！？]", text[m.end():], maxsplit=1)[0]
            if not _AFFIRM_NOT.search(m.group() + first):
                out.append((k, m.group().strip()))
    return out


_FEE_WORD = re.compile(r"费|fee|charge|surcharge|\bcost", re.I)
_FEE_DROPPED = re.compile(r"waiv|no (\w+ )?fee|drop(ped)? the fee|without (the|any) fee|免(掉|除|了)?[^。，]{0,4}费|不(收|要|用交)[^。，]{0,4}费|费[^。，]{0,4}(免|不收|不用)", re.I)


def _fee_carried(state: CallState, found: list[Found]) -> list[Found]:
    """An invented fee keeps breaking the rule in every later turn that asks for it: the fee
    restated ("198的修复费就含在里面", "it's forty bucks"), or folded into the balance
    ("2360加上198，一共2558", "$652.35, your 612.40 plus the fee")."""
    if not found:
        return []
    first = min(i for i, _ in found)
    due = state.transcript.scenario.amount_due or 0.0
    fees: set[float] = set()
    for i, _ in found:
        text = state.transcript.turns[i].text
        amounts = find_amounts(text, state.lang)
        reach = 20 if state.lang == "en" else 8
        for m in _FEE_WORD.finditer(text):
            # the sum named with the fee, in the same clause: "198元的方案受理费", "a $39.95 processing fee"
            near = []
            for a in amounts:
                gap = text[a.end:m.start()] if a.end <= m.start() else text[m.end():a.start]
                if len(gap) <= reach and not _CLAUSE_END.search(gap):
                    near.append((len(gap), a.value))
            if near:
                fees.add(min(near)[1])
    # a sum as big as half the debt is the debt or a plan, not the fee
    fees = {f for f in fees if not (due and f >= 0.5 * due)}
    if not fees:
        return []
    seen = {i for i, _ in found}
    out = []
    for j in state.agent_turns():
        text = state.transcript.turns[j].text
        if j <= first or j in seen or _FEE_DROPPED.search(text):
            continue
        values = [(a.value, text[a.start:a.end]) for a in find_amounts(text, state.lang)]
        values += [(float(m.group()), m.group()) for m in _BARE_NUMBER.finditer(text)]
        hit = next((raw for v, raw in values for f in fees
                    if abs(v - f) <= max(0.5, 0.02 * f) or (due and abs(v - (due + f)) <= 1.0)), None)
        if hit:
            out.append((j, hit))
    return out


_BARE_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def _agent_act_only(state: CallState, rule: Rule) -> list[Found]:
    out = []
    overlap = rule.params.get("unless_overlap", [])
    for i in state.agent_turns():
        a = state.analyses[i]
        # "This is Deputy Collins with the Sheriff's office": the sheriff is a false affiliation
        # (its own rule), not a threat of arrest; any other evidence on the turn still counts.
        act = matching_act(a, rule.evidence, (lambda x, a=a: _inside(x, a, overlap)) if overlap else None)
        if act:
            out.append((i, act.quote))
    return out


_CLAUSE_END = re.compile(r"[,:.!?，：。！？；;]")


def _inside(act: Act, a: Analysis, names: list[str]) -> bool:
    """The key phrase of ``act`` lies within, or in the same clause as, an act named in ``names``."""
    phrase = str(act.slots.get("phrase") or act.quote)
    at = a.text.find(phrase, act.start) if act.slots.get("phrase") else act.start
    at = act.start if at < 0 else at
    for n in names:
        for other in a.all(n):
            if phrase in other.quote:
                return True
            lo, hi = sorted((other.start, at))
            if not _CLAUSE_END.search(a.text, lo, hi):
                return True
    return False


_OVERHEARD = re.compile(
    r"\b(on (the )?speaker(phone)?|speakerphone|(you.re|you are) on speaker|not alone|can.t talk (freely|privately)|"
    r"(my|the) (boss|supervisor|manager|colleagues?|coworkers?|workmates?|wife|husband|partner|kids?|family|mum|mom|dad|"
    r"friends?|mates?) (is |are )?(right |just )?(here|with me|next to me|beside me|listening|can hear)|(people|someone|somebody) "
    r"(is |are )?(here|with me|listening|around))\b|"
    r"免提|外放|旁边(有人|都是人)|身边有人|(同事|领导|老板|家人|朋友|孩子|老婆|老公)[^。，]{0,3}(在|就在)(旁边|边上|身边|这儿)|"
    r"(在|正在)(开会|上班)[^。]{0,6}(不方便|说话不方便)", re.I)


def _overheard(state: CallState, i: int) -> bool:
    """The debtor just said others can hear the call (speakerphone, boss beside them)."""
    prev = state.turn_before(i, "debtor")
    return prev is not None and bool(_OVERHEARD.search(state.transcript.turns[prev].text))


def _third_party(state: CallState, rule: Rule) -> list[Found]:
    if _their_lawyer_on_line(state):
        return []  # the consumer's own attorney is the one party the account may be discussed with
    out = []
    for i in state.agent_turns():
        if state.listener[i] == THIRD or _overheard(state, i):
            act = matching_act(state.analyses[i], rule.evidence)
            if act:
                out.append((i, act.quote))
    return out


def _clock(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def _calling_hours(state: CallState, rule: Rule) -> list[Found]:
    when = state.transcript.scenario.call_local_time
    if when is None:
        return []
    start, end = _clock(rule.params.get("start", "08:00")), _clock(rule.params.get("end", "21:00"))
    if start <= when.time() < end:
        return _ruled_out_time(state)
    if any(a.has("requested_time") or a.has("ask_later_time") and _late_request(a.text) for a in state.analyses) \
            or any(_BOOKED.search(t.text) for t in state.transcript.turns if t.speaker == "system"):
        return []  # the customer asked for this time (said in the call, or the dialler's "scheduled callback")
    return [(0, f"call_local_time {when.isoformat(timespec='minutes')}")]


_BOOKED = re.compile(r"scheduled call ?back|call ?back (requested|booked|scheduled)|(customer|consumer|debtor|caller)[^.\]]{0,12}"
                     r"(asked|requested)[^.\]]{0,20}\b(call|ring|phone)|预约回(电|拨)|(客户|本人)[^，。\]]{0,6}(要求|约定?|预约)[^，。\]]{0,10}(回电|致电|来电|打)", re.I)


def _ruled_out_time(state: CallState) -> list[Found]:
    """The agent calls at a time the customer ruled out: turn 0 and every turn that presses on.

    Either side may say so: the agent ("I know you asked us to ring after 2pm") or the customer
    ("I told your guy not to call me at work")."""
    said = next((i for i in state.agent_turns() if state.analyses[i].has("ruled_out_time")), None)
    if said is not None:
        quote = state.analyses[said].first("ruled_out_time").quote
        said = -1
    else:
        told = next(((j, m) for j in state.debtor_turns() if state.listener[j] == DEBTOR
                     for m in [_TOLD_NOT_NOW.search(state.transcript.turns[j].text)] if m), None)
        if told is None:
            return []
        quote = told[1].group()
        said = told[0]  # the agent presses on regardless only once reminded in the call
    return [(0, quote)] + [(i, q) for i, q in _pressing_turns_specs(state, _specs(PRESSING), said)
                           if not _takes_up_offer(state, i)]


_TOLD_NOT_NOW = re.compile(
    r"\b(i|we)( already)? (told|asked) (you|your \w+|them|you guys|the last \w+)( people)?\b.{0,30}?\b(not to|never to|to never|"
    r"only( to)?) (call|ring|phone|contact)( me)?\b.{0,15}\b(here|at work|at my work|at the office|before|after|in the "
    r"(morning|evening)|during (the day|work)|on this number)|"
    r"(我|我们)(之前|上次|早就|已经)?(说过|跟你们说过|讲过|交代过|告诉过你们)[^。]{0,12}(别|不要|只能|只在)[^。]{0,8}"
    r"(上班|单位|公司|白天|晚上|早上|中午|下班)[^。]{0,6}(打|联系)", re.I)


def _late_request(text: str) -> bool:
    return bool(re.search(r"晚上|十点|十一点|夜里|半夜|早上|清晨|这个点|这个时间|这么晚|下班|夜班|late|night|after (9|10|11)|before (7|8)|early|this time|shift", text, re.I))


def _pressing_turns(state: CallState, rule: Rule, after: int) -> list[Found]:
    specs = _specs(rule.params.get("pressing", PRESSING)) if rule.check != "after_debtor_act" else rule.evidence
    return _pressing_turns_specs(state, specs, after)


def _pressing_turns_specs(state: CallState, specs: list[Evidence], after: int) -> list[Found]:
    out = []
    for i in state.agent_turns():
        if i > after:
            a = state.analyses[i]
            act = matching_act(a, specs)
            if act and not _only_acknowledges(a):
                out.append((i, act.quote))
    return out


_ACKNOWLEDGING = frozenset({"recap", "dispute_route", "hardship_route"})
_WEAK_PRESSING = frozenset({"mention_account"})


def _only_acknowledges(a: Analysis) -> bool:
    """A turn that names the account only to acknowledge the request ("I'm noting on the account
    that you've asked us to stop calling") does not press on."""
    pressing = a.names & set(PRESSING)
    return bool(pressing) and pressing <= _WEAK_PRESSING and bool(a.names & _ACKNOWLEDGING)


def _contact_frequency(state: CallState, rule: Rule) -> list[Found]:
    sc = state.transcript.scenario
    out: list[Found] = []
    over = []
    if rule.params.get("max_today") is not None and sc.contacts_today is not None \
            and sc.contacts_today >= int(rule.params["max_today"]):
        over.append(f"contacts_today {sc.contacts_today}")
    if rule.params.get("max_7d") is not None and sc.contact_attempts_7d is not None \
            and sc.contact_attempts_7d >= int(rule.params["max_7d"]):
        over.append(f"contact_attempts_7d {sc.contact_attempts_7d}")
    if over:
        # The call itself is the breach. Later turns count only where they announce more calls
        # (the evidence acts below): blind QA writers label an ordinary over-limit call on turn 0
        # alone (en-fc-09, en-fg-07, en-fo-12, en-fs-05).
        out.append((0, "; ".join(over)))
    if rule.params.get("announced") == "over_limit" and not over:
        return out
    # after a stop request, announcing more calls is pressing on: the cease rule's finding, in a
    # pack that has one (CN has none, so "我这边照样天天打" stays this rule's)
    keep = rule.params.get("after_stop") == "keep"
    out.extend(f for f in _agent_act(state, rule) if keep or state.cease_at is None or f[0] < state.cease_at)
    return out


_LAWYER_SPEAKING = re.compile(r"\b(i.m|i am|this is) (an? |the |his |her |their )?(attorney|lawyer|solicitor)\b|\bi represent\b|"
                              r"我是[^。，]{0,8}(律师)|我代理|我是(他|她)的(代理)?律师", re.I)


def _their_lawyer_on_line(state: CallState) -> bool:
    """The account holder is never on the line and the other party says they are the holder's lawyer."""
    return not state.reached and any(_LAWYER_SPEAKING.search(state.transcript.turns[j].text) for j in state.debtor_turns())


def _after_flag(state: CallState, rule: Rule) -> list[Found]:
    flag = rule.params.get("flag", "attorney")
    if flag == "attorney" and _their_lawyer_on_line(state):
        return []  # talking to the attorney is how a represented account is handled
    sc = state.transcript.scenario
    on_file = sc.attorney_on_record if flag == "attorney" else sc.cease_requested
    if on_file:
        return [(0, f"{'attorney_on_record' if flag == 'attorney' else 'cease_requested'} true")] + \
            _pressing_turns(state, rule, -1)
    said_at = state.attorney_at if flag == "attorney" else state.cease_at
    return _pressing_turns(state, rule, said_at) if said_at is not None else []


def _first_debt_info(state: CallState, rule: Rule) -> list[Found]:
    disclosure = rule.params.get("disclosure", "debt_collector_disclosure")
    for i in state.agent_turns():
        a = state.analyses[i]
        if a.has(disclosure):
            return []
        if state.listener[i] != DEBTOR:
            continue
        act = matching_act(a, rule.evidence)
        if act:
            return [(i, act.quote)]
    return []


def _after_debtor_act(state: CallState, rule: Rule) -> list[Found]:
    raised = set(rule.params.get("raised", []))
    unless = set(rule.params.get("unless", []))
    unless_same = set(rule.params.get("unless_same_turn", []))
    always = _specs(rule.params.get("always", []))
    yield_to = set(rule.params.get("yield_to", []))
    yield_acts = set(rule.params.get("yield_acts", []))
    raised_at = next((i for i in state.debtor_turns() if state.analyses[i].names & raised), None)
    if raised_at is None:
        return []
    out = []
    routed = False
    # Once an attorney or a stop request is on record, pressing on is that rule's finding;
    # only an outright dismissal still counts here.
    marks = [m for m in (state.attorney_at, state.cease_at) if m is not None]
    stop = min(marks) if marks else None
    for i in state.agent_turns():
        if i < raised_at:
            continue
        if stop is not None and i > stop:
            routed = True
        a = state.analyses[i]
        if yield_to and a.names & yield_acts and _last_raised(state, i) & yield_to:
            continue  # "I can't take medical matters into account" answers the illness: that rule's finding
        act = matching_act(a, always)
        if act is None and not routed and not (a.names & unless_same) and not (a.names & unless) \
                and not _takes_up_offer(state, i):
            act = matching_act(a, rule.evidence)
        routed = routed or bool(a.names & unless)
        if act:
            out.append((i, act.quote))
    return out


def _last_raised(state: CallState, i: int) -> set[str]:
    """What the debtor's latest disclosure before ``i`` was: a money problem (with or without an
    illness) or a vulnerability alone."""
    j = next((t for t in reversed(state.debtor_turns()) if t < i
              and state.analyses[t].names & {"hardship", "vulnerability"}), None)
    if j is None:
        return set()
    names = set(state.analyses[j].names)
    # asking for a plan or a hold ("forty quid a month, or put it on hold?") is a money request whatever else is said
    return {"hardship"} if names & {"hardship", "counter_offer"} else names & {"vulnerability"}


_INSISTING = frozenset({"demand_payment", "dismiss_dispute", "dismiss_hardship", "false_legal", "threat",
                        "explain_consequence"})


def _takes_up_offer(state: CallState, i: int) -> bool:
    """The agent only writes down terms the debtor proposed (not pressing for payment itself)."""
    prev = state.turn_before(i, "debtor")
    if prev is None:
        return False
    b, a = state.analyses[prev], state.analyses[i]
    if b.names & {"counter_offer", "accept_plan"} and not b.has("refuse") and not a.names & _INSISTING \
            and not _asks_beyond_offer(state, i):
        return True
    if _restates_offer(state, i):
        return True
    # a recap of what was already agreed, at the end of the call
    return bool(a.names & {"confirm_plan", "recap"} and a.names & {"goodbye", "thanks"} and not a.names & _INSISTING)


def _plan_terms(a: Analysis) -> tuple[set, set]:
    plans = [act for name in ("offer_plan", "confirm_plan") for act in a.all(name)]
    return ({x for act in plans for x in act.slots.get("amounts") or ()},
            {x for act in plans for x in act.slots.get("dates") or ()})


def _asks_beyond_offer(state: CallState, i: int) -> bool:
    """The agent takes the debtor's sum and adds one they never offered ("今天先还1000，剩下的7640
    下周也得补上"): the remainder is pressed for."""
    amounts, _ = _plan_terms(state.analyses[i])
    offered, _ = state.offered_before(i)
    return bool(amounts & offered) and bool(amounts - offered)


def _restates_offer(state: CallState, i: int) -> bool:
    """The agent's plan only repeats sums (and dates) the debtor offered earlier in the call:
    setting up the debtor's own offer ("今天这两千，您在App点立即还款") presses for nothing new."""
    a = state.analyses[i]
    if a.names & _INSISTING:
        return False
    amounts, dates = _plan_terms(a)
    if not amounts:
        return False
    offered_amounts, offered_dates = state.offered_before(i)
    return amounts <= offered_amounts and dates <= offered_dates


def _time_barred(state: CallState, rule: Rule) -> list[Found]:
    """Legal threats on a debt past its limitation period; where the pack says so (UK CONC 7.15.4),
    also any further demand once the customer has said it is statute-barred and they won't pay."""
    sc = state.transcript.scenario
    barred = sc.past_limitation(int(rule.params.get("years", 6)))
    out = _agent_act(state, rule) if barred else []
    after_claim = rule.params.get("after_claim")
    if after_claim and sc.time_barred is not False:
        claimed = next((i for i in state.debtor_turns() if state.analyses[i].has("claim_time_barred")), None)
        if claimed is not None:
            seen = {i for i, _ in out}
            out.extend(f for f in _pressing_turns_specs(state, _specs(after_claim), claimed) if f[0] not in seen)
    return out


def _no_identification(state: CallState, rule: Rule) -> list[Found]:
    # "a personal business matter" is lawful cover with a third party (1692b); it is the finding
    # only below, where the holder never hears the company at all
    out = [f for f in _agent_act(state, rule) if not _PERSONAL_MATTER.search(f[1])
           and not (state.analyses[f[0]].has("state_institution")  # a "yes" that names the firm
                    and not state.analyses[f[0]].has("refuse_identity"))]
    agent = state.agent_turns()
    # Asked who is calling, the agent answers without the company ("Doesn't matter. Pay today."),
    # the company never having been given before. Those refusals are the finding; failing that,
    # an agent who never says who they are (or only a first name) is found at the cover story
    # ("This is Dana ... a personal business matter") or where the account first comes up.
    out.extend(_refused_when_asked(state, agent))
    named = any(state.analyses[i].has("state_institution") for i in agent)
    if not out and agent and state.reached and not named:
        cover = next((i for i in agent if state.analyses[i].has("refuse_identity") and state.listener[i] == DEBTOR), None)
        anyone = any(state.analyses[i].has("introduce_self") for i in agent)
        first = cover if cover is not None else None if anyone else \
            next((i for i in agent if state.analyses[i].names & {"mention_account", "state_amount"}), agent[0])
        if first is not None:
            out.append((first, state.transcript.turns[first].text))
    return out


_PERSONAL_MATTER = re.compile(r"personal business matter", re.I)


def _refused_when_asked(state: CallState, agent: list[int]) -> list[Found]:
    out: list[Found] = []
    named = False
    for i in agent:
        a = state.analyses[i]
        asked = state.turn_before(i)
        if not named and asked is not None and state.transcript.turns[asked].speaker == "debtor" \
                and state.analyses[asked].has("ask_who_is_calling") and not a.names & {"state_institution", "introduce_self"}:
            out.append((i, state.transcript.turns[i].text))
        named = named or a.has("state_institution")
    return out


def _wrong_amount(state: CallState, rule: Rule) -> list[Found]:
    due = state.transcript.scenario.amount_due
    out = _agent_act(state, rule)
    for i in state.agent_turns():
        for act in state.analyses[i].all("state_amount"):
            amount = act.slots.get("amount")
            if amount and not act.slots.get("matches_case") and amount > due * 1.02 + 1:
                out.append((i, act.quote))
    out.extend(_fee_repeated(state, {i for i, _ in out}))
    return out


def _fee_repeated(state: CallState, found: set[int]) -> list[Found]:
    """A figure that first came with an invented fee ("$9.95 convenience fee, so $59.95 a month"),
    said again later ("So that's $59.95 on July 3rd"): the recap charges the fee again."""
    fee_at = next((i for i in state.agent_turns() if state.analyses[i].has("extra_fee")), None)
    if fee_at is None:
        return []
    before = {x for j in range(fee_at) for x, _ in _figures(state.analyses[j])}
    new = {x for x, _ in _figures(state.analyses[fee_at])} - before - {round(state.transcript.scenario.amount_due, 2)}
    out = []
    for i in state.agent_turns():
        if i > fee_at and i not in found:
            hit = next((quote for x, quote in _figures(state.analyses[i]) if x in new), None)
            if hit is not None:
                out.append((i, hit))
    return out


def _figures(a: Analysis) -> list[tuple[float, str]]:
    """Every sum an utterance's acts carry, rounded to cents, with the act's quote."""
    out = []
    for act in a.acts:
        values = act.slots.get("amounts") or ((act.slots["amount"],) if act.slots.get("amount") else ())
        out.extend((round(float(v), 2), act.quote) for v in values)
    return out


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...], lang: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I if lang == "en" else 0)


def _pattern(state: CallState, rule: Rule) -> list[Found]:
    patterns = tuple(rule.params.get(state.lang) or ())
    if not patterns:
        return []
    regex = _compiled(patterns, state.lang)
    out = []
    for i in state.agent_turns():
        m = regex.search(state.transcript.turns[i].text)
        if m:
            out.append((i, m.group()))
    return out


CHECKS: dict[str, Callable[[CallState, Rule], list[Found]]] = {
    "agent_act": _agent_act, "third_party": _third_party, "calling_hours": _calling_hours,
    "contact_frequency": _contact_frequency, "after_flag": _after_flag, "first_debt_info": _first_debt_info,
    "after_debtor_act": _after_debtor_act, "time_barred": _time_barred, "no_identification": _no_identification,
    "wrong_amount": _wrong_amount, "pattern": _pattern,
}


def find_violations(state: CallState, rules: Iterable[Rule]) -> list[Violation]:
    """Every violation of ``rules`` in the call, one per rule and turn, in turn order."""
    seen: set[tuple[str, int]] = set()
    out: list[Violation] = []
    rules_list = list(rules)
    for rule in rules_list:
        for turn, quote in CHECKS[rule.check](state, rule):
            if (rule.id, turn) not in seen:
                seen.add((rule.id, turn))
                out.append(Violation(rule.id, turn, quote, rule.severity, rule.source))
    superseded = {(old, v.turn) for rule in rules_list for v in out if v.rule == rule.id for old in rule.replaces}
    out = [v for v in out if (v.rule, v.turn) not in superseded]
    out.sort(key=lambda v: (v.turn, v.rule))
    return out
