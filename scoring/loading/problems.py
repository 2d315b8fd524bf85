"""Problems found while loading trainer files, collected rather than raised.

One bad persona must never stop the others loading, and a trainer fixing a file wants to
see every problem at once (harlequin's ``Problems`` collector is the model).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


def display_path(path: Path) -> str:
    """A path as a trainer would type it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in one file: ``path:line: field: message``."""

    path: Path
    line: int
    field: str
    message: str
    severity: Literal["error", "notice"] = "error"

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}: {self.field}: {self.message}"


@dataclass
class Problems:
    """An ordered collection of problems; errors and notices kept apart."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int, field_: str, message: str) -> None:
        self.items.append(Problem(path, line, field_, message))

    def note(self, path: Path, line: int, field_: str, message: str) -> None:
        self.items.append(Problem(path, line, field_, message, "notice"))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "notice"]

    def __bool__(self) -> bool:
        return bool(self.errors)
