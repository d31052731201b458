"""What kind of fact a question asks for, and what an answering sentence must then contain."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import NUMERAL_CHARS, parse_number

_COUNT = r"[0-9一二两三四五六七八九十半]+"
_WHOLE_COUNT = r"(?<![0-9一二两三四五六七八九十半])" + _COUNT  # not the tail of a longer number (5日 of 15日)
_REPEALS = r"[^。；]{0,30}(?:废止|停止执行|失效)"  # after a document's title: it is repealed
# 几天 that asks for a number of days; not "这几天" (these days), "好几天" (several days) or "出差几天", "考察几天"
# (a trip of a few days).
# 提前 that asks how early; not "来不及提前…" (there was no time to ask ahead).
_NOT_UNABLE = r"(?<!不及)(?<!没法)(?<!无法)(?<!不能)(?<!没有)"
# "来不及按正常程序提前请假": being unable to give notice, which asks what to do instead.
_UNABLE_IN_ADVANCE = re.compile(r"(?:来不及|没法|无法)[^，。？?]{1,8}?提前")
_ASKED_DAYS = r"(?<![这那前过好])(?<!外地)(?<!出差)(?<!外出)(?<!离开)(?<!出去)(?<!考察)(?<!培训)(?<!调研)(?<!学习)几天"
# "在哪里" after a person asks their whereabouts ("值班室要掌握一把手在哪里"), not where something is held.
_NOT_WHEREABOUTS = r"(?<!同志)(?<!一把手)(?<!领导)(?<!负责人)(?<![他她人长])"


@dataclass(frozen=True)
class Intent:
    """A question type: how to recognise it and the pattern an answering sentence must match."""

    name: str
    question: re.Pattern[str]
    answer: re.Pattern[str] | None

    @property
    def strict(self) -> bool:
        """Whether an answering sentence must match the answer pattern. Who and participants are
        answered in too many ways ("按照…办法执行", "…列席") for the pattern to rule a sentence out;
        for them it only ranks sentences in retrieval."""
        return self.answer is not None and self.name not in _LENIENT

    @property
    def topical(self) -> bool:
        """Recognised by a topic word (废止, 施行) rather than by how the question asks (几次, 谁), so
        the question may ask something else about that topic ("需要废止的要多快办")."""
        return self.name in _TOPICAL


# (name, question pattern, answer pattern), most specific first: the first question pattern that matches wins.
_TABLE = (
    ("repealed", r"废止|作废|失效|旧(?!账)|老版|上一版|那版|还能用|还有效|替掉|换掉|顶替|原来的|以前的|之前的|老的|替代|取代",
     rf"》{_REPEALS}"),
    ("place", _NOT_WHEREABOUTS + r"在哪(?:里|儿)|在哪个(?!会)|哪里开|哪里召开|什么地方|什么地点|哪个会议室|哪个地方",
     r"会议室|地点|在.{1,12}(?:召开|举行|进行)"),
    ("weekday", r"星期几|周几|礼拜几|哪一?天(?!.{0,3}(?:开始|施行|生效))|第几周|哪一?周|几号|什么日子|哪几天"
                r"|(?:什么时候|什么时间|啥时候|何时)(?:开(?![始展])|召开)|(?:放在|安排在|定在)(?:什么时候|什么时间)"
                r"|几月份?(?!内)|哪个月|哪几个月|什么月份",
     r"星期|礼拜|周[一二三四五六日]|第[一二三四]周|\d+日召开|上旬|中旬|下旬|具体时间根据"),
    ("minutes", r"几分钟|多少分钟", rf"{_COUNT}分钟"),
    ("clock", r"几点|几时开始|什么时间开始|上午.{0,3}还是.{0,3}下午|下午.{0,3}还是.{0,3}上午", rf"{_COUNT}[点时](?!间)|上午|下午|晚上"),
    ("amount", r"多少钱|多少元|几块钱|多少万元|花多少钱|多少经费|多少费用",
     rf"{_COUNT}(?:\.\d+)?(?:元|万元|块钱)"),
    ("years", r"(?<![好这那前近])几年|多少年", rf"(?<![0-9]){_COUNT}个?年(?!度)"),
    ("duration", r"[学讲谈说][多好]长时间|[学讲谈说]多久|每次.{0,6}(?:多长时间|多久)|时长|多少学时|几个?学时",
     rf"{_COUNT}个?(?:小时|分钟|学时|课时)"),
    ("quorum", r"(?:至少|最少).{0,8}(?:到|来|出席|参加).{0,6}(?:才能|方可)"
               r"|(?:多少|几)[个位名]?(?:人|组成人员).{0,6}(?:到|来|出席|参加).{0,6}(?:才能|方可|才可以|才算)"
               r"|开得成|法定人数|多少.{0,6}才能开|到会人数",
     r"半数|三分之二|到会|法定人数"),
    # how many people: a count of 名/人, not of 次 ("参会人数上限" is not answered by "每年不超过1次")
    ("people", r"多少人|(?<!哪)几个(?:[\u4e00-\u9fff]{0,4}人员|人)|(?<!哪)几名|(?<![哪这那])几位|人数|多少名",
     rf"{_COUNT}(?:名|个人|人|位)|半数|三分之二"),
    ("word_count", r"多少字|字数|(?<![改动删加题写])几个字|篇幅",
     r"[0-9一二两三四五六七八九十百千]+字"),
    ("effective", r"施行|生效(?![的地]?(?:判决|裁定|裁决|法律文书))|什么时候开始|何时开始|实施日期|起施行|开始执行",
     r"施行|执行"),
    ("frequency", r"多久.{0,3}[开召]|(?<!好)几次|(?<!好)几回|多少次|频次|频率|多长时间.{0,3}[开召]|(?:多久|多长时间|每隔|隔多).{0,8}一[次回]|[开召]一[次回]|加开|增开|开几|一年.{0,4}[开召]|一个月.{0,4}[开召]|每.{1,3}[开召]|定期",
     rf"{_COUNT}次|{_COUNT}个?月|每[年月周季]|每半年|每两周|随时召开|随时增开|临时召开|定期|频次"),
    # whether beforehand at all ("出差要提前请假吗？"): 事先 answers as well as a number of days
    ("beforehand", r"(?:要|需要|得|必须|用|应该|应当)提前(?!几|多少|多久|多长|做|准备|干)[^，。？]{0,8}?(?:吗|(?<!什)么|嘛)"
                   r"|(?:要不要|需不需要|用不用|是否需?要?)提前(?!几|多少|多久|多长|做|准备|干)",
     rf"提前|事先|事前|会前|之前|前{_COUNT}个?(?:工作日|日|天|小时|周)"),
    # how early: "报送时限前15日", "提前3天"; and a number of days that is no advance notice ("休几天")
    ("advance", _NOT_UNABLE + r"提前(?:几|多少|多久|多长)",
     rf"前{_COUNT}个?(?:工作日|日|天|小时|周)"),
    ("days", _ASKED_DAYS + r"|多少天|天数|几个?工作日|几日|几小时|多少小时|" + _NOT_UNABLE + r"提前几|几个小时",
     rf"(?<!第)(?<!提前){_WHOLE_COUNT}个?(?:工作日|日|天|小时|周)"),
    ("deadline", _ASKED_DAYS + r"|多少天|几个?工作日|时限|期限|最晚|最迟|多久|多快|多长时间|后再回|才回|"
     + _NOT_UNABLE + r"提前(?!做|准备|干)|几小时|多少小时|截止|几日",
     rf"(?<!第){_COUNT}个?(?:工作日|日|天|小时|周|月)|当日|当天|日内|及时|第一时间|提前|上旬|中旬|下旬|会前|期限内|之前|逾期"),
    # how many kinds there are ("会议有几种？") or which ("靠哪几种手段？"): a sentence that lists them; not how
    # many one may send ("报几种")
    ("kinds", r"(?:有|分|分为|分成)(?:几种|几类)|几种(?:会议|会|制度)|哪几[种类]", r"、|和|及"),
    ("number", r"多少字|字数|多少人|几个人|多少个|几名|几种|比例|几成|多少页|上限|不超过|最多|至少",
     r"\d+|[一二两三四五六七八九十百千]+(?:个|名|种|份|页|字|人|次|天|日|项|倍|分之)|半数|不超过|以内|以上|以下"),
    ("who", r"谁|哪位|哪个领导|什么人|哪个部门|哪个单位|由哪|哪些领导|什么领导|负责人是|(?:怎么|如何)(?:确?定|决定)"
            r"|何人|何方|由何|何[部机单]|哪一?(?:部门|机构|单位)|什么(?:部门|机构|单位)",
     r"由|向|主持|签发|签署|召集|负责|审批|审定|审核|代行|批准|决定|委托|牵头|报备|报告|请假|阅批|阅示|谁[^，。、”]{1,3}、谁"),
    ("participants", r"参加(?![^，。？]{0,10}(?:培训|学习|活动))|出席(?!.{0,2}活动)|列席|组成|成员(?![^，。？]{0,3}(?:异议|意见))|哪些人|参会|与会",
     r"组成|参加|列席|出席"),
)
# Validity of a document (废止, 施行): recognised by a topic word, not by how the question asks.
VALIDITY = _TOPICAL = frozenset({"repealed", "effective"})
# Question types a quantity already stated in the question does not ask for ("提前3天" → not days).
TIME_LIMITS = ("beforehand", "advance", "days", "deadline")
# A count stated in the question: 3天, 三天; not 一 (开一次, 隔多久一次 ask rather than state).
_STATED_COUNT = r"(?:\d+|[二两三四五六七八九十][一二三四五六七八九十]*)"
_STATED_UNITS = {"工作日": TIME_LIMITS, "日": TIME_LIMITS, "天": TIME_LIMITS, "小时": TIME_LIMITS, "次": ("frequency",)}
# "怎么报？", "要走哪些程序？": a question on a procedure.
PROCEDURE = re.compile(r"怎么报|如何报|怎么走|走什么|什么程序|哪些程序|流程|手续|要做什么|该做什么|需要做什么"
                       r"|怎么处理|怎么办理|如何办理|哪些材料|什么材料")
# Someone cannot attend a meeting ("他来不了").
ABSENCE = re.compile(r"来不了|去不了|参加不了|出席不了|到不了|会上不了|参会不了|赶不回来|赶不过来|去不成|来不成|撞会"
                     r"|(?<!能)不能(?:参加|出席|到会|参会)|(?:没法|无法)(?:参加|出席|到会|去)|缺席")  # not 能不能参加
_LENIENT = frozenset({"who", "participants"})
# Intents whose asking words are also what the question is about (参会, 到会人数).
_NAMES_ITS_TOPIC = frozenset({"participants", "quorum"})
INTENTS = tuple(Intent(name, re.compile(question), re.compile(answer)) for name, question, answer in _TABLE)
GENERAL = Intent("general", re.compile(""), None)
_LOOKUP = re.compile(rf"第([{NUMERAL_CHARS}]+|\d+)条")


# A question about the rules document itself ("这版工作规则", "现行的规则", "老版还管用吗") and the
# sentences that state its own validity ("本规则自发布之日起施行", "…《…工作规则》…同时废止").
_THE_RULES = re.compile(r"规则|[这那新老旧]版|版本|现行")
_OWN_VALIDITY = re.compile(rf"本规则.{{0,10}}施行|工作规则{_REPEALS}")


def about_the_rules(question: str, intent: Intent) -> bool:
    """Whether a question on validity (repeal, taking effect) is about the rules themselves."""
    return intent.name in VALIDITY and _THE_RULES.search(question) is not None


def states_own_validity(sentence: str) -> bool:
    """Whether the sentence says when the rules take effect or which earlier version they repeal."""
    return _OWN_VALIDITY.search(sentence) is not None


def classify_all(question: str) -> list[Intent]:
    """Every intent whose question pattern matches, most specific first; ``[GENERAL]`` if none.

    A question that already states the quantity it mentions ("来不及提前3天请假咋办") asks what to
    do, not for that quantity, so the intents of that quantity's kind do not apply to it ("每年不超过1次，
    那这种会最多能开几天" still asks for days). Nor does one about someone who cannot attend
    ("通知局长参加，他来不了") ask who attends. What the last clause asks comes first.
    """
    question = _UNABLE_IN_ADVANCE.sub("来不及", asked_sentences(question))
    stated = stated_quantities(question)
    absent = ABSENCE.search(question) is not None
    found = [intent for intent in INTENTS if intent.question.search(question)
             and intent.name not in stated and not (absent and intent.name == "participants")]
    # "要提请任免几名干部，这个任免由谁来签署？": the last clause asks; the words before set the scene
    # (a topic word, 废止 or 施行, still names what the question is about wherever it stands).
    last_clause = re.split(r"[，,]", question.rstrip("？?。 "))[-1]
    asked_last = [intent for intent in found if intent.topical or intent.question.search(last_clause)]
    if PROCEDURE.search(last_clause) and all(intent.topical for intent in asked_last):
        return asked_last or [GENERAL]  # "想请副市长出席，这个邀请该怎么走程序？" asks the procedure
    return asked_last + [intent for intent in found if intent not in asked_last] or [GENERAL]


def stated_quantities(question: str) -> set[str]:
    """The intents whose quantity the question already states ("提前3天" → advance, days, deadline)."""
    return {name for unit in re.findall(rf"{_STATED_COUNT}个?(工作日|日|天|小时|次)", question)
            for name in _STATED_UNITS[unit]}


def without_the_ask(text: str, intent: Intent) -> str:
    """The text without the words that ask the intent's question ("一般安排在什么时间开" → "一般 开"): what is
    left is what the question is about. Words that name a topic (废止), a way of taking part (参会) or
    attendance (到会人数) are kept, even where another intent asks ("都有谁参加")."""
    asks_only = bool(intent.question.pattern) and not intent.topical and not any(
        named.name in _NAMES_ITS_TOPIC for named in (intent, *classify_all(text)))  # "都有谁参加" keeps its 谁参加
    return intent.question.sub(" ", text) if asks_only else text


def asked_sentences(question: str) -> str:
    """The sentences that ask (end in ？), without statements around them ("…走哪几道程序？我们得提前
    准备材料") or a preamble before a colon ("想请教一下：…"); the whole text when none ends in a question
    mark."""
    asked = "".join(re.findall(r"[^。！!？?：:]*[？?]", question))
    return asked or question


def clauses_asked(question: str) -> list[str]:
    """The clauses of the asking part; a dash ends a clause as a comma does. A clause of one character is
    none: it is what a stripped place name leaves ("在 ，")."""
    return [clause for clause in re.split(r"[，,；;？?—]", asked_sentences(question)) if len(clause.strip()) > 1]


def asking_clauses(question: str, count: int) -> str:
    """The last ``count`` clauses of the asking part ("…正好要去省里汇报工作，来不了，请假该怎么走？" →
    "来不了，请假该怎么走")."""
    return "，".join(clauses_asked(question)[-count:])


def classify(question: str) -> Intent:
    """The most specific intent of the question (see classify_all)."""
    return classify_all(question)[0]


def article_number(question: str) -> int | None:
    """The article number a direct lookup asks for ("第十三条讲什么" → 13)."""
    match = _LOOKUP.search(question)
    return parse_number(match.group(1)) if match else None
