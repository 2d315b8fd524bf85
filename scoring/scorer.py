"""``score(transcript)``: the whole verdict for one call, every point tied to its words."""

from __future__ import annotations

from typing import Any

from scoring.callstate import build
from scoring.outcome import judge_outcome, record_accurate
from scoring.rubric import Rubric, builtin_rubric
from scoring.rules import find_violations
from scoring.scorecard import Overall, Scorecard, ToneResult, Violation
from scoring.steps import StepJudgement, judge_steps
from scoring.tone import judge_tone
from scoring.transcript import Transcript, parse_transcript

_VIOLATION_COST = {"critical": 30, "major": 15, "minor": 5}
_TONE_COST = {"good": 0, "acceptable": 5, "poor": 15}


def score(transcript: Transcript | dict[str, Any], rubric: Rubric | None = None) -> Scorecard:
    """Score one call. ``transcript`` may be a parsed :class:`Transcript` or its JSON dict."""
    if not isinstance(transcript, Transcript):
        transcript = parse_transcript(transcript)
    rubric = rubric or builtin_rubric()
    state = build(transcript, rubric.lexicons)
    violations = find_violations(state, rubric.rules_for(transcript.scenario.jurisdiction))
    judged = judge_steps(state, rubric)
    tone = judge_tone(state, rubric, violations)
    accurate = record_accurate(state, judged.plan)
    overall = _overall(judged, violations, tone, accurate, rubric, transcript.language)
    return Scorecard(transcript.id, judged.steps, judged.order_ok, tuple(violations), tone, accurate,
                     judge_outcome(state, judged.plan), overall, transcript.language)


def _overall(judged: StepJudgement, violations: list[Violation], tone: ToneResult, accurate: bool,
             rubric: Rubric, lang: str) -> Overall:
    zh = lang == "zh"
    missing = [s for s, r in judged.steps.items() if r.applicable and not r.done]
    critical = [v for v in violations if v.severity == "critical"]
    reasons = [(f"严重违规：{v.rule}（第{v.turn}轮）" if zh else f"critical violation: {v.rule} (turn {v.turn})")
               for v in critical]
    reasons += [(f"违规：{v.rule}（第{v.turn}轮）" if zh else f"{v.severity} violation: {v.rule} (turn {v.turn})")
                for v in violations if v.severity != "critical"]
    if missing:
        names = ", ".join(s.value for s in missing)
        reasons.append(f"缺少步骤：{names}" if zh else f"missing steps: {names}")
    if not judged.order_ok:
        reasons.append("步骤顺序不对：核实身份前说了账户信息" if zh else "step order: account details before verification")
    if not accurate:
        reasons.append("通话记录与通话内容不符或缺失" if zh else "call record missing or not matching the call")
    if tone.level != "good":
        reasons.append(f"语气：{tone.level}" if zh else f"tone: {tone.level}")
    failed = bool(critical) or len(missing) >= 2
    cost = sum(_VIOLATION_COST.get(v.severity, 5) for v in violations)
    cost += rubric.steps.missing_step_penalty * len(missing) + _TONE_COST[tone.level]
    cost += (0 if judged.order_ok else 5) + (0 if accurate else 5)
    value = max(0, 100 - min(cost, 100))
    value = min(value, 59) if failed else max(value, 60)
    return Overall(value, "fail" if failed else "pass", tuple(reasons))
