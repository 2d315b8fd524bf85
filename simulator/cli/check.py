"""``debtsim check [PATH...]``: validate persona and case files, print every problem.

Exit 1 when any error is found (one ``path:line: field: message`` line each), else 0 with
a one-line summary per kind. Notices (a trainer file replacing a built-in one) never fail.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scoring.loading.problems import Problem
from simulator.catalog.loader import Catalog
from simulator.catalog.search import load_catalog, load_for_check
from simulator.i18n import t


def errors_in_order(catalog: Catalog) -> list[Problem]:
    """The errors as ``check`` lists them: by file, then line (``str(problem)`` is the line printed)."""
    return sorted(catalog.problems.errors, key=lambda p: (str(p.path), p.line))


def notice_line(problem: Problem, lang: str) -> str:
    """A notice (a trainer file replacing a built-in one) as ``check`` prints it."""
    return f"{t('check.note', lang)}: {problem}"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    paths = [Path(p) for p in args.paths]
    catalog = load_for_check(paths, args.catalog) if paths else load_catalog(args.catalog)
    for notice in catalog.problems.notices:
        print(notice_line(notice, lang))
    errors = errors_in_order(catalog)
    for problem in errors:
        print(problem)
    if errors:
        print(t("check.problems", lang, count=len(errors)))
    for kind, table in (("persona", catalog.personas), ("case", catalog.cases)):
        ids = ", ".join(sorted(table)) or "-"
        print(t("check.ok_kind", lang, kind=t(f"kind.{kind}", lang), count=len(table), ids=ids))
    return 1 if errors else 0
