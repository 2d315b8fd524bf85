"""Key bindings described in the trainee's language.

Textual reads ``BINDINGS`` once per class, so a screen lists its keys as plain data
(``KEYS``) and :func:`localized` makes one subclass per language with the descriptions and
tooltips filled in: the footer and the command palette then speak the call's language
without touching Textual's private binding tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from textual.binding import Binding

from simulator.app.words import tr

T = TypeVar("T")


@dataclass(frozen=True)
class Key:
    key: str
    action: str
    label: str  # a words key
    tip: str | None = None  # a words key for the tooltip
    show: bool = True
    priority: bool = False


def bindings(keys: tuple[Key, ...], lang: str) -> list[Binding]:
    return [Binding(k.key, k.action, tr(k.label, lang), show=k.show, priority=k.priority,
                    tooltip=tr(k.tip, lang) if k.tip else "", id=f"{k.action}") for k in keys]


@cache
def localized(cls: type[T], lang: str) -> type[T]:
    """``cls`` with its ``KEYS`` as bindings in ``lang`` (one class per language, made once)."""
    keys: tuple[Key, ...] = getattr(cls, "KEYS", ())
    namespace: dict[str, Any] = {"BINDINGS": bindings(keys, lang), "__module__": cls.__module__,
                                 "__doc__": cls.__doc__}
    return type(cls.__name__, (cls,), namespace)
