"""A question's concepts (each a set of words that express it) and how much of them a text covers."""

from __future__ import annotations

from .keyword import BM25, synonyms_longest_first, tokenize


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


def concept_weights(question_concepts: list[set[str]], bm25: BM25) -> list[float]:
    """Each concept's weight: the idf of its rarest word (unknown words weigh the most)."""
    unknown = max(bm25.idf.values(), default=1.0)
    return [max(bm25.idf.get(word, unknown) for word in concept) for concept in question_concepts]


def coverage(question_concepts: list[set[str]], text: str, bm25: BM25) -> float:
    """Idf-weighted share of the question's concepts that occur in the text."""
    weights = concept_weights(question_concepts, bm25)
    covered = sum(weight for concept, weight in zip(question_concepts, weights) if any(w in text for w in concept))
    return covered / sum(weights) if weights else 0.0
