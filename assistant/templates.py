"""Answer and prompt templates, kept as files under prompts/ so wording changes need no code change."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from .config import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"


@cache
def answer_templates(folder: Path = PROMPTS_DIR) -> dict[str, str]:
    """The extractive answer templates (prompts/answer.toml)."""
    return tomllib.loads((folder / "answer.toml").read_text(encoding="utf-8"))


def render(name: str, **fields: object) -> str:
    """Fill one answer template."""
    return answer_templates()[name].format(**fields)


@cache
def prompt(name: str, folder: Path = PROMPTS_DIR) -> str:
    """A prompt file's text (prompts/NAME.txt)."""
    return (folder / f"{name}.txt").read_text(encoding="utf-8")
