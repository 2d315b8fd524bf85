"""The argparse tree for ``debtsim``.

argparse rather than click/typer: it is in the standard library and imports in ~5 ms,
which keeps ``debtsim --help`` far under its 0.3 s budget (typer alone costs ~150 ms), and
its parent parsers let the global options sit before *or* after the subcommand.

Commands are registered in :data:`COMMANDS` as ``name -> "module:function"`` and imported
only when run, so adding a command never slows the others down.
"""

from __future__ import annotations

import argparse

from simulator import __version__
from simulator.i18n import LANGS, t

COMMANDS: dict[str, str] = {
    "check": "simulator.cli.check:run",
    "personas": "simulator.cli.listing:run_personas",
    "cases": "simulator.cli.listing:run_cases",
    "score": "simulator.cli.score:run",
    "eval": "simulator.cli.evaluate:run",
    "call": "simulator.cli.call:run",
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
        scorer.add_argument("paths", nargs="+", metavar="FILE|DIR|-", help=t("cmd.score.paths", lang))
        scorer.add_argument("--json", action="store_true", help=t(f"opt.{name}_json", lang))
        scorer.add_argument("--rules", action="append", metavar="DIR", help=t("opt.rules", lang))
    call = command("call", "cmd.call")
    call.add_argument("--persona", required=True, metavar="ID", help=t("opt.persona", lang))
    call.add_argument("--case", required=True, metavar="ID", help=t("opt.case", lang))
    call.add_argument("--seed", type=int, metavar="N", help=t("opt.seed", lang))
    call.add_argument("--difficulty", choices=("easy", "medium", "hard"), help=t("opt.difficulty", lang))
    call.add_argument("--script", metavar="FILE", help=t("opt.script", lang))
    call.add_argument("--voice", default="template", metavar="NAME", help=t("opt.voice", lang, voices="template"))
    call.add_argument("--max-minutes", type=float, metavar="M", help=t("opt.max_minutes", lang))
    call.add_argument("--json", action="store_true", help=t("opt.call_json", lang))
    return parser


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
