"""Fixtures for the debtor tests: the built-in catalog, loaded once (see ``debtor_matrix``)."""

from __future__ import annotations

import pytest
from debtor_matrix import CATALOG

from simulator.catalog.loader import Catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return CATALOG
