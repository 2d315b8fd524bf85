"""One analyser, two users: the scorer judges with it, the simulated debtor reacts to it."""

from scoring.analysis.analyse import analyse
from scoring.analysis.model import Act, Analysis, Context, Facts, ToneFeature

__all__ = ["Act", "Analysis", "Context", "Facts", "ToneFeature", "analyse"]
