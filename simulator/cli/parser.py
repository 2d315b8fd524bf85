"""The argparse tree for ``debtsim``.

argparse rather than click/typer: it is in the standard library and imports in ~5 ms,
which keeps ``debtsim --help`` far under its 0.3 s budget (typer alone costs ~150 ms), and
its parent parsers let the global options sit before *or* after the subcommand.

Commands are registered in :data:`COMMANDS` as ``name -> "module:function"`` and imported
only when run, so adding a command never slows the others down.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from simulator import __version__
from simulator.i18n import LANGS, t

COMMANDS: dict[str, str] = {
    "check": "simulator.cli.check:run",
    "personas": "simulator.cli.listing:run_personas",
    "cases": "simulator.cli.listing:run_cases",
    "score": "simulator.cli.score:run",
    "eval": "simulator.cli.evaluate:run",
    "call": "simulator.cli.call:run",
    "sessions": "simulator.cli.sessions:run",
    "progress": "simulator.cli.progress:run",
    "export": "simulator.cli.export:run",
    "import": "simulator.cli.import_cmd:run",
    "review": "simulator.cli.review:run",
}

GLOBAL_DESTS = ("lang", "catalog")


def _add_global_options(parser: argparse.ArgumentParser, lang: str, suffix: str) -> None:
    """``--lang`` and ``--catalog``; the dest suffix keeps pre- and post-command values apart."""
    group = parser.add_argument_group("global options" if lang == "en" else "全局选项")
    group.add_argument(
        "--lang", dest=f"lang{suffix}", choices=LANGS, default=argparse.SUPPRESS, help=t("opt.lang", lang)
    )
    group.add_argument(
        "--catalog",
        dest=f"catalog{suffix}",
        action="append",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=t("opt.catalog", lang),
    )


def build(lang: str) -> argparse.ArgumentParser:
    """The full parser, with help in ``lang``."""
    parser = argparse.ArgumentParser(
        prog="debtsim", description=t("app.description", lang), epilog=t("app.epilog", lang)
    )
    parser.add_argument("--version", action="version", version=f"debtsim {__version__}", help=t("opt.version", lang))
    _add_global_options(parser, lang, "_pre")
    # The app's own options (bare `debtsim`); own dests so a subcommand's --db never clashes.
    app = parser.add_argument_group("app" if lang == "en" else "终端应用")
    app.add_argument("--trainee", dest="app_trainee", metavar="NAME", help=t("opt.trainee", lang))
    app.add_argument("--db", dest="app_db", metavar="URL|PATH", help=t("opt.db", lang))
    app.add_argument("--exam", dest="app_exam", action="store_true", help=t("opt.exam", lang))
    app.add_argument("--seed", dest="app_seed", type=int, metavar="N", help=t("opt.app_seed", lang))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_key: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=t(help_key, lang), description=t(help_key, lang))
        _add_global_options(cmd, lang, "_post")
        return cmd

    check = command("check", "cmd.check")
    check.add_argument("paths", nargs="*", metavar="PATH", help=t("cmd.check.paths", lang))
    for name in ("personas", "cases"):
        listing = command(name, f"cmd.{name}")
        listing.add_argument("--json", action="store_true", help=t("opt.json", lang))
    for name in ("score", "eval"):
        scorer = command(name, f"cmd.{name}")
        # score may take --session ID instead of paths (checked in simulator.cli.score)
        scorer.add_argument("paths", nargs="*" if name == "score" else "+", metavar="FILE|DIR|-",
                            help=t("cmd.score.paths", lang))
        scorer.add_argument("--json", action="store_true", help=t(f"opt.{name}_json", lang))
        scorer.add_argument("--rules", action="append", metavar="DIR", help=t("opt.rules", lang))
    scorer = sub.choices["score"]
    scorer.add_argument("--session", metavar="ID", help=t("opt.session", lang))
    _add_store_options(scorer, lang, trainee=False)
    call = command("call", "cmd.call")
    # Not required by argparse: --resume ID brings them from the store (checked in simulator.cli.call).
    call.add_argument("--persona", metavar="ID", help=t("opt.persona", lang))
    call.add_argument("--case", metavar="ID", help=t("opt.case", lang))
    call.add_argument("--seed", type=int, metavar="N", help=t("opt.seed", lang))
    call.add_argument("--difficulty", choices=("easy", "medium", "hard"), help=t("opt.difficulty", lang))
    call.add_argument("--script", metavar="FILE", help=t("opt.script", lang))
    call.add_argument("--voice", default="template", metavar="NAME", help=t("opt.voice", lang, voices="template"))
    call.add_argument("--max-minutes", type=float, metavar="M", help=t("opt.max_minutes", lang))
    call.add_argument("--json", action="store_true", help=t("opt.call_json", lang))
    call.add_argument("--resume", metavar="ID", help=t("opt.resume", lang))
    _add_store_options(call, lang)
    _add_store_commands(command, lang)
    return parser


def _add_store_options(cmd: argparse.ArgumentParser, lang: str, trainee: bool = True) -> None:
    if trainee:
        cmd.add_argument("--trainee", metavar="NAME", help=t("opt.trainee", lang))
    cmd.add_argument("--db", metavar="URL|PATH", help=t("opt.db", lang))


def _add_store_commands(command: Callable[[str, str], argparse.ArgumentParser], lang: str) -> None:
    """The progress store's commands (issue 6)."""
    sessions = command("sessions", "cmd.sessions")
    _add_store_options(sessions, lang)
    sessions.add_argument("--all", action="store_true", help=t("opt.all_trainees", lang))
    sessions.add_argument("--status", choices=("in_progress", "complete", "abandoned"), help=t("opt.status", lang))
    sessions.add_argument("--json", action="store_true", help=t("opt.json", lang))
    progress = command("progress", "cmd.progress")
    _add_store_options(progress, lang)
    progress.add_argument("--cohort", action="store_true", help=t("opt.cohort", lang))
    progress.add_argument("--since", metavar="DATE", help=t("opt.since", lang))
    progress.add_argument("--json", action="store_true", help=t("opt.json", lang))
    export = command("export", "cmd.export")
    _add_store_options(export, lang)
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help=t("opt.format", lang))
    export.add_argument("--since", metavar="DATE", help=t("opt.since", lang))
    export.add_argument("-o", "--output", metavar="FILE", help=t("opt.output", lang))
    importer = command("import", "cmd.import")
    importer.add_argument("file", metavar="FILE.jsonl", help=t("cmd.import.file", lang))
    importer.add_argument("--trainee", required=True, metavar="NAME", help=t("opt.import_trainee", lang))
    importer.add_argument("--db", metavar="URL|PATH", help=t("opt.db", lang))
    review = command("review", "cmd.review")
    review.add_argument("session", metavar="ID", help=t("opt.session", lang))
    review.add_argument("--finding", required=True, help=t("opt.finding", lang))
    review.add_argument("--verdict", required=True, choices=("overturn", "uphold"), help=t("opt.verdict", lang))
    review.add_argument("--comment", required=True, help=t("opt.comment", lang))
    review.add_argument("--trainer", metavar="NAME", help=t("opt.trainee", lang))
    review.add_argument("--db", metavar="URL|PATH", help=t("opt.db", lang))


def merge_globals(args: argparse.Namespace) -> argparse.Namespace:
    """Fold ``--lang``/``--catalog`` given before and after the subcommand into one value.

    After the subcommand wins for ``--lang``; ``--catalog`` folders accumulate in order.
    """
    pre_lang = getattr(args, "lang_pre", None)
    args.lang = getattr(args, "lang_post", pre_lang)
    args.catalog = [*getattr(args, "catalog_pre", []), *getattr(args, "catalog_post", [])]
    for name in ("lang_pre", "lang_post", "catalog_pre", "catalog_post"):
        if hasattr(args, name):
            delattr(args, name)
    return args


def peek_lang(argv: list[str]) -> str | None:
    """The ``--lang`` value in ``argv`` before parsing, so help is in the right language."""
    found = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found if found in LANGS else None
