"""The Chroma store of articles: one chunk per article, with its citation metadata."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from .config import Config
from .errors import StoreError
from .generations import generations
from .models import Article, RuleDocument

_BATCH = 64
_PAGE = 5000


@dataclass(frozen=True)
class StoredArticle:
    """An article as it comes back from the store: its text plus citation metadata."""

    id: str
    text: str
    metadata: dict[str, Any]

    @property
    def jurisdiction(self) -> str:
        return str(self.metadata["jurisdiction"])

    @property
    def number(self) -> int:
        return int(self.metadata["article"])


def chunk_metadata(document: RuleDocument, article: Article) -> dict[str, Any]:
    """The metadata stored with one article's chunk (Chroma accepts scalars only)."""
    place = document.jurisdiction
    return {
        "doc_id": document.doc_id, "jurisdiction": place.name, "level": place.level,
        "province": place.province, "parent": place.parent, "document": document.title,
        "doc_number": document.doc_number, "issue_date": document.issue_date,
        "repeals": document.repeals, "source": Path(document.source).name,
        "content_sha256": document.content_sha256, "chapter": article.chapter_number,
        "chapter_title": article.chapter_title, "article": article.number, "label": article.label,
    }


def embedding_text(article: Article) -> str:
    """What the embedder sees: the chapter title gives short articles their topic."""
    return f"{article.chapter_title}：{article.text}" if article.chapter_title else article.text


def write_document(collection: chromadb.Collection, document: RuleDocument, embedder: Embeddings) -> None:
    """Replace a document's chunks in the collection (same ids, never duplicates)."""
    collection.delete(where={"doc_id": document.doc_id})
    articles = document.articles
    for start in range(0, len(articles), _BATCH):
        batch = articles[start:start + _BATCH]
        collection.add(
            ids=[document.chunk_id(article) for article in batch],
            documents=[article.text for article in batch],
            metadatas=[chunk_metadata(document, article) for article in batch],
            embeddings=embedder.embed_documents([embedding_text(article) for article in batch]),
        )


class RuleStore:
    """Read access to the live store generation (embedded folder or shared Chroma server)."""

    def __init__(self, client: chromadb.ClientAPI, collection: str, token: str) -> None:
        self.client = client
        self.collection_name = collection
        self.token = token  # identifies the generation, to notice when a newer one is published
        try:
            self.collection = client.get_collection(collection)
            self.collection.count()
        except Exception as exc:  # chromadb raises NotFoundError, InternalError or sqlite errors by version
            raise StoreError(f"知识库 {token} 已损坏或缺少集合“{collection}”（{type(exc).__name__}）。"
                             "请运行：python -m assistant index build 重建") from exc

    @classmethod
    def open(cls, config: Config) -> RuleStore:
        """The live generation of the configured store; StoreError if there is none."""
        try:
            live = generations(config).open_live()
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"知识库无法打开（{type(exc).__name__}）。请运行：python -m assistant index build 重建") from exc
        if live is None:
            where = config.chroma_url or config.store_path
            raise StoreError(f"知识库尚未建立（{where}）。请先运行：python -m assistant index build")
        return cls(*live)

    @property
    def embedder_spec(self) -> str:
        return str((self.collection.metadata or {}).get("embedder", ""))

    def vectorstore(self, embedder: Embeddings) -> Chroma:
        """The same collection through LangChain, for similarity search."""
        return Chroma(client=self.client, collection_name=self.collection_name, embedding_function=embedder)

    def articles(self, where: dict[str, Any] | None = None) -> list[StoredArticle]:
        """All stored articles matching a metadata filter, in document and article order."""
        found: list[StoredArticle] = []
        for offset in itertools.count(0, _PAGE):  # paged: one big get exceeds SQLite's variable limit
            result = self.collection.get(where=where, include=["documents", "metadatas"], limit=_PAGE, offset=offset)
            found.extend(StoredArticle(id_, text or "", dict(meta or {}))
                         for id_, text, meta in zip(result["ids"], result["documents"], result["metadatas"]))
            if len(result["ids"]) < _PAGE:
                break
        return sorted(found, key=lambda item: (item.metadata["doc_id"], item.number))

    def article(self, jurisdiction: str, number: int) -> list[StoredArticle]:
        """The article with this number in each of the jurisdiction's documents."""
        return self.articles({"$and": [{"jurisdiction": jurisdiction}, {"article": number}]})

    def jurisdictions(self) -> list[str]:
        return sorted({item.jurisdiction for item in self.articles()})
