"""Extractive answering: pick the sentence that answers the question from the retrieved articles.

A jurisdiction's rules answer a question only when (1) some sentence of a top article matches
what the question asks for (a frequency, a time limit…), (2) the article and that sentence state
enough of the question's own concepts (idf-weighted share of them present in the text) and (3) the
question uses no term that other jurisdictions' rules regulate and these never mention. Otherwise
the finding is an abstention, and the retrieved articles are only "related".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .asker import without_self_introduction
from .intent import (ABSENCE, GENERAL, PROCEDURE, TIME_LIMITS, VALIDITY, Intent, about_the_rules, asked_sentences,
                     asking_clauses, classify, classify_all, states_own_validity)
from .concepts import LEADER_ROLES, ROLES, concept_weights, concepts, coverage, invited_roles, occurs, states
from .keyword import (BM25, BUREAU, KeywordIndex, asks_who_stands_in, domain_terms, outside_terms, rule_terms,
                      rules_words, said, said_phrases, split_sentences, synonyms, tokenize)
from .retrieval import FOCUS_WEIGHT, SUBJECT_BONUS, SUBJECT_SPAN, Ranked
from .topics import (LIST_WORDS, asks_who_attends, away_or_absent, names, names_topics, opens_with_topic,
                     question_topics, states_composition)
from .store import StoredArticle

TOP_ARTICLES = 3
MIN_COVERAGE = 0.2  # of the question's concepts, by weight, that the answering article must state
MIN_SENTENCE_COVERAGE = 0.3  # … and that the best answering sentence (with its context) must state
_POSITION_WEIGHT = 0.5
SECOND_RATIO = 0.55
QUOTE_GAP = "……"
SENTENCE_COVERAGE = 1.5  # weight of the share of the question's concepts a candidate sentence states
# weight of the share of the asking sentence's concepts a candidate states, when statements surround it
ASKED_COVERAGE = 1.0
COMPLETION_SHARE = 0.1
COMPLETION_MAX = 2
NAMES_SOMEONE_BONUS = 0.3
# For the sentence stating who makes up what a who-attends question is about: a meeting's, and the
# government's own, which never says the 组成人员 that the sentences on their duties say throughout.
MEETING_COMPOSITION_BONUS = 0.6
GOVERNMENT_COMPOSITION_BONUS = 1.5
# A question on a procedure (PROCEDURE) is answered by its steps, up to STEPS more sentences.
STEPS = 3
STEP_RATIO = 0.5
OTHER_CASE_PENALTY = 0.5
_PERIODS = frozenset({"每年", "每月", "每半年", "半年", "每周"})


@dataclass
class Finding:
    """What one jurisdiction's rules say about a question."""

    jurisdiction: str
    ranked: list[Ranked]
    article: StoredArticle | None = None
    quote: str = ""
    coverage: float = 0.0
    subject: str = ""  # the meeting it answers for, when a question names several (subjects.per_meeting)

    @property
    def answered(self) -> bool:
        return self.article is not None


def complete(chosen: set[int], sentences: list[str], question_concepts: list[set[str]], bm25: BM25) -> set[int]:
    """Add the article's sentences that state concepts of the question the chosen ones leave out
    ("情况特殊…回不了" after the 7-day rule: the sentence on 特殊情况), each covering at least
    COMPLETION_SHARE of the weight of the question's concepts the article states, at most
    COMPLETION_MAX of them. A bare number is no concept to complete: it appears in too many
    sentences by chance."""
    weights = concept_weights(question_concepts, bm25)
    article = "".join(sentences)
    total = sum(w for c, w in zip(question_concepts, weights) if states(c, article)) or 1.0
    chosen = set(chosen)
    for _ in range(COMPLETION_MAX):
        quoted = "".join(sentences[i] for i in chosen)
        open_concepts = [(c, w) for c, w in zip(question_concepts, weights)
                         if not states(c, quoted) and not any(word.isdigit() for word in c)]
        gains = {i: sum(w for c, w in open_concepts if states(c, sentence))
                 for i, sentence in enumerate(sentences) if i not in chosen and not sentence.endswith("：")}
        best = max(gains, key=gains.get, default=None)
        if best is None or gains[best] / total < COMPLETION_SHARE:
            break
        chosen.add(best)
    return chosen


def continue_list(chosen: set[int], sentences: list[str], intent: Intent,
                  question_concepts: list[set[str]] = ()) -> set[int]:
    """Add the sentences that carry on a chosen one: for a participants answer, the neighbours that go
    on with its list ("…主要负责人列席会议。…信息室负责人列席会议。"); for the rules' taking effect, the
    version they repeal next to it and the other way round; for other answers, the clause after a
    "；" when it answers too, for another case ("…3日内印发；有重大修改意见…10日内印发。"), unless the
    question names one of the two cases: then that one alone."""
    if intent.answer is None:
        return chosen
    extended = set(chosen)
    for start in sorted(chosen):
        if intent.name == "participants":
            extended |= _same_list(start, sentences, intent.answer)
        elif intent.name in VALIDITY:
            extended |= {i for i in (start - 1, start + 1)
                         if 0 <= i < len(sentences) and states_own_validity(sentences[i])}
        elif (sentences[start].endswith("；") and start + 1 < len(sentences)
              and intent.answer.search(sentences[start + 1])):
            if _case_set_aside(question_concepts, intent, sentences[start + 1], sentences[start]):
                extended.discard(start)
            if not _case_set_aside(question_concepts, intent, sentences[start], sentences[start + 1]):
                extended.add(start + 1)
    return extended


# The case a clause gives the rule for: its part before the answer, ending in 的 ("只作部分文字修改的，…",
# "需以市政府名义报省政府或省直厅局的事项，…").
_CASE_CLAUSE = re.compile(r"([^，；。]*的(?:事项|情况|文件)?)，[^，]*$")


def _case_set_aside(question_concepts: list[set[str]], intent: Intent, chosen: str, other: str) -> bool:
    """Whether a time-limit question names the case of the chosen clause and not that of the other
    one, whose figure it then does not ask for ("只改了几处文字" → 3日内, not 10日内)."""
    return (intent.name in TIME_LIMITS and _names_case(question_concepts, chosen, other)
            and not _names_case(question_concepts, other, chosen))


def _names_case(question_concepts: list[set[str]], clause: str, other: str) -> bool:
    """Whether the question names the case of this clause: a concept its case part states and the
    other clause, which gives a case too, does not."""
    own = _CASE_CLAUSE.search(clause)
    if own is None or _CASE_CLAUSE.search(other) is None:
        return False
    return any(states(concept, own.group(1)) and not states(concept, other) for concept in question_concepts)


def _same_list(start: int, sentences: list[str], answer: re.Pattern[str]) -> set[int]:
    """The sentences on either side of ``start`` that name the same way of taking part (列席, 参加…)."""
    verbs = set(answer.findall(sentences[start]))
    found: set[int] = set()
    for step in (1, -1):
        index = start + step
        while 0 <= index < len(sentences) and verbs & set(answer.findall(sentences[index])):
            found.add(index)
            index += step
    return found


def missing_here(question: str, question_concepts: list[set[str]], jurisdiction: str,
                 keyword: KeywordIndex) -> list[str]:
    """Domain terms and rule terms of the question that other jurisdictions' rules use but this
    one's never do ("销假" asked of 平凉), and matters outside the work rules that these never
    mention (报销, 加班费): the clearest sign that these rules do not address it."""
    missing = []
    for concept in question_concepts:
        terms = sorted((word for word in concept if word in domain_terms() and word not in _PERIODS),
                       key=lambda word: (word not in question, word))  # the question's own word first
        if (terms and not any(keyword.mentions(jurisdiction, word) for word in concept)
                and any(keyword.mentions_anywhere(word) for word in terms)
                and not any(_said_in_parts(term, jurisdiction, keyword) for term in terms)):
            missing.append(terms[0])
    missing.extend(term for term in rule_terms() | outside_terms()
                   if term in question and said(term, question) and term not in missing
                   and not any(keyword.mentions(jurisdiction, word)
                               for word in _expressions(term, question_concepts)))
    return missing


def _expressions(term: str, question_concepts: list[set[str]]) -> set[str]:
    """The term and the words that say the same: its synonyms and those of the question's concept that
    holds it (配套文件 in the concept of 配套, which 攀枝花 states as 对应发文)."""
    return {term, *synonyms().get(term, []), *(word for concept in question_concepts if term in concept
                                               for word in concept)}


def _said_in_parts(term: str, jurisdiction: str, keyword: KeywordIndex) -> bool:
    """Whether the rules state every part of a compound term (重大突发事件 as 重大突发和敏感事件)."""
    parts = [part for part in tokenize(term) if part != term]
    return bool(parts) and all(keyword.mentions(jurisdiction, part) for part in parts)


def _answers(sentence: str, lead: str, intent: Intent, topics: list[frozenset[str]], acts: set[str],
             person: str = "") -> bool:
    """A sentence can answer when it matches a strict intent, states the act a who-question asks
    about (if any), and it (or its article's lead) names every topic. A sentence on the ``person`` a
    follow-up asks about gives their rule whatever the earlier question asked ("那县长自己出差呢？":
    "县长出差…按市委、市政府要求报备", with no number of days)."""
    own_rule = bool(person) and _subject_role(sentence) == person
    if intent.strict and intent.answer is not None and not intent.answer.search(sentence) and not own_rule:
        return False
    if acts and not any(act in sentence for act in acts):
        return False
    return names_topics(f"{sentence}\n{lead}", topics)


# "关于停车收费管理的规范性文件", "安全生产工作会", "(一个)安全生产工作通知", "旅游产业推进会": what a document
# or a meeting is about is no part of what the question asks.
_DOCUMENT_SUBJECT = re.compile(r"关于[^，。？]{1,20}?的(?=[^，。？]{0,8}(?:文件|通知|请示|报告|意见|办法|方案))"
                               r"|[^的，。？、\s一个]{2,6}?(?=工作(?:会|通知|方案|要点)|(?:产业)?(?:推进会|现场会|座谈会|调度会))")
# "春节期间要是发生了突发事件": when an event happens is no part of what the question asks.
_EVENT_TIME = re.compile(r"[^，。？、\s]{1,6}期间(?=[^，。？]{0,4}(?:发生|出现|遇到|碰到))")
# "对一份请示意见不一致": what parties disagree over is no topic the answer must name (the ask is the
# disagreement).
_DISAGREED_OVER = re.compile(r"对[^，。？]{1,20}?(?=(?:的)?(?:意见|看法)?(?:不一致|不统一|没统一|有分歧|存在分歧|有争议))")
# "除了文件代拟稿，还得…": what the question sets aside is no part of what it asks.
_EXCEPT = re.compile(r"除了[^，,。？！?!]*[，,]")
# Words that only say when or how (临时有急事, 马上, 明天): no article is named by them.
_CIRCUMSTANCES = frozenset({"临时", "突然", "马上", "立即", "今天", "明天", "下周", "最近", "平时"})
# "由谁签发？": the act a who-question asks about, which the answering sentence must state.
_ASKED_ACT = re.compile(r"(?:谁|哪个单位|哪个部门|哪位领导|哪个领导)(?:来|去|负责)?(签发|签署|签字|审批|审定|批准|起草|请假|报备|组织)")
# "哪些单位列席？": a participants question about one way of taking part.
_ATTENDANCE = re.compile(r"列席|出席|参加|组成|参会|与会")
_SITTING_IN_PEOPLE = re.compile(r"列席(?:的人|人员|的同志)")  # "列席的人能带助手吗" asks about them, not who sits in
_ABSENT = ("不能出席", "不能参加", "不能参会", "不能到会", "请假")
_STATES_ABSENCE = re.compile("|".join(_ABSENT))
# "提前几天向市长请假？": what is done in advance, which the answering sentence must state in one of
# the rules' ways (a leave is asked for, reported or filed; a document is sent up).
_ADVANCE_ACTS = (("请假", "报告", "报备"), ("请示", "报送", "申报", "送达"))
# 打报告 may be a leave's 报告 or a document sent up (a 请示).
_ADVANCE_ACT = re.compile(r"提前(?:几|多少|多久|多长)[^，。？?]{0,10}?(打个?报告|请假|报告|报备|请示|报送|申报|送达)")
# "…来不了，能不能让副秘书长替他主持？": the ask is who stands in, not how to report the absence.
_STAND_IN = re.compile(r"[替代][他她]|替.{0,2}主持")
# "能不能派副职代会？", "委托办公室副主任替他主持？": whether someone may stand in, which only a sentence
# saying so answers (指派人员代为参会, 受副市长委托…), not the one on who attends or chairs.
_MAY_STAND_IN = re.compile(r"派[^，。？]{0,6}?代|代(?:会|参会|为|替|他|她|局长|列席|出席|汇报|主持)|替(?:他|她|局长)"
                           r"|顶替|让别人替|找人替")
_STANDING_IN = frozenset({"代为", "委托", "代行"})


def asked_act(question: str, intent: Intent) -> set[str]:
    """Words for the one act a single-ask who-question is about ("由谁签发" → 签发, with the rules'
    words for a colloquial phrase that says it), 列席 for a question on who sits in (not who is a
    member or attends; not "列席的人能带助手吗"), or nothing when it asks about several. A question about someone who
    cannot attend asks about that absence ("…不能参加…的，向会议主持人请假"), unless another of its asks wants a
    time limit or a number; one on how early asks about the act done in advance (提前几天请假 → 请假, 报告 or 报备)."""
    several_asks = len(re.findall(r"[？?]", question)) > 1
    if ABSENCE.search(question) and not _STAND_IN.search(question) and not (several_asks and intent.strict):
        return set(_ABSENT)
    if intent.name == "advance":
        ahead = _ADVANCE_ACT.search(question)
        said_act = ahead.group(1) if ahead else ""
        return {act for group in _ADVANCE_ACTS for act in group if said_act in group or said_act.startswith("打")}
    if intent.name == "participants":
        sits_in = set(_ATTENDANCE.findall(question)) == {"列席"} and _SITTING_IN_PEOPLE.search(question) is None
        return {"列席"} if sits_in else set()
    if intent.name != "who":
        return set()
    acts = set(_ASKED_ACT.findall(question))
    if len(acts) != 1 or several_asks:
        return set()
    act = acts.pop()
    return {act, *(word for phrase, words in said_phrases(question) if act in phrase for word in words)}


# "这种情况下由谁…？": the asking sentence is about the situation the statements before it describe.
_SITUATION = re.compile(r"(?:这种|这类|此类|这个|这件|该|上述)(?:情况|情形|事|问题)|这样的话")


# "这个会一般多久开一次？": the ask is about the meeting named before it, not about the rest said there.
_MEETING_REFERRED = re.compile(r"(?:这个|这种|这类|这次|该|这)会(?:议)?(?!议题|签)")


def _referred_meeting(text: str) -> str:
    """The meeting the text names last ("想排上市政府常务会，这个会…" → 常务会议), or ""."""
    named = [(max(text.rfind(term), text.rfind(term[:-1])), term)
             for group in question_topics(text) for term in group if term.endswith("会议")]
    return max(named)[1] if named else ""


def _topical_part(question: str) -> str:
    """The part of the question whose topics the answer must name: the sentences that ask, not the
    statements around them ("局里开党组会研究过了。这种文件由谁签发？"), unless they ask about the
    situation the statement just before them describes; a last clause asking about "这个会" asks
    about the meeting named before it alone ("有个议题想排上常务会，这个会多久开一次？")."""
    asked = asked_sentences(question)
    last = asking_clauses(question, 1)
    if last != asked and _MEETING_REFERRED.search(last) and (meeting := _referred_meeting(asked)):
        return f"{meeting}，{last}"
    if not _SITUATION.search(asked):
        return asked
    sentences = re.findall(r"[^。！!？?：:]*[。！!？?：:]?", question)
    first = next((i for i, sentence in enumerate(sentences) if sentence.strip() and sentence in asked), 0)
    statement = first > 0 and not sentences[first - 1].endswith(("：", ":"))  # a preamble describes no situation
    return "".join(sentences[first - 1 if statement else first:])


def _roles_set_aside(question: str) -> set[str]:
    """The roles the question sets aside ("除了县长、副县长和办公室主任，还有谁…")."""
    return {role for match in _EXCEPT.finditer(question) for role in _roles_named(match.group(0))}


def _roles_named(text: str) -> set[str]:
    """The roles the text names."""
    return {role for role in ROLES if occurs(role, text)}


# "哪位领导出面协调？": a who-question asking for one of the government's leaders, not a unit's head.
_ASKS_LEADER = re.compile(r"哪位(?:[市县]政府)?(?:[市县])?领导|哪个(?:[市县])?领导|[市县]政府(?:这边|层面)?[^，。？]{0,6}谁")
_GOVERNMENT_LEADERS = re.compile(r"(?:常务)?副?[市县]长|秘书长|[市县]政府(?:分管)?领导|分管领导")


def _names_a_leader(sentence: str) -> bool:
    """Whether the sentence names one of the government's leaders (分管副县长, 市政府领导同志)."""
    return _GOVERNMENT_LEADERS.search(sentence) is not None


def _names_someone(sentence: str) -> bool:
    """Whether the sentence names a role or a bureau (a who-answer names someone: "市长、副市长…召开",
    "市司法局要列明各方理据")."""
    return bool(_roles_named(sentence)) or BUREAU.search(sentence) is not None


# The kind of unit a question speaks for ("我们局…", "住建局想…", "我们乡…"), as the rules name it.
# Departments the question talks about (几个部门, 各部门, 相关部门, 其他部门) are not the asker.
_PARTIES = {"部门": re.compile(rf"(?<![个各关他])部门|{BUREAU.pattern}"), "单位": re.compile(r"单位"),
            "乡镇": re.compile(r"乡镇|乡（镇）|乡政府|镇政府|我们乡|我们镇")}


def _asking_parties(question: str) -> list[str]:
    """The rules' words for the units the question speaks for (住建局 → 部门), which a sentence
    about that case opens with ("部门、单位、乡镇拟提交的议题，…")."""
    return [party for party, said_as in _PARTIES.items() if said_as.search(question)]


_CASE = re.compile(r"([^，；。：]*?)拟?(?:提出|提交|报送)的")


def _cases(sentence: str) -> set[str]:
    """The roles and units whose case the sentence gives the rule for ("县长提出的议题，…" → 县长;
    "部门、单位、乡镇拟提交的议题，…" → 部门, 单位, 乡镇)."""
    return {subject for match in _CASE.finditer(sentence) for subject in (*ROLES, *_PARTIES)
            if occurs(subject, match.group(1))}


def _other_cases(sentence: str, subjects: list[str]) -> bool:
    """Whether the sentence gives the rule for other roles' or units' cases only ("县长提出的议题，…"
    when a department asks)."""
    cases = _cases(sentence)
    return bool(cases) and not _is_own_case(cases, subjects)


def _own_case(sentences: list[str], subjects: list[str]) -> set[int]:
    """The sentences that give the rule for the question's own role or unit, which a quote from
    their article must include ("部门、单位、乡镇拟提交的议题，汇报分管副县长、县长同意后申报。")."""
    return {index for index, sentence in enumerate(sentences) if _is_own_case(_cases(sentence), subjects)}


def _is_own_case(cases: set[str], subjects: list[str]) -> bool:
    return bool(cases & set(subjects))


# The government's leaders as the rules name them together (each of LEADER_ROLES is one).
_LEADERS = ("市政府领导", "县政府领导")


# "受市长委托，…": who delegates, not whom the sentence is about.
_DELEGATED = re.compile(r"^受[^，。]{1,12}委托，")


# The role a sentence opens with, its subject ("县长出差、出访…", "县政府各部门主要负责同志出差…"); not the
# meeting a head gives a name to ("市长办公会议由…").
_SUBJECT_ROLE = re.compile(r"^(?:[市县]政府(?:各部门)?)?({})(?!助理|办公会)".format(
    "|".join(sorted(ROLES, key=len, reverse=True))))


def _subject_role(sentence: str) -> str:
    """The role the sentence opens with, or nothing."""
    match = _SUBJECT_ROLE.match(_DELEGATED.sub("", sentence))
    return match.group(1) if match else ""


def _opens_with_other_role(sentence: str, roles: list[str]) -> bool:
    """Whether the sentence is about another role than the question's ("副市长、秘书长出差…" when
    the question asks about a department head; "市政府领导同志每年到基层调研…" when it asks about
    one): it opens with a role and names none of the question's (the leaders name each 副市长)."""
    opening = _DELEGATED.sub("", sentence)[:SUBJECT_SPAN]
    leaders = any(leader in opening for leader in _LEADERS)
    if not (leaders or _names_someone(opening)):
        return False
    return not any(occurs(role, sentence) for role in roles) and not (leaders and LEADER_ROLES & set(roles))


def find_answer(jurisdiction: str, question: str, intent: Intent, ranked: list[Ranked],
                keyword: KeywordIndex, focus: str = "", other_person: bool = False) -> Finding:
    """The best answering sentence(s) among the top articles (and the one retrieval kept for the
    question's last clauses), or an abstention.

    Candidates are scored by their keyword score (relative to the best sentence retrieved), the
    article's rank, whether they open with a topic of the question, and how much of the question's
    concepts (and of the follow-up's ``focus``) they state. Sentences about another role than the
    question's are passed over. A second sentence of the same article is quoted too when it scores
    nearly as well (multi-part questions; up to STEPS more for a procedure), and so are sentences
    stating concepts the quote leaves out and the rule for the asker's own case.
    When the question names something only the top article of the jurisdiction states, the answer
    comes from that article or there is none. What the question sets aside ("除了代拟稿，…")
    is no part of it (a sentence naming only the roles it sets aside hardly answers it), and only the
    sentences that ask can name a term these rules never use.
    """
    finding = Finding(jurisdiction, ranked)
    set_aside = _roles_set_aside(question)
    question = _EXCEPT.sub("", question)
    question_concepts = concepts(question)
    asked_part = _EVENT_TIME.sub("", _DOCUMENT_SUBJECT.sub("", asked_sentences(question)))
    asked_concepts = question_concepts if asked_part == question else concepts(asked_part)
    if missing_here(asked_part, asked_concepts, jurisdiction, keyword):
        return finding
    topics = _absence_topics(question_topics(_DISAGREED_OVER.sub("", _topical_part(question))), focus)
    if _MAY_STAND_IN.search(question) and not asks_who_stands_in(question):
        topics.append(_STANDING_IN)
    focus_concepts = concepts(focus)
    asked = focus or question
    invited = invited_roles(asked)
    roles = [role for role in ROLES if occurs(role, " ".join([asked, *rules_words(asked)])) and role not in invited]
    acts = asked_act(asked, intent)
    # a follow-up about another of the government's leaders ("那县长自己出差呢？" after one on the 副县长)
    person = roles[0] if other_person and len(roles) == 1 and roles[0] in LEADER_ROLES else ""
    asks_leader = intent.name == "who" and _ASKS_LEADER.search(asked) is not None
    subjects = roles + _asking_parties(asked)
    # "全体会议都有谁参加？" is not answered by who asks whom for leave when they cannot attend
    attending = bool(_ATTENDANCE.search(asked)) and not away_or_absent(asked)
    asks_attendees = asks_who_attends(asked)
    rules_validity = about_the_rules(asked, intent)
    candidates: list[tuple[float, int, int, str]] = []
    considered = [(position, hit) for position, hit in enumerate(ranked) if position < TOP_ARTICLES or hit.for_the_ask]
    top_keyword = max((v for _, hit in considered for v in hit.sentence_scores.values()), default=0.0) or 1.0
    for position, hit in considered:
        sentences = split_sentences(hit.article.text)
        # the person's own rule stands next to the one the earlier question asked for (another role's days)
        contrast = person if intent.answer is None or intent.answer.search(hit.article.text) else ""
        for index, sentence in enumerate(sentences):
            lead = _lead(sentences, index)
            if sentence.endswith("：") or not _answers(sentence, lead, intent, topics, acts, contrast):
                continue
            if attending and _STATES_ABSENCE.search(sentence):
                continue
            if rules_validity and not states_own_validity(sentence):  # not when a 规范性文件 takes effect
                continue
            about = opens_with_topic(sentence, topics, SUBJECT_SPAN) or any(
                occurs(subject, sentence[:SUBJECT_SPAN + len(subject)]) for subject in subjects)
            composition = asks_attendees and states_composition(sentence, topics, about)
            if roles and not about and not composition and _opens_with_other_role(sentence, roles):
                continue
            if person and _subject_role(sentence) not in ("", person):  # "副县长…向县长请假" is not on the 县长
                continue
            score = (hit.sentence_scores.get(sentence, 0.0) / top_keyword
                     + _POSITION_WEIGHT * max(1 - position / TOP_ARTICLES, 0.0) + (SUBJECT_BONUS if about else 0.0)
                     + SENTENCE_COVERAGE * coverage(question_concepts, sentence, keyword.article_bm25)
                     + (ASKED_COVERAGE * coverage(asked_concepts, sentence, keyword.article_bm25)
                        if asked_part != question else 0.0)
                     - (OTHER_CASE_PENALTY if subjects and _other_cases(sentence, subjects) else 0.0)
                     # "除了县长、副县长，还有谁列席？": hardly the sentence naming only them
                     - (OTHER_CASE_PENALTY if set_aside and set_aside >= _roles_named(sentence) != set() else 0.0)
                     + (NAMES_SOMEONE_BONUS if intent.name == "who" and _names_someone(sentence) else 0.0)
                     + (NAMES_SOMEONE_BONUS if asks_leader and _names_a_leader(sentence) else 0.0)
                     + ((MEETING_COMPOSITION_BONUS if topics else GOVERNMENT_COMPOSITION_BONUS) if composition else 0.0)
                     + (FOCUS_WEIGHT * coverage(focus_concepts, sentence, keyword.article_bm25) if focus else 0.0))
            candidates.append((score, position, index, sentence))
    candidates.sort(key=lambda candidate: -candidate[0])
    if candidates and candidates[0][1] > 0 and _unique_to_another(
            concepts(without_self_introduction(question)), ranked, ranked[candidates[0][1]].article, keyword):
        candidates = [candidate for candidate in candidates if candidate[1] == 0]
    if not candidates:
        return finding
    score, position, index, sentence = candidates[0]
    article = ranked[position].article
    sentences = split_sentences(article.text)
    asked_alone = (question_concepts, asked_concepts)  # background the rules do not state is no gap
    finding.coverage = max(coverage(wanted, article.text, keyword.article_bm25, known_only=True)
                           for wanted in asked_alone)
    context = _with_context(sentences, index)  # a follow-up's sentence may state its own words only
    sentence_coverage = max(coverage(wanted, context, keyword.article_bm25, known_only=True)
                            for wanted in (*asked_alone, focus_concepts))
    own_validity = rules_validity and states_own_validity(sentence)
    if not own_validity and (finding.coverage < MIN_COVERAGE or sentence_coverage < MIN_SENTENCE_COVERAGE):
        return finding
    steps = PROCEDURE.search(asked) is not None
    seconds = [(i, s) for sc, p, i, s in candidates[1:]
               if p == position and sc >= (STEP_RATIO if steps else SECOND_RATIO) * score
               and not s.endswith("：") and not _case_set_aside(question_concepts, intent, sentence, s)
               ][:STEPS if steps else 1]
    finding.article = article
    listed = asked_list(sentences, asked)
    if listed:
        finding.quote = join_quote([(i, sentences[i]) for i in sorted(listed)])
        return finding
    chosen = complete({index, *(i for i, _ in seconds), *_own_case(sentences, subjects)}, sentences,
                      question_concepts, keyword.article_bm25)
    chosen = continue_list(chosen, sentences, intent, question_concepts)
    finding.quote = join_quote([(i, sentences[i]) for i in sorted(chosen)])
    return finding


def find_answer_parts(jurisdiction: str, question: str, intent: Intent, ranked: list[Ranked],
                      keyword: KeywordIndex, focus: str = "", other_person: bool = False) -> Finding:
    """Like find_answer (trying the question's other intents when its first is topical and finds
    nothing, and then a general reading unless it asks about the rules' own validity), but a question
    with several asks ("谁召集？能不能替着主持？") also quotes the sentences of the same article that
    answer each ask."""
    finding = find_answer(jurisdiction, question, intent, ranked, keyword, focus, other_person)
    alternatives: list[Intent] = []
    if intent.topical:
        alternatives = [alternative for alternative in classify_all(question)
                        if alternative.name not in {intent.name, GENERAL.name}]
        if not about_the_rules(question, intent):  # "政府能废止自己的规范性文件吗？" asks of a document
            alternatives.append(GENERAL)
    for alternative in alternatives:
        if not finding.answered:
            finding = find_answer(jurisdiction, question, alternative, ranked, keyword, focus, other_person)
    parts = [part for part in re.split(r"[？?]", focus or question) if part.strip()]  # the user's own asks
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


def _unique_to_another(question_concepts: list[set[str]], ranked: list[Ranked], article: StoredArticle,
                       keyword: KeywordIndex) -> bool:
    """Whether the question names something that only the top article of the jurisdiction states
    ("13710" 督办平台) while the answer comes from another article; a circumstance ("临时有急事") names
    nothing."""
    top = ranked[0].article
    return any(not concept <= _CIRCUMSTANCES and states(concept, top.text) and not states(concept, article.text)
               and sum(1 for text in keyword.article_texts(top.jurisdiction) if states(concept, text)) == 1
               for concept in question_concepts)


def _absence_topics(topics: list[frozenset[str]], focus: str) -> list[frozenset[str]]:
    """A follow-up on someone who cannot attend ("那要是局长来不了呢？") keeps the earlier turns'
    meeting but not what they asked about it (随员)."""
    if not (focus and ABSENCE.search(focus)):
        return topics
    return [group for group in topics
            if any(term.endswith("会议") or names(term, focus) for term in group)]


# "…会议的主要任务是：" and the enumerated items after it.
_LIST_LEAD = re.compile(rf"({'|'.join(LIST_WORDS)})(?:是|包括|有)?：$")
_LIST_ITEM = re.compile(r"[（(][一二三四五六七八九十]+[）)]|\d+[.、．]")


def asked_list(sentences: list[str], question: str) -> set[int]:
    """The lead the question asks about ("全体会议的主要任务是什么？": "…主要任务是：") with its enumerated
    items, or nothing."""
    for index, sentence in enumerate(sentences):
        lead = _LIST_LEAD.search(sentence)
        if lead and lead.group(1) in question:
            items = [i for i in range(index + 1, len(sentences)) if _LIST_ITEM.match(sentences[i])]
            run = [i for n, i in enumerate(items) if i == index + 1 + n]
            if run:
                return {index, *run}
    return set()


def _lead(sentences: list[str], index: int) -> str:
    """What names the subject of sentence ``index``: the article's first sentence and, for a clause
    after a "；", the clause before it ("应由各部门召开的全市性会议，…；未经…不出席…")."""
    before = sentences[index - 1] if index > 0 and sentences[index - 1].endswith("；") else ""
    return sentences[0] + before


def _with_context(sentences: list[str], index: int) -> str:
    """Sentence ``index`` with the article's lead and the sentence before it, which often name its
    subject ("市政府常务会议…每两周召开1次；遇有重大特殊情况，可随时召开。")."""
    return "".join(dict.fromkeys([sentences[0], sentences[max(index - 1, 0)], sentences[index]]))


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
