"""Scoring throughput: 20-turn calls per second on one core.

    python benchmarks/score_speed.py [--calls 2000]

The batch is built from the labelled calls in tests/data/calls (each cut or cycled to
exactly 20 turns, so every call costs the same), scored one after another in this
process. Patterns are compiled once, before timing.

Two figures, because the analyser caches its work per utterance text: **cold** empties
that cache before every call (every line is new, as with real QA exports: the honest
figure), **warm** keeps it (lines recur, as in scripted practice calls and re-scoring).
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from pathlib import Path

import scoring
from scoring.analysis.lexicon import builtin_lexicons
from scoring.transcript import parse_transcript

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "calls"


def _twenty_turn_calls() -> list[dict]:
    calls = []
    for path in sorted(DATA.rglob("*.json")):
        raw = json.loads(path.read_text("utf-8"))
        raw.pop("expected", None)
        raw["turns"] = list(itertools.islice(itertools.cycle(raw["turns"]), 20))
        calls.append(raw)
    if not calls:
        raise SystemExit(f"no labelled calls under {DATA}")
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    pool = [parse_transcript(raw) for raw in _twenty_turn_calls()]
    batch = list(itertools.islice(itertools.cycle(pool), args.calls))
    scoring.score(batch[0])  # load the rubric and compile patterns before timing
    caches = [lexicon.cache for lexicon in builtin_lexicons().values()]
    print(f"{len(pool)} distinct calls, {args.calls} per run, {args.repeats} runs, one core")
    for mode in ("cold", "warm"):
        rates = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            for transcript in batch:
                if mode == "cold":
                    for cache in caches:
                        cache.clear()
                scoring.score(transcript)
            rates.append(len(batch) / (time.perf_counter() - start))
        median = statistics.median(rates)
        print(f"{mode}: median {median:,.0f} calls/s (min {min(rates):,.0f}, max {max(rates):,.0f}) = {median * 20:,.0f} utterances/s")


if __name__ == "__main__":
    main()
