"""Keyword matching with real jieba: colloquial phrases count only as whole words of the question."""

from __future__ import annotations

import pytest

from assistant.concepts import concepts, occurs
from assistant.keyword import query_terms, said, unbracket


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


def test_heads_are_not_stated_by_their_deputies() -> None:
    assert occurs("市长", "须提前3天向市长请假") and not occurs("市长", "副市长、秘书长出差")
    assert not occurs("市长", "市长助理") and occurs("副市长", "副市长出差")
    assert {"县长"} not in concepts("分管副县长来不了，议题还上不上会？")
    assert {"县长"} in concepts("县长出差了，工作由谁主持？")


def test_meetings_are_stated_by_their_short_names() -> None:
    assert occurs("市长办公会议", "市长办公会由市长召集和主持") and not occurs("会议", "会上讨论")


def test_short_bracketed_parts_read_as_one_word() -> None:
    assert unbracket("各县（区）政府、乡（镇）政府主要负责人") == "各县区政府、乡镇政府主要负责人"
    assert unbracket("以市政府名义（含市政府授权市政府办公室）发文") == "以市政府名义（含市政府授权市政府办公室）发文"
    assert occurs("乡镇", "有关部门、单位、乡（镇）政府主要负责人列席会议")
