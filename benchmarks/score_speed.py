"""Scoring throughput: 20-turn calls per second on one core.

    python benchmarks/score_speed.py [--calls 2000] [--repeats 5] [--profile cold|warm]

The batch is built from the labelled calls in tests/data/calls (each cut or cycled to
exactly 20 turns, so every call costs the same), scored one after another in this
process. Patterns and the literal prefilters are compiled before timing, by one pass over
every distinct call; that pass is reported too (**first pass**: it also compiles each
family's alternation cut down to the alternatives a text can match, the first time that
cut occurs).

Two figures, because the analyser caches its work per utterance text: **cold** empties
that cache before every call (every line is new, as with real QA exports: the honest
figure), **warm** keeps it (lines recur, as in scripted practice calls and re-scoring).
Each is the median of ``--repeats`` runs over the batch (wall clock), with the spread, the
time per call and per utterance (agent and debtor turns). ``--profile`` runs one more batch
in that mode under cProfile and prints where the time went.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import pstats
import statistics
import time
from pathlib import Path

import scoring
from scoring.analysis.lexicon import builtin_lexicons
from scoring.transcript import Transcript, parse_transcript

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


def _run(batch: list[Transcript], caches: list[dict], cold: bool) -> float:
    start = time.perf_counter()
    for transcript in batch:
        if cold:
            for cache in caches:
                cache.clear()
        scoring.score(transcript)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--profile", choices=("cold", "warm"), help="profile one more batch in this mode")
    args = parser.parse_args()
    pool = [parse_transcript(raw) for raw in _twenty_turn_calls()]
    batch = list(itertools.islice(itertools.cycle(pool), args.calls))
    utterances = sum(t.speaker in ("agent", "debtor") for call in batch for t in call.turns)
    scoring.score(pool[0])  # load the rubric and compile the lexicons
    caches = [lexicon.cache for lexicon in builtin_lexicons().values()]
    first = _run(pool, caches, cold=True)  # every distinct call once: prefilters, narrowed alternations
    by_lang = {lang: sum(call.language == lang for call in pool) for lang in sorted({c.language for c in pool})}
    print(f"{len(pool)} distinct calls ({', '.join(f'{n} {lang}' for lang, n in by_lang.items())}), "
          f"{args.calls} per run ({utterances / len(batch):.1f} utterances per call), {args.repeats} runs, one core")
    print(f"first pass: {len(pool) / first:,.0f} calls/s")
    for mode in ("cold", "warm"):
        times = [_run(batch, caches, cold=mode == "cold") for _ in range(args.repeats)]
        rates = [len(batch) / t for t in times]
        median = statistics.median(times)
        print(f"{mode}: median {len(batch) / median:,.0f} calls/s (min {min(rates):,.0f}, max {max(rates):,.0f})"
              f" = {median / len(batch) * 1e3:.2f} ms per call, {median / utterances * 1e6:.0f} µs per utterance")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        _run(batch, caches, cold=args.profile == "cold")
        profile.disable()
        print(f"\n--- profile: one {args.profile} run of {len(batch)} calls (cProfile slows pure Python most) ---")
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
