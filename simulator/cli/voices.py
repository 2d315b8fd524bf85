"""``debtsim voices``: each debtor voice, whether it can speak here, and why not.

The listing is offline and instant (config, paths, installed packages); ``--check`` also asks
the remote server for its models. The same flags as ``debtsim call`` (``--model``,
``--base-url``, ...) show what a call with them would get. Exit status 0 even when a model
voice is unavailable: the template voice always is, and a call still plays.
"""

from __future__ import annotations

import argparse
import json
import sys

from simulator.i18n import t
from simulator.voices.availability import check
from simulator.voices.config import ConfigError, flag_overrides, load_config
from simulator.voices.words import vt

ORDER = ("template", "local", "remote")


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        config = load_config()
    except ConfigError as exc:
        print(f"debtsim: {t('voice.config_error', lang, error=exc.message(lang))}", file=sys.stderr)
        return 2
    from simulator.voices.registry import voice_names

    names = [*ORDER, *(n for n in voice_names() if n not in ORDER)]
    overrides = flag_overrides(args)
    default = args.voice or config.default_voice
    statuses = [check(name, config, overrides, probe=bool(args.check)) for name in names]
    if args.json:
        out = {"config": str(config.path), "config_found": config.found, "default": default,
               "voices": [s.as_json(lang) for s in statuses]}
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(vt("voices.config_read" if config.found else "voices.config_none", lang, path=config.path))
    for status in statuses:
        mark = "✓" if status.ok else "✗"
        state = vt("voices.ok" if status.ok else "voices.not_ok", lang)
        star = f" ({vt('voices.default', lang)})" if status.name == default else ""
        print(f"{mark} {status.name}{star}: {state} — {status.reason.render(lang)}")
    return 0
