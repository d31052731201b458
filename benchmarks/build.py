"""Benchmark: parse and build the bundled knowledge base from scratch; prints the numbers.

Usage: .venv/bin/python benchmarks/build.py
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from pathlib import Path

from assistant.config import Config
from assistant.ingest import build_index, load_document, manifest_entries


def main() -> None:
    started = time.perf_counter()
    documents = [load_document(path, hints) for path, hints in manifest_entries(Config())]
    parse_seconds = time.perf_counter() - started
    articles = sum(len(document.articles) for document in documents)
    with tempfile.TemporaryDirectory() as folder:
        config = Config(store_dir=Path(folder) / "store")
        started = time.perf_counter()
        build_index(config)
        build_seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cores                 {os.cpu_count()}")
    print(f"documents / articles  {len(documents)} / {articles}")
    print(f"parse only            {parse_seconds:.2f} s")
    print(f"full build (embed)    {build_seconds:.1f} s  ({articles / build_seconds:.0f} articles/s)")
    print(f"peak RSS              {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
