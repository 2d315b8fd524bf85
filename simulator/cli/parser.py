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
    "new": "simulator.cli.new:run",
    "persona-test": "simulator.cli.persona_test:run",
    "reviews": "simulator.cli.reviews:run",
    "assign": "simulator.cli.assign:run",
    "demo-data": "simulator.cli.demo_data:run",
    "serve": "simulator.cli.serve:run",
    "voices": "simulator.cli.voices:run",
}

GLOBAL_DESTS = ("lang", "catalog")
VOICE_NAMES = "template, local, remote"  # spelled out: importing the registry here would slow --help


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
    app.add_argument("--trainer", dest="app_trainer", action="store_true", help=t("opt.trainer_mode", lang))
    app.add_argument("--seed", dest="app_seed", type=int, metavar="N", help=t("opt.app_seed", lang))
    _add_voice_options(app, lang, dest_prefix="app_")
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
    _add_voice_options(call, lang)
    call.add_argument("--max-minutes", type=float, metavar="M", help=t("opt.max_minutes", lang))
    call.add_argument("--json", action="store_true", help=t("opt.call_json", lang))
    call.add_argument("--resume", metavar="ID", help=t("opt.resume", lang))
    _add_store_options(call, lang)
    _add_store_commands(command, lang)
    _add_workbench_commands(command, lang)
    _add_serve_command(command, lang)
    voices = command("voices", "cmd.voices")
    _add_voice_options(voices, lang)
    voices.add_argument("--check", action="store_true", help=t("opt.voices_check", lang))
    voices.add_argument("--json", action="store_true", help=t("opt.json", lang))
    return parser


def _add_voice_options(group: argparse._ActionsContainer, lang: str, dest_prefix: str = "",
                       suppress: bool = False) -> None:
    """``--voice --model --base-url --device --dtype`` (issue 9); None means "from the config file"."""
    extra = {"default": argparse.SUPPRESS} if suppress else {}
    group.add_argument("--voice", dest=f"{dest_prefix}voice", metavar="NAME", **extra,
                       help=t("opt.voice", lang, voices=VOICE_NAMES))
    group.add_argument("--model", dest=f"{dest_prefix}model", metavar="DIR|ID|FILE.gguf", **extra,
                       help=t("opt.model", lang))
    group.add_argument("--base-url", dest=f"{dest_prefix}base_url", metavar="URL", **extra,
                       help=t("opt.base_url", lang))
    group.add_argument("--device", dest=f"{dest_prefix}device", metavar="DEVICE", **extra, help=t("opt.device", lang))
    group.add_argument("--dtype", dest=f"{dest_prefix}dtype", choices=("auto", "float32", "bfloat16", "float16"),
                       **extra, help=t("opt.dtype", lang))


def _add_workbench_commands(command: Callable[[str, str], argparse.ArgumentParser], lang: str) -> None:
    """The persona and case workbench (issue 8): ``new`` and ``persona-test``."""
    new = command("new", "cmd.new")
    new.add_argument("kind", choices=("persona", "case"), help=t("cmd.new.kind", lang))
    new.add_argument("new_id", metavar="NEW", help=t("cmd.new.new_id", lang))
    new.add_argument("--from", dest="source", required=True, metavar="ID", help=t("opt.new_from", lang))
    new.add_argument("--force", action="store_true", help=t("opt.force", lang))
    test = command("persona-test", "cmd.persona_test")
    test.add_argument("persona", metavar="PERSONA", help=t("cmd.persona_test.persona", lang))
    test.add_argument("--case", metavar="ID", help=t("opt.pt_case", lang))
    test.add_argument("--seed", type=int, default=0, metavar="N", help=t("opt.pt_seed", lang))
    test.add_argument("--difficulty", choices=("easy", "medium", "hard"), help=t("opt.difficulty", lang))
    test.add_argument("--json", action="store_true", help=t("opt.pt_json", lang))


def _add_serve_command(command: Callable[[str, str], argparse.ArgumentParser], lang: str) -> None:
    """``debtsim serve`` (browser mode, issue 8): the app's own options, also accepted after ``serve``.

    Same dests as the app's options on the top parser, defaults suppressed, so
    ``debtsim --exam serve`` and ``debtsim serve --exam`` mean the same.
    """
    serve = command("serve", "cmd.serve")
    serve.add_argument("--host", default="127.0.0.1", help=t("opt.host", lang))
    serve.add_argument("--port", type=int, default=8000, help=t("opt.port", lang))
    serve.add_argument("--public-url", metavar="URL", help=t("opt.public_url", lang))
    serve.add_argument("--db", dest="app_db", metavar="URL|PATH", default=argparse.SUPPRESS, help=t("opt.db", lang))
    serve.add_argument("--trainee", dest="app_trainee", metavar="NAME", default=argparse.SUPPRESS,
                       help=t("opt.serve_trainee", lang))
    serve.add_argument("--exam", dest="app_exam", action="store_true", default=argparse.SUPPRESS,
                       help=t("opt.exam", lang))
    serve.add_argument("--trainer", dest="app_trainer", action="store_true", default=argparse.SUPPRESS,
                       help=t("opt.trainer_mode", lang))
    serve.add_argument("--seed", dest="app_seed", type=int, metavar="N", default=argparse.SUPPRESS,
                       help=t("opt.app_seed", lang))
    _add_voice_options(serve, lang, dest_prefix="app_", suppress=True)


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
    progress.add_argument("--until", metavar="DATE", help=t("opt.until", lang))
    progress.add_argument("--persona", metavar="ID", help=t("opt.persona_filter", lang))
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
    review.add_argument("--trainer", metavar="NAME", help=t("opt.trainer", lang))
    review.add_argument("--db", metavar="URL|PATH", help=t("opt.db", lang))
    _add_trainer_commands(command, lang)


def _add_trainer_commands(command: Callable[[str, str], argparse.ArgumentParser], lang: str) -> None:
    """The store's trainer commands (issue 8): assign, reviews (scorer agreement), demo-data."""
    assign = command("assign", "cmd.assign")
    assign.add_argument("persona", nargs="?", metavar="PERSONA", help=t("opt.assign_persona", lang))
    assign.add_argument("case", nargs="?", metavar="CASE", help=t("opt.assign_case", lang))
    assign.add_argument("--difficulty", choices=("easy", "medium", "hard"), help=t("opt.assign_difficulty", lang))
    who = assign.add_mutually_exclusive_group()
    who.add_argument("--trainee", metavar="NAME", help=t("opt.assign_trainee", lang))
    who.add_argument("--all", action="store_true", help=t("opt.assign_all", lang))
    assign.add_argument("--due", metavar="DATE", help=t("opt.due", lang))
    assign.add_argument("--note", default="", help=t("opt.note", lang))
    assign.add_argument("--trainer", metavar="NAME", help=t("opt.trainer", lang))
    action = assign.add_mutually_exclusive_group()
    action.add_argument("--list", action="store_true", help=t("opt.assign_list", lang))
    action.add_argument("--remove", type=int, metavar="ID", help=t("opt.assign_remove", lang))
    assign.add_argument("--json", action="store_true", help=t("opt.json", lang))
    assign.add_argument("--db", metavar="URL|PATH", help=t("opt.db", lang))
    reviews = command("reviews", "cmd.reviews")
    reviews.add_argument("--since", metavar="DATE", help=t("opt.reviews_since", lang))
    reviews.add_argument("--json", action="store_true", help=t("opt.json", lang))
    reviews.add_argument("--db", metavar="URL|PATH", help=t("opt.db", lang))
    demo = command("demo-data", "cmd.demo_data")
    demo.add_argument("--db", required=True, metavar="URL|PATH", help=t("opt.demo_db", lang))
    demo.add_argument("--calls", type=int, default=4, metavar="N", help=t("opt.demo_calls", lang))
    demo.add_argument("--trainee", action="append", metavar="NAME", help=t("opt.demo_trainee", lang))
    demo.add_argument("--seed", type=int, default=0, metavar="N", help=t("opt.demo_seed", lang))


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
