"""Time the commands a user runs most, as whole processes (what a person waits for).

    python benchmarks/startup.py [--runs 20]

Prints a Markdown table for benchmarks/README.md. Not a test: timings depend on the
machine; the tests guard start-up through ``sys.modules`` instead.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = [
    ["--help"],
    ["--version"],
    ["check"],
    ["personas", "--json"],
]


def _time(argv: list[str], runs: int) -> tuple[float, float]:
    exe = shutil.which("debtsim") or str(Path(sys.executable).parent / "debtsim")
    samples = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([exe, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - start)
    samples = sorted(samples[1:])  # the first run warms the file cache
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print("| command | median | p90 |")
    print("| --- | ---: | ---: |")
    for argv in COMMANDS:
        median, p90 = _time(argv, args.runs)
        print(f"| `debtsim {' '.join(argv)}` | {median * 1000:.0f} ms | {p90 * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
