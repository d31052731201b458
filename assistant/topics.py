"""Topic terms: the meetings, documents and procedures a question is about."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .intent import ABSENCE
from .keyword import AWAY, asks_who_stands_in, data_lines, said_phrases, stand_in_words, synonyms


# Study as the purpose of a trip ("外出学习", "去外省学习考察", "去太原参加省厅组织的三天培训"): the
# question is about being away.
_TRIP_PURPOSE = re.compile(r"(?<=外出|出去|出门)(?:学习|培训)|(?<=去)[\u4e00-\u9fff]{0,12}?(?:学习|培训)")
_BLANK = "\u3000"
# Two leaders away together ("市长和常务副市长都出差了", "能不能同时外出"): the rules must say so of both
# (同时外出), not only who stands in for one of them.
_LEADER = r"(?:常务副|负责常务工作的副|副)?[市县]长|秘书长"
_BOTH_AWAY = re.compile(rf"(?:{_LEADER})(?:和|与|跟|、)(?:{_LEADER})[^，。？]{{0,8}}?(?:都|同时|一起|一块儿?)"
                        r"(?:不在|外出|出差|出去|出门|离开|请假|休假|在外|出国|下乡)")


@cache
def topic_terms() -> tuple[str, ...]:
    """Topic terms (assistant/data/topics.txt)."""
    return tuple(data_lines("topics.txt"))


@cache
def _phrases_naming_no_topic() -> frozenset[str]:
    """Colloquial phrases that are no topic term and whose rules' words name none (调研论证 → 调查论证)."""
    terms = topic_terms()
    return frozenset(phrase for phrase, words in synonyms().items()
                     if phrase not in terms and not any(names(term, word) for term in terms for word in words))


def _without_non_topics(question: str, phrases: Iterable[tuple[str, list[str]]]) -> str:
    """The question with blanks for words that only look like topics: study as a trip's purpose, and
    topic words inside a longer phrase that names no topic (调研 in 调研论证, the rules' 调查论证)."""
    text = _TRIP_PURPOSE.sub(lambda match: _BLANK * len(match.group(0)), question)
    for phrase, _ in phrases:
        if phrase in _phrases_naming_no_topic():
            text = text.replace(phrase, _BLANK * len(phrase))
    return text


def question_topics(question: str) -> list[frozenset[str]]:
    """Topics the question names, each as the set of topic terms that express it: the term itself
    and its synonyms (值班 or 带班), or the rules' terms for a colloquial form that only names topics
    (常务会 → 常务会议; not 打报告 → 请示, 报告, which may mean any report going up)."""
    terms = topic_terms()
    groups: list[frozenset[str]] = []
    phrases = said_phrases(question)
    text = _without_non_topics(question, phrases)
    for phrase, words in phrases:
        if (phrase in terms or all(word in terms for word in words)) and phrase in text:
            groups.append(frozenset(word for word in [phrase, *words] if word in terms))
    groups.extend(frozenset([term]) for term in terms
                  if names(term, text, in_general=False) and not any(term in group for group in groups))
    if _BOTH_AWAY.search(question):
        groups.append(frozenset({"同时"}))
    if asks_who_stands_in(question):  # "市长出国了谁管事？": the rules name whoever stands in, not the trip
        trip = "，".join(match.group(0) for match in AWAY.finditer(question))  # 去省城参加学习: 学习 is the trip
        groups = [group | frozenset(stand_in_words(question)) if any(term in trip for term in group) else group
                  for group in groups]
    return groups


# Who attends or makes up a meeting or the government ("常务会议都有谁参加？", "市政府组成人员有哪些？"): the
# sentence stating its composition ("…由市长、副市长…组成") answers, not one that only says 参加 ("参加市政府
# 常务会议，除…可带1名助手外…") or speaks of its 组成人员.
_ASKS_WHO_ATTENDS = re.compile(r"(?:谁|哪些人|哪些领导|什么人)[^，。？]{0,3}(?:参加|出席|参会|与会|组成|构成)"
                               r"|(?:参加|出席|参会|与会|组成|构成|成员)[^，。？]{0,5}(?:谁|哪些人|哪些领导|什么人|有哪些|是哪些|包括哪些)"
                               r"|组成人员[^，。？]{0,4}(?:不一样|不同|区别|差别|一样吗)")  # compared between places
_COMPOSITION = re.compile(r"由[^。；]{2,80}?组成")
_GOVERNMENT_COMPOSITION = re.compile(r"[市县]政府由[^。；]{2,80}?组成")  # "市政府由下列人员组成：…"


# What a body is charged with, listed in the rules after a lead ("…会议的主要任务是："), longest first.
LIST_WORDS = ("主要任务", "主要职责", "职责", "任务")


def away_or_absent(question: str) -> bool:
    """Whether the question speaks of someone who cannot attend or is away ("来不了", "出差")."""
    return ABSENCE.search(question) is not None or AWAY.search(question) is not None


def asks_who_attends(question: str) -> bool:
    """Whether the question asks who attends or makes up something, not about someone who cannot attend."""
    return bool(_ASKS_WHO_ATTENDS.search(question)) and not away_or_absent(question)


def states_composition(sentence: str, topics: list[frozenset[str]], about: bool) -> bool:
    """Whether the sentence states who makes up what the question is about: the meeting it opens with
    (``about``), or the government itself when the question names no meeting."""
    if topics:
        return about and _COMPOSITION.search(sentence) is not None
    return _GOVERNMENT_COMPOSITION.match(sentence) is not None


_ANY_MEETING = ("有关会议", "各类会议", "各种会议")


def names(term: str, text: str, in_general: bool = True) -> bool:
    """Whether the text names the term; a meeting also by its short name (市长办公会 for 市长办公会议) or,
    ``in_general``, as one of the government's meetings in general (市政府有关会议)."""
    if term in text:
        return True
    meeting = len(term) >= 4 and term.endswith("会议")
    return meeting and (term[:-1] in text or in_general and any(words in text for words in _ANY_MEETING))


def names_topics(text: str, topics: list[frozenset[str]]) -> bool:
    """True if the text names every topic (any of its terms)."""
    return all(any(names(term, text) for term in group) for group in topics)


def opens_with_topic(text: str, topics: list[frozenset[str]], span: int) -> bool:
    """True if one of the topics' terms occurs in the text's first ``span`` characters."""
    return any(names(term, text[:span]) for group in topics for term in group)
