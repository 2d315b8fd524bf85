"""The ``debtsim`` command line: parse, pick the language, import and run one command.

Nothing heavy is imported here: each command module imports what it needs when it runs.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from simulator.cli import parser as cli_parser
from simulator.i18n import resolve_lang, t


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = resolve_lang(cli_parser.peek_lang(argv))
    parser = cli_parser.build(lang)
    args = cli_parser.merge_globals(parser.parse_args(argv))
    args.lang = resolve_lang(args.lang)
    args.catalog = [Path(p).expanduser() for p in args.catalog]
    if args.command is None:
        from simulator.app import run as run_app

        return run_app(args)
    module_name, func_name = cli_parser.COMMANDS[args.command].split(":")
    command = getattr(importlib.import_module(module_name), func_name)
    try:
        return int(command(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `debtsim personas | head`
        return 0
    except Exception as exc:  # the promise: no traceback ever reaches the user
        if _debug():
            raise
        print(f"debtsim: {t('error.internal', args.lang, error=f'{type(exc).__name__}: {exc}')}", file=sys.stderr)
        return 2


def _debug() -> bool:
    import os

    return os.environ.get("DEBTSIM_DEBUG", "") not in ("", "0")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
