"""Optional audit log: who asked what and which articles were cited (JSON Lines, owner-only)."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

from .answer import Answer


class AuditLog:
    """Appends one line per answered question to a file readable only by its owner."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        os.close(descriptor)
        os.chmod(path, 0o600)
        self._lock = threading.Lock()

    def record(self, user: str, channel: str, answer: Answer) -> None:
        line = json.dumps({
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "user": user or "anonymous", "channel": channel,
            "question": answer.question, "jurisdictions": answer.jurisdictions, "abstained": answer.abstained,
            "citations": [f"{c.jurisdiction}·{c.label}" for c in answer.citations], "mode": answer.mode,
        }, ensure_ascii=False)
        with self._lock, open(self.path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
