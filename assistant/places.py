"""Which jurisdictions a question is about: named in it, selected in the UI, or carried from history."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .parser import DOC_NUMBER

_SUFFIXES = ("特别行政区", "自治县", "自治州", "自治区", "地区", "省", "市", "县", "区", "旗", "州", "盟", "镇", "乡")
_ETHNIC = re.compile(r"(?:(?:回|藏|蒙古|壮|维吾尔|苗|侗|彝|土家|傣|景颇|傈僳|白|哈尼|朝鲜|哈萨克|柯尔克孜|布依|羌|黎|瑶|畲|撒拉|东乡)族?)+$")
# 市府 and 县府 are speech for 市政府 and 县政府 ("忻州市府在谁领导下？", "庄浪县府转办的件").
_GOVERNMENT_SHORT = re.compile(r"(?<=[市县])府")
# What follows a place's level character and makes a word with it: 市长, 市委, 市人大 (市直 and 市级 are left to
# say 部门 alone: their synonyms weigh more than the words they stand for).
_AFTER_THE_LEVEL = re.compile(r"长|委|人大")
# 国务院 is a place only when the question is about its own meetings or rules.
_STATE_COUNCIL = re.compile(r"国务院(?=常务会议|全体会议|工作规则|规则|总理|的规定|的工作规则)")
# "X市/X县…" followed by words that show X is a place being asked about. Provinces are all in the
# gazetteer, so "X省" here would only misread phrases ("贯彻落实省政府…").
_PLACE_MENTION = re.compile(
    r"([\u4e00-\u9fff]{2,4}?(?:市|县|区|州|盟|旗))(?=政府|人民政府|的|工作规则|规则|常务|全体|领导|市长|县长|区长|"
    r"州长|办公|专题|会签|公文|那边|这边|里|呢|是|有|规定|$|[，。？！、和与跟及])"
)
# "去北京参加培训": a place someone travels to, not one whose rules are asked about (not 提到, 收到, 报到).
_TRAVEL_VERBS = r"(?:去|赴|前往|飞往|(?<![提收报涉])到)"
# "以庄浪县政府名义报给平凉市政府", "报甘肃省政府审批": a place a document is sent to, not one whose rules
# are asked about.
_SENT_VERBS = r"(?:给|报|报送|报到|向)"
_SENT_TO = re.compile(_SENT_VERBS + "$")
# "涉及甘州区和临泽县的事项": places a matter concerns. A place listed right after one of these
# ("…和临泽县") is such a place too.
_ELSEWHERE = re.compile(f"(?:{_TRAVEL_VERBS}|{_SENT_VERBS}|涉及)$")
_LISTED_AFTER = re.compile(r"^(?:和|与|及|以及|、)$")
# "在北京参加座谈会", "市长这周在北京，…": where someone is or takes part in something, not a place whose
# rules are asked about.
_AT_BEFORE = re.compile(r"在$")
_EVENT_AFTER = re.compile(r"^(?:[，,。？！]|[^，。？！]{0,4}?(?:参加|参会|开会|培训|学习|出差|考察|调研|招商|办事|汇报))")
# "去平凉市开会": a covered place travelled to, beside the one whose rules are asked about.
_TRAVELLED_TO = re.compile(_TRAVEL_VERBS + "$")
# "和庆阳市政府联合发文": a place acting together with the one whose rules are asked about.
_PARTNER_BEFORE = re.compile(r"[和跟与同]$")
_PARTNER_AFTER = re.compile(r"^[^，。？！]{0,8}?(?:联合|共同|一起|一道|联名)")
# Characters that do not occur in place names but do in the phrases around them ("们部门往市", "县委县政府", "某县").
_NOT_IN_PLACE = set("由以及或并需们的了要给往在到向和与跟对把被让是有个这那些各我你他她它报发送交请后前会议文件部门单位领导定委政府某")
# A place below a covered one ("攀枝花市东区区长"): its own rules, which the knowledge base lacks.
_SUBPLACE = re.compile(r"^([\u4e00-\u9fff]{1,4}?(?:区|县|镇|乡|街道))(?=区长|县长|镇长|乡长|政府|人民政府|的|工作规则|规则|"
                       r"常务|全体|会议|办公|领导|[，。？！]|$)")


def _is_below(name: str, candidate: str) -> bool:
    """Whether a place-like phrase right after a covered place's full name is a place below it (攀枝花市东区,
    平凉市崆峒区, 庄浪县南湖镇), not words that happen to end in 县 ("庄浪县开县政府会", "庄浪县局长代表县政府"):
    a county has only townships below it, and a city's county or district is a known one or a two-character
    district (东区)."""
    if candidate.startswith(("市", "县")) or _NOT_IN_PLACE & set(candidate[:-1]):
        return False
    if candidate.endswith(("镇", "乡", "街道")):
        return True
    return name.endswith("市") and (candidate[:-1] in county_stems() or len(candidate) == 2)


def _addresses_level(rest: str, name: str) -> bool:
    """Whether the words after a place below ``name`` turn to ``name``'s own government ("…报市政府的请示",
    "县里谁来批"), whose rules then answer."""
    level = name[-1]
    return re.search(rf"{level}(?:政府|里|领导)", rest) is not None


def turns_to(question: str, unknown: list[str], jurisdiction: str) -> bool:
    """Whether the places a question names could all lie below the selected ``jurisdiction`` (a county or
    district of a city, a township of a county) and the words after them turn to the jurisdiction's own
    government ("我们甘州区政府报给市政府的公文…" with 张掖市 selected), whose rules then answer."""
    below = ("区", "县", "镇", "乡", "街道") if jurisdiction.endswith("市") else ("镇", "乡", "街道")
    if not unknown or not all(place.endswith(below) and place in question for place in unknown):
        return False
    last = max(question.find(place) + len(place) for place in unknown)
    return _addresses_level(question[last:], jurisdiction)


def _is_elsewhere(question: str, start: int, end: int, elsewhere: list[int]) -> bool:
    """Whether the place at question[start:end] is travelled to, sent to, concerned, where something is
    attended, or a partner, not one whose rules are asked about; ``elsewhere`` holds where such places
    found before it end."""
    return bool(_ELSEWHERE.search(question[:start]) or _is_partner(question, start, end)
                or (_AT_BEFORE.search(question[:start]) and _EVENT_AFTER.search(question[end:]))
                or any(_LISTED_AFTER.match(question[previous:start]) for previous in elsewhere))


def _is_partner(question: str, start: int, end: int) -> bool:
    """Whether the place at question[start:end] acts together with the asker ("跟庆阳市政府联合发文")."""
    return bool(_PARTNER_BEFORE.search(question[:start]) and _PARTNER_AFTER.search(question[end:]))


def _place_named(candidate: str) -> str | None:
    """The place a "…X市/…X县" phrase names ("我们是静宁县" → 静宁县; "分管市领导" → none): its longest tail
    whose name, with whichever county-level suffix, is a county of China (华亭县 is now 华亭市)."""
    return next((candidate[i:] for i in range(len(candidate) - 2) if candidate[i:-1] in county_stems()), None)


def _abbreviations(name: str, jurisdictions: list[str]) -> set[str]:
    """攀枝花市 → 攀市: a city with a long name is also called by its first character and its level,
    where no other covered place starts with that character."""
    stem = short_name(name)
    if not name.endswith("市") or len(stem) < 3 or any(other[0] == name[0] for other in jurisdictions if other != name):
        return set()
    return {name[0] + "市"}


def short_name(name: str) -> str:
    """平凉市 → 平凉, 庄浪县 → 庄浪, 临夏回族自治州 → 临夏 (names people use in speech)."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            without_people = _ETHNIC.sub("", stem) if suffix.startswith("自治") else stem
            return without_people if len(without_people) >= 2 else stem
    return name


@cache
def gazetteer() -> tuple[str, ...]:
    """Province- and prefecture-level names of China (assistant/data/places.txt)."""
    return _names_in("places.txt")


@cache
def county_stems() -> frozenset[str]:
    """County-level names of China without their suffix (静宁, 张家川), from assistant/data/counties.txt."""
    return frozenset(short_name(name) if "自治" in name else name[:-1] for name in _names_in("counties.txt"))


def _names_in(filename: str) -> tuple[str, ...]:
    text = resources.files("assistant.data").joinpath(filename).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class PlaceMentions:
    """What a question says about places."""

    known: list[str]  # covered jurisdictions named in the question, in order of mention
    unknown: list[str]  # places named that the knowledge base does not cover
    # covered jurisdictions named only as where a document goes or who acts together with the asker
    others: list[str] = field(default_factory=list)


def _issuer_prefixes(document_numbers: dict[str, list[str]]) -> dict[str, str]:
    """平政发 → 平凉市: the prefix of each jurisdiction's document numbers (平政发〔2021〕18号), where no other
    jurisdiction's numbers share it."""
    owners: dict[str, set[str]] = {}
    for jurisdiction, numbers in document_numbers.items():
        for number in numbers:
            for prefix, _, _ in DOC_NUMBER.findall(number):
                if len(prefix) >= 2:  # a one-character prefix would match inside any text
                    owners.setdefault(prefix, set()).add(jurisdiction)
    return {prefix: next(iter(places)) for prefix, places in owners.items() if len(places) == 1}


class PlaceFinder:
    """Finds jurisdiction names (full or short), or the prefix of their document numbers, and unknown
    places in questions."""

    def __init__(self, jurisdictions: list[str], document_numbers: dict[str, list[str]] | None = None) -> None:
        self.jurisdictions = jurisdictions
        self._issuers = _issuer_prefixes(document_numbers or {})
        self._issuer = (re.compile("|".join(re.escape(prefix) for prefix in self._issuers)) if self._issuers
                        else None)
        names = sorted(((alias, name) for name in jurisdictions for alias in {name, short_name(name)}
                        | _abbreviations(name, jurisdictions)), key=lambda pair: -len(pair[0]))
        self._names = dict(names)  # 平凉 → 平凉市
        self._level = {alias: name[-1] for alias, name in names}  # 平凉 → 市, for "全平凉" → 全市
        pattern = "|".join(re.escape(alias) for alias, _ in names)
        self._known = re.compile(pattern) if pattern else None
        covered = {alias for alias, _ in names}
        elsewhere = sorted(((alias, name) for name in gazetteer() if name != "国务院"
                            for alias in {name, short_name(name)} if alias not in covered
                            and not any(alias in c or c in alias for c in covered)),
                           key=lambda pair: -len(pair[0]))
        self._elsewhere = dict(elsewhere)
        self._other = re.compile("|".join(re.escape(alias) for alias, _ in elsewhere)) if elsewhere else None
        self._travel = re.compile(f"({_TRAVEL_VERBS}|在)(?:{self._other.pattern if self._other else '(?!)'})")

    def find(self, question: str) -> PlaceMentions:
        known: list[str] = []
        spans: list[tuple[int, int]] = []
        unknown: list[str] = []
        found_at: list[tuple[str, int, int]] = []
        if self._known is not None:
            for match in self._known.finditer(question):
                name = self._names[match.group(0)]
                if self._qualifies_next(name, question, match.end()):  # 平凉市庄浪县: 庄浪县 is asked about
                    spans.append(match.span())
                    continue
                below = _SUBPLACE.match(question[match.end():]) if match.group(0) == name else None
                if below and _is_below(name, below.group(1)):
                    unknown.append(match.group(0) + below.group(1))
                    spans.append((match.start(), match.end() + below.end()))
                    if _addresses_level(question[match.end() + below.end():], name) and name not in known:
                        known.append(name)  # "平凉市崆峒区政府报市政府的请示，市里谁签批？": 平凉市's rules
                    continue
                spans.append(match.span())
                found_at.append((name, match.start(), match.end()))
                if name not in known:
                    known.append(name)
        if not known and self._issuer is not None:  # "平政发〔2021〕18号还有效吗？"
            known = list(dict.fromkeys(self._issuers[match.group(0)] for match in self._issuer.finditer(question)))
        senders = [name for name, start, end in found_at if not _SENT_TO.search(question[:start])
                   and not _TRAVELLED_TO.search(question[:start]) and not _is_partner(question, start, end)]
        others = [name for name in known if name not in senders]
        if senders:
            known = [name for name in known if name in senders]
        elsewhere: list[int] = []  # where places travelled to, sent to or concerned end
        for pattern, full in ((self._other, True), (_STATE_COUNCIL, False)):
            for match in pattern.finditer(question) if pattern is not None else ():
                if any(match.start() < end and start < match.end() for start, end in spans):
                    continue
                if full and self._known is not None and self._known.match(question, match.end()):
                    spans.append(match.span())  # 甘肃平凉市: the province says where the city is
                    continue
                if _is_elsewhere(question, *match.span(), elsewhere):
                    elsewhere.append(match.end())
                    continue
                place = self._elsewhere.get(match.group(0), match.group(0)) if full else match.group(0)
                spans.append(match.span())
                if place not in unknown:
                    unknown.append(place)
        for match in _PLACE_MENTION.finditer(question):
            start, end = match.span(1)
            place = match.group(1)
            if any(start < s_end and s_start < end for s_start, s_end in spans):
                continue
            name = _place_named(place)
            if name and _is_elsewhere(question, end - len(name), end, elsewhere):
                elsewhere.append(end)
            elif name and name not in unknown:
                unknown.append(name)
        return PlaceMentions(known, unknown, others)

    def _qualifies_next(self, name: str, question: str, end: int) -> bool:
        """Whether the covered city ``name`` only says where the covered county or district named right
        after it lies (平凉市庄浪县)."""
        following = self._known.match(question, end) if self._known is not None else None
        if following is None or not name.endswith("市"):
            return False
        return self._names[following.group(0)].endswith(("县", "区"))

    def strip(self, question: str) -> str:
        """The question without the jurisdiction names (they would only add noise to keyword search),
        with a place travelled to or stayed at said as 外地 ("去北京培训" → "去外地培训", "在北京" → "在外地"),
        and 市府 said as 市政府.

        In "张掖市长" (and 市委, 市人大) the 市 belongs to the word after it as well, so it stays;
        "全平凉市" and "全庄浪" say 全市 and 全县.
        """
        if self._known is None:
            return question

        def blank(match: re.Match[str]) -> str:
            name = match.group(0)
            if question[match.start() - 1:match.start()] == "全":
                return self._level[name]
            level_word = _AFTER_THE_LEVEL.match(question, match.end()) is not None
            return " " + name[-1] if level_word and name[-1] in "市县区州" else " "

        question = self._travel.sub(r"\1外地", _GOVERNMENT_SHORT.sub("政府", question))
        return self._known.sub(blank, question)


_CITY_TO_COUNTY = (("副市长", "副县长"), ("市长", "县长"), ("市政府", "县政府"), ("市委", "县委"), ("全市", "全县"),
                   ("市人大", "县人大"), ("市直", "县直"))


def localize(text: str, jurisdiction: str) -> str:
    """Role words in the jurisdiction's own level: 副市长 → 副县长 for a county, and back for a city."""
    if jurisdiction.endswith("县"):
        pairs = _CITY_TO_COUNTY
    elif jurisdiction.endswith("市"):
        pairs = tuple((county, city) for city, county in _CITY_TO_COUNTY)
    else:
        return text
    for source, target in pairs:
        text = text.replace(source, target)
    return text
