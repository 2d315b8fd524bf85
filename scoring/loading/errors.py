"""Turn pydantic validation errors into ``path:line: field: message`` problems.

Pydantic gives a location such as ``('reactions', 'threat', 'mood')``; the YAML document
gives the line of that location. Unknown keys and unknown enum values get a "did you
mean" hint computed from the schema itself, so the hints never drift from the models.
"""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from scoring.loading.problems import Problems
from scoring.loading.text import suggest
from scoring.loading.yamlsrc import Document

_FIELD_PREFIX = re.compile(r"^([a-z_][a-z0-9_.]*): (.+)$", re.S)
_QUOTED = re.compile(r"'([^']*)'")


def report(exc: ValidationError, model: type[BaseModel], doc: Document, path: Path, into: Problems) -> None:
    """Add one problem per pydantic error, with the YAML line of its location."""
    seen: set[tuple[int, str, str]] = set()
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        is_key = bool(loc) and loc[-1] == "[key]"
        if is_key:
            loc = loc[:-1]
        loc = _in_data(loc, doc.data, keep_last=err["type"] == "missing")
        message = _message(err, model, loc, is_key)
        match = _FIELD_PREFIX.match(message)
        if err["type"] == "value_error" and match:
            loc = loc + tuple(match.group(1).split("."))
            message = match.group(2)
        field = field_name(loc)
        line = doc.line_of(loc)
        if (line, field, message) not in seen:  # unions can repeat one problem
            seen.add((line, field, message))
            into.add(path, line, field, message)


def _in_data(loc: tuple, data: Any, keep_last: bool) -> tuple:
    """The parts of a pydantic location that exist in the file.

    Pydantic inserts the name of each union member it tried (``function-after[...]``,
    ``float``) into the location; the file has no such key, so walking the data tells
    them apart from real keys, however odd a trainer's key is. A missing field's own
    name is kept: it is the point of the message.
    """
    out: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        if isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif not (keep_last and index == len(loc) - 1):
            continue
        out.append(part)
    return tuple(out)


def field_name(loc: tuple) -> str:
    """``reactions.threat.mood`` for a location; ``(file)`` for the whole file."""
    return ".".join(_part(p) for p in loc) or "(file)"


def _part(part: str | int) -> str:
    """A location part as it can sit in ``path:line: field: message`` unambiguously."""
    text = str(part)
    if isinstance(part, int) or re.fullmatch(r"[\w-]+", text):
        return text
    shown = text if len(text) <= 24 else text[:21] + "..."
    return "[" + repr(shown).replace(":", "\\x3a") + "]"


def _message(err: Any, model: type[BaseModel], loc: tuple, is_key: bool) -> str:
    kind = err["type"]
    msg = str(err["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        options = _fields_at(model, loc[:-1])
        hint = suggest(name, options)
        return f"unknown key {_part(name) if len(name) > 24 else repr(name)}" + (f"; did you mean {hint!r}?" if hint else "") + (
            f" (expected one of: {', '.join(sorted(options))})" if options and not hint else ""
        )
    if kind == "missing":
        return "required field is missing"
    if kind in {"enum", "literal_error"}:
        options = _QUOTED.findall(str(err.get("ctx", {}).get("expected", "")))
        got = err.get("input")
        hint = suggest(str(got), options) if got is not None else None
        what = "key" if is_key else "value"
        text = f"unknown {what} {got!r}" if got is not None else msg
        if hint:
            return f"{text}; did you mean {hint!r}?"
        if len(options) <= 8:
            return f"{text}; expected one of: {', '.join(options)}"
        return f"{text} (see the schema in README.md for the allowed names)"
    return msg


def _fields_at(model: type[BaseModel], loc: tuple) -> set[str]:
    """Field names of the model found by following ``loc`` through the annotations."""
    current: Any = model
    for part in loc:
        current = _descend(current, part)
        if current is None:
            return set()
    cls = _model_in(current)
    return set(cls.model_fields) if cls else set()


def _descend(annotation: Any, part: str | int) -> Any:
    cls = _model_in(annotation)
    if cls is not None and isinstance(part, str) and part in cls.model_fields:
        return cls.model_fields[part].annotation
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (list, tuple, set, frozenset) and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            found = _descend(arg, part)
            if found is not None:
                return found
    if origin is typing.Annotated:
        return _descend(args[0], part)
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
