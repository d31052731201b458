"""Questions naming several meetings at once, split into one question per meeting."""

from __future__ import annotations

import pytest

from assistant.retrieval import Ranked
from assistant.store import StoredArticle
from assistant.subjects import Subject, per_meeting, speaks_of, with_each_best


@pytest.mark.parametrize("question, expected", [
    ("常务会和全体会议各开几次？", [("常务会议", "常务会各开几次？"), ("全体会议", "全体会议各开几次？")]),
    ("市政府全体会、常务会的纪要谁签发？",
     [("全体会议", "市政府全体会的纪要谁签发？"), ("常务会议", "市政府常务会的纪要谁签发？")]),
    ("市长办公会与专题会议分别由谁主持？",
     [("市长办公会议", "市长办公会分别由谁主持？"), ("专题会议", "专题会议分别由谁主持？")]),
    ("县政府全体会议、县政府常务会议和县长办公会议由谁召集？",
     [("全体会议", "县政府全体会议由谁召集？"), ("常务会议", "县政府常务会议由谁召集？"),
      ("县长办公会议", "县政府县长办公会议由谁召集？")]),
])
def test_each_meeting_of_a_list_gets_its_own_question(question: str, expected: list[tuple[str, str]]) -> None:
    assert [(subject.name, subject.question) for subject in per_meeting(question)] == expected


@pytest.mark.parametrize("question", [
    "常务会议多久开一次？",
    "常务会议和常务会各开几次？",  # one meeting said twice
    "领导不能出席全体会议或常务会议怎么请假？",  # 或: either meeting, one rule
    "副市长出差和请假有什么要求？",
])
def test_no_list_of_different_meetings_no_subjects(question: str) -> None:
    assert per_meeting(question) == []


def test_a_quote_speaks_of_the_meeting_it_names() -> None:
    subject = Subject("常务会议", "常务会各开几次？")
    assert speaks_of("市政府全体会议、市政府常务会议议题由市长确定", subject)
    assert not speaks_of("市政府全体会议一般每年召开2次", subject)


def _hit(number: int) -> Ranked:
    return Ranked(StoredArticle(f"a{number}", "", {"jurisdiction": "平凉市", "article": number}), 1.0)


def test_each_best_takes_the_last_places_and_keeps_the_length() -> None:
    ranked = [_hit(n) for n in (10, 53, 56, 57, 58)]
    merged = with_each_best(ranked, [_hit(53), _hit(52), _hit(49)])
    assert [hit.article.number for hit in merged] == [10, 53, 56, 52, 49]


def test_each_best_already_ranked_changes_nothing() -> None:
    ranked = [_hit(n) for n in (53, 52, 56)]
    assert with_each_best(ranked, [_hit(52), _hit(53)]) == ranked
