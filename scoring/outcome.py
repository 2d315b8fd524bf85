"""What the call achieved (promise, amount, date, the debtor's mood) and whether the filed
record says the same."""

from __future__ import annotations

from datetime import date

from scoring.callstate import CallState
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
    if record.outcome not in allowed:
        return False
    if plan is None:
        return record.promised_amount is None or record.promised_amount == 0
    if record.promised_amount is not None and plan.amounts and not any(
            abs(record.promised_amount - a) <= max(1.0, 0.01 * a) for a in plan.amounts):
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


def _same_day(recorded: date, said: str, year_known: bool) -> bool:
    found = date.fromisoformat(said)
    return recorded == found if year_known else (recorded.month, recorded.day) == (found.month, found.day)
