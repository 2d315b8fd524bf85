"""Pure analysis: transcript in, scorecard out.

No UI, no database, no network: ``scoring`` imports nothing from ``simulator``, Textual,
SQL drivers or torch (``tests/test_import_hygiene.py`` holds it to that).

The public names load lazily (PEP 562): ``from scoring.vocab import Step`` must not pay for
compiling the analyser and rubric (~250 ms), which the catalog and ``debtsim check`` never use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from scoring.vocab import AgentAct, DebtorIntent, Jurisdiction, Outcome, Step, Trigger

_LAZY = {
    "Analysis": "scoring.analysis",
    "Context": "scoring.analysis",
    "Facts": "scoring.analysis",
    "analyse": "scoring.analysis",
    "Rubric": "scoring.rubric",
    "load_rubric": "scoring.rubric",
    "score": "scoring.scorer",
    "Scorecard": "scoring.scorecard",
    "Transcript": "scoring.transcript",
    "TranscriptError": "scoring.transcript",
    "parse_transcript": "scoring.transcript",
    "read_transcripts": "scoring.transcript",
}

if TYPE_CHECKING:
    from scoring.analysis import Analysis, Context, Facts, analyse
    from scoring.rubric import Rubric, load_rubric
    from scoring.scorecard import Scorecard
    from scoring.scorer import score
    from scoring.transcript import Transcript, TranscriptError, parse_transcript, read_transcripts


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "AgentAct", "Analysis", "Context", "DebtorIntent", "Facts", "Jurisdiction", "Outcome", "Rubric", "Scorecard",
    "Step", "Transcript", "TranscriptError", "Trigger", "analyse", "load_rubric", "parse_transcript",
    "read_transcripts", "score",
]
