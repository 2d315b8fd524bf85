"""``debtsim import FILE.jsonl --trainee NAME``: store and score real or earlier calls.

Each line is one TRANSCRIPT.md transcript (an export line keeps its id, status, times and
reviews). A bad or duplicate line gets one line on stderr naming ``FILE:LINE``; the rest are
imported; the exit code is 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from simulator.cli import store_opts
from simulator.i18n import t


def run(args: argparse.Namespace) -> int:
    from simulator.store.exchange import ImportProblem, import_line

    path = Path(args.file)
    if not path.is_file():
        store_opts.error(args, t("import.no_file", args.lang, path=path))
        return 1
    store = store_opts.open_store(args)
    if store is None:
        return 1
    imported = failed = 0
    with store, path.open(encoding="utf-8") as lines:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
                import_line(store, data, args.trainee)
            except json.JSONDecodeError as exc:
                message = t("import.bad", args.lang, error=f"{exc.msg} (column {exc.colno})")
            except ImportProblem as exc:
                message = t(exc.key, args.lang, **exc.slots)
            else:
                imported += 1
                continue
            failed += 1
            print(f"{t('error.prefix', args.lang)}: {path}:{number}: {message}", file=sys.stderr)
    print(t("import.summary", args.lang, imported=imported, failed=failed), file=sys.stderr)
    return 1 if failed else 0
