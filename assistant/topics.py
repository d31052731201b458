"""Topic terms: the meetings, documents and procedures a question is about."""

from __future__ import annotations

from functools import cache
from importlib import resources

from .keyword import synonyms


@cache
def topic_terms() -> tuple[str, ...]:
    """Topic terms (assistant/data/topics.txt)."""
    text = resources.files("assistant.data").joinpath("topics.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def question_topics(question: str) -> list[str]:
    """Topic terms the question names, colloquial forms (常务会, 全会…) read as the rules' terms."""
    expanded = " ".join([question, *(" ".join(words) for phrase, words in synonyms().items() if phrase in question)])
    return [term for term in topic_terms() if term in expanded]
