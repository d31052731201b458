"""Baselines the evaluation compares the assistant with, on the same questions.

- ``bm25-only``: jieba BM25 over whole articles (no expansion, no sentences), top article as answer.
- ``dense-only``: the configured embedder over whole articles, top article as answer.
- ``naive-langchain``: the textbook RAG — RecursiveCharacterTextSplitter 500/50 over the raw files,
  dense top-4, no jurisdiction metadata; its citations are the articles whose headings fall inside
  the retrieved chunks.

The first two restrict search to the places named in the question (or the UI selection); none of
them reads the conversation history or ever abstains.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import chromadb
from langchain_chroma import Chroma
from langchain_text_splitters import RecursiveCharacterTextSplitter

from .answer import Answer, Citation
from .config import Config
from .core import Assistant
from .evalset import EvalItem
from .ingest import manifest_entries
from .keyword import tokenize
from .numerals import parse_number
from .readers import read_document
from .generations import chroma_settings
from .store import StoredArticle

System = Callable[[EvalItem], Answer]
TOP_K = 5
_HEADING = re.compile(r"(?:^|\n)\s*(?:第([零〇一二三四五六七八九十百]+)条|([一二三四五六七八九十百]+)、)")


def _places(assistant: Assistant, item: EvalItem) -> list[str]:
    named = assistant.places.find(item.question).known
    return named or ([item.jurisdiction] if item.jurisdiction else assistant.jurisdictions)


def _top_article_answer(name: str, item: EvalItem, hits: list[StoredArticle], places: list[str]) -> Answer:
    """Answer with the best-scoring article; ``hits`` are ranked best first."""
    retrieved = [Citation.of(hit) for hit in hits]
    citations = [Citation.of(hits[0], quote=hits[0].text)] if hits else []
    return Answer(answer=hits[0].text if hits else "", abstained=not hits, jurisdictions=places,
                  citations=citations, retrieved=retrieved, mode=name, question=item.question)


def bm25_only(assistant: Assistant) -> System:
    keyword = assistant.search.keyword

    def answer(item: EvalItem) -> Answer:
        places = _places(assistant, item)
        terms = dict.fromkeys(tokenize(item.question), 1.0)
        scores = {i: v for place in places for i, v in keyword.article_bm25.scores(terms, place).items()}
        ranked = sorted(scores, key=scores.get, reverse=True)
        chosen = [i for place in places for i in [j for j in ranked if keyword.articles[j].jurisdiction == place][:TOP_K]]
        chosen.sort(key=lambda i: -scores[i])
        return _top_article_answer("bm25-only", item, [keyword.articles[i] for i in chosen], places)

    return answer


def dense_only(assistant: Assistant) -> System:
    by_id = {article.id: article for article in assistant.articles}
    vectors = assistant.search.vectors

    def answer(item: EvalItem) -> Answer:
        places = _places(assistant, item)
        where = {"jurisdiction": places[0]} if len(places) == 1 else {"jurisdiction": {"$in": places}}
        documents = vectors.similarity_search(item.question, k=TOP_K * len(places), filter=where)
        return _top_article_answer("dense-only", item, [by_id[str(d.id)] for d in documents], places)

    return answer


def naive_langchain(assistant: Assistant, config: Config) -> System:
    splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
    place_of_file = {}
    texts, metadatas = [], []
    for path, hints in manifest_entries(config):
        text, _ = read_document(path)
        place_of_file[path.name] = hints.jurisdiction
        for chunk in splitter.split_text(text):
            texts.append(chunk)
            metadatas.append({"source": path.name})
    client = chromadb.EphemeralClient(settings=chroma_settings())
    store = Chroma(collection_name="naive-baseline", client=client,
                   embedding_function=assistant.search.vectors.embeddings)
    store.add_texts(texts, metadatas=metadatas)
    by_key = {(a.jurisdiction, a.number): a for a in assistant.articles}

    def answer(item: EvalItem) -> Answer:
        documents = store.similarity_search(item.question, k=4)
        cited: list[Citation] = []
        for document in documents:
            place = place_of_file[document.metadata["source"]]
            for match in _HEADING.finditer(document.page_content):
                number = parse_number(match.group(1) or match.group(2))
                article = by_key.get((place, number or 0))
                if article is not None and all(c.key != (place, article.number) for c in cited):
                    cited.append(Citation.of(article, quote=article.text))
        return Answer(answer="\n".join(d.page_content for d in documents), abstained=False,
                      jurisdictions=[], citations=cited, retrieved=cited, mode="naive-langchain",
                      question=item.question)

    return answer
