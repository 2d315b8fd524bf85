"""The debtor tests' matrix: the built-in catalog (loaded once), its persona x case pairs, seeds.

Plain module (not ``conftest``) so tests import it by a name no other test folder uses.
"""

from __future__ import annotations

from simulator.catalog.loader import Catalog
from simulator.catalog.search import load_catalog

SEEDS = (0, 1, 7)
LANGS = ("zh", "en")


def _pairs(catalog: Catalog) -> list[tuple[str, str]]:
    return sorted((p, cid) for cid, entry in catalog.cases.items() for p in entry.model.personas)


CATALOG = load_catalog()
PAIRS = _pairs(CATALOG)
PERSONAS = sorted(CATALOG.personas)
HOLDERS = [p for p in PERSONAS if CATALOG.persona(p).is_account_holder]


def case_for(persona: str, prefer: str = "") -> str:
    """One case the persona is written for (``prefer`` if it lists the persona)."""
    cases = [c for p, c in PAIRS if p == persona]
    return prefer if prefer in cases else cases[0]
