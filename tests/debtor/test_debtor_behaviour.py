"""The behaviour matrix: scripted calls per persona, in zh and en, over several seeds.

Each test checks the *direction* of mood and trust, the intents that must or must not
appear and the outcome; never the wording.
"""

from __future__ import annotations

import pytest
from debtor_matrix import HOLDERS, LANGS, PAIRS, PERSONAS, SEEDS, case_for
from debtor_scripts import (
    CALLBACK_EN,
    CALLBACK_ZH,
    DISCLOSE_EN,
    DISCLOSE_ZH,
    JARGON_EN,
    JARGON_ZH,
    PUSHY_EN,
    PUSHY_ZH,
    THREAT_EN,
    THREAT_ZH,
    UNVERIFIED_EN,
    UNVERIFIED_ZH,
    VAGUE_EN,
    VAGUE_ZH,
    listening_trainee,
    play,
)

from simulator.catalog.loader import Catalog

DEALS = {"accept_plan"}
NEVER_FROM_A_THIRD_PARTY = {"confirm_identity", "accept_plan", "counter_offer", "dispute"}


def _cases(persona: str) -> list[str]:
    return sorted({c for p, c in PAIRS if p == persona})


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_threats_and_insults_end_the_call(catalog: Catalog, persona: str, lang: str) -> None:
    p = catalog.persona(persona)
    for script in THREAT_ZH if lang == "zh" else THREAT_EN:
        for seed in SEEDS:
            played = play(p, catalog.case(case_for(persona)), lang, script, seed=seed)
            assert not DEALS & set(played.names)
            assert played.final.agreed is None
            assert played.final.mood < played.start.mood
            assert played.final.trust <= played.start.trust
            assert played.final.hung_up, (script[1], played.names)
            assert played.names[-1] == "hang_up"
            assert played.outcome in ("hung_up", "wrong_party")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("persona", HOLDERS)
def test_pushy_full_payment_call_never_succeeds(catalog: Catalog, persona: str, lang: str) -> None:
    """Repeating the demand lowers patience and never raises willingness; the call fails."""
    script = PUSHY_ZH if lang == "zh" else PUSHY_EN
    for case in _cases(persona):
        for seed in SEEDS:
            played = play(catalog.persona(persona), catalog.case(case), lang, script, seed=seed)
            assert played.final.agreed is None, (case, seed, played.names)
            assert "accept_plan" not in played.names
            demands = played.states[3:]  # after the opening and the check
            assert all(b.patience < a.patience for a, b in zip(demands, demands[1:], strict=False)), "each demand costs patience"
            assert all(b.trust <= a.trust for a, b in zip(demands, demands[1:], strict=False)), "insisting never builds trust"
            assert played.final.mood < played.states[2].mood
            means = played.session.debtor.profile.means
            for intent in played.intents:
                if intent.name == "counter_offer":
                    assert intent.slots["amount"] <= means.lump_sum_now + 0.5


@pytest.mark.parametrize("lang", LANGS)
def test_patience_runs_out_and_the_debtor_hangs_up(catalog: Catalog, lang: str) -> None:
    script = (PUSHY_ZH if lang == "zh" else PUSHY_EN) + (PUSHY_ZH if lang == "zh" else PUSHY_EN)[2:] * 3
    for persona in ("angry", "evasive", "hardship", "abusive", "cooperative"):
        played = play(catalog.persona(persona), catalog.case(case_for(persona)), lang, script)
        assert played.final.hung_up, (persona, played.names)
        assert played.session.over


@pytest.mark.parametrize("lang", LANGS)
def test_confused_asks_about_jargon_and_calms_when_it_is_explained(catalog: Catalog, lang: str) -> None:
    script = JARGON_ZH if lang == "zh" else JARGON_EN
    for case in _cases("confused"):
        for seed in SEEDS:
            played = play(catalog.persona("confused"), catalog.case(case), lang, script, seed=seed)
            assert played.names[2] == "ask_clarify", played.names
            assert played.intents[2].slots.get("term")
            after_jargon, explained = played.states[3], played.states[4]
            assert after_jargon.mood < played.states[2].mood, "jargon unsettles her"
            assert explained.mood > after_jargon.mood and explained.trust > after_jargon.trust, "an explanation calms her"
            assert played.names[3] != "ask_clarify"
            assert not played.final.hung_up


@pytest.mark.parametrize("lang", LANGS)
def test_evasive_denies_until_the_agent_opens_properly(catalog: Catalog, lang: str) -> None:
    script = UNVERIFIED_ZH if lang == "zh" else UNVERIFIED_EN
    for case in _cases("evasive"):
        for seed in SEEDS:
            played = play(catalog.persona("evasive"), catalog.case(case), lang, script, seed=seed)
            assert played.names[0] in ("deny_identity", "ask_who_is_calling")
            assert "deny_identity" in played.names
            assert not {"confirm_identity", "accept_plan", "counter_offer", "explain_situation"} & set(played.names)
            assert played.final.trust <= played.start.trust
            assert played.final.agreed is None
    proper = listening_trainee(catalog.persona("evasive"), catalog.case(case_for("evasive")), lang)
    assert proper.names[0] == "confirm_identity", "a proper opening gets an admission"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("persona", HOLDERS)
def test_an_unverified_pushy_call_does_not_succeed(catalog: Catalog, persona: str, lang: str) -> None:
    script = UNVERIFIED_ZH if lang == "zh" else UNVERIFIED_EN
    for seed in SEEDS:
        played = play(catalog.persona(persona), catalog.case(case_for(persona)), lang, script, seed=seed)
        assert played.final.agreed is None and "accept_plan" not in played.names
        assert played.final.trust <= played.start.trust + 0.05


@pytest.mark.parametrize("lang", LANGS)
def test_cooperative_still_needs_an_amount_and_a_date(catalog: Catalog, lang: str) -> None:
    script = VAGUE_ZH if lang == "zh" else VAGUE_EN
    for case in _cases("cooperative"):
        for seed in SEEDS:
            played = play(catalog.persona("cooperative"), catalog.case(case), lang, script, seed=seed)
            assert "accept_plan" not in played.names, (case, played.names)
            assert played.final.agreed is None
            assert played.outcome != "promise_to_pay"
            assert not played.final.hung_up
            assert played.final.mood > -0.2, "she stays friendly"


@pytest.mark.parametrize("lang", LANGS)
def test_relative_never_confirms_or_promises(catalog: Catalog, lang: str) -> None:
    for case in _cases("relative"):
        for script in DISCLOSE_ZH if lang == "zh" else DISCLOSE_EN:
            for seed in SEEDS:
                played = play(catalog.persona("relative"), catalog.case(case), lang, script, seed=seed)
                assert not NEVER_FROM_A_THIRD_PARTY & set(played.names), played.names
                assert played.final.agreed is None and played.final.counter is None
                assert played.final.mood < played.start.mood and played.final.trust < played.start.trust
                assert played.outcome in ("wrong_party", "callback")


@pytest.mark.parametrize("lang", LANGS)
def test_relative_takes_a_call_back_message(catalog: Catalog, lang: str) -> None:
    for case in _cases("relative"):
        for seed in SEEDS:
            played = play(catalog.persona("relative"), catalog.case(case), lang,
                          CALLBACK_ZH if lang == "zh" else CALLBACK_EN, seed=seed)
            assert "take_message" in played.names
            assert played.names.count("deny_identity") >= 2, "asked twice, she says twice it is not her"
            assert not NEVER_FROM_A_THIRD_PARTY & set(played.names)
            assert played.outcome == "callback"
            assert not played.final.hung_up


@pytest.mark.parametrize("lang", LANGS)
def test_hardship_refuses_the_full_amount_and_accepts_an_affordable_plan(catalog: Catalog, lang: str) -> None:
    zh = lang == "zh"
    opening = ["您好，我是{inst}的李娜，工号3021，请问是{name}本人吗？", "{fact_q}。"] if zh else \
        ["Hi, this is Sarah Lee from {inst}, staff number 3021. Am I speaking with {name}?", "{fact_q}?"]
    full = ["我理解您的难处。您看能不能{plan_date}把{amount}一次性全部还清？"] if zh else \
        ["I understand it's hard. Could you clear the full {amount} in one go by {plan_date}?"]
    for case in _cases("hardship"):
        for seed in SEEDS:
            played = play(catalog.persona("hardship"), catalog.case(case), lang, opening + full * 2, seed=seed)
            assert "accept_plan" not in played.names
            assert set(played.names[2:]) & {"refuse", "object", "explain_situation", "counter_offer"}
            assert played.states[-1].mood < played.states[2].mood
            good = listening_trainee(catalog.persona("hardship"), catalog.case(case), lang, seed=seed)
            assert good.outcome == "hardship_plan"
            assert good.final.agreed.amount < catalog.case(case).amount_due * 0.1


@pytest.mark.parametrize("lang", LANGS)
def test_disputer_will_not_pay_until_the_dispute_is_routed(catalog: Catalog, lang: str) -> None:
    zh = lang == "zh"
    open_ = ["您好，我是{inst}的李娜，工号3021，请问是{name}本人吗？", "{fact_q}。",
             "您的账户有{amount}逾期{days}天了，逾期会产生违约金。",
             "我理解您的心情，给您添麻烦了，真的很抱歉。"] if zh else \
        ["Hi, this is Sarah Lee from {inst}, staff number 3021. Am I speaking with {name}?", "{fact_q}?",
         "Your account has {amount} that is {days} days past due; late fees apply under the agreement.",
         "I completely understand, and I'm sorry for the trouble."]
    plan = ["您看{plan_date}先还{plan}，之后每月{monthly}，可以吗？"] if zh else \
        ["Could you do {plan} on {plan_date}, then {monthly} a month?"]
    route = ["您说的这笔还款，我马上登记下来，提交核实，核实清楚前这部分不会要求您还。"] if zh else \
        ["I've logged your dispute about that payment and passed it to our investigations team; we won't ask you to pay that part until it's checked."]
    full = ["那就请您{plan_date}前把{amount}全部还清。"] if zh else ["Then please pay the full {amount} by {plan_date}."]
    for case in _cases("disputer"):
        for seed in SEEDS:
            ignored = play(catalog.persona("disputer"), catalog.case(case), lang, open_ + plan * 3, seed=seed)
            assert "dispute" in ignored.names, "she raises the dispute"
            assert "accept_plan" not in ignored.names and ignored.final.agreed is None
            routed = play(catalog.persona("disputer"), catalog.case(case), lang, open_ + route + plan + plan, seed=seed)
            assert "dispute" in routed.names
            assert routed.final.agreed is not None, routed.names
            assert routed.final.agreed.amount <= catalog.case(case).amount_due - 500
            in_full = play(catalog.persona("disputer"), catalog.case(case), lang, open_ + route + full, seed=seed)
            assert in_full.final.agreed is None, "not the disputed part, and not on the phone"


@pytest.mark.parametrize("lang", LANGS)
def test_abusive_insults_or_threatens_the_agent(catalog: Catalog, lang: str) -> None:
    script = PUSHY_ZH if lang == "zh" else PUSHY_EN
    for case in _cases("abusive"):
        for seed in SEEDS:
            played = play(catalog.persona("abusive"), catalog.case(case), lang, script, seed=seed)
            assert {"threaten_agent", "vent"} & set(played.names), played.names
            assert played.final.agreed is None


@pytest.mark.parametrize("lang", LANGS)
def test_angry_vents_then_calms_with_empathy(catalog: Catalog, lang: str) -> None:
    for case in _cases("angry"):
        for seed in SEEDS:
            played = listening_trainee(catalog.persona("angry"), catalog.case(case), lang, seed=seed)
            assert "vent" in played.names or "object" in played.names
            empathic = [i for i, text in enumerate(played.said) if "理解" in text or "understand" in text.lower()]
            assert empathic
            for i in empathic:
                assert played.states[i + 1].mood > played.states[i].mood
            assert played.outcome == "promise_to_pay"


def test_difficulty_scales_thresholds_in_one_place(catalog: Catalog) -> None:
    from simulator.debtor.profile import bind

    persona, case = catalog.persona("angry"), catalog.case("cn-card-wanglei")
    easy, medium, hard = (bind(persona, case, "zh", level) for level in ("easy", "medium", "hard"))
    assert easy.min_trust < medium.min_trust < hard.min_trust
    assert easy.patience > medium.patience > hard.patience
    assert easy.reactions["threat"].mood > medium.reactions["threat"].mood > hard.reactions["threat"].mood
    assert easy.reactions["empathise"].mood > hard.reactions["empathise"].mood
    assert easy.means == hard.means, "difficulty changes temperament, never the truth"


@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
def test_difficulty_never_lets_a_pushy_call_through(catalog: Catalog, difficulty: str) -> None:
    for persona in HOLDERS:
        played = play(catalog.persona(persona), catalog.case(case_for(persona)), "zh", PUSHY_ZH, difficulty=difficulty)
        assert played.final.agreed is None
