"""Hybrid retrieval: jieba BM25 over articles and sentences plus dense vectors, fused by weighted scores.

Every search is confined to one jurisdiction: the keyword side by its per-jurisdiction postings,
the dense side by a Chroma ``where`` filter.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache, partial

from langchain_chroma import Chroma
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from .concepts import LEADER_ROLES, concepts, coverage
from .intent import (GENERAL, Intent, about_the_rules, asked_sentences, asking_clauses, clauses_asked,
                     states_own_validity)
from .keyword import KeywordIndex, asks_role_duties, query_terms, split_sentences
from .store import StoredArticle
from .topics import asks_who_attends, opens_with_topic, question_topics, states_composition

# Weights of the normalised signals in the fused score (tuned on the eval set's dev split).
WEIGHTS = {"article": 0.5, "sentence": 1.0, "second_sentence": 0.2, "dense": 0.3}
INTENT_BONUS = 0.3  # added to a sentence's normalised score when it matches what the question asks for
SUBJECT_BONUS = 0.3  # added when the sentence starts with a topic of the question ("县政府全体会议由…")
SUBJECT_SPAN = 10
COMPOSITION_BONUS = 0.5  # added to the sentence stating who makes up what a who-attends question is about
# …and when that is the government itself: every article on its 组成人员 says 组成, so it needs more
GOVERNMENT_COMPOSITION_BONUS = 1.0
VALIDITY_BONUS = 1.0  # added to the rules' own 施行/废止 sentence when a question asks about the rules' validity
DENSE_K = 20
# The RERANK_POOL best are reranked by how much of the question's concepts (synonym-aware, idf-weighted,
# each counted once; only those the rules have words for) the article and its best sentence state:
# BM25 over-rewards a long article that repeats one word of the question ("常务会议") over the one
# that states all of it.
RERANK_POOL = 20
COVERAGE_WEIGHT = 0.5
SENTENCE_COVERAGE_WEIGHT = 0.5
# A follow-up that adds a condition ("那要是涉及大额资金使用的呢？") is about the article stating it.
FOCUS_WEIGHT = 3.0
# Words said only in the statements around the asking sentence ("最近领导经常下乡调研。…由谁签发？") or in
# a preamble before a colon weigh this much: background, not what is asked.
BACKGROUND_WEIGHT = 0.5
# The last slot goes to the best article for the question's last ASKING_CLAUSES clauses alone, so that a
# long question's background cannot push out the article on what it asks; the last two slots when the
# asking sentence has at least LONG_ASK clauses (two or more of them background).
ASKING_CLAUSES = 2
LONG_ASK = 4
# "哪位领导负责协调？": words that ask for someone, not what the question is about; they weigh as background.
_ASKS_FOR_A_LEADER = re.compile(r"(?:哪位|哪个|什么|哪一级)(?:[市县]政府)?领导(?:同志)?(?:来|去)?(?:负责)?")
# The leaders' titles weigh this much when the question says at least two other things at full weight:
# the rules name them in almost every article, and the short articles defining their roles ("副市长协助
# 市长工作") would otherwise outrank the one on what "副市长请事假要报吗？" asks.
ROLE_WEIGHT = 0.6
MIN_OTHER_TERMS = 2


@dataclass
class Ranked:
    """A retrieved article with its fused score and the keyword scores of its sentences."""

    article: StoredArticle
    score: float
    sentence_scores: dict[str, float] = field(default_factory=dict)
    for_the_ask: bool = False  # given the last slot as the best article for the asking clauses alone


class HybridSearch:
    """Keyword + dense search over the store, one jurisdiction at a time."""

    def __init__(self, keyword: KeywordIndex, vectors: Chroma, embedder: Embeddings,
                 use_keywords: bool = True, use_dense: bool = True) -> None:
        self.keyword = keyword
        self.vectors = vectors
        self.embedder = embedder
        self.use_keywords = use_keywords
        self.use_dense = use_dense
        self._index_of = {article.id: index for index, article in enumerate(keyword.articles)}
        self._embed = lru_cache(maxsize=1024)(lambda text: tuple(embedder.embed_query(text)))
        self._validity: dict[str, tuple[int, ...]] = {}

    def search(self, query: str, jurisdiction: str, k: int = 5, intent: Intent = GENERAL,
               focus: str = "") -> list[Ranked]:
        """The k best articles of one jurisdiction for a (place-free) query.

        Fused score = weighted sum of the article's BM25 score, its best and second-best sentence
        scores (each normalised by the best of its kind) and its dense similarity. Sentences that
        match what the question asks for (a frequency, a time limit…) get a bonus, so a long
        article whose one answering sentence matches is found. Words of the background weigh less,
        and the last slot is kept for what the last clauses ask.
        """
        best, fused, sentence_scores = self._fused(query, jurisdiction, k, intent, focus)
        chosen = set(best)
        if not focus and k > 1:
            best = self._with_asked_clauses(best, query, jurisdiction, intent)
        return [Ranked(self.keyword.articles[i], fused[i], sentence_scores.get(i, {}), i not in chosen) for i in best]

    def _fused(self, query: str, jurisdiction: str, k: int, intent: Intent,
               focus: str) -> tuple[list[int], dict[int, float], dict[int, dict[str, float]]]:
        """The k best article indices, the fused scores and the sentences' keyword scores."""
        terms = self._terms(query)
        topics = question_topics(asked_sentences(query))  # not the topics of a statement before the ask
        own_validity = about_the_rules(query, intent)
        attendees = asks_who_attends(query)
        # the bonus for stating the composition of a meeting the question names, or of the government
        composition_bonus = COMPOSITION_BONUS if topics else GOVERNMENT_COMPOSITION_BONUS
        fused: dict[int, float] = defaultdict(float)
        sentence_scores: dict[int, dict[str, float]] = defaultdict(dict)
        if self.use_keywords and terms:
            article_hits = self.keyword.search_articles(terms, jurisdiction)
            top_article = max(article_hits.values(), default=0.0) or 1.0
            for index, value in article_hits.items():
                fused[index] += WEIGHTS["article"] * value / top_article
            sentence_hits = self.keyword.search_sentences(terms, jurisdiction)
            top_sentence = max(sentence_hits.values(), default=0.0) or 1.0
            per_article: dict[int, list[float]] = defaultdict(list)
            for index, value in sentence_hits.items():
                sentence = self.keyword.sentences[index]
                sentence_scores[sentence.article][sentence.text] = value
                matches = intent.answer is not None and intent.answer.search(sentence.text)
                about = opens_with_topic(sentence.text, topics, SUBJECT_SPAN)
                validity = own_validity and states_own_validity(sentence.text)
                composition = attendees and states_composition(sentence.text, topics, about)
                per_article[sentence.article].append(
                    value / top_sentence + (INTENT_BONUS if matches else 0.0) + (SUBJECT_BONUS if about else 0.0)
                    + (VALIDITY_BONUS if validity else 0.0) + (composition_bonus if composition else 0.0))
            # The rules' own 施行 sentence in whatever words asked ("旧的工作规则是哪个文件？"): the words naming
            # the rules (工作规则) are stop words, so it counts as a full match.
            if own_validity:
                for index in self._validity_sentences(jurisdiction):
                    if index not in sentence_hits:
                        per_article[self.keyword.sentences[index].article].append(1.0 + VALIDITY_BONUS)
            for index, values in per_article.items():
                values.sort(reverse=True)
                fused[index] += WEIGHTS["sentence"] * values[0]
                fused[index] += WEIGHTS["second_sentence"] * (values[1] if len(values) > 1 else 0.0)
        if self.use_dense:
            for index, similarity in self._dense(query, jurisdiction).items():
                fused[index] += WEIGHTS["dense"] * similarity
        pool = sorted(fused, key=fused.get, reverse=True)[:RERANK_POOL]
        question_concepts = concepts(query, merge_parts=True)
        bm25 = self.keyword.article_bm25
        focus_concepts = concepts(focus) if focus else []
        stated = partial(coverage, question_concepts, bm25=bm25, known_only=True)
        for index in pool:
            text = self.keyword.articles[index].text
            fused[index] += COVERAGE_WEIGHT * stated(text) + SENTENCE_COVERAGE_WEIGHT * max(
                map(stated, split_sentences(text)), default=0.0)
            if focus_concepts:
                fused[index] += FOCUS_WEIGHT * coverage(focus_concepts, text, bm25)
        return sorted(pool, key=fused.get, reverse=True)[:k], fused, sentence_scores

    def _validity_sentences(self, jurisdiction: str) -> tuple[int, ...]:
        """The sentences in which the jurisdiction's rules state their own taking effect or repeal."""
        if jurisdiction not in self._validity:
            self._validity[jurisdiction] = tuple(
                index for index, sentence in enumerate(self.keyword.sentences)
                if self.keyword.articles[sentence.article].jurisdiction == jurisdiction
                and states_own_validity(sentence.text))
        return self._validity[jurisdiction]

    def _with_asked_clauses(self, best: list[int], query: str, jurisdiction: str, intent: Intent) -> list[int]:
        """The ranking with its last slot (two for a long question) given to the best articles for the
        asking clauses alone that are not already ranked above, when the question says more than them."""
        clauses = asking_clauses(query, ASKING_CLAUSES)
        if not clauses or _letters(clauses) == _letters(query):
            return best
        slots = 2 if len(clauses_asked(query)) >= LONG_ASK else 1
        kept = best[:-slots]
        extra = [i for i in self._fused(clauses, jurisdiction, len(best), intent, "")[0] if i not in kept][:slots]
        return (kept + extra + [i for i in best[len(kept):] if i not in extra])[:len(best)]

    def _terms(self, query: str) -> dict[str, float]:
        """The query's weighted search terms: leaders' titles and words said only around the asking
        sentence down-weighted."""
        idf = self.keyword.article_bm25.idf
        terms = query_terms(query, idf)
        if not asks_role_duties(query) and sum(
                1 for term, weight in terms.items() if term not in LEADER_ROLES and weight >= 1.0) >= MIN_OTHER_TERMS:
            terms = {term: weight * ROLE_WEIGHT if term in LEADER_ROLES else weight for term, weight in terms.items()}
        asked = _ASKS_FOR_A_LEADER.sub(" ", asked_sentences(query))
        if asked == query:
            return terms
        asked_terms = query_terms(asked, idf)
        return {term: weight if term in asked_terms else weight * BACKGROUND_WEIGHT for term, weight in terms.items()}

    def _dense(self, query: str, jurisdiction: str) -> dict[int, float]:
        """Cosine similarity of the closest articles (Chroma returns cosine distance)."""
        hits = self.vectors.similarity_search_by_vector_with_relevance_scores(
            list(self._embed(query)), k=DENSE_K, filter={"jurisdiction": jurisdiction})
        return {self._index_of[str(doc.id)]: 1.0 - distance for doc, distance in hits if doc.id in self._index_of}


def _letters(text: str) -> str:
    """The text without punctuation and spaces."""
    return re.sub(r"\W", "", text)


class HybridRetriever(BaseRetriever):
    """LangChain retriever over HybridSearch, restricted to one jurisdiction."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    search: HybridSearch
    jurisdiction: str
    k: int = 5
    intent: Intent = GENERAL
    focus: str = ""

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [
            Document(id=hit.article.id, page_content=hit.article.text,
                     metadata={**hit.article.metadata, "score": hit.score,
                               "sentence_scores": hit.sentence_scores, "for_the_ask": hit.for_the_ask})
            for hit in self.search.search(query, self.jurisdiction, self.k, self.intent, self.focus)
        ]
