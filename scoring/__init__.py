"""Pure analysis: transcript in, scorecard out.

No UI, no database, no network: ``scoring`` imports nothing from ``simulator``, Textual,
SQL drivers or torch (``tests/test_import_hygiene.py`` holds it to that).
"""

from scoring.vocab import AgentAct, DebtorIntent, Jurisdiction, Outcome, Step, Trigger

__all__ = ["AgentAct", "DebtorIntent", "Jurisdiction", "Outcome", "Step", "Trigger"]
