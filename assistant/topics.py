"""Topic terms: the meetings, documents and procedures a question is about."""

from __future__ import annotations

from functools import cache

from .keyword import data_lines, said_phrases


@cache
def topic_terms() -> tuple[str, ...]:
    """Topic terms (assistant/data/topics.txt)."""
    return tuple(data_lines("topics.txt"))


def question_topics(question: str) -> list[frozenset[str]]:
    """Topics the question names, each as the set of topic terms that express it: the term itself
    and its synonyms (值班 or 带班), or the rules' terms for a colloquial form that only names topics
    (常务会 → 常务会议; not 打报告 → 请示, 报告, which may mean any report going up)."""
    terms = topic_terms()
    groups: list[frozenset[str]] = []
    phrases = said_phrases(question)
    # Words inside a longer phrase that names no topic are no topic of their own (调研 in 调研论证).
    other = [phrase for phrase, words in phrases
             if phrase not in terms and not any(names(term, word) for term in terms for word in words)]
    masked = question
    for phrase in other:
        masked = masked.replace(phrase, "\u3000" * len(phrase))
    for phrase, words in phrases:
        if (phrase in terms or all(word in terms for word in words)) and phrase in masked:
            groups.append(frozenset(word for word in [phrase, *words] if word in terms))
    groups.extend(frozenset([term]) for term in terms
                  if names(term, masked) and not any(term in group for group in groups))
    return groups


_ANY_MEETING = ("有关会议", "各类会议", "各种会议")


def names(term: str, text: str) -> bool:
    """Whether the text names the term; a meeting also by its short name (市长办公会 for 市长办公会议) or
    as one of the government's meetings in general (市政府有关会议)."""
    if term in text:
        return True
    meeting = len(term) >= 4 and term.endswith("会议")
    return meeting and (term[:-1] in text or any(words in text for words in _ANY_MEETING))


def names_topics(text: str, topics: list[frozenset[str]]) -> bool:
    """True if the text names every topic (any of its terms)."""
    return all(any(names(term, text) for term in group) for group in topics)


def opens_with_topic(text: str, topics: list[frozenset[str]], span: int) -> bool:
    """True if one of the topics' terms occurs in the text's first ``span`` characters."""
    return any(names(term, text[:span]) for group in topics for term in group)
