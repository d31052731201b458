"""Bounded load test over loopback: N concurrent clients send M questions through the HTTP API.

Starts the app on a free 127.0.0.1 port, asks every distinct question once without load, then
under load, and checks the answers match. Stops by itself. Prints throughput, latency, errors.
Usage: .venv/bin/python benchmarks/load.py [--clients 20] [--requests 1000]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from assistant.evalset import load_items

ROOT = Path(__file__).resolve().parent.parent


def start_app() -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    sys.exit("the app did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000)
    args = parser.parse_args()
    questions = [(item.question, item.jurisdiction) for item in load_items() if not item.history]
    process, url = start_app()
    try:
        with httpx.Client(timeout=30) as client:
            expected = {q: client.post(f"{url}/api/ask", json={"question": q, "jurisdiction": j}).json()["answer"]
                        for q, j in questions}
        latencies: list[float] = []
        errors: list[str] = []
        mismatches: list[str] = []
        lock = threading.Lock()
        counter = iter(range(args.requests))

        def worker() -> None:
            with httpx.Client(timeout=30) as client:
                for number in counter:
                    question, place = questions[number % len(questions)]
                    began = time.perf_counter()
                    try:
                        response = client.post(f"{url}/api/ask", json={"question": question, "jurisdiction": place})
                        elapsed = (time.perf_counter() - began) * 1000
                        with lock:
                            latencies.append(elapsed)
                            if response.status_code != 200:
                                errors.append(f"HTTP {response.status_code}")
                            elif response.json()["answer"] != expected[question]:
                                mismatches.append(question)
                    except httpx.HTTPError as exc:
                        with lock:
                            errors.append(type(exc).__name__)

        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
        wall = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=10)
    latencies.sort()
    print(f"cores              {os.cpu_count()}")
    print(f"clients/requests   {args.clients} / {len(latencies) + len([e for e in errors if not e.startswith('HTTP')])}")
    print(f"throughput         {len(latencies) / wall:.1f} requests/s over {wall:.1f} s")
    print(f"latency            p50 {statistics.median(latencies):.0f} ms, p95 {latencies[int(0.95 * len(latencies)) - 1]:.0f} ms, "
          f"p99 {latencies[int(0.99 * len(latencies)) - 1]:.0f} ms")
    print(f"errors             {len(errors)}")
    print(f"answers differing from unloaded answers  {len(mismatches)}")


if __name__ == "__main__":
    main()
