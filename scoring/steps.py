"""The five steps (DOMAIN.md): done, applicable, evidence turns and a tip, plus step order.

A step is done only when all of its definition happened; late still counts (order is its
own finding). Steps 2-4 are not applicable when the account holder is never reached, or
when an attorney or a stop-contact request cuts the call short before they were done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.analysis import Analysis
from scoring.callstate import DEBTOR, THIRD, CallState
from scoring.plan import Plan, _terms, find_plan
from scoring.rubric import Rubric
from scoring.scorecard import StepResult
from scoring.vocab import Step

_DEBT_INFO = frozenset({"state_amount", "state_overdue", "disclose_debt", "mention_account", "ask_third_party_pay"})
_DISCLOSURE = frozenset({"state_amount", "state_overdue", "disclose_debt", "ask_third_party_pay"})


@dataclass(frozen=True)
class StepJudgement:
    steps: dict[Step, StepResult]
    order_ok: bool
    plan: Plan | None
    verified_turn: int | None


def _first(state: CallState, turns: list[int], act: str) -> int | None:
    return next((i for i in turns if state.analyses[i].has(act)), None)


def _identity(state: CallState) -> tuple[bool, list[int], str, int | None]:
    """(done, evidence turns, missing part, turn at which the holder was verified)."""
    agent = state.agent_turns()
    leaked = [i for i in agent if state.listener[i] == THIRD and state.analyses[i].names & _DISCLOSURE]
    # Posing as a court, lawyer or agency spoils the introduction; a false claim made after the
    # agent had already given their real firm ("we work with the Department of Education") is
    # that rule's finding, not a false introduction.
    real = next((i for i in agent if state.analyses[i].has("state_institution")), None)
    posing = [(i, bool(_OFFICIAL.search(act.quote))) for i in agent for act in state.analyses[i].all("impersonation")
              if not (real is not None and i > real and _AFFILIATION.search(act.quote))]
    if posing and not state.reached:
        return False, [], "impersonation", None
    if not state.reached:
        told = [i for i in state.debtor_turns() if state.analyses[i].names & {"not_debtor", "wrong_number", "relative"}
                or state.transcript.turns[i].raw_speaker == "third_party"]
        turns = sorted({*agent[:1], *told[:1]})
        return bool(told) and not leaked, turns, "third_party", None
    intro = _first(state, agent, "introduce_self")
    inst = _first(state, agent, "state_institution")
    checks = [i for i in agent if state.analyses[i].has("ask_identity_check") and state.listener[i] == DEBTOR]
    check = checks[0] if checks else None
    answer = None
    for asked in checks:  # "Troy from where?" answers a check with a question; the next check is answered
        for j in state.debtor_turns():
            if j <= asked:
                continue
            b = state.analyses[j]
            if b.has("give_verification") or (b.names & {"confirm_identity", "answer"}
                                              and not b.names & {"refuse", "deny_identity", "not_debtor"}):
                answer = j
                break
            if b.names & {"refuse", "deny_identity", "not_debtor", "ask_who_is_calling"}:
                break
        if answer is not None:
            check = asked
            break
    turns = sorted(i for i in (intro, inst, check, answer) if i is not None)
    # "I'm with the legal department" after the real firm and a passed check is that rule's
    # finding; the introduction itself was true. Becoming someone else ("我其实是经侦大队的民警",
    # a lawyer) is posing as someone else whenever it comes (DOMAIN.md).
    impersonated = any(official or answer is None or i <= answer or real is None for i, official in posing)
    if impersonated:  # still verified (the order check needs it), but not done
        return False, [], "impersonation", answer
    # A relative who grabs the phone after the holder was verified and hears the debt is that
    # rule's finding; the identity step was already done right.
    if any(answer is None or i < answer for i in leaked):
        return False, turns, "third_party", answer
    if intro is None or inst is None:
        return False, turns, "introduce", answer
    if answer is None:
        return False, turns, "check", None
    return True, turns, "", answer


_OFFICIAL = re.compile(r"律师|民警|警察|警官|公安|经侦|法官|检察|法院的|执行局|\b(lawyer|attorney|police|officer|detective|sheriff|"
                       r"deputy|judge|marshal|solicitor|bailiff|enforcement agent|investigator)\b", re.I)
_AFFILIATION = re.compile(r"partner|work(s|ing)?\b|alongside|affiliat|associat|cooperat|liais|conjunction|hand in hand|"
                          r"合作|对接|联动|联网|委派|委托|指派", re.I)


def _days_ok(days: int | None, due: int) -> bool:
    return days is not None and abs(days - due) <= max(7, 0.25 * due)


def _reminder(state: CallState, turns: list[int], rubric: Rubric) -> tuple[bool, list[int], str]:
    due_days = state.transcript.scenario.days_overdue
    amount = next((i for i in turns for act in state.analyses[i].all("state_amount") if act.slots.get("matches_case")),
                  None)
    overdue = next((i for i in turns for act in state.analyses[i].all("state_overdue")
                    if _days_ok(act.slots.get("days"), due_days)), None)
    sc = state.transcript.scenario
    # On a debt past its limitation period (the pack's time-barred rule says how long) a suit is
    # no true consequence
    limit = next((int(r.params.get("years", 6)) for r in rubric.rules_for(sc.jurisdiction) if r.check == "time_barred"), None)
    barred = sc.past_limitation(limit) if limit is not None else bool(sc.time_barred)
    consequence = next((i for i in turns if _true_consequence(state.analyses[i], barred)), None)
    evidence = sorted({i for i in (amount, overdue, consequence) if i is not None})
    for part, found in (("amount", amount), ("overdue", overdue), ("consequence", consequence)):
        if found is None:
            return False, evidence, part
    return True, evidence, ""


def _true_consequence(a: Analysis, barred: bool = False) -> bool:
    """A lawful consequence said in its own words, not the true half of a false one ("拉进征信黑名单"),
    nor a suit on a time-barred debt."""
    false = [f.start for f in a.all("false_legal")]
    return any(not any(c.start <= s < c.end for s in false)
               and not (barred and set(c.slots.get("kinds") or ()) <= {"legal"})
               for c in a.all("explain_consequence"))


def _support(state: CallState, turns: list[int]) -> tuple[bool, list[int], str]:
    helpful = [i for i in turns if state.analyses[i].names & {"payment_channel", "hardship_route", "dispute_route"}
               and not state.analyses[i].has("personal_account")]
    if helpful:
        return True, helpful[:3], ""
    personal = any(state.analyses[i].has("personal_account") for i in turns)
    return False, [], "personal_account" if personal else ""


def _closing(state: CallState, agreed: Plan | None) -> tuple[bool, list[int], str]:
    agent = state.agent_turns()
    last = agent[-3:]
    recap = next((i for i in reversed(last) if state.analyses[i].has("recap") or _restates(state, i, agreed)
                  or _repeats_callback(state, i)), None)
    signoff = next((i for i in reversed(agent[-2:]) if state.analyses[i].names & {"goodbye", "thanks"}), None)
    turns = sorted({i for i in (recap, signoff) if i is not None})
    if recap is None:
        return False, turns, "recap"
    if signoff is None:
        return False, turns, "signoff"
    if state.transcript.record is None:
        return False, turns, "record"
    return True, turns, ""


_PHONE = re.compile(r"\d[\d\s().-]{5,}\d")


def _repeats_callback(state: CallState, i: int) -> bool:
    """The callback number given in an earlier call-back request, said again at the end
    ("Darlene at Magnolia, 1-800-555-0152, extension 7"): the call-back request recapped."""
    numbers = {re.sub(r"\D", "", m.group()) for m in _PHONE.finditer(state.transcript.turns[i].text)}
    numbers = {n for n in numbers if len(n) >= 7}
    if not numbers:
        return False
    return any(state.analyses[j].has("recap") and numbers & {re.sub(r"\D", "", m.group())
                                                               for m in _PHONE.finditer(state.transcript.turns[j].text)}
               for j in state.agent_turns() if j < i)


def _restates(state: CallState, i: int, agreed: Plan | None) -> bool:
    """Turn ``i`` sums up the outcome: a plan turn with a recap word, or (no word needed) one that
    repeats terms already on the table: the date and the amount said earlier in the call
    ("好，3月20号还3000，4月15号前还4340，手机银行还")."""
    a = state.analyses[i]
    if agreed is None:
        return False  # no outcome to sum up: "这个情况我记一下。但是要尽快全额还款" repeats a demand
    for act in a.acts:
        if act.name in ("confirm_plan", "offer_plan") and (act.slots.get("amounts") or act.slots.get("dates")):
            if a.has("confirm_plan") or a.has("recap"):
                return True
            dates = set(act.slots.get("dates") or ())
            if not dates:
                continue
            earlier = [_terms(state.analyses[j]) for j in range(i) if state.listener[j] == DEBTOR]
            said_dates = {d for t in earlier for d in t[1]}
            said_amounts = {x for t in earlier for x in t[0]}
            amounts = set(act.slots.get("amounts") or ())
            if dates & said_dates and (amounts & said_amounts or not said_amounts):
                return True
    return False


def _cutoff(state: CallState) -> int | None:
    """The turn after which collecting must stop (attorney named, stop-contact request)."""
    sc = state.transcript.scenario
    if sc.attorney_on_record or sc.cease_requested:
        return 0
    marks = [i for i in (state.attorney_at, state.cease_at) if i is not None]
    return min(marks) if marks else None


def judge_steps(state: CallState, rubric: Rubric) -> StepJudgement:
    """Every step's result and whether the order held."""
    lang = state.lang
    spec = rubric.steps.steps
    results: dict[Step, StepResult] = {}

    def result(step: Step, done: bool, applicable: bool, turns: list[int], missing: str) -> StepResult:
        tip = None
        if not done and applicable:
            tip_text = spec[step].tips.get(missing) or spec[step].tip
            tip = tip_text.get(lang)
        return StepResult(done, applicable, tuple(turns), tip)

    ident_done, ident_turns, ident_missing, verified = _identity(state)
    results[Step.IDENTITY] = result(Step.IDENTITY, ident_done, True, ident_turns, ident_missing)

    cutoff = _cutoff(state)
    end = len(state.transcript.turns) if cutoff is None else cutoff
    collect_turns = [i for i in state.agent_turns() if i < end and state.listener[i] == DEBTOR]
    reached = state.reached
    rem_done, rem_turns, rem_missing = _reminder(state, collect_turns, rubric)
    plan = find_plan(state, end)
    sup_done, sup_turns, sup_missing = _support(state, collect_turns)
    for step, done, turns, missing in (
        (Step.REMINDER, rem_done, rem_turns, rem_missing),
        (Step.NEGOTIATION, plan is not None, list(plan.turns) if plan else [], "concrete"),
        (Step.SUPPORT, sup_done, sup_turns, sup_missing),
    ):
        applicable = reached and (done or cutoff is None)
        results[step] = result(step, done and reached, applicable, turns if done else [], missing)
    agreed = find_plan(state)
    close_done, close_turns, close_missing = _closing(state, agreed)
    results[Step.CLOSING] = result(Step.CLOSING, close_done, True, close_turns, close_missing)
    return StepJudgement(results, _order_ok(state, verified, results), agreed or plan, verified)


def _order_ok(state: CallState, verified: int | None, results: dict[Step, StepResult]) -> bool:
    """No account detail before the holder is verified (and none ever to a third party)."""
    for i in state.agent_turns():
        if verified is not None and i > verified and state.listener[i] == DEBTOR:
            break
        if state.analyses[i].names & _DEBT_INFO:
            return False
    closing = results[Step.CLOSING]
    if closing.done and closing.turns:
        last_close = max(closing.turns)
        for step in (Step.REMINDER, Step.NEGOTIATION, Step.SUPPORT):
            if results[step].done and results[step].turns and min(results[step].turns) > last_close:
                return False
    return True
