"""The scorer's code and data hold no control characters: a "\\b" written into a plain string
becomes a backspace, and a pattern with one in it silently never matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "scoring"
SOURCES = sorted(p for p in ROOT.rglob("*") if p.suffix in {".py", ".yaml", ".txt"})


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_control_characters(path: Path) -> None:
    text = path.read_text("utf-8")
    bad = [(n, repr(m.group())) for n, line in enumerate(text.splitlines(), 1)
           for m in [re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", line)] if m]
    assert bad == [], f"{path}: control characters at {bad}"
