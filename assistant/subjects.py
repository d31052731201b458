"""Questions about several meetings at once ("常务会和全体会议各开几次？"): one question per meeting, so that
each is answered from its own article where no one article states them all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .retrieval import Ranked

_MEETING = r"(?:[市县]政府)?(?:[市县]长办公会|全体会|常务会|办公会|专题会|党组会|经济形势分析会)议?"
_MEETINGS = re.compile(rf"{_MEETING}(?:(?:和|与|跟|、|及|以及|还有)的?{_MEETING})+")
_ONE_MEETING = re.compile(_MEETING)
_GOVERNMENT = re.compile(r"[市县]政府")


@dataclass(frozen=True)
class Subject:
    """One of the meetings a question names together, and the question about it alone."""

    name: str  # 常务会议
    question: str


def per_meeting(question: str) -> list[Subject]:
    """One subject per meeting of the first list of meetings the question names ("全体会、常务会的纪要
    谁签发？" → 全体会议 and 常务会议, each with its own question); none when it names no such list."""
    listed = _MEETINGS.search(question)
    if not listed:
        return []
    government = _GOVERNMENT.match(listed.group(0))  # "市政府全体会、常务会" keeps its 市政府 for each
    before = question[:listed.start()] + (government.group(0) if government else "")
    subjects: dict[str, Subject] = {}
    for said in _ONE_MEETING.findall(listed.group(0)):
        bare = _GOVERNMENT.sub("", said, count=1)
        name = bare if bare.endswith("议") else bare + "议"
        subjects.setdefault(name, Subject(name, before + bare + question[listed.end():]))
    return list(subjects.values()) if len(subjects) > 1 else []


def with_each_best(ranked: list[Ranked], bests: list[Ranked]) -> list[Ranked]:
    """The ranking with every subject's best article in it: those it lacks take its last places, in
    the subjects' order, and the ranking keeps its length."""
    present = {hit.article.id for hit in ranked}
    missing = list({hit.article.id: hit for hit in bests if hit.article.id not in present}.values())
    return (ranked[:max(len(ranked) - len(missing), 0)] + missing)[:len(ranked)]


def speaks_of(text: str, subject: Subject) -> bool:
    """Whether the text names the subject's meeting ("常务会议" in "…全体会议、常务会议的议题…")."""
    return subject.name.removesuffix("议") in text
