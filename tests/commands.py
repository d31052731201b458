"""The command line run as a user runs it: a fresh process on a given store."""

from __future__ import annotations

import os
import subprocess
import sys

from assistant.config import PROJECT_ROOT, Config


def cli(config: Config, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m assistant ARGS`` on the config's store, with extra environment variables."""
    variables = {**os.environ, "ASSISTANT_STORE_DIR": str(config.store_path), **(env or {})}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          env=variables, cwd=PROJECT_ROOT, timeout=120)
