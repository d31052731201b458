"""All benchmarks in one run; prints each one's table. Usage: .venv/bin/python benchmarks/bench.py [--quick]

--quick skips the ~40,000-article synthetic base (it takes several minutes to build).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = (("建库 / build (bundled rules)", ["build.py"]), ("延迟 / warm latency", ["latency.py", "--rounds", "2"]),
         ("冷启动 / cold start", ["coldstart.py"]), ("负载 / load test", ["load.py"]),
         ("规模 / synthetic ~40k articles", ["scale.py"]))


def main() -> None:
    quick = "--quick" in sys.argv
    for title, command in STEPS:
        if quick and command[0] == "scale.py":
            continue
        print(f"\n== {title} ==", flush=True)
        subprocess.run([sys.executable, *command], cwd=HERE, check=False)


if __name__ == "__main__":
    main()
