"""The command line run as a user runs it: a fresh process on a given store."""

from __future__ import annotations

import os
import subprocess
import sys

from assistant.config import PROJECT_ROOT, Config


def environment(config: Config) -> dict[str, str]:
    """This process's environment with the config's store as the command line's store."""
    return {**os.environ, "ASSISTANT_STORE_DIR": str(config.store_path)}


def cli(config: Config, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m assistant ARGS`` on the config's store, with extra environment variables."""
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          env={**environment(config), **(env or {})}, cwd=PROJECT_ROOT, timeout=120)
