"""The weakest skill, named and tipped in the trainee's language (``debtsim progress`` and the app).

Step names and tips come from the rubric, so a trainer's rubric changes them everywhere.
"""

from __future__ import annotations

from typing import Any

from simulator.i18n import t


def with_tip(weakest: dict[str, Any] | None, lang: str) -> dict[str, Any] | None:
    """The weakest skill with its name and tip in ``lang``, from the rubric."""
    if weakest is None:
        return None
    from scoring.rubric import builtin_rubric
    from scoring.vocab import Step

    rubric = builtin_rubric()
    skill = weakest["skill"]
    out = dict(weakest)
    if skill in {s.value for s in Step}:
        spec = rubric.steps.steps[Step(skill)]
        out["name"], out["tip"] = spec.title.get(lang), spec.tip.get(lang)
    elif skill == "compliance" and weakest.get("rule"):
        rule = rubric.rule(weakest["rule"])
        title = rule.title.get(lang) if rule is not None else weakest["rule"]
        out["name"] = t("skill.compliance", lang)
        out["tip"] = t("progress.tip.compliance", lang, rule=weakest["rule"], title=title)
    else:
        out["name"] = t(f"skill.{skill}", lang)
        out["tip"] = t("progress.tip.tone", lang)
    return out
