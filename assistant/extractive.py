"""Extractive answering: pick the sentence that answers the question from the retrieved articles.

A jurisdiction's rules answer a question only when (1) some sentence of a top article matches
what the question asks for (a frequency, a time limit, a person…) and (2) the article covers the
question's own concepts (idf-weighted share of them present in its text). Otherwise the finding
is an abstention, and the retrieved articles are only "related".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .intent import Intent, classify
from .keyword import BM25, KeywordIndex, domain_terms, split_sentences, synonyms_longest_first, tokenize
from .retrieval import SUBJECT_BONUS, SUBJECT_SPAN, Ranked
from .topics import question_topics
from .store import StoredArticle

TOP_ARTICLES = 3
MIN_COVERAGE = 0.2
_POSITION_WEIGHT = 0.5
SECOND_RATIO = 0.6
QUOTE_GAP = "……"
_PERIODS = frozenset({"每年", "每月", "每半年", "半年", "每周"})


@dataclass
class Finding:
    """What one jurisdiction's rules say about a question."""

    jurisdiction: str
    ranked: list[Ranked]
    article: StoredArticle | None = None
    quote: str = ""
    coverage: float = 0.0

    @property
    def answered(self) -> bool:
        return self.article is not None


def concepts(question: str) -> list[set[str]]:
    """The question's concepts: each is a set of words any of which expresses it in the rules."""
    found: list[set[str]] = []
    rest = question
    for phrase, expansions in synonyms_longest_first():
        if phrase in rest:
            found.append({phrase, *expansions})
            rest = rest.replace(phrase, " ")
    found.extend({token} for token in dict.fromkeys(tokenize(rest)) if len(token) > 1 or token.isdigit())
    return found


def coverage(question_concepts: list[set[str]], text: str, bm25: BM25) -> float:
    """Idf-weighted share of the question's concepts that occur in the text."""
    unknown = max(bm25.idf.values(), default=1.0)
    total = covered = 0.0
    for concept in question_concepts:
        weight = max(bm25.idf.get(word, unknown) for word in concept)
        total += weight
        if any(word in text for word in concept):
            covered += weight
    return covered / total if total else 0.0


def missing_here(question_concepts: list[set[str]], jurisdiction: str, keyword: KeywordIndex) -> list[str]:
    """Domain terms of the question that other jurisdictions' rules use but this one's never do
    ("销假" asked of 平凉): the clearest sign that these rules do not address the question."""
    missing = []
    for concept in question_concepts:
        terms = [word for word in concept if word in domain_terms() and word not in _PERIODS]
        if terms and not any(keyword.mentions(jurisdiction, word) for word in concept) and any(
                keyword.mentions_anywhere(word) for word in terms):
            missing.append(terms[0])
    return missing


def _answers(sentence: str, lead: str, intent: Intent, topics: list[str]) -> bool:
    """A sentence can answer when it matches the intent and it (or its article's lead) names every topic."""
    if intent.answer is not None and not intent.answer.search(sentence):
        return False
    return all(topic in sentence or topic in lead for topic in topics)


def find_answer(jurisdiction: str, question: str, intent: Intent, ranked: list[Ranked],
                keyword: KeywordIndex) -> Finding:
    """The best answering sentence(s) among the top articles, or an abstention.

    Candidates are scored by their keyword score (relative to the best sentence retrieved), the
    article's rank, and whether they open with a topic of the question. A second sentence of the
    same article is quoted too when it scores nearly as well (multi-part questions).
    """
    finding = Finding(jurisdiction, ranked)
    question_concepts = concepts(question)
    if missing_here(question_concepts, jurisdiction, keyword):
        return finding
    topics = question_topics(question)
    candidates: list[tuple[float, int, int, str]] = []
    top_keyword = max((v for hit in ranked[:TOP_ARTICLES] for v in hit.sentence_scores.values()), default=0.0) or 1.0
    for position, hit in enumerate(ranked[:TOP_ARTICLES]):
        sentences = split_sentences(hit.article.text)
        for index, sentence in enumerate(sentences):
            if sentence.endswith("：") or not _answers(sentence, sentences[0], intent, topics):
                continue
            about = any(topic in sentence[:SUBJECT_SPAN] for topic in topics)
            score = (hit.sentence_scores.get(sentence, 0.0) / top_keyword
                     + _POSITION_WEIGHT * (1 - position / TOP_ARTICLES) + (SUBJECT_BONUS if about else 0.0))
            candidates.append((score, position, index, sentence))
    if not candidates:
        return finding
    candidates.sort(key=lambda candidate: -candidate[0])
    score, position, index, sentence = candidates[0]
    article = ranked[position].article
    finding.coverage = coverage(question_concepts, article.text, keyword.article_bm25)
    if finding.coverage < MIN_COVERAGE:
        return finding
    seconds = [(i, s) for sc, p, i, s in candidates[1:]
               if p == position and sc >= SECOND_RATIO * score and not s.endswith("：")][:1]
    finding.article = article
    finding.quote = join_quote(sorted([(index, sentence), *seconds]))
    return finding


def find_answer_parts(jurisdiction: str, question: str, intent: Intent, ranked: list[Ranked],
                      keyword: KeywordIndex) -> Finding:
    """Like find_answer, but a question with several asks ("谁召集？能不能替着主持？") also quotes the
    sentences of the same article that answer each ask."""
    finding = find_answer(jurisdiction, question, intent, ranked, keyword)
    parts = [part for part in re.split(r"[？?]", question) if part.strip()]
    if finding.article is None or len(parts) < 2:
        return finding
    sentences = split_sentences(finding.article.text)
    chosen = {index for index, sentence in enumerate(sentences) if sentence in finding.quote}
    for part in parts:
        sub = find_answer(jurisdiction, part, classify(part), ranked, keyword)
        if sub.article is not None and sub.article.id == finding.article.id:
            chosen |= {index for index, sentence in enumerate(sentences) if sentence in sub.quote}
    finding.quote = join_quote([(index, sentences[index]) for index in sorted(chosen)])
    return finding


def join_quote(sentences: list[tuple[int, str]]) -> str:
    """Quoted sentences in article order; sentences that are not next to each other are joined by ……."""
    quote, previous = "", None
    for index, text in sentences:
        quote += ("" if previous is None or index == previous + 1 else QUOTE_GAP) + text
        previous = index
    return quote


def direct_answer(finding: Finding) -> str:
    """The quote, with 市政府/县政府 at its start named by the jurisdiction (平凉市政府…)."""
    quote = finding.quote
    match = re.match(r"^(市|县|区)政府", quote)
    if match and finding.jurisdiction.endswith(match.group(1)):
        return finding.jurisdiction + quote[len(match.group(1)):]
    return quote
