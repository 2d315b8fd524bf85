"""``debtsim export --format jsonl|csv [--trainee] [--since] [-o FILE]``: every call, to stdout or a file.

All sessions, in-progress and abandoned ones too (each with its ``status``; unfinished ones
carry no scorecard). JSON is unescaped UTF-8. Without ``--trainee`` everyone's calls are
exported: export is the trainer's backup and the QA team's feed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.cli import store_opts
from simulator.i18n import t


def run(args: argparse.Namespace) -> int:
    from simulator.store import exchange

    opened = store_opts.open_for_report(args)
    if opened is None:
        return 1
    store, since = opened
    write = exchange.write_csv if args.format == "csv" else exchange.write_jsonl
    with store:
        lines = exchange.iter_export(store, args.trainee, since)
        if args.output:
            path = Path(args.output)
            tmp = path.with_name(path.name + ".part")
            # newline="" lets csv write its own line ends; utf-8 whatever the locale says.
            with tmp.open("w", encoding="utf-8", newline="") as out:
                count = write(lines, out)
            tmp.replace(path)  # a crash mid-export never leaves half a file under the real name
            print(t("export.done", args.lang, count=count, path=path), file=sys.stderr)
        else:
            out = sys.stdout
            if hasattr(out, "reconfigure"):
                out.reconfigure(encoding="utf-8")
            write(lines, out)
            out.flush()
    return 0
