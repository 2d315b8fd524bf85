"""Personas and cases: schemas, YAML loading with line-accurate problems, the search path."""

from scoring.loading.problems import Problem, Problems
from simulator.catalog.loader import Catalog, Entry, Layer, load
from simulator.catalog.models import Case, LocalText, Persona

__all__ = ["Case", "Catalog", "Entry", "Layer", "LocalText", "Persona", "Problem", "Problems", "load"]
