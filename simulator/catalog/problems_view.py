"""Tell the user, on stderr, that some catalog files were skipped."""

from __future__ import annotations

import sys

from simulator.catalog.loader import Catalog
from simulator.i18n import t


def warn_problems(catalog: Catalog, lang: str) -> None:
    """One line per error plus a pointer to ``debtsim check``; the valid files still load."""
    errors = catalog.problems.errors
    if not errors:
        return
    for problem in errors:
        print(f"{t('error.prefix', lang)}: {problem}", file=sys.stderr)
    print(t("list.catalog_problems", lang, count=len(errors)), file=sys.stderr)
