"""What the store commands share: open the store (or say why not in one line), read ``--since`` / ``--until``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from simulator.i18n import t

if TYPE_CHECKING:
    from simulator.store.core import Store


def open_store(args: argparse.Namespace) -> Store | None:
    """The store named by ``--db`` / ``DEBTSIM_DB``, or ``None`` after one line on stderr."""
    from simulator.store import StoreError, open_store

    try:
        return open_store(getattr(args, "db", None))
    except StoreError as exc:
        error(args, exc.message(args.lang))
        return None


def error(args: argparse.Namespace, message: str) -> None:
    print(f"debtsim: {t('error.prefix', args.lang)}: {message}", file=sys.stderr)


def since(args: argparse.Namespace) -> datetime | None | bool:
    """``--since`` as the start of that day (UTC); ``False`` after an error line."""
    day = parse_day(args, "since")
    return day if day is None or day is False else datetime.combine(day, time.min, UTC)


def until(args: argparse.Namespace) -> datetime | None | bool:
    """``--until`` as the end of that day (UTC): the day itself is included; ``False`` after an error line."""
    day = parse_day(args, "until")
    return day if day is None or day is False else datetime.combine(day, time.max, UTC)


def parse_day(args: argparse.Namespace, name: str) -> date | None | bool:
    """The ``YYYY-MM-DD`` option ``name``; ``None`` when not given, ``False`` after an error line."""
    raw = getattr(args, name, None)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        error(args, t("record.date", args.lang, value=raw))
        return False


def print_json(data: Any) -> None:
    """One JSON document on stdout, unescaped UTF-8; datetimes and dates as ISO 8601 text."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=_iso) + "\n")


def _iso(value: Any) -> str:
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def percent(value: float | None, lang: str) -> str:
    return t("progress.none_yet", lang) if value is None else f"{value * 100:.0f}%"


def open_for_report(args: argparse.Namespace) -> tuple[Store, datetime | None] | None:
    """The store and ``--since`` for a report command; ``None`` after one error line."""
    start = since(args)
    if start is False:
        return None
    store = open_store(args)
    if store is None:
        return None
    return store, start  # type: ignore[return-value]
