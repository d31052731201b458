"""Finding places in questions: covered jurisdictions, places outside the knowledge base, and
phrases that only look like places."""

from __future__ import annotations

import pytest

from assistant.places import PlaceFinder, turns_to

COVERED = ["平凉市", "庄浪县", "张掖市", "攀枝花市", "忻州市"]


@pytest.mark.parametrize(("question", "known", "unknown"), [
    ("庄浪县部门报给县政府的请示要会签吗？", ["庄浪县"], []),
    ("县长出差的时候谁主持县政府工作？", [], []),
    ("会签文件由谁负责处理市政府的意见？", [], []),
    ("我们局替市政府起草的请示何时报？", [], []),
    ("攀枝花市贯彻落实省政府文件要多久？", ["攀枝花市"], []),
    ("我们是静宁县的，常务会多久开一次？", [], ["静宁县"]),
    ("繁峙县政府常务会议多久开？", [], ["繁峙县"]),
    ("北京市政府常务会议多久开？", [], ["北京市"]),
    ("攀枝花市东区区长出差谁代行？", [], ["攀枝花市东区"]),
    ("张家川县县长出差谁主持工作？", [], ["张家川县"]),  # an autonomous county by its short name
    ("华亭市政府常务会议多久开？", [], ["华亭市"]),  # a county (华亭县) that became a city
    # phrases that end in a level word name no place
    ("我要出差，分管市领导已经同意了，还要报谁？", [], []),
    ("节假日市政府领导怎么带班？", [], []),
    ("包联县领导下乡要报备吗？", [], []),
    ("庄浪县委县政府联合发文，县长怎么会签？", ["庄浪县"], []),
    ("攀市政府的日常事务平时归谁管？", ["攀枝花市"], []),  # a long city name by its first character  # the county's Party committee, no place below it
    ("张掖市某县区政府报给市政府的文件，要符合什么规定？", ["张掖市"], []),  # 某县区: some county, no place
    # words after a county's name that end in 县 name no place below it: a county has only townships
    ("庄浪县开县政府的各种会，会务服务谁来搞？", ["庄浪县"], []),
    ("庄浪县局长代表县政府出去讲话，要不要先报批？", ["庄浪县"], []),
    ("平凉市崆峒区政府常务会多久开一次？", [], ["平凉市崆峒区"]),
    ("庄浪县南湖镇政府要报什么？", [], ["庄浪县南湖镇"]),
    # …but its own government's rules when the question turns to it
    ("张掖市临泽县政府给市政府报批的文件，市政府领导怎么批？", ["张掖市"], ["张掖市临泽县"]),
    ("平凉市崆峒区政府报市政府的请示，市里由谁签批？", ["平凉市"], ["平凉市崆峒区"]),
    # a place that only says where the one asked about lies
    ("我在平凉市庄浪县政府办上班，县长办公会谁主持？", ["庄浪县"], []),
    ("甘肃平凉市政府常务会谁主持？", ["平凉市"], []),
    ("四川省攀枝花市政府常务会谁主持？", ["攀枝花市"], []),
    # a place travelled to is no place whose rules are asked about
    ("平凉市局长下周去北京参加培训，要怎么报备？", ["平凉市"], []),
    ("副县长到静宁县出差，要提前几天请假？", [], []),
    ("局长要去兰州和西安出差，要报备吗？", [], []),
    ("局长那天要在北京参加部里的座谈会，来不了全体会议怎么办？", [], []),
    ("平凉市长这周在北京，政府这边有急事找谁？", ["平凉市"], []),
    ("庄浪县的副县长去平凉市开会要请假吗？", ["庄浪县"], []),  # a covered place travelled to
    # places a matter concerns
    ("我们局提请市政府研究一个涉及甘州区和临泽县的事项，要做哪些准备？", [], []),
    # a place a document is sent to, beside the one asked about
    ("以庄浪县政府名义报给平凉市政府的请示，由谁签发？", ["庄浪县"], []),
    ("我们庄浪县政府要给平凉市政府打个报告，由谁签发？", ["庄浪县"], []),
    ("向平凉市政府报请示，要注意什么？", ["平凉市"], []),
    ("平凉市政府报甘肃省政府的请示由谁签发？", ["平凉市"], []),
    ("向天水市政府发函由谁签发？", [], []),
    # a place acting together with the asker
    ("我们要和庆阳市政府联合发个文，谁签发？", [], []),
])
def test_places_in_questions(question: str, known: list[str], unknown: list[str]) -> None:
    found = PlaceFinder(COVERED).find(question)
    assert found.known == known and found.unknown == unknown


def test_document_number_names_its_jurisdiction() -> None:
    finder = PlaceFinder(COVERED, {"平凉市": ["平政发〔2023〕30号", "《平凉市人民政府工作规则》（平政发〔2021〕18号）"],
                                   "忻州市": ["忻政发〔2023〕10号"], "张掖市": ["政发〔2015〕1号"]})
    assert finder.find("平政发[2021]18号还有效吗？").known == ["平凉市"]
    assert finder.find("忻政发〔2023〕10号第三条讲什么？").known == ["忻州市"]
    assert finder.find("庄浪县执行平政发〔2023〕30号吗？").known == ["庄浪县"]  # a name wins


def test_place_travelled_to_is_said_as_elsewhere() -> None:
    assert PlaceFinder(COVERED).strip("平凉市局长要去北京培训") == " 局长要去外地培训"


def test_the_short_government_is_the_government() -> None:
    finder = PlaceFinder(COVERED)
    assert finder.strip("忻州市府在谁领导下？") == " 政府在谁领导下？"
    assert finder.strip("庄浪县府办主任") == " 政府办主任"


def test_the_level_stays_with_the_word_it_makes() -> None:
    finder = PlaceFinder(COVERED)
    assert finder.strip("平凉市委市政府联合发文") == " 市委市政府联合发文"
    assert finder.strip("庄浪县委县政府") == " 县委县政府"
    assert finder.strip("张掖市人大") == " 市人大"
    assert finder.strip("忻州市政府") == " 政府"


def test_the_whole_jurisdiction_is_said_by_its_level() -> None:
    finder = PlaceFinder(COVERED)
    assert finder.strip("开个全平凉市的工作会") == "开个全市的工作会"
    assert finder.strip("全庄浪的乡镇") == "全县的乡镇"


@pytest.mark.parametrize(("question", "unknown", "selected", "turns"), [
    ("我们甘州区政府报给市政府的请示，谁签批？", ["甘州区"], "张掖市", True),
    ("南湖镇报县政府的材料，县里谁来批？", ["南湖镇"], "庄浪县", True),
    ("崆峒区政府常务会议多久开一次？", ["崆峒区"], "平凉市", False),  # its own rules
    ("静宁县政府报县里的请示谁批？", ["静宁县"], "庄浪县", False),  # no county lies below a county
    ("兰州市政府报市政府的请示谁批？", ["兰州市"], "平凉市", False),
])
def test_a_place_below_the_selected_one_turns_to_its_government(question: str, unknown: list[str], selected: str,
                                                               turns: bool) -> None:
    assert turns_to(question, unknown, selected) is turns
