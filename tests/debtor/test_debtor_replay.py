"""A seed replays a call exactly; the template voice never says the same line twice in a row;
slots come from the case (the verification fact asked for) and the persona (the reason)."""

from __future__ import annotations

import pytest
from debtor_matrix import LANGS, PAIRS, PERSONAS, case_for
from debtor_scripts import PUSHY_ZH, listening_trainee, play

from simulator.catalog.loader import Catalog


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_a_seed_replays_the_call_exactly(catalog: Catalog, persona: str, lang: str) -> None:
    p, case = catalog.persona(persona), catalog.case(case_for(persona))
    for seed in (0, 1, 7):
        a = listening_trainee(p, case, lang, seed=seed)
        b = listening_trainee(p, case, lang, seed=seed)
        assert a.session.transcript() == b.session.transcript()
        assert a.states == b.states
        assert a.intents == b.intents


def test_seeds_vary_wording_not_decisions(catalog: Catalog) -> None:
    p, case = catalog.persona("angry"), catalog.case("cn-card-wanglei")
    runs = [listening_trainee(p, case, "zh", seed=seed) for seed in range(6)]
    assert len({tuple(r.replies) for r in runs}) > 1, "the seed varies the words"
    assert len({r.outcome for r in runs}) == 1
    assert all(abs(r.start.mood - p.temperament.mood) <= 0.05 for r in runs)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("persona", "case"), PAIRS)
def test_the_voice_never_repeats_itself_back_to_back(catalog: Catalog, persona: str, case: str, lang: str) -> None:
    for script in (PUSHY_ZH,):
        played = play(catalog.persona(persona), catalog.case(case), lang, script)
        replies = played.replies
        assert all(a != b for a, b in zip(replies, replies[1:], strict=False)), replies
    good = listening_trainee(catalog.persona(persona), catalog.case(case), lang)
    assert all(a != b for a, b in zip(good.replies, good.replies[1:], strict=False)), good.replies


@pytest.mark.parametrize("lang", LANGS)
def test_the_fact_asked_for_is_the_case_fact_given(catalog: Catalog, lang: str) -> None:
    zh = lang == "zh"
    asks = {
        "id_last4": "麻烦报一下身份证后四位。" if zh else "Could you give me the last four digits of your ID?",
        "phone_last4": "麻烦说一下预留手机号的后四位。" if zh else "Could you confirm the last four of the mobile number on file?",
        "date_of_birth": "麻烦说一下您的出生日期。" if zh else "Could you confirm your date of birth?",
    }
    opening = "您好，我是{inst}的李娜，工号3021，请问是{name}本人吗？" if zh else \
        "Hi, this is Sarah Lee from {inst}. Am I speaking with {name}?"
    for case_id in ("cn-card-wanglei", "us-card-turner"):
        case = catalog.case(case_id)
        for fact, ask in asks.items():
            played = play(catalog.persona("cooperative"), case, lang, [opening, ask])
            assert played.intents[1].name == "confirm_identity"
            assert played.intents[1].slots.get("fact") == fact
            value = getattr(case.verification, fact)
            if fact == "date_of_birth":
                assert str(value.year) in played.replies[-1]
            else:
                assert value in played.replies[-1]
            assert played.final.verified


@pytest.mark.parametrize("lang", LANGS)
def test_asked_why_the_debtor_gives_the_persona_reason(catalog: Catalog, lang: str) -> None:
    zh = lang == "zh"
    script = ["您好，我是{inst}的李娜，工号3021，请问是{name}本人吗？", "{fact_q}。", "方便说说是遇到什么困难了吗？我在听。"] if zh \
        else ["Hi, this is Sarah Lee from {inst}. Am I speaking with {name}?", "{fact_q}?",
              "Can you tell me what happened? I'm listening."]
    for persona in ("angry", "hardship", "cooperative", "disputer", "evasive", "confused", "abusive"):
        played = play(catalog.persona(persona), catalog.case(case_for(persona)), lang, script)
        assert played.names[-1] == "explain_situation", (persona, played.names)
        reason = catalog.persona(persona).truth.reason.get(lang)
        assert reason[:12] in played.replies[-1]


def test_a_counter_offer_never_names_more_than_the_means(catalog: Catalog) -> None:
    for persona, case in PAIRS:
        played = listening_trainee(catalog.persona(persona), catalog.case(case), "zh")
        means = played.session.debtor.profile.means
        for intent in played.intents:
            if intent.name == "counter_offer":
                assert intent.slots["amount"] <= means.lump_sum_now + 0.5
                assert intent.slots["date"] >= means.earliest_date.isoformat()
