"""Tone level (DOMAIN.md "Tone"): findings per agent turn, then good / acceptable / poor.

Most findings come straight from the analyser's tone cues; a few need the call around the
turn: brushing past a hardship the debtor just raised, pressing on after an attorney, a stop
request or a dispute, a cold delivery across the whole call, a hostile curt ending.
"""

from __future__ import annotations

import re

from scoring.analysis import Analysis, ToneFeature
from scoring.callstate import DEBTOR, CallState
from scoring.rubric import Rubric
from scoring.scorecard import ToneFinding, ToneResult, Violation

_CUE_KIND = {"command": "command", "pressure": "pressure", "interrupt": "interruption", "shouting": "shouting",
             "lecture": "lecturing", "familiar": "over_familiar", "minimise": "misleading",
             "stonewall": "cold"}
_PRESSING = frozenset({"demand_payment", "push_new_borrowing", "explain_consequence", "false_legal", "threat"})
_CARE = frozenset({"empathise", "hardship_route", "hardship_arrangement", "ask_reason"})
# Pressing on after an attorney, a stop request or a dispute is heard in the call; too many calls
# before this one is a compliance finding, not the voice of this call.
_PRESSING_CHECKS = frozenset({"after_flag", "after_debtor_act"})


def judge_tone(state: CallState, rubric: Rubric, violations: list[Violation]) -> ToneResult:
    """The tone level, score and findings of the agent's side of the call."""
    findings: list[ToneFinding] = []
    seen: set[tuple[int, str]] = set()

    def add(turn: int, kind: str, quote: str) -> None:
        if (turn, kind) not in seen:
            seen.add((turn, kind))
            findings.append(ToneFinding(turn, kind, quote))

    agent = state.agent_turns()
    closing_turns = set(agent[-2:])
    polite = 0
    for i in agent:
        a = state.analyses[i]
        if a.names & {"empathise", "thanks"} and not any(cue.kind == "polite" for cue in a.tone):
            polite += 1  # acknowledging feelings or thanking is warmth too ("That's completely understandable.")
        for cue in a.tone:
            if cue.kind == "polite":
                polite += 1
            elif cue.kind == "curt":
                if i in closing_turns:
                    add(i, "curt_ending", cue.quote)
            elif cue.kind == "intimidation" and _calm_legal_pressure(a, cue):
                add(i, "pressure", cue.quote)
            elif cue.kind == "dismissive" and not _vulnerable_before(state, i):
                # brushing past a money problem is a lapse; dismissing a disclosed vulnerability is poor
                add(i, "brush_past", cue.quote)
            else:
                add(i, _CUE_KIND.get(cue.kind, cue.kind), cue.quote)
    if agent and not state.analyses[agent[0]].names & {"greet", "thanks"} \
            and not any(cue.kind == "polite" for cue in state.analyses[agent[0]].tone):
        # "喂，石磊是吧？" / "Tariq Hussain? Gavin Price, Northway." : no greeting, no courtesy
        add(agent[0], "cold", state.transcript.turns[agent[0]].text[:80])
    if len(agent) >= 3 and state.reached and _hangs_up_bare(state, agent[-1]):
        # "行，记下了。" [坐席挂断]: the call dropped with no thanks and no goodbye
        add(agent[-1], "cold", state.transcript.turns[agent[-1]].text[:80])
    for j in state.debtor_turns():
        b = state.analyses[j]
        if not b.names & {"hardship", "vulnerability"}:
            continue
        nxt = next((i for i in agent if i > j), None)
        if nxt is None:
            continue
        a = state.analyses[nxt]
        before = next((i for i in reversed(agent) if i < j), None)
        if before is not None and state.analyses[before].has("empathise"):
            continue  # "我说慢一点，不着急" just before "我这耳朵不大灵光": the care came first
        # A vulnerable relative is brushed past only by pressure; to the debtor, carrying on unmoved is enough.
        vulnerable = b.has("vulnerability") and state.listener[j] == DEBTOR
        if not a.names & _CARE and (a.names & _PRESSING or vulnerable):
            add(nxt, "brush_past", state.transcript.turns[nxt].text[:80])
    rules = {r.id: r for r in rubric.rules_for(state.transcript.scenario.jurisdiction)}
    for v in violations:
        rule = rules.get(v.rule)
        if rule is not None and v.turn in agent and (rule.check in _PRESSING_CHECKS
                                                     or rule.check == "calling_hours" and v.turn > 0):
            # pressing on after an attorney, a stop request, a dispute or a ruled-out time or place
            add(v.turn, "pressure", v.quote)
        elif rule is not None and v.turn in agent and rule.check == "time_barred":
            add(v.turn, "misleading", v.quote)  # "still totally enforceable in court", said kindly, misleads
    for prev, nxt in zip(agent, agent[1:], strict=False):
        if _repeats(state.transcript.turns[prev].text, state.transcript.turns[nxt].text) \
                and not state.analyses[nxt].names & {"thanks", "goodbye", "greet"}:
            # the same line again to a customer who did not follow: mechanical delivery
            add(nxt, "cold", state.transcript.turns[nxt].text[:80])
    if len(agent) >= 3 and polite / len(agent) < rubric.tone.polite_share_min:
        add(agent[0], "cold", state.transcript.turns[agent[0]].text[:80])
    findings.sort(key=lambda f: (f.turn, f.kind))
    kinds = {f.kind for f in findings}
    level = "poor" if kinds & set(rubric.tone.poor) else "acceptable" if kinds & set(rubric.tone.acceptable) else "good"
    cost = sum(rubric.tone.weights.get(f.kind, 5) for f in findings)
    score = max(0, 100 - cost)
    score = min(score, 49) if level == "poor" else min(score, 84) if level == "acceptable" else max(score, 85)
    return ToneResult(level, score, tuple(findings))


_POOR_CUES = frozenset({"shouting", "command"})
_EDGES = " \t\n。，、！？!?.,;；:：~～…\"“”'‘’"


def _repeats(before: str, after: str) -> bool:
    """The agent's turn only repeats (six characters or more of) the one before it."""
    core = after.strip(_EDGES)
    return len(core) >= 6 and core.lower() in before.lower()


def _hangs_up_bare(state: CallState, last: int) -> bool:
    """The agent's last word has no thanks, goodbye or courtesy, and the debtor gets no goodbye either."""
    a = state.analyses[last]
    if a.names & {"thanks", "goodbye", "greet", "empathise"} or any(cue.kind == "polite" for cue in a.tone):
        return False
    turns = state.transcript.turns
    later = range(last + 1, len(turns))
    if any(turns[j].speaker == "system" and _THEY_HUNG_UP.search(turns[j].text) for j in later):
        return False  # the debtor cut the agent off: no chance to sign off
    return not any(turns[j].speaker == "debtor" and state.analyses[j].names & {"goodbye", "hang_up"} for j in later)


_THEY_HUNG_UP = re.compile(r"(客户|对方|债务人|用户)(已)?(挂断|挂机)|\b(customer|consumer|caller|debtor|they) (hung up|disconnected)|"
                           r"\bended by (the )?(customer|consumer|debtor)\b", re.I)


def _vulnerable_before(state: CallState, i: int) -> bool:
    """The debtor disclosed a vulnerability (illness, bereavement, ...) before turn ``i``, or no
    hardship at all was raised (a dismissal out of the blue stays a dismissal)."""
    raised = [j for j in state.debtor_turns() if j < i and state.analyses[j].names & {"hardship", "vulnerability"}]
    return not raised or any(state.analyses[j].has("vulnerability") for j in raised)


def _calm_legal_pressure(a: Analysis, cue: ToneFeature) -> bool:
    """An exaggerated legal step (suit "next Monday", a blacklist) said politely and calmly is false
    urgency (acceptable), not intimidation; a crime, arrest or police claim always intimidates."""
    act = next((x for x in a.all("false_legal") if x.start == cue.start), None)
    kind = act.slots.get("kind") if act is not None else None
    if act is None or kind in ("crime", "arrest") or isinstance(kind, tuple):
        return False
    kinds = a.tone_kinds()
    polite = "polite" in kinds or a.has("empathise")
    return polite and not kinds & _POOR_CUES and not a.names & {"threat", "insult", "contempt", "sarcasm",
                                                              "mention_contacts"}
