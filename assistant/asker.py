"""What a question says about the person asking, which is no part of what it asks."""

from __future__ import annotations

import re

# "我是平凉市某局办公室主任，", "我是区政府办的，", "我是办公室负责考勤的，", "(我)刚调到办公室，", "我刚到县政府办
# 上班，": the asker's own desk. Not "我是副县长的秘书，" (the 领导 that follows is that 副县长), nor "我刚到市政府
# 办就起草了一份…通知，" (what follows the desk is what they do).
_DESK = r"[^，,。？！?!]{0,16}?(?:办公室|办(?!公))"
_OFFICE_DESK = re.compile(rf"(?:我是({_DESK}[^，,。？！?!]{{0,8}}?)|(?:我|^)(?:刚?调到|刚到)({_DESK}(?:工作|上班)?))([，。,])")
# The desk's own words; what is left names the unit ("平凉市某局", "攀枝花某区政府").
_DESK_WORDS = re.compile(r"办公室主任|办公室|(?<=政府)办|负责考勤|考勤|工作人员|上班|工作|的$")
# "我是张掖市发改委的，…": who asks.
_SELF_INTRODUCTION = re.compile(r"我是[^，,。？！?!]{1,16}?的[，,]")


def without_introduction(question: str) -> str:
    """The question with the asker's introduction of their office desk cut to the unit it names (its
    words, 办公室 and 主任, would be searched as the subject): "我是平凉市某局办公室主任，…" → "平凉市某局，…"."""
    def unit(match: re.Match[str]) -> str:
        named = _DESK_WORDS.sub("", match.group(1) or match.group(2))
        return named + match.group(3) if named else ""

    return _OFFICE_DESK.sub(unit, question)


def without_self_introduction(question: str) -> str:
    """The question without the asker saying who they are ("我是张掖市发改委的，…"), which names no
    article the question is about."""
    return _SELF_INTRODUCTION.sub("", question)
