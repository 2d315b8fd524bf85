"""``debtsim assign``: a trainer sets practice work, lists it with progress, or removes it.

    debtsim assign PERSONA CASE [--difficulty D] (--trainee NAME | --all) [--due DATE] [--note TEXT] [--trainer NAME]
    debtsim assign --list [--json]
    debtsim assign --remove ID

Persona and case ids are checked against the catalog the trainees will call from (with a
"did you mean"), so a typo never becomes an assignment nobody can finish.
"""

from __future__ import annotations

import argparse
from typing import Any

from simulator.cli import store_opts
from simulator.i18n import t


def run(args: argparse.Namespace) -> int:
    if args.list or args.remove is not None:
        if args.persona or args.case:
            store_opts.error(args, t("assignment.usage", args.lang))
            return 2
        return _list(args) if args.list else _remove(args)
    return _add(args)


def _add(args: argparse.Namespace) -> int:
    lang = args.lang
    if not (args.persona and args.case):
        store_opts.error(args, t("assignment.usage", lang))
        return 2
    if not (args.trainee or args.all):
        store_opts.error(args, t("assignment.need_who", lang))
        return 2
    problem = unknown_ids(args.catalog, args.persona, args.case, lang)
    if problem:
        store_opts.error(args, problem)
        return 2
    due = store_opts.parse_day(args, "due")
    if due is False:
        return 2
    from simulator.store import queries, who

    store = store_opts.open_store(args)
    if store is None:
        return 1
    trainee = None if args.all else args.trainee.strip()
    trainer = who.trainer(args.trainer, remember=True)
    with store:
        new_id = queries.add_assignment(store, args.persona, args.case, args.difficulty, trainee, trainer,
                                        due, args.note or "")  # type: ignore[arg-type]
    print(t("assignment.saved", lang, id=new_id, persona=args.persona, case=args.case,
            who=trainee or t("assignment.everyone", lang)))
    return 0


def unknown_ids(catalog_dirs: list[Any], persona: str, case: str, lang: str) -> str | None:
    """A translated line naming an unknown persona or case (with the closest id), else ``None``."""
    from scoring.loading.text import suggest
    from simulator.catalog.search import load_catalog

    catalog = load_catalog(catalog_dirs)
    for kind, key, known in (("persona", persona, catalog.personas), ("case", case, catalog.cases)):
        if key not in known:
            close = suggest(key, known, cutoff=0.75)
            hint = t("assignment.did_you_mean", lang, id=close) if close else ""
            return t(f"assignment.unknown_{kind}", lang, id=key, hint=hint, known=", ".join(sorted(known)))
    return None


def _list(args: argparse.Namespace) -> int:
    from simulator.store import queries

    store = store_opts.open_store(args)
    if store is None:
        return 1
    with store:
        rows = queries.list_assignments(store)
    if args.json:
        store_opts.print_json(rows)
        return 0
    lang = args.lang
    if not rows:
        print(t("assignment.none", lang))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=t("assignment.title", lang, count=len(rows)))
    for key in ("assignment.col_id", "col.trainee", "col.persona", "col.title", "col.difficulty",
                "assignment.col_due", "assignment.col_done", "assignment.col_by", "assignment.col_note"):
        table.add_column(t(key, lang))
    for r in rows:
        table.add_row(str(r["id"]), r["trainee"] or t("assignment.everyone", lang), r["persona"], r["case"],
                      t(f"difficulty.{r['difficulty']}", lang) if r["difficulty"] else "",
                      r["due"].isoformat() if r["due"] else "", f"{r['done_by']}/{r['of']}", r["trainer"], r["note"])
    Console().print(table)
    return 0


def _remove(args: argparse.Namespace) -> int:
    from simulator.store import queries

    store = store_opts.open_store(args)
    if store is None:
        return 1
    with store:
        removed = queries.remove_assignment(store, args.remove)
    if not removed:
        store_opts.error(args, t("assignment.no_such", args.lang, id=args.remove, where=store.where))
        return 1
    print(t("assignment.removed", args.lang, id=args.remove))
    return 0
