"""The answer the assistant returns, as the CLI, the web app, the API and the eval runner see it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .store import StoredArticle


@dataclass(frozen=True)
class Citation:
    """One cited (or retrieved) article, with the sentence(s) that support the answer."""

    jurisdiction: str
    document: str
    doc_number: str
    article: int
    label: str
    chapter: str
    text: str
    quote: str = ""
    score: float | None = None

    @classmethod
    def of(cls, item: StoredArticle, quote: str = "", score: float | None = None) -> Citation:
        meta = item.metadata
        return cls(jurisdiction=item.jurisdiction, document=str(meta["document"]),
                   doc_number=str(meta.get("doc_number", "")), article=item.number, label=str(meta["label"]),
                   chapter=str(meta.get("chapter_title", "")), text=item.text, quote=quote, score=score)

    @property
    def reference(self) -> str:
        """《title》（文号）第N条 — the form civil servants paste into documents."""
        number = f"（{self.doc_number}）" if self.doc_number else ""
        return f"《{self.document}》{number}{self.label}"

    @property
    def key(self) -> tuple[str, int]:
        return (self.jurisdiction, self.article)


@dataclass
class Answer:
    """An answer with its citations; ``to_dict`` is the JSON contract of the API."""

    answer: str
    abstained: bool
    jurisdictions: list[str]
    citations: list[Citation]
    retrieved: list[Citation]
    mode: str
    question: str = ""
    standalone_question: str = ""
    related: list[Citation] = field(default_factory=list)
    notice: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("citations", "related"):
            for item in data[key]:
                item.pop("score")
        return data

