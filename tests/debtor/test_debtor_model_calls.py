"""A reasonable model call reaches a deal with every account holder, on every case, in both
languages and for several seeds; the relative takes a message. Every turn gets a reply."""

from __future__ import annotations

import pytest
from debtor_matrix import LANGS, PAIRS, SEEDS, case_for
from debtor_scripts import MODEL_EN, MODEL_ZH, listening_trainee, play

from simulator.catalog.loader import Catalog


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("persona", "case"), PAIRS)
def test_every_pair_plays_a_model_call(catalog: Catalog, persona: str, case: str, lang: str) -> None:
    p = catalog.persona(persona)
    for seed in SEEDS:
        played = listening_trainee(p, catalog.case(case), lang, seed=seed)
        assert all(r.strip() for r in played.replies), "a silent turn"
        assert len(played.replies) == len(played.said) + 1
        if not p.is_account_holder:
            assert played.outcome in ("callback", "wrong_party")
            continue
        assert not played.final.hung_up, played.names
        assert played.outcome in ("promise_to_pay", "hardship_plan"), (seed, played.names)
        assert played.final.mood > played.start.mood
        assert played.final.trust > played.start.trust
        agreed, means = played.final.agreed, played.session.debtor.profile.means
        assert agreed is not None and agreed.amount <= means.lump_sum_now + 0.5
        assert agreed.date is not None and agreed.date >= means.earliest_date


# Fixed scripts (the trainee proposes a plan under the debtor's means, unprompted) reach a
# deal with the personas whose conditions a generic call meets; the disputer needs her
# dispute routed first and the relative is not the account holder.
GENERIC = ["angry", "confused", "cooperative", "evasive", "hardship"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("persona", GENERIC)
def test_fixed_model_scripts_reach_a_deal(catalog: Catalog, persona: str, lang: str) -> None:
    scripts = MODEL_ZH if lang == "zh" else MODEL_EN
    for case in sorted({c for p, c in PAIRS if p == persona}):
        for k, script in enumerate(scripts):
            for seed in SEEDS:
                played = play(catalog.persona(persona), catalog.case(case), lang, script, seed=seed)
                assert played.outcome in ("promise_to_pay", "hardship_plan"), (case, k, seed, played.names)
                assert "accept_plan" in played.names
                assert not played.final.hung_up


def test_abusive_model_call_survives_every_seed(catalog: Catalog) -> None:
    """Lawful, calm moves never push the abusive persona over the edge, whatever the seed."""
    for lang, scripts in (("zh", MODEL_ZH), ("en", MODEL_EN)):
        for seed in range(12):
            played = play(catalog.persona("abusive"), catalog.case(case_for("abusive")), lang, scripts[0], seed=seed)
            assert not played.final.hung_up, (lang, seed, played.names)
            assert played.outcome == "promise_to_pay"


def test_agreeing_does_not_end_the_call(catalog: Catalog) -> None:
    played = listening_trainee(catalog.persona("cooperative"), catalog.case("cn-card-wanglei"), "zh")
    first = played.names.index("accept_plan")
    assert len(played.names) > first + 1, "the recap and goodbye still follow the deal"
    assert not played.session.over
    assert played.names[-1] == "goodbye"
