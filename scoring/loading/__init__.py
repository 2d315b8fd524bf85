"""Loading trainer-written YAML with ``path:line: field: message`` problems.

Shared by the persona/case catalog (``simulator.catalog``) and the rubric loader, and kept
in ``scoring`` because ``scoring`` may not import ``simulator``.
"""

from scoring.loading.problems import Problem, Problems, display_path

__all__ = ["Problem", "Problems", "display_path"]
