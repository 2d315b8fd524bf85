"""Two text helpers every reader of user files shares (YAML catalogs, rubric packs, transcripts).

Dependency-free on purpose: ``scoring.transcript`` uses it on the scoring path.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class NotUtf8(ValueError):
    """Bytes that are not UTF-8; ``line`` is the 1-based line of the first bad byte."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def decode_utf8(raw: bytes) -> str:
    """``raw`` as text (a UTF-8 BOM is dropped), or :class:`NotUtf8` naming where it breaks."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise NotUtf8(
            line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save the file as UTF-8"
        ) from None


def suggest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest known name to a misspelt ``word``, for "did you mean" hints."""
    found = difflib.get_close_matches(word, sorted(options), n=1, cutoff=cutoff)
    return found[0] if found else None
