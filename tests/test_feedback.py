"""Feedback storage: durable, owner-only, exportable as candidate eval items."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Config
from assistant.core import Assistant
from assistant.feedback import FeedbackStore


@pytest.fixture(scope="module")
def answer(bundled_store: Config) -> dict:
    return Assistant.open(bundled_store).ask("平凉市政府常务会议多久开一次？").to_dict()


def test_rows_survive_reopening_with_private_permissions(tmp_path: Path, answer: dict) -> None:
    store = FeedbackStore(tmp_path / "data")
    first = store.record(rating="up", question="平凉市政府常务会议多久开一次？", answer=answer, comment="好")
    store.record(rating="down", question="那忻州呢？", answer=answer, history=[("问", "答")], jurisdiction="忻州市")
    reopened = FeedbackStore(tmp_path / "data")
    rows = reopened.rows()
    assert [row["id"] for row in rows] == [first, first + 1]
    assert rows[1]["history"] == [["问", "答"]] and rows[1]["jurisdiction"] == "忻州市"
    assert stat.S_IMODE(os.stat(reopened.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path / "data").st_mode) == 0o700
    with pytest.raises(ValueError):
        store.record(rating="meh", question="q", answer=answer)


def test_export_as_candidate_eval_items(tmp_path: Path, answer: dict) -> None:
    store = FeedbackStore(tmp_path)
    store.record(rating="up", question="平凉市政府常务会议多久开一次？", answer=answer, comment="准确")
    store.record(rating="down", question="平凉常务会议在哪开？", answer=answer, comment="答非所问")
    result = subprocess.run([sys.executable, "-m", "assistant", "feedback", "export", "--data-dir", str(tmp_path)],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    liked, disliked = [json.loads(line) for line in result.stdout.splitlines()]
    assert liked["gold"] == [{"jurisdiction": "平凉市", "article": 53}] and liked["answerable"]
    assert liked["review"] == "用户👍：准确"
    assert disliked["gold"] == [] and disliked["review"] == "用户👎：答非所问"
    assert set(liked) >= {"id", "type", "question", "history", "jurisdiction", "gold", "key_facts", "forbidden",
                          "answer", "answerable", "split"}
