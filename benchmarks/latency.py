"""Benchmark: warm answer latency in extractive mode over the evaluation questions; prints numbers.

Usage: .venv/bin/python benchmarks/latency.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time

from assistant.config import Config
from assistant.core import Assistant
from assistant.evalset import load_items


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    started = time.perf_counter()
    assistant = Assistant.open(Config())
    first = assistant.ask("平凉市政府常务会议多久开一次？")
    cold = time.perf_counter() - started
    items = load_items()
    rounds_ms: list[list[float]] = []
    for _ in range(rounds):
        timings = []
        for item in items:
            began = time.perf_counter()
            assistant.ask(item.question, item.jurisdiction, item.history)
            timings.append((time.perf_counter() - began) * 1000)
        rounds_ms.append(sorted(timings))
    print(f"cores                       {os.cpu_count()}")
    print(f"cold start to first answer  {cold:.2f} s ({'ok' if not first.abstained else 'abstained'})")
    print(f"questions x rounds          {len(items)} x {rounds}")
    for label, timings in (("new questions", rounds_ms[0]), ("repeated (cached embeddings)",
                                                             sorted(t for r in rounds_ms[1:] for t in r))):
        if timings:
            print(f"{label:<28} median {statistics.median(timings):.1f} ms, "
                  f"p95 {timings[int(0.95 * len(timings)) - 1]:.1f} ms, max {timings[-1]:.1f} ms")
    print(f"peak RSS                    {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
