"""Read one YAML document and remember the line of every key and item.

Pydantic reports errors by location (``reactions.threat.mood``); trainers need the line
in their file. We compose the node graph once, keep a ``path -> line`` map from the node
marks, and construct the data from the same nodes.

Two deliberate departures from PyYAML's defaults, both to spare trainers surprises:
booleans follow YAML 1.2 (only ``true``/``false``; ``on``, ``no`` and ``yes`` stay
strings, so ``hang_up_when: {on: [...]}`` means what it says), and a key repeated in one
mapping is an error instead of silently keeping the last value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~5x faster


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """SafeLoader with YAML 1.2 booleans."""


# Drop every implicit resolver for bool, then add back the YAML 1.2 one.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class YamlError(Exception):
    """The text is not one well-formed YAML document; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    """Data from one YAML file plus the line of each path inside it."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicates: list[tuple[Path_, int, int]] = field(default_factory=list)
    """Keys given twice in one mapping: (path, line of the repeat, line of the first)."""

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def parse(text: str) -> Document:
    """Parse ``text`` as a single YAML document, raising :class:`YamlError` with a line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(data=None, lines={(): 1})
        doc = Document(data=None)
        _walk(node, (), doc)
        doc.data = loader.construct_document(node)
        return doc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise YamlError(line, message or "invalid YAML") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, str(exc).splitlines()[0]) from None
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: Path_, doc: Document) -> None:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            line = key_node.start_mark.line + 1
            if key in seen:
                doc.duplicates.append((path + (key,), line, seen[key]))
                continue
            seen[key] = line
            doc.lines[path + (key,)] = line
            _walk(value_node, path + (key,), doc)
            doc.lines[path + (key,)] = line  # the key's line, not the value's
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), doc)
