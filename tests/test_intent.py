"""What a question asks for, read from its own words."""

import pytest

from assistant.intent import asked_sentences, asking_clauses, classify


@pytest.mark.parametrize(("question", "expected"), [
    # The last clause asks; a count in the words before it sets the scene.
    ("县政府要向县人大常委会提请任免几名干部，这个任免由谁来签署？", "who"),
    ("几个部门协调了几次还是谈不拢，这时由谁出面提出倾向性意见？", "who"),
    # A topic word still names what the question is about wherever it stands.
    ("新规则施行以后作废的那个旧规则，原来是哪天发的？", "repealed"),
    # Being unable to give notice asks what to do, not how early.
    ("副县长临时陪同调研，来不及按正常程序提前请假，怎么处理？", "general"),
    ("副县长出差要提前几天请假？", "advance"),
    ("副市长出差要提前请假吗？", "beforehand"),  # whether beforehand at all, which 事先 answers
    ("规范性文件发布后要在多长时间内备案？", "deadline"),
    ("要是陪着县长下乡调研呢，也得提前三天书面报告吗？", "general"),  # the three days are stated
    ("局长过几天要出趟远门，请假这事该怎么往上报？", "general"),  # 过几天: a time, not an ask
    ("市长下周要去省里开好几天会，这期间是常务副市长主持工作吗？", "general"),  # 好几天: several days
    ("这个议题上会讨论好几次了，还能再上会吗？", "general"),  # 好几次: several times
    ("有个景区想请市领导给大门题几个字，这事行不行？", "general"),  # 题几个字: calligraphy, not a word count
    ("县区政府准备开展督查检查考核，需要提前做什么？", "general"),
    # A last clause on the procedure asks for it, whatever the scene before it names.
    ("县里有个开工仪式想请副市长出席，这个邀请该怎么走程序？", "general"),
    # Where a meeting is held is a place; which meeting, or where a person is, is not.
    ("市政府常务会议在哪里开？", "place"),
    ("全体会议在哪个会议室开？", "place"),
    ("市政府工作部门的人事任免，是在哪个会上讨论通过的？", "general"),
    ("政府工作报告先在哪个会讨论？", "general"),
    ("部门24小时值班，谁要随时掌握一把手在哪里？", "who"),
    # the written register: 何人, 何方, 由何部门, 哪一部门
    ("市政府日常性事务由何人承担？", "who"),
    ("常务会议前的学法应由哪一部门组织？", "who"),
    # members with a differing view are no question on who attends
    ("平凉政府班子成员有异议往哪提？", "general"),
    # how many kinds there are is answered by a list; how many one may send, by a number
    ("庄浪县政府会议有几种？", "kinds"),
    ("一个部门往县政府能报几种简报？", "number"),
])
def test_what_the_question_asks(question: str, expected: str) -> None:
    assert classify(question).name == expected


@pytest.mark.parametrize(("question", "asked"), [
    ("最近材料多。常务会谁主持？我们好准备。", "常务会谁主持？"),
    ("想请教一下：常务会谁主持？", "常务会谁主持？"),
    ("常务会谁主持", "常务会谁主持"),
])
def test_asked_sentences_leave_out_statements_and_preambles(question: str, asked: str) -> None:
    assert asked_sentences(question) == asked


def test_asking_clauses_are_the_last_ones() -> None:
    assert asking_clauses("常务会那天局长要去省里，来不了，请假该怎么走？", 2) == "来不了，请假该怎么走"


def test_a_dash_ends_a_clause() -> None:
    question = "分管副市长想在专题会上直接定了再发文件——按规则，这类重大问题必须经过哪一级会议研究拍板？"
    assert asking_clauses(question, 2) == "按规则，这类重大问题必须经过哪一级会议研究拍板"


def test_what_a_stripped_place_name_leaves_is_no_asking_clause() -> None:
    question = "会签也卡着没走完，底下人私下议论：在 ，整个政府班子的活儿到底归谁统领、最后谁说了算？"
    assert asking_clauses(question, 2) == "整个政府班子的活儿到底归谁统领、最后谁说了算"


def test_a_judgment_in_force_is_no_question_on_taking_effect() -> None:
    assert classify("庄浪法院生效判决，县政府部门必须履行吗？").name != "effective"
    assert classify("这版工作规则什么时候生效？").name == "effective"
