"""Turn a follow-up ("那忻州呢？", "全体会议呢？") into a standalone question using the history."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .concepts import ROLES, concepts, occurs
from .intent import GENERAL, asked_sentences, classify
from .keyword import asks_role_duties, rules_words, synonyms, synonyms_longest_first
from .places import PlaceFinder
from .topics import LIST_WORDS, question_topics

_ELLIPTICAL = re.compile(r"^(?:那么?|那个|还有|再问一下|请问)?[，,\s]*(.{1,14}?)(?:的呢|呢|又如何|怎么样|如何|怎么规定的?)?[？?。!！\s]*$")
# What a meeting is for, asked in a follow-up about another meeting ("那全体会议的主要任务呢？").
_LIST_ASK = re.compile("|".join(LIST_WORDS))
# "那要是涉及重大事项呢？": a condition added to the previous question, however long.
_CONTINUATION = re.compile(r"^(?:那么?要是|那么?如果|那么?假如|要是|如果|假如|那么?)[，,\s]*(.+?)(?:的话)?呢[？?。！!\s]*$")
_CATEGORIES = (
    ("全体会议", "常务会议", "党组会议", "市长办公会议", "县长办公会议", "办公会议", "专题会议"),
    ROLES,
)


@dataclass(frozen=True)
class Turn:
    """One question after rewriting: the standalone text and the jurisdictions it is about."""

    question: str
    standalone: str
    jurisdictions: tuple[str, ...]
    focus: str = ""  # a follow-up's own words when it builds on the previous question ("涉及大额资金使用的")
    new_ask: bool = False  # the follow-up asks something new about the previous subject ("那…怎么请假？")
    # The words whose question type the turn asks, when not its standalone text: for an elliptical
    # follow-up those of the turn it follows; for a new ask about the previous subject its own.
    asks: str = ""
    # Another person or case in the previous question ("那我们局长离攀外出呢？" after one on the 副市长,
    # "那要是临时出差呢？"): what the rules say of it answers, even where it is not what the previous
    # question asked.
    other_case: bool = False

    @property
    def asked(self) -> str:
        """The words whose question type this turn asks."""
        return self.asks or self.standalone


def _canonical_phrase(text: str) -> str:
    """Colloquial parts of a phrase in the rules' words: 县长办公会 → 县长办公会议, 全会 → 全体会议."""
    for alias, words in synonyms_longest_first():
        if alias in text and len(words) == 1 and words[0] not in text:
            text = text.replace(alias, words[0])
    return text


# Words pointing back at the previous question's subject ("它的议题由谁确定？").
_ANAPHOR = re.compile(r"它|这个|那个|这项|该项|此项|上述|这种|这类|这件事|这事|那天|那次|届时|到时候")
# A follow-up with at most this many concepts of its own asks about the previous question's subject.
_MAX_DEPENDENT_CONCEPTS = 3
# "…以后，谁来审？": a follow-up asking about the next step of what the previous question described.
_SEQUEL = re.compile(r"以后|之后|然后|接下来|后续|下一步")
# A follow-up with more concepts than this stands alone: it does not take the previous question's meeting.
_MAX_STANDALONE_CONCEPTS = 6
_CONDITION_WORDS = re.compile(r"^(?:如果|要是|假如|若是|换成|改成)?是?")
_FILLER = re.compile(r"那么|那个|那|呢|吗|么|也|的|一样|同样|这个|这条|这项|规定|有没有|有|如何|怎么样|怎么|是|还有|请问|[？?。，,！!\s]")
_MAX_OWN_CONTENT = 6


def is_elliptical(question: str, places: PlaceFinder) -> bool:
    """A follow-up that carries little of its own ("那忻州呢？", "副市长呢？", "攀枝花一样吗？"): at most a
    few characters once places and filler are removed, and no question type of its own."""
    own = _FILLER.sub("", places.strip(question))
    return len(own) <= _MAX_OWN_CONTENT and classify(own).name == classify(question).name == "general"


def _points_back(question: str) -> bool:
    """Whether a word like 它 or 这个 points back at an earlier question: not at what this one said
    before it ("想邀请市领导到场，这个邀请…")."""
    return any(question[match.end():match.end() + 2] not in question[:match.start()]
               for match in _ANAPHOR.finditer(question))


def is_dependent(question: str, places: PlaceFinder) -> bool:
    """A follow-up that asks something new about the previous question's subject without naming it
    ("由谁主持？", "它的议题由谁确定？", "需要提前几天？"): it points back (它, 那…), or it names no topic and
    its asking sentences (not a remark after them) have only a few concepts of their own (words inside
    another of its words, 局长 in 副局长, not counted)."""
    own = places.strip(question)
    if _points_back(own) or own.startswith("那"):  # "那能邀请县区政府的负责人来参加吗？"
        return True
    found = concepts(asked_sentences(own))
    words = [word for concept in found for word in concept]
    own_concepts = [concept for concept in found
                    if len(concept) > 1 or not any(word in other and word != other for word in concept for other in words)]
    return not question_topics(own) and len(own_concepts) <= _MAX_DEPENDENT_CONCEPTS


def rewrite(question: str, previous: Turn | None, places: PlaceFinder) -> Turn:
    """The standalone form of ``question`` given the previous (already rewritten) turn."""
    mentions = places.find(question)
    named = tuple(mentions.known)
    contrasted = _contrast_within(question)
    if contrasted:  # "全体会议和常务会议都是市长主持，那专题会呢？" asks about the 专题会议
        return Turn(question, contrasted, named or (previous.jurisdictions if previous else ()))
    if previous is None:
        return Turn(question, question, named)
    if set(named) <= set(mentions.others):  # "给平凉市政府打个报告" names where a document goes, not the place
        named = ()
    if classify(question) is GENERAL:
        if asks_role_duties(question):
            # "那秘书长负责什么？" after a question on the 市长's absence asks what that role does, anew
            return Turn(question, question, named or previous.jurisdictions)
        role = _named(ROLES, previous.standalone)
        if role and asks_role_duties(f"{role}{question}"):  # "主要负责哪些事？" after one on the 秘书长
            return Turn(question, f"{role}{question}", named or previous.jurisdictions)
    continuation = _CONTINUATION.match(question.strip())
    if not is_elliptical(question, places):
        if named and (_points_back(question) or is_dependent(question, places)):
            # "庄浪县也有这个要求吗？", "攀枝花那边呢，一年开几次？"
            return Turn(question, f"{question} {places.strip(previous.standalone)}", named)
        if named or mentions.unknown:
            return Turn(question, question, named)
        if continuation:
            phrase = _canonical_phrase(_CONDITION_WORDS.sub("", continuation.group(1).strip()))
            if any(phrase in category for category in _CATEGORIES):  # "那如果是全体会议呢？"
                return Turn(question, _replace_same_kind(previous.standalone, phrase), previous.jurisdictions)
            if _meeting(phrase) and _LIST_ASK.search(phrase):  # "那全体会议的主要任务呢？" asks that of another meeting
                return Turn(question, phrase, previous.jurisdictions)
            # "那市级部门的主要负责人呢？" after a question on the 副市长: another role, described.
            swapped = _swap_same_kind(previous.standalone, phrase)
            return Turn(question, f"{phrase} {swapped or previous.standalone}", previous.jurisdictions, focus=phrase,
                        asks=previous.asked, other_case=swapped is None or _names_a_role(phrase))
        own_topics = question_topics(question)
        if own_topics and (classify(question).name != "general"
                           or not set(own_topics) & set(question_topics(previous.standalone))):
            # "那专题会议一般由谁召开？" and "那季度经济形势分析会又是什么时候开？" ask anew; "纪要谁签发？"
            # after a question on the 常务会议 asks about that meeting's 纪要.
            # A question long enough to stand alone ("我们局准备给县政府打个请示，…") is about no earlier meeting.
            stands_alone = len(concepts(places.strip(question))) > _MAX_STANDALONE_CONCEPTS
            meeting = "" if stands_alone or _names_a_meeting(question, own_topics) else _meeting(previous.standalone)
            if _SEQUEL.search(question) and not (stands_alone or meeting):  # "请示报上去以后，谁来审？": the next step
                return Turn(question, f"{question} {previous.standalone}", previous.jurisdictions, focus=question,
                            new_ask=True, asks=question)
            return Turn(question, f"{meeting}{question}", previous.jurisdictions)
        # "那副县长出去了呢？他分管的事谁来管？" after a question on the 县长: the same subject, another role.
        swapped = _swap_same_kind(previous.standalone, _canonical_phrase(question))
        if swapped:
            return Turn(question, f"{question} {swapped}", previous.jurisdictions, focus=question,
                        other_case=_names_a_role(question))
        if is_dependent(question, places):
            return Turn(question, f"{question} {previous.standalone}", previous.jurisdictions, focus=question,
                        new_ask=True, asks=question)
        return Turn(question, question, previous.jurisdictions)
    match = _ELLIPTICAL.match(question.strip())
    focus = match.group(1) if match else question
    if named or mentions.unknown:
        topic = places.strip(previous.standalone)
        return Turn(question, f"{' '.join(named) or focus}{topic}", named, asks=previous.asked)
    phrase = _canonical_phrase(_CONDITION_WORDS.sub("", focus.strip()))
    swapped = _swap_same_kind(previous.standalone, phrase)
    return Turn(question, swapped or f"{phrase} {previous.standalone}", previous.jurisdictions, asks=previous.asked,
                other_case=_names_a_role(phrase) and swapped is not None)


def _names_a_role(phrase: str) -> bool:
    """Whether the phrase names a person's role (副市长, 局长 as 主要负责同志)."""
    return _named(ROLES, phrase) is not None


def _named(category: tuple[str, ...], phrase: str) -> str | None:
    """The first of the category the phrase names, in its own words or in the rules' (局长 → 主要负责同志)."""
    expanded = " ".join(rules_words(phrase))
    return next((word for word in category if occurs(word, phrase)), None) or next(
        (word for word in category if occurs(word, expanded)), None)


def _meeting(text: str) -> str:
    """The kind of meeting the text names (常务会 and other colloquial forms included), or ""."""
    canonical = _canonical_phrase(text)
    return next((meeting for meeting in _CATEGORIES[0] if meeting in canonical), "")


def _names_a_meeting(question: str, topics: list[frozenset[str]]) -> bool:
    """Whether the question names a meeting of its own: one of the kinds or a topic that is a meeting
    (季度经济形势分析会)."""
    return bool(_meeting(question)) or any(word.endswith(("会", "会议")) for topic in topics for word in topic)


def _spellings(word: str) -> list[str]:
    """A term and the colloquial phrases that stand for it (常务会议 ← 常务会)."""
    return [word, *(alias for alias, words in synonyms().items() if words == [word])]


# The last clause of a question that sets another meeting or role against what the clauses before it
# say: "…都是市长主持，那专题会呢？", "全体会议一年开两次，常务会呢？".
_CONTRAST = re.compile(r"^(?:那么?)(.+)$|^(.+)呢$")


def _contrast_within(question: str) -> str | None:
    """The question with the meeting or role its statement names swapped for the one its last clause
    sets against it ("张掖市长办公会是市长主持，那专题会呢？" → "张掖专题会议是市长主持，专题会"), or None."""
    clauses = re.split(r"[，,]", question.strip().rstrip("？?。！! "))
    contrast = _CONTRAST.match(clauses[-1].strip()) if len(clauses) > 1 else None
    if contrast is None or re.search(r"[？?]", "".join(clauses[:-1])):
        return None
    last = contrast.group(1) or contrast.group(2)
    swapped = _swap_same_kind("，".join(clauses[:-1]), _canonical_phrase(last))
    return f"{swapped}，{last}" if swapped else None


def _replace_same_kind(previous: str, phrase: str) -> str:
    """Swap the previous question's meeting/role for the one the phrase names, or prepend the phrase."""
    return _swap_same_kind(previous, phrase) or f"{phrase} {previous}"


def _swap_same_kind(previous: str, phrase: str) -> str | None:
    """The previous question with its meeting/role swapped for the one the phrase names ("专题会的纪要呢？"
    after a question on 常务会议's 纪要, "那市长自己出差呢" after 副市长's), or None."""
    for category in _CATEGORIES:
        new = _named(category, phrase)
        if new is None or occurs(new, previous):
            continue
        others = sorted((spelling for word in category if word != new for spelling in _spellings(word)),
                        key=len, reverse=True)
        any_other = "|".join(map(re.escape, others))
        # "全体会和常务会的纪要" → "专题会议的纪要": a list of them is swapped as a whole.
        swapped = re.sub(f"(?:{any_other})(?:[和、及与](?:{any_other}))*", new, previous, count=1)
        if swapped != previous:
            return swapped
    return None


def rewrite_history(history: Sequence[tuple[str, str]], question: str, places: PlaceFinder) -> Turn:
    """Rewrite every turn in order, then the new question; answers supply places a question omitted."""
    previous: Turn | None = None
    for asked, answered in history:
        turn = rewrite(asked, previous, places)
        if not turn.jurisdictions:
            answered_places = tuple(places.find(answered).known)
            turn = Turn(turn.question, turn.standalone, answered_places[:1] if len(answered_places) == 1 else ())
        previous = turn
    return rewrite(question, previous, places)
