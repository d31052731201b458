"""Errors the assistant reports to people, with messages in Chinese."""

from __future__ import annotations

from pathlib import Path


class AssistantError(Exception):
    """Base class: the message is a polite Chinese sentence meant for the user."""


class DocumentError(AssistantError):
    """A rule document that cannot be read or structured; nothing is written to the store."""

    def __init__(self, source: str | Path, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"无法导入文件 {Path(self.source).name}：{problem}")


class StoreError(AssistantError):
    """The knowledge base store is missing, unreadable or inconsistent."""
