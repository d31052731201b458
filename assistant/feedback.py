"""👍/👎 feedback on answers, stored durably in SQLite and exportable as candidate eval items."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    user TEXT NOT NULL DEFAULT '',
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    jurisdiction TEXT,
    history TEXT NOT NULL,
    answer TEXT NOT NULL
)
"""
MAX_COMMENT_CHARS = 2000


class FeedbackStore:
    """Feedback rows in ``<data dir>/feedback.sqlite3`` (owner-only permissions)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = folder / "feedback.sqlite3"
        self._lock = threading.Lock()
        with self._connect() as connection:
            connection.execute(_SCHEMA)
        os.chmod(self.path, 0o600)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def record(self, *, rating: str, question: str, answer: dict[str, Any], comment: str = "",
               jurisdiction: str | None = None, history: list[tuple[str, str]] | None = None, user: str = "") -> int:
        """Store one rating; ``answer`` is ``Answer.to_dict()``. Returns the row id."""
        if rating not in ("up", "down"):
            raise ValueError("rating must be 'up' or 'down'")
        row = (time.strftime("%Y-%m-%dT%H:%M:%S%z"), user, rating, comment[:MAX_COMMENT_CHARS], question,
               jurisdiction, json.dumps(history or [], ensure_ascii=False), json.dumps(answer, ensure_ascii=False))
        with self._lock, self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO feedback (created_at, user, rating, comment, question, jurisdiction, history, answer)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
            return int(cursor.lastrowid or 0)

    def rows(self) -> list[dict[str, Any]]:
        """Every stored rating, oldest first, with history and answer decoded."""
        with self._connect() as connection:
            connection.row_factory = sqlite3.Row
            rows = [dict(row) for row in connection.execute("SELECT * FROM feedback ORDER BY id")]
        for row in rows:
            row["history"] = json.loads(row["history"])
            row["answer"] = json.loads(row["answer"])
        return rows

    def export_candidates(self) -> list[dict[str, Any]]:
        """Feedback as candidate eval items (eval/items format) for a person to review before adding."""
        candidates = []
        for row in self.rows():
            answer = row["answer"]
            gold = [{"jurisdiction": c["jurisdiction"], "article": c["article"]} for c in answer.get("citations", [])]
            liked = row["rating"] == "up"
            candidates.append({
                "id": f"fb-{row['id']:04d}",
                "type": "followup" if row["history"] else ("unanswerable" if answer.get("abstained") else "procedure"),
                "question": row["question"], "history": row["history"], "jurisdiction": row["jurisdiction"],
                "gold": gold if liked else [], "key_facts": [], "forbidden": [],
                "answer": answer.get("answer", "") if liked else "",
                "answerable": bool(gold) if liked else False, "split": "dev",
                "review": f"用户{'👍' if liked else '👎'}：{row['comment']}".rstrip("："),
            })
        return candidates
