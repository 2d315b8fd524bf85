"""Fixtures for the debtor tests: the built-in catalog, loaded once, and its persona x case pairs."""

from __future__ import annotations

import pytest

from simulator.catalog.loader import Catalog
from simulator.catalog.search import load_catalog

SEEDS = (0, 1, 7)
LANGS = ("zh", "en")


def _pairs(catalog: Catalog) -> list[tuple[str, str]]:
    return sorted((p, cid) for cid, entry in catalog.cases.items() for p in entry.model.personas)


_CATALOG = load_catalog()
PAIRS = _pairs(_CATALOG)
PERSONAS = sorted(_CATALOG.personas)
HOLDERS = [p for p in PERSONAS if _CATALOG.persona(p).is_account_holder]


def case_for(persona: str, prefer: str = "") -> str:
    """One case the persona is written for (``prefer`` if it lists the persona)."""
    cases = [c for p, c in PAIRS if p == persona]
    return prefer if prefer in cases else cases[0]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return _CATALOG
