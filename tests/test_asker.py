"""The asker's introduction of their own desk is cut to the unit it names."""

from __future__ import annotations

import pytest

from assistant.asker import without_introduction


@pytest.mark.parametrize(("question", "expected"), [
    ("我是忻州市某局办公室主任，局长下周出差怎么请假？", "忻州市某局，局长下周出差怎么请假？"),
    ("局长刚回来，我是办公室负责考勤的，还要办什么手续？", "局长刚回来，还要办什么手续？"),
    ("我是攀枝花某区政府办的，区里想搞督查考核要报备吗？", "攀枝花某区政府，区里想搞督查考核要报备吗？"),
    # the 领导 that follows is the 副县长 named, so this introduction stays
    ("我是庄浪县一位副县长的秘书，领导下月去学习要怎么请假？", "我是庄浪县一位副县长的秘书，领导下月去学习要怎么请假？"),
    ("我刚调到办公室，很多规矩还不熟，想请教一下：县长出差谁主持？", "很多规矩还不熟，想请教一下：县长出差谁主持？"),
    ("我刚到县政府办上班，县长出差谁主持？", "县政府，县长出差谁主持？"),
    ("刚调到政府办，想弄清楚规则上位依据是什么？", "政府，想弄清楚规则上位依据是什么？"),
    # what follows the desk is what the asker did there, and the 办公室 named is the document's issuer
    ("我刚到张掖市政府办就起草了一份以市政府办公室名义下发的通知，由谁签发？",
     "我刚到张掖市政府办就起草了一份以市政府办公室名义下发的通知，由谁签发？"),
    ("我刚调到县政府办公会议上做记录，常务会谁主持？", "我刚调到县政府办公会议上做记录，常务会谁主持？"),
])
def test_introduction_of_the_askers_desk(question: str, expected: str) -> None:
    assert without_introduction(question) == expected
