"""What the store commands share: open the store (or say why not in one line), read ``--since``."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

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
    raw = getattr(args, "since", None)
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        error(args, t("record.date", args.lang, value=raw))
        return False
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


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
