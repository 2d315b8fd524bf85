"""The built-in personas and cases: all valid, complete in both languages, and varied."""

from __future__ import annotations

import re

import pytest

from scoring.vocab import Jurisdiction
from simulator.catalog import Catalog
from simulator.catalog.models import PRODUCTS
from simulator.catalog.search import load_catalog

REQUIRED_PERSONAS = {"angry", "evasive", "confused", "cooperative", "hardship", "disputer", "relative", "abusive"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_builtin_catalog_has_no_problems(catalog: Catalog) -> None:
    assert [str(p) for p in catalog.problems.items] == []


def test_the_eight_personas_trainers_expect(catalog: Catalog) -> None:
    assert set(catalog.personas) == REQUIRED_PERSONAS


def test_cases_cover_every_product_and_jurisdiction(catalog: Catalog) -> None:
    cases = [e.model for e in catalog.cases.values()]
    assert len(cases) >= 8
    assert {c.product for c in cases} >= set(PRODUCTS)
    assert {c.jurisdiction for c in cases} == set(Jurisdiction)


@pytest.mark.parametrize("persona_id", sorted(REQUIRED_PERSONAS))
def test_persona_has_three_phrasings_per_intent_in_both_languages(catalog: Catalog, persona_id: str) -> None:
    persona = catalog.persona(persona_id)
    thin = {
        f"{intent}.{lang}": len(getattr(phrases, lang))
        for intent, phrases in persona.phrases.items()
        for lang in ("zh", "en")
        if len(set(getattr(phrases, lang))) < 3
    }
    assert thin == {}


@pytest.mark.parametrize("persona_id", sorted(REQUIRED_PERSONAS))
def test_persona_phrasings_are_in_their_language(catalog: Catalog, persona_id: str) -> None:
    """A zh phrase holds Chinese characters; an en phrase holds none (slots aside)."""
    persona = catalog.persona(persona_id)
    for intent, phrases in persona.phrases.items():
        for line in phrases.zh:
            words = re.sub(r"\{[a-z_0-9]+\}", "", line)
            if any(ch.isalpha() for ch in words):
                assert any("\u4e00" <= ch <= "\u9fff" for ch in words), (intent, line)
        for line in phrases.en:
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in line), (intent, line)


def test_persona_kinds_behave_as_their_role(catalog: Catalog) -> None:
    assert catalog.persona("relative").party.role == "relative"
    assert catalog.persona("relative").party.relation is not None
    assert catalog.persona("disputer").truth.dispute is not None
    assert catalog.persona("hardship").truth.vulnerability is not None
    angry_hangs_up_on = set(catalog.persona("angry").hang_up_when.on)
    assert {"threat", "insult"} <= angry_hangs_up_on


def test_case_persona_references_resolve(catalog: Catalog) -> None:
    for entry in catalog.cases.values():
        assert set(entry.model.personas) <= set(catalog.personas), entry.path


def test_case_scenario_matches_transcript_format(catalog: Catalog) -> None:
    required = {"product", "debtor_name", "amount_due", "currency", "days_overdue", "call_local_time", "jurisdiction"}
    for entry in catalog.cases.values():
        for lang in ("zh", "en"):
            scenario = entry.model.scenario(lang)
            assert required <= set(scenario)
            assert isinstance(scenario["debtor_name"], str) and scenario["debtor_name"]


def test_case_scenario_is_read_back_by_the_scorer(catalog: Catalog) -> None:
    """The catalog's Case and the scorer's Scenario name the same fields (TRANSCRIPT.md)."""
    from scoring.transcript import parse_transcript

    for entry in catalog.cases.values():
        case = entry.model
        for lang in ("zh", "en"):
            transcript = parse_transcript(
                {"id": case.id, "language": lang, "scenario": case.scenario(lang),
                 "turns": [{"speaker": "agent", "text": "hello"}]}
            )
            scenario = transcript.scenario
            assert scenario.jurisdiction == case.jurisdiction
            assert scenario.amount_due == case.amount_due
            assert scenario.contact_attempts_7d == case.contact_attempts_7d
            assert scenario.validation_notice_sent == case.validation_notice_sent
            assert scenario.call_local_time is not None
            assert not scenario.extra, scenario.extra
