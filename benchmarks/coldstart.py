"""Benchmark: cold start of the web app (`python app.py`) to its first answer over HTTP; prints seconds.

Usage: .venv/bin/python benchmarks/coldstart.py   (uses the existing store; builds it if missing)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    try:
        while True:
            try:
                answer = httpx.post(f"http://127.0.0.1:{port}/api/ask", timeout=30,
                                    json={"question": "平凉市政府常务会议多久开一次？"}).json()
                break
            except httpx.TransportError:
                if process.poll() is not None or time.perf_counter() - started > 120:
                    sys.exit("the app did not start")
                time.sleep(0.1)
        elapsed = time.perf_counter() - started
        print(f"cores                        {os.cpu_count()}")
        print(f"cold start to first answer   {elapsed:.1f} s")
        print(f"first answer                 {answer['answer'].splitlines()[0]}")
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
