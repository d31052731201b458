"""Benchmark on a synthetic large knowledge base (default 100 jurisdictions x 5 documents, ~40,000 articles).

Prints build time and throughput, store size, peak RSS, and extractive query latency.
Usage: .venv/bin/python benchmarks/scale.py [--jurisdictions 100] [--documents 5] [--queries 300]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from synthetic import generate, place_name

from assistant.config import Config
from assistant.core import Assistant
from assistant.ingest import build_index

QUESTIONS = ("{}政府常务会议多久开一次？", "{}会签文件几天内要回复？", "{}市长出差谁主持工作？",
             "{}副市长出差要提前几天请假？", "{}全体会议由哪些人组成？", "{}规则第十三条讲什么",
             "{}以市政府名义发文由谁签发？", "{}常务会议议题要提前几天申报？")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jurisdictions", type=int, default=100)
    parser.add_argument("--documents", type=int, default=5)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        documents = generate(root, args.jurisdictions, args.documents)
        config = Config(index_dir=root, store_dir=root / "store")
        started = time.perf_counter()
        built = build_index(config)
        build_seconds = time.perf_counter() - started
        articles = sum(len(document.articles) for document in built)
        size = subprocess.run(["du", "-sh", str(config.store_path)], capture_output=True, text=True).stdout.split()[0]
        print(f"cores                    {os.cpu_count()}")
        print(f"jurisdictions/documents  {args.jurisdictions} / {documents}")
        print(f"articles                 {articles}")
        print(f"build (parse+embed+write){build_seconds:8.1f} s  ({articles / build_seconds:.0f} articles/s)")
        print(f"store size               {size}", flush=True)
        started = time.perf_counter()
        assistant = Assistant.open(config)
        open_seconds = time.perf_counter() - started
        rng = random.Random(11)
        timings = []
        for _ in range(args.queries):
            question = rng.choice(QUESTIONS).format(place_name(rng.randrange(args.jurisdictions)))
            began = time.perf_counter()
            assistant.ask(question)
            timings.append((time.perf_counter() - began) * 1000)
        timings.sort()
        print(f"open (keyword index)     {open_seconds:8.1f} s")
        print(f"query latency            p50 {statistics.median(timings):.1f} ms, "
              f"p95 {timings[int(0.95 * len(timings)) - 1]:.1f} ms over {len(timings)} questions")
        print(f"peak RSS                 {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
