"""The data a rule document becomes: document metadata, chapters and articles."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .numerals import article_label


@dataclass(frozen=True)
class Jurisdiction:
    """A government a rule document belongs to (平凉市, 庄浪县, 国务院…)."""

    name: str
    level: str = ""
    province: str = ""
    parent: str = ""


@dataclass(frozen=True)
class Article:
    """One article (条) of a rule document, the unit of retrieval and citation."""

    number: int
    text: str
    chapter_number: int = 0
    chapter_title: str = ""

    @property
    def label(self) -> str:
        return article_label(self.number)


@dataclass
class RuleDocument:
    """A parsed rule document with its metadata and articles in order."""

    title: str
    jurisdiction: Jurisdiction
    articles: list[Article]
    doc_number: str = ""
    issue_date: str = ""
    repeals: str = ""
    source: str = ""
    content_sha256: str = ""
    chapters: list[tuple[int, str]] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        """Stable id: the same jurisdiction and 文号 (or title) always give the same id."""
        key = f"{self.jurisdiction.name}|{self.doc_number or self.title}"
        return "doc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def chunk_id(self, article: Article) -> str:
        """Deterministic chunk id of one article of this document."""
        return f"{self.doc_id}-{article.number:04d}"
