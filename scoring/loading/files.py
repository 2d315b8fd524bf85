"""Read one trainer YAML file into a pydantic model, collecting every problem.

The steps every kind of file shares (personas, cases, rubric packs): bytes -> UTF-8 text
-> one YAML document -> a mapping -> a validated model. Each failure becomes a problem
with the file and line; nothing is raised.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from scoring.loading import errors, yamlsrc
from scoring.loading.problems import Problems
from scoring.loading.text import NotUtf8, decode_utf8

M = TypeVar("M", bound=BaseModel)


def read_mapping(path: Path, what: str, into: Problems) -> yamlsrc.Document | None:
    """The YAML document of ``path`` if it is readable UTF-8 holding one mapping."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        into.add(path, 1, "(file)", f"cannot read: {exc.strerror or exc}")
        return None
    try:
        text = decode_utf8(raw)
    except NotUtf8 as exc:
        into.add(path, exc.line, "(file)", exc.message)
        return None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        into.add(path, line, "(file)", "binary data (NUL byte); this is not a YAML text file")
        return None
    try:
        doc = yamlsrc.parse(text)
    except yamlsrc.YamlError as exc:
        into.add(path, exc.line, "(yaml)", exc.message)
        return None
    if doc.data is None:
        into.add(path, 1, "(file)", f"file is empty; a {what} file is a mapping of fields")
        return None
    if not isinstance(doc.data, dict):
        got = {"list": "list", "str": "single text value"}.get(type(doc.data).__name__, type(doc.data).__name__)
        into.add(path, doc.line_of(()), "(file)", f"expected a mapping of fields at the top, got a {got}")
        return None
    for dup_path, line, first in doc.duplicates:
        into.add(path, line, errors.field_name(dup_path), f"key given twice (first on line {first})")
    return None if doc.duplicates else doc


def validate(doc: yamlsrc.Document, model: type[M], path: Path, into: Problems) -> M | None:
    """The model built from ``doc``, or ``None`` with one problem per validation error."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors.report(exc, model, doc, path, into)
        return None


def read_model(path: Path, model: type[M], what: str, into: Problems) -> tuple[M | None, yamlsrc.Document | None]:
    """:func:`read_mapping` then :func:`validate`."""
    doc = read_mapping(path, what, into)
    return (validate(doc, model, path, into) if doc is not None else None), doc
