"""Make a new persona or case from an existing one (``debtsim new``), with no printing.

The copy keeps the source file's text, comments and layout: only the top-level ``id`` line
is rewritten, by its line number from the parser, because a YAML dumper would drop the
comments that explain each field to the next trainer. A provenance comment goes on top.
Errors are :class:`AuthoringError` with an i18n key, so the CLI and the app word them alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from simulator.catalog.loader import Catalog, Entry, Kind, close_id
from simulator.catalog.models import ID_PATTERN

TARGET_DIRS: dict[Kind, str] = {"persona": "personas", "case": "scenarios"}
"""Where ``debtsim new`` writes each kind inside the target catalog."""

_HEADER = "# debtsim new --from "
# `id: angry`, `id: "angry"  # comment`: group 1 keeps the key and spacing, group 3 any comment.
_ID_LINE = re.compile(r"""^(\s*id\s*:\s*)(["']?)[^"'#\s]+\2(\s*(?:#.*)?)$""")


class AuthoringError(ValueError):
    """Why a copy was refused: ``key`` is an i18n message key, ``slots`` fill it."""

    def __init__(self, key: str, **slots: object) -> None:
        self.key, self.slots = key, slots
        super().__init__(f"{key}: {slots}")

    def message(self, lang: str) -> str:
        """The refusal in ``lang`` (the kind of entry named in that language too)."""
        from simulator.i18n import t

        slots = dict(self.slots)
        if "kind" in slots:
            slots["kind"] = t(f"new.kind.{slots['kind']}", lang)
        return t(self.key, lang, **slots)


@dataclass(frozen=True)
class Copy:
    """What ``new_file`` decided: the text to write and where; nothing is written yet."""

    kind: Kind
    source: Entry  # type: ignore[type-arg]
    new_id: str
    path: Path
    text: str
    replaces: bool  # the target file exists and --force was given


def retarget(text: str, line: int, new_id: str, source_id: str) -> str:
    """``text`` with the ``id`` on ``line`` (1-based) set to ``new_id`` and a provenance comment on top.

    A provenance comment left by an earlier copy is replaced, not stacked.

    Line endings are kept as they are (``\\r\\n`` files stay ``\\r\\n``).
    """
    lines = text.splitlines(keepends=True)
    if not 1 <= line <= len(lines):
        raise AuthoringError("new.no_id_line", line=line)
    body = lines[line - 1]
    ending = body[len(body.rstrip("\r\n")):]
    match = _ID_LINE.match(body.rstrip("\r\n"))
    if match is None:
        raise AuthoringError("new.no_id_line", line=line)
    lines[line - 1] = f"{match.group(1)}{new_id}{match.group(3)}{ending}"
    newline = "\r\n" if text.endswith("\r\n") or "\r\n" in text[:200] else "\n"
    header = f"{_HEADER}{source_id}: 复制自 {source_id} / copied from {source_id}{newline}"
    if lines[0].startswith(_HEADER):  # a copy of a copy: name the nearest source only
        lines = lines[1:]
    return header + "".join(lines)


def plan_copy(catalog: Catalog, kind: Kind, source_id: str, new_id: str, target_root: Path,
              force: bool = False) -> Copy:
    """Check the request against ``catalog`` and make the new file's text.

    Refuses an invalid ``new_id``, an unknown source (with the catalog's "did you mean"), an
    id already used in another layer or file (unless ``force`` for the target file itself),
    and an id used by *another* file in the target catalog even with ``force``: that would be
    a duplicate-id error in ``debtsim check``.
    """
    if not re.fullmatch(ID_PATTERN, new_id):
        raise AuthoringError("new.bad_id", id=new_id)
    table: dict[str, Entry] = catalog.personas if kind == "persona" else catalog.cases  # type: ignore[type-arg]
    source = table.get(source_id)
    if source is None:
        hint = close_id(source_id, table)
        raise AuthoringError("new.unknown_hint" if hint else "new.unknown", kind=kind, id=source_id, hint=hint or "",
                             known=", ".join(sorted(table)))
    path = target_root / TARGET_DIRS[kind] / f"{new_id}.yaml"
    existing = table.get(new_id)
    if new_id == source_id:
        raise AuthoringError("new.same_id", id=new_id)
    if existing is not None and not _same_file(existing.path, path) and _inside(existing.path, target_root):
        raise AuthoringError("new.id_in_target", kind=kind, id=new_id, path=str(existing.path))
    if not force:
        if path.exists():
            raise AuthoringError("new.exists", path=str(path))
        if existing is not None:
            raise AuthoringError("new.id_taken", kind=kind, id=new_id, layer=existing.layer, path=str(existing.path))
    with source.path.open(encoding="utf-8", newline="") as handle:
        text = handle.read()
    return Copy(kind, source, new_id, path, retarget(text, source.line, new_id, source_id), path.exists())


def write_copy(copy: Copy) -> Path:
    """Write the planned copy (creating ``personas/`` or ``scenarios/``); returns its path."""
    copy.path.parent.mkdir(parents=True, exist_ok=True)
    with copy.path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(copy.text)
    return copy.path


def _same_file(a: Path, b: Path) -> bool:
    return b.exists() and a.resolve() == b.resolve()


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())
