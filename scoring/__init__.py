"""Pure analysis: transcript in, scorecard out.

No UI, no database, no network: ``scoring`` imports nothing from ``simulator``, Textual,
SQL drivers or torch (``tests/test_import_hygiene.py`` holds it to that).
"""

from scoring.analysis import Analysis, Context, Facts, analyse
from scoring.rubric import Rubric, load_rubric
from scoring.score import score
from scoring.scorecard import Scorecard
from scoring.transcript import Transcript, TranscriptError, parse_transcript, read_transcripts
from scoring.vocab import AgentAct, DebtorIntent, Jurisdiction, Outcome, Step, Trigger

__all__ = [
    "AgentAct", "Analysis", "Context", "DebtorIntent", "Facts", "Jurisdiction", "Outcome", "Rubric", "Scorecard",
    "Step", "Transcript", "TranscriptError", "Trigger", "analyse", "load_rubric", "parse_transcript",
    "read_transcripts", "score",
]
