"""Keyword matching with real jieba: colloquial phrases count only as whole words of the question."""

from __future__ import annotations

import pytest

from assistant.concepts import concepts, occurs
from assistant.config import PROJECT_ROOT
from assistant.keyword import EXPANSION_WEIGHT, outside_terms, query_terms, said, unbracket
from assistant.topics import asks_who_attends


@pytest.mark.parametrize(("phrase", "question", "expected"), [
    ("常务会", "攀枝花常务会开完了，纪要谁签发？", True),
    ("说情", "对方说情况特殊，给不了意见", False),
    ("县政府办", "这件事由县政府办理", False),
    ("县政府办", "县政府办转来的公文", True),
    ("上会", "议题马上会有结果", False),
    ("牵涉", "牵涉到好几个乡镇", True),
])
def test_phrases_are_said_only_as_words(phrase: str, question: str, expected: bool) -> None:
    assert said(phrase, question) is expected


def test_expansion_skips_phrases_inside_other_words() -> None:
    assert "干预" not in query_terms("对方说情况特殊，7天之内给不了意见")
    assert "常务会议" in query_terms("常务会开完了，纪要谁签发？")


def test_expansions_of_a_phrase_the_rules_never_use_weigh_in_full() -> None:
    vocabulary = {"越级", "越级行文", "外出", "出差"}
    terms = query_terms("能不能跳过上一级直接报？", vocabulary)
    assert terms["越级行文"] == 1.0  # 跳过 is no word of the rules: its expansions are all there is
    assert query_terms("副市长出差要报告吗", vocabulary)["外出"] == EXPANSION_WEIGHT


def test_a_named_bureau_is_searched_as_a_department() -> None:
    assert "部门" in query_terms("住建局的请示涉及财政局")
    assert "部门" not in query_terms("局长出差要报告吗") and "部门" not in query_terms("顾全大局")


def test_a_county_bureau_is_searched_as_a_county_working_department() -> None:
    assert "工作部门" in query_terms("我是仁和区住建局的，能直接给市政府打报告吗")
    assert "工作部门" in query_terms("县财政局想发个文")
    assert "工作部门" not in query_terms("市财政局想发个文") and "工作部门" not in query_terms("县长出差")


def test_heads_are_not_stated_by_their_deputies() -> None:
    assert occurs("市长", "须提前3天向市长请假") and not occurs("市长", "副市长、秘书长出差")
    assert not occurs("市长", "市长助理") and occurs("副市长", "副市长出差")
    assert not occurs("市长", "根据需要召开市长办公会议") and not occurs("县长", "县长办公会")
    assert {"县长"} not in concepts("分管副县长来不了，议题还上不上会？")
    assert {"县长"} in concepts("县长出差了，工作由谁主持？")


def test_phrase_said_as_the_head_of_a_word_leaves_no_fragment() -> None:
    # 常务会 (a colloquial phrase) heads 常务会议; the rest of the question is 要 and 和, not 议要 or 议和.
    words = {word for concept in concepts("常务会议要几个人到场才能开？") for word in concept}
    assert "常务会议" in words and "议要" not in words
    assert "议和" not in {word for concept in concepts("庄浪常务会议和张掖常务会议有何不同") for word in concept}
    assert {"议题"} in concepts("部门想上个常务会议题，要经过谁同意？")  # 常务会 + 议题, a term of its own


def test_meetings_are_stated_by_their_short_names() -> None:
    assert occurs("市长办公会议", "市长办公会由市长召集和主持") and not occurs("会议", "会上讨论")
    # A rule on the government's meetings in general covers each of them.
    assert occurs("常务会议", "应按要求参加市政府有关会议") and not occurs("常务会议", "会议室")


def test_short_bracketed_parts_read_as_one_word() -> None:
    assert unbracket("各县（区）政府、乡（镇）政府主要负责人") == "各县区政府、乡镇政府主要负责人"
    assert unbracket("以市政府名义（含市政府授权市政府办公室）发文") == "以市政府名义（含市政府授权市政府办公室）发文"
    assert occurs("乡镇", "有关部门、单位、乡（镇）政府主要负责人列席会议")


def test_matters_outside_the_rules_occur_in_none_of_the_bundled_rules() -> None:
    sources = (PROJECT_ROOT / "index" / "sources").glob("*.txt")
    rules = "".join("".join(path.read_text(encoding="utf-8").split()) for path in sources)  # across line breaks
    assert {"报销", "加班费"} <= outside_terms()
    assert [term for term in outside_terms() if term in rules] == []


def test_a_word_and_its_parts_are_one_concept_when_merged() -> None:
    question = "想通知各县区政府分管负责人来参加"
    assert {"各县区", "各县", "县区"} in concepts(question, merge_parts=True)
    assert {"各县区"} in concepts(question) and {"县区"} in concepts(question)


@pytest.mark.parametrize(("question", "expected"), [
    ("张掖常务会议都有谁参加？", True),
    ("忻州市政府开全体会，正式的组成人员都包括谁？", True),
    ("平凉和张掖的市政府组成人员有啥不一样？", True),
    # what the rules require of the 组成人员, or of someone away, is no question of who attends
    ("平凉市政府组成人员每年至少要牵头搞几个重大课题研究？", False),
    ("庄浪县政府常务会议至少得有多少组成人员到场才能开？", False),
    ("平凉市长办公会我们局长参加不了，谁去？", False),
])
def test_who_attends_is_asked_by_who_and_a_way_of_taking_part(question: str, expected: bool) -> None:
    assert asks_who_attends(question) is expected
