"""A question's concepts (each a set of words that express it) and how much of them a text covers."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .keyword import (AWAY, BM25, COUNTY_BUREAU, DOCUMENTS, asks_who_stands_in, domain_terms, readings,
                      said_phrases, stand_in_words, tokenize, unbracket)
from .matching import normalize
from .numerals import NUMERAL_CHARS
from .topics import names

_NUMERAL = re.compile(f"[{NUMERAL_CHARS}]")
# Heads of government, whose titles hide inside their deputies' and assistants' and in meeting names
# (市长 in 副市长, 市长助理, 市长办公会议).
_HEADS = frozenset({"市长", "县长", "区长", "州长", "秘书长", "主任"})
# A head or deputy invited to an event ("想请分管的副市长来出席"), whom the rules call 市政府领导.
_INVITED = re.compile(r"请[^，。？]{0,10}?(副?([市县])长)(?:来|到场|出席|参加)")
# A bureau named in full (平凉市农业农村局, 住建局): its name only says which 部门 it is.
_BUREAU_NAME = re.compile(r"([^\s，。？、的是在市县区们]{2,6})局(?![长里])")
# Whether a unit must send someone ("我们局需要派人吗？") asks who attends, not who may stand in.
_MUST_SEND = re.compile(r"(?:需要|要不要|需不需要|用不用|得)派(?:个)?人")
_ATTENDING = frozenset({"参加", "列席"})
# Roles a question can be about, most specific first.
ROLES = ("常务副市长", "常务副县长", "副秘书长", "秘书长", "副市长", "副县长", "市长", "县长", "办公室主任",
         "部门主要负责人", "主要负责同志", "主要负责人", "组成人员")
# The government's own leaders among them: each head, deputy and secretary-general.
LEADER_ROLES = frozenset({"市长", "副市长", "常务副市长", "县长", "副县长", "常务副县长", "秘书长", "副秘书长"})


def concepts(question: str, merge_parts: bool = False) -> list[set[str]]:
    """The question's concepts: each is a set of words any of which expresses it in the rules. With
    ``merge_parts`` a word and the parts the tokenizer also yields are one concept (the rerank's
    count); without, each is one (the count the answer's coverage floors were set on)."""
    found: list[set[str]] = []
    rest = question
    for phrase, expansions in said_phrases(question):
        if phrase in rest:
            found.append({phrase, *expansions})
            rest = rest.replace(_said_as(phrase, expansions, rest), " ")
    tokens = [token for token in dict.fromkeys(tokenize(rest))
              if (len(token) > 1 or token.isdigit()) and occurs(token, question)]  # 县长 of 副县长 is no concept
    for bureau in _BUREAU_NAME.finditer(rest):  # 农业农村局: a 部门, whatever its name says
        name = [token for token in tokens if token in bureau.group(0)]
        found.append({bureau.group(0), *name, "部门"})
        tokens = [token for token in tokens if token not in name]
    found.extend(_with_parts(tokens) if merge_parts else ({token} for token in tokens))
    for invited in _INVITED.finditer(question):  # the rules: "请市政府领导出席的政务活动"
        for concept in found:
            if invited.group(1) in concept:
                concept.add(f"{invited.group(2)}政府领导")
    county_bureau = COUNTY_BUREAU.search(question)
    if county_bureau:  # the rules' 县（区）政府工作部门
        found.append({county_bureau.group(0), "工作部门"})
    if asks_who_stands_in(question):  # being away is stated as whoever stands in
        for concept in found:
            if any(AWAY.search(word) for word in concept):
                concept.update(stand_in_words(question))
    for said, reading in readings(question):  # one concept in the rules' words; what it reads no longer counts alone
        read = [concept for concept in found if any(word in said for word in concept)]
        going = {word for concept in read for word in concept if word not in DOCUMENTS}
        found = [concept for concept in found if concept not in read]
        found.append(set(reading.stated_by or {*reading.terms, *going}))
    if _MUST_SEND.search(question):
        found = [{*(word for word in concept if word in question), *_ATTENDING} if "派人" in concept
                 else concept for concept in found]
    return found


def invited_roles(question: str) -> set[str]:
    """The heads or deputies the question invites to an event ("想请分管副市长出席"): not its subject."""
    return {invited.group(1) for invited in _INVITED.finditer(question)}


def _with_parts(tokens: list[str]) -> list[set[str]]:
    """One concept per word with the parts the tokenizer also yields (各县区 with 各县 and 县区): a text
    stating any of them states it, and a word is not counted three times."""
    longest = [token for token in tokens if not any(token != other and token in other for other in tokens)]
    return [{word, *(token for token in tokens if token in word)} for word in longest]


def _said_as(phrase: str, expansions: list[str], text: str) -> str:
    """The words the phrase stands for in the text: 常务会 said as the head of 常务会议 takes the whole
    word, leaving no fragment (议要) behind, unless what follows it is a term of its own (常务会|议题)."""
    start = text.find(phrase) + len(phrase)
    if any(text.startswith(term, start) for term in domain_terms()):
        return phrase
    return max((word for word in expansions if word.startswith(phrase) and word in text), key=len, default=phrase)


@cache
def _head_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!副){re.escape(word)}(?!助理|办公会)")


_normalized = lru_cache(maxsize=8192)(normalize)
_unbracketed = lru_cache(maxsize=8192)(unbracket)


def occurs(word: str, text: str) -> bool:
    """Whether the text states the word: 市长 is not stated by 副市长, 市长助理 or 市长办公会议 alone, 三天 is
    stated by 3天, 乡镇 by 乡（镇） and 市长办公会议 by 市长办公会."""
    if word in _HEADS:
        return _head_pattern(word).search(text) is not None
    if names(word, text) or word in _unbracketed(text):
        return True
    return bool(_NUMERAL.search(word)) and _normalized(word) in _normalized(text)


def states(concept: set[str], text: str) -> bool:
    """Whether the text states the concept (any of its words)."""
    return any(occurs(word, text) for word in concept)


def concept_weights(question_concepts: list[set[str]], bm25: BM25) -> list[float]:
    """Each concept's weight: the idf of its rarest word (unknown words weigh the most)."""
    return [max(bm25.idf.get(word, bm25.max_idf) for word in concept) for concept in question_concepts]


def _known(word: str, bm25: BM25) -> bool:
    """Whether the rules have this word, whole or as words of their own (事务性文件 = 事务性 + 文件)."""
    return word in bm25.idf or all(part in bm25.idf for part in tokenize(word))


def coverage(question_concepts: list[set[str]], text: str, bm25: BM25, known_only: bool = False) -> float:
    """Idf-weighted share of the question's concepts that occur in the text; with ``known_only``,
    of those the rules have words for (colloquial words like 碰上 are nobody's to state)."""
    weights = concept_weights(question_concepts, bm25)
    pairs = [(concept, weight) for concept, weight in zip(question_concepts, weights)
             if not known_only or any(_known(word, bm25) for word in concept)]
    total = sum(weight for _, weight in pairs)
    return sum(weight for concept, weight in pairs if states(concept, text)) / total if total else 0.0
