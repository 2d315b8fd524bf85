"""Why the debtor chose its intent: the policy names the branch it took, with the figures.

Specific situations must give specific reasons (a threat hangs up on its trigger, an offer
above the means is countered with the amount against the lump sum, a plan within the means
is accepted, a plan that fits is stalled on low trust), every decision carries a reason in
both languages, and none of it changes what the debtor decides or what a transcript holds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from debtor_matrix import LANGS, PERSONAS, case_for
from debtor_scripts import MODEL_EN, MODEL_ZH, PUSHY_EN, PUSHY_ZH, THREAT_EN, THREAT_ZH, play

from simulator.catalog.loader import Catalog
from simulator.debtor.engine import Debtor
from simulator.debtor.perceive import Observation
from simulator.debtor.policy import Intent, policy
from simulator.debtor.reasons import REASONS, Why, explain
from simulator.debtor.terms import Terms
from simulator.session import CallSession

OPENING = [
    "您好，我是云港银行信用卡中心的小李，工号1234。请问是王磊先生吗？",
    "为了保护您的信息安全，麻烦您报一下身份证后四位。",
    "谢谢王先生。您名下的云港银行信用卡目前欠款12350元，已经逾期47天了。",
    "我理解，您方便说说是什么原因吗？",
    "明白，确实不容易。如果长期不处理，会产生违约金并影响征信，所以我们一起想个办法。",
    "违约金的事我可以帮您提交减免申请，具体以银行审核为准。",
]


def _debtor(catalog: Catalog, persona: str, lang: str = "zh") -> Debtor:
    return Debtor(catalog.persona(persona), catalog.case("cn-card-wanglei"), lang, seed=0)


def test_every_branch_has_words() -> None:
    """Both languages and equal slots per entry are checked with the other tables (tests/test_i18n.py)."""
    assert {w.value for w in Why} <= set(REASONS)


def test_a_threat_hangs_up_on_its_trigger(catalog: Catalog) -> None:
    debtor = _debtor(catalog, "angry")
    debtor.step(OPENING[0])
    step = debtor.step("你再不还钱我们就上门找你，让你好看！")
    assert step.intent.name == "hang_up"
    assert step.intent.why == Why.HANG_UP_TRIGGER
    assert "threat" in step.intent.because["said"]
    assert "threat" in explain(step.intent, "en") and "hang_up_when.on" in explain(step.intent, "zh")


def test_an_offer_above_the_means_is_countered_with_amount_against_lump_sum(catalog: Catalog) -> None:
    debtor = _debtor(catalog, "cooperative")
    for line in OPENING:
        debtor.step(line)
    lump = debtor.profile.means.lump_sum_now
    step = debtor.step("那您3月7号先还8000元可以吗？")
    assert step.intent.name == "counter_offer"
    assert step.intent.why == Why.COUNTER_TOO_MUCH
    assert step.intent.because["offer"] == 8000 and step.intent.because["lump"] == lump
    assert step.intent.slots["amount"] <= lump
    assert f"8,000 > {lump:,.0f}" in explain(step.intent, "en")
    assert "现在最多" in explain(step.intent, "zh")


def test_a_plan_within_the_means_is_accepted_because_it_fits(catalog: Catalog) -> None:
    debtor = _debtor(catalog, "cooperative")
    for line in OPENING:
        debtor.step(line)
    step = debtor.step("那3月8号先还2900元，之后每月还2200元，可以吗？")
    assert step.intent.name == "accept_plan"
    assert step.intent.why == Why.ACCEPT_FITS
    assert step.intent.because == {"offer": 2900, "lump": debtor.profile.means.lump_sum_now}
    assert explain(step.intent, "en").startswith("the plan fits the means (2,900 ≤")


def test_a_plan_that_fits_is_stalled_on_low_trust(catalog: Catalog) -> None:
    """Everything else in place; only trust is short: the reason names trust x < needed y."""
    debtor = _debtor(catalog, "cooperative")
    profile = debtor.profile
    means = profile.means
    state = replace(debtor.state, trust=0.1, mood=0.3, agent_named=True, institution_named=True,
                    objections_resolved=frozenset(o.id for o in profile.persona.objections))
    terms = Terms(means.lump_sum_now, means.earliest_date + timedelta(days=1))
    intent = policy(replace(state, offer=terms), Observation(terms=terms), profile)
    assert intent.name == "stall"
    assert intent.why == Why.STALL_NOT_READY
    assert intent.because == {"trust": 0.1, "min_trust": profile.min_trust}
    assert f"trust 0.10 < {profile.min_trust:.2f}" in explain(intent, "en")
    assert "信任 0.10 <" in explain(intent, "zh")


def test_unmet_needs_are_named_as_the_file_names_them(catalog: Catalog) -> None:
    debtor = _debtor(catalog, "cooperative")
    profile = debtor.profile
    terms = Terms(profile.means.lump_sum_now, profile.means.earliest_date)
    state = replace(debtor.state, trust=0.9, mood=0.5, agent_named=True,
                    objections_resolved=frozenset(o.id for o in profile.persona.objections), offer=terms)
    intent = policy(state, Observation(terms=terms), profile)
    assert intent.name == "ask_who_is_calling" and intent.why == Why.ASK_WHO_NEEDED  # said aloud first
    intent = policy(replace(state, last_intent="ask_who_is_calling"), Observation(terms=terms), profile)
    assert intent.why == Why.STALL_NOT_READY and intent.because["unmet"] == ("agent_identified",)


def test_mood_below_the_line_hangs_up_with_the_figures(catalog: Catalog) -> None:
    debtor = _debtor(catalog, "cooperative")
    intent = policy(replace(debtor.state, mood=-0.99), Observation(), debtor.profile)
    assert intent.name == "hang_up" and intent.why == Why.HANG_UP_MOOD
    assert explain(intent, "en") == f"mood -0.99 fell below the hang-up line {debtor.profile.mood_below:+.2f}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_decision_carries_a_reason(catalog: Catalog, persona: str, lang: str) -> None:
    scripts = [*(MODEL_ZH if lang == "zh" else MODEL_EN), THREAT_ZH[0] if lang == "zh" else THREAT_EN[0],
               PUSHY_ZH if lang == "zh" else PUSHY_EN]
    for script in scripts:
        played = play(catalog.persona(persona), catalog.case(case_for(persona)), lang, script)
        for intent in played.intents:
            assert intent.why in {w.value for w in Why}, intent
            assert explain(intent, lang) and "?" not in explain(intent, lang).replace("？", ""), intent


def test_reasons_change_no_decision_and_no_transcript(catalog: Catalog) -> None:
    """``why`` is outside equality and never written to a turn (TRANSCRIPT.md stays exact)."""
    assert Intent("stall", why=Why.STALL_LOW_TRUST) == Intent("stall")
    session = CallSession(catalog.persona("angry"), catalog.case("cn-card-wanglei"), "zh", seed=0)
    _ = session.pick_up().text
    _ = session.say(OPENING[0]).text
    assert session.steps[-1].intent.why == Why.CONFIRM_ASKED
    assert set(session.turns[-1]) == {"speaker", "text", "intent", "slots", "voice"}
    assert "why" not in str(session.transcript())
