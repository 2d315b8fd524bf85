"""Load personas and cases from the catalog search path, collecting every problem.

The search path is layered: built-in data, then the user data folder, then each folder in
``DEBTSIM_CATALOG``, then each ``--catalog DIR``. A later layer's file with the same id
replaces the earlier one (a notice, not an error); two files with one id in the *same*
layer are a duplicate (an error on the later file). Every valid file loads whatever is
wrong with its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel

from scoring.loading import files, yamlsrc
from scoring.loading.problems import Problems, display_path
from scoring.loading.text import suggest
from simulator.catalog.models import Case, Persona

Kind = Literal["persona", "case"]
KIND_DIRS: dict[Kind, tuple[str, ...]] = {"persona": ("personas",), "case": ("scenarios", "cases")}
MODELS: dict[Kind, type[BaseModel]] = {"persona": Persona, "case": Case}
SUFFIXES = (".yaml", ".yml")

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[M]):
    """A loaded model and where it came from."""

    model: M
    path: Path
    line: int
    layer: str
    doc: yamlsrc.Document | None = field(default=None, compare=False, repr=False)
    """The parsed file, kept so later checks can name lines without reading it again."""


@dataclass(frozen=True)
class Layer:
    """One level of the search path: a label and the files it contributes."""

    label: str
    files: tuple[tuple[Kind, Path], ...]


@dataclass
class Catalog:
    """Every persona and case that loaded, and every problem met on the way."""

    personas: dict[str, Entry[Persona]] = field(default_factory=dict)
    cases: dict[str, Entry[Case]] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)

    def persona(self, persona_id: str) -> Persona:
        """The persona with this id; ``KeyError`` with the valid ids otherwise."""
        return _get(self.personas, persona_id, "persona").model

    def case(self, case_id: str) -> Case:
        """The case with this id; ``KeyError`` with the valid ids otherwise."""
        return _get(self.cases, case_id, "case").model


def _get(table: dict[str, Entry[M]], key: str, what: str) -> Entry[M]:
    if key in table:
        return table[key]
    raise KeyError(f"no {what} {key!r}{_id_hint(key, table)} (known: {', '.join(sorted(table))})")


def _id_hint(key: str, known: dict[str, Entry[M]]) -> str:
    close = close_id(key, known)
    return f"; did you mean {close!r}?" if close else ""


def close_id(key: str, known: dict[str, Entry[M]]) -> str | None:
    """The known id closest to a misspelt ``key`` (the "did you mean" of every catalog lookup)."""
    # 0.75 rather than the default 0.6: at 0.6 'cooperative' suggests 'relative'.
    return suggest(key, known, cutoff=0.75)


# --- one file ------------------------------------------------------------------------


def read_file(path: Path, kind: Kind, into: Problems) -> tuple[BaseModel | None, yamlsrc.Document | None]:
    """Validate one file: the model (or ``None``) and the parsed document (for line numbers)."""
    return files.read_model(path, MODELS[kind], kind, into)


def sniff_kind(path: Path) -> Kind:
    """Whether a file is a persona or a case: by its folder, else by its keys."""
    for kind, names in KIND_DIRS.items():
        if path.parent.name in names:
            return kind
    try:
        head = path.read_text("utf-8", errors="replace")
    except OSError:
        return "persona"
    persona_keys = ("temperament:", "phrases:", "truth:")
    return "persona" if any(f"\n{k}" in f"\n{head}" for k in persona_keys) else "case"


# --- layers --------------------------------------------------------------------------


def layer_from_root(label: str, root: Path) -> Layer:
    """A catalog folder: ``personas/`` and ``scenarios/`` inside it, either may be missing."""
    files: list[tuple[Kind, Path]] = []
    for kind, names in KIND_DIRS.items():
        for name in names:
            folder = root / name
            if folder.is_dir():
                files.extend((kind, p) for p in sorted(folder.iterdir()) if p.suffix in SUFFIXES and p.is_file())
    return Layer(label, tuple(files))


def layer_from_paths(label: str, paths: list[Path]) -> Layer:
    """What ``debtsim check PATH...`` names: catalog folders, kind folders or single files."""
    files: list[tuple[Kind, Path]] = []
    for path in paths:
        if path.is_dir() and any((path / n).is_dir() for names in KIND_DIRS.values() for n in names):
            files.extend(layer_from_root(label, path).files)
        elif path.is_dir():
            files.extend(
                (sniff_kind(p), p) for p in sorted(path.iterdir()) if p.suffix in SUFFIXES and p.is_file()
            )
        else:
            files.append((sniff_kind(path), path))
    return Layer(label, tuple(files))


def load(layers: list[Layer]) -> Catalog:
    """Load every layer in order into one :class:`Catalog`."""
    catalog = Catalog()
    seen_files: set[Path] = set()
    for layer in layers:
        ids_in_layer: dict[tuple[Kind, str], tuple[Path, int]] = {}
        for kind, path in layer.files:
            real = path.resolve()
            if real in seen_files:  # the same file named twice (e.g. check of a built-in folder)
                continue
            seen_files.add(real)
            model, doc = read_file(path, kind, catalog.problems)
            if model is None:
                continue
            line = doc.line_of(("id",)) if doc is not None else 1
            model_id = model.id  # type: ignore[attr-defined]
            first = ids_in_layer.get((kind, model_id))
            if first is not None:
                catalog.problems.add(path, line, "id", f"duplicate of {display_path(first[0])}:{first[1]}")
                continue
            ids_in_layer[(kind, model_id)] = (path, line)
            table = catalog.personas if kind == "persona" else catalog.cases
            earlier = table.get(model_id)
            if earlier is not None:
                catalog.problems.note(
                    path, line, "id",
                    f"replaces the {earlier.layer} {kind} {model_id!r} from {display_path(earlier.path)}:{earlier.line}",
                )
            table[model_id] = Entry(model, path, line, layer.label, doc)  # type: ignore[arg-type]
    _check_references(catalog)
    return catalog


def _check_references(catalog: Catalog) -> None:
    """A case that names a persona that does not exist is an error on that line."""
    for entry in catalog.cases.values():
        for index, persona_id in enumerate(entry.model.personas):
            if persona_id not in catalog.personas:
                line = entry.doc.line_of(("personas", index)) if entry.doc is not None else entry.line
                hint = _id_hint(persona_id, catalog.personas)
                catalog.problems.add(entry.path, line, f"personas.{index}", f"no persona {persona_id!r}{hint}")
