"""Chinese keyword search: jieba with a domain lexicon, query expansion, BM25 over articles and sentences."""

from __future__ import annotations

import logging
import math
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import jieba

from .intent import ABSENCE
from .numerals import NUMERAL_CHARS
from .store import StoredArticle

_STOPWORDS = frozenset("""
的 了 吗 呢 吧 啊 呀 么 是 在 和 与 及 或 等 都 也 还 就 要 会 能 可 可以 需要 应当 应 该 得 地 着 过 被 把 对 从 向 给 让
请问 请 问 一下 什么 啥 怎么 怎样 如何 哪 哪些 哪个 哪里 谁 几 多少 多 为什么 是否 有没有 有 没有 没 吗 嘛 啦 呗
我 我们 你 你们 他 他们 这 那 那么 这个 那个 其 之 所 为 于 以 而 则 并 如 若 按 按照 根据 规定 规则 工作规则 人民政府
政府 市 县 区 上 下 里 中 时 个 一 次数 时候 怎么办 知道 告诉 说 讲 条 第
一样 相同 不同 区别 差别 比较 对比 一致 分别 各市 各地 各个 这几个 地方 都 各自 那边 这边
是不是 不是 能不能 不能 要不要 咋办 咋 怎么 处理 算 回事 怎么回事 一直 对方 出去 最后 现在 以后 这版 那版 现行
出来 大家 任何 任何人 一般 固定 多长 时间 长时间 多长时间 之内 内得 下来 亲自 好几 顺带 别的 内容 其他 或者 哪位
都得 还能 能用 用 才能 得到 多久 大概 那天 这个 那个 还是 全都 到底 究竟 一下子 东西 情况 事情 问题 事儿 啥时候
具体 放在 一位 一场 一件 一个 一份 一项 一些 按规定 按照规定 按规矩 规矩 包括 干什么 做什么 干啥 做啥
第一步 一步 行不行 不行 行吗 可不可以 哪几 哪几个 几个
何人 何方 何种 何项 为何 由何 应由何 按何 依规 依规应
""".split())
# A verb-object word split by 个 in speech (题个词, 请个假, 签个字); a numeral or pronoun before 个 counts.
_SPLIT_WORD = re.compile(r"([\u4e00-\u9fff])个([\u4e00-\u9fff])")
_COUNTING = frozenset(NUMERAL_CHARS) | frozenset("几这那哪每某各整半两一")
# jieba frequency of the synonyms' colloquial phrases: enough to be cut out as words, too little to
# win over common words ("县政府办理" stays 县政府/办理, not 县政府办/理).
PHRASE_FREQUENCY = 300
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_OPTIONAL_PART = re.compile(r"[（(]([^（）()]{1,4})[）)]")


def unbracket(text: str) -> str:
    """Short bracketed parts read as part of the words around them: 乡（镇） → 乡镇, 县（区） → 县区."""
    return _OPTIONAL_PART.sub(r"\1", text)


def data_lines(name: str) -> list[str]:
    """The non-blank, non-comment lines of a file in assistant/data."""
    text = resources.files("assistant.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for line in data_lines("domain_words.txt"):
        word, freq, tag = line.split()
        tokenizer.add_word(word, int(freq) * 1000, tag)
    for phrase in synonyms():  # colloquial phrases are words of the questions: 常务会开完了 → 常务会/开完/了
        tokenizer.add_word(phrase, PHRASE_FREQUENCY)
    return tokenizer


@cache
def domain_terms() -> frozenset[str]:
    """The rules' own vocabulary: the jieba domain lexicon, topic terms and rule terms."""
    lexicon = {line.split()[0] for line in data_lines("domain_words.txt")}
    return frozenset(lexicon | set(data_lines("topics.txt")) | rule_terms())


@cache
def rule_terms() -> frozenset[str]:
    """Terms some jurisdictions' rules regulate and others never mention (assistant/data/rule_terms.txt)."""
    return frozenset(data_lines("rule_terms.txt"))


@cache
def outside_terms() -> frozenset[str]:
    """Matters the work rules do not govern, such as 报销 or 加班费 (assistant/data/outside_terms.txt)."""
    return frozenset(data_lines("outside_terms.txt"))


@cache
def synonyms() -> dict[str, list[str]]:
    """Colloquial phrase → the rules' own words (assistant/data/synonyms.toml)."""
    text = resources.files("assistant.data").joinpath("synonyms.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens without stop words and punctuation."""
    return [token for token in _tokenizer().cut_for_search(text)
            if token.strip() and token not in _STOPWORDS and any(ch.isalnum() for ch in token)]


@lru_cache(maxsize=4096)
def _words_at(text: str) -> dict[int, tuple[str, ...]]:
    """jieba's words of the text by start offset, plus an empty entry at the end offsets."""
    words: dict[int, list[str]] = defaultdict(list)
    for word, start, end in _tokenizer().tokenize(text):
        words[start].append(word)
        words.setdefault(end, [])
    return {offset: tuple(found) for offset, found in words.items()}


def said(phrase: str, question: str) -> bool:
    """Whether the question says the phrase as words of its own: it starts where a word starts and
    ends where one ends or is the head of one ("牵涉" in 牵涉到); "说情" is not said by "对方说情况"."""
    words = _words_at(question)
    start = question.find(phrase)
    while start >= 0:
        if start in words and (start + len(phrase) in words
                               or any(word.startswith(phrase) for word in words[start])):
            return True
        start = question.find(phrase, start + 1)
    return False


@lru_cache(maxsize=1024)
def said_phrases(question: str) -> tuple[tuple[str, list[str]], ...]:
    """The synonyms' colloquial phrases the question says, with their rules' words, longest first."""
    return tuple((phrase, words) for phrase, words in synonyms_longest_first()
                 if phrase in question and said(phrase, question))


def rules_words(text: str) -> list[str]:
    """The rules' words for the colloquial phrases the text says (一把手 → 主要负责同志, …)."""
    return [word for _, words in said_phrases(text) for word in words]


EXPANSION_WEIGHT = 0.6
LEADER_WEIGHT = 0.3
MUTED_WEIGHT = 0.5
# A bureau named in speech (住建局, 我们局; not 大局 or 局长): the rules call it a 部门.
BUREAU = re.compile(r"[^\s，。？、大]局(?!长)")
# A county's or district's bureau (仁和区住建局, 县财政局): the rules' 县（区）政府工作部门.
COUNTY_BUREAU = re.compile(r"[县区][\u4e00-\u9fff]{1,4}?局(?!长)")
# "市长去北京了，常务会谁来主持？": who leads while someone is away is whoever stands in for them
# (代行…职责, 外出期间由负责常务工作的副市长主持).
AWAY = re.compile(r"不在|外出|出差|在外地|去外地|出国|出境|国外|境外|请假|休假|住院|生病|病了|年假|事假|离[攀忻市县]|下乡"
                  r"|开[^，。？]{0,2}天会|[人党]代会|在外头|在外面|跑项目|招商|挂职|出门|在省[城上里]"
                  r"|(?:去|到|在|赴|前往)[^，。？]{0,10}(?:学习|培训|开会|党校)|赴(?:省|京|外地)")
# "市长的主要任务是什么？": a role's duties are what the rules say it leads or is responsible for (负责, 领导), not
# the 主要任务 of the meetings it chairs.
_ROLE_DUTIES = re.compile(r"(?:[市县]长(?:助理)?|秘书长|负责人|正职)(?:[，,]?[他她])?(?:是|的|平时|平常)?(?:主要)?(?:任务|工作|职责|职能|负责什么|负责啥|负责哪些|管什么|管啥|管哪些|干什么|干啥)")
ROLE_DUTY_TERMS = {"负责": 1.0, "领导": 1.0, "分工": EXPANSION_WEIGHT}
# "气象局要执行市政府工作规则吗？", "规则还管谁？": whether a body is bound by the rules is what their 适用 article says.
_BOUND_BY_THE_RULES = re.compile(r"(?:执行|遵守|适用|受|按|照)[^，。？]{0,8}工作规则"
                                 r"|(?<![按照依据])(?:工作)?规则(?![里中上])[^，。？]{0,4}(?:约束|管|适用)")
# The end of a clause: "听谁的？" asks whom one answers to, "听谁的判决" does not.
_CLAUSE_END = r"(?=[？?，,。]|$)"
DOCUMENTS = frozenset({"文件", "公文", "报告", "稿子", "件", "文", "请示", "通知"})
_DOCUMENT = "(?:" + "|".join(sorted(DOCUMENTS, key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class Reading:
    """A phrasing that only its sentence shape gives away, read in the rules' words."""

    pattern: re.Pattern[str]
    terms: tuple[str, ...]  # searched for at full weight
    # the words that state it in the coverage check; empty: its terms or the words said in it
    stated_by: frozenset[str] = frozenset()
    read_when_away: bool = True  # False: a question asking who stands in for the one away is not this one
    displaces: bool = False  # True: its terms replace the rules' words for the phrases said in it
    mutes: str = ""  # a pattern for the words said in it that weigh little (the meeting one misses is no topic)


# Which way a document goes: a government's own document to the level above is an 上行文 ("县政府往上级报的
# 文件", or with the place name stripped "给省里的报告"), but a named county's (临泽县政府) is not the one whose
# rules are asked.
_SENT_UP = (r"(?:(?<![\u4e00-\u9fff]{2}[县区])政府[^，。？]{0,2}(?:上报|报给[省市上]|往上|向上|往[省市]里|给[省市](?:政府|里))"
            r"|^\s*(?:报给|往|给)(?:[省市]里|省政府|省上))" rf"[^，。？]{{0,8}}?{_DOCUMENT}")
# …and one to the levels below is a 下行文 ("市政府给下面县区发的文件", "往乡镇下发的通知"), unless the
# question says 下行文 itself.
_SENT_DOWN = (r"政府(?![^？]*下行文)[^，。？]{0,2}"
              r"(?:给下面|发给下面|发到下面|往下|向下|下发给|给下级|发给下级|(?:给|往|向|发往|发到)各?[县区乡镇])"
              rf"[^，。？]{{0,8}}?{_DOCUMENT}")
# "谁来签？", "秘书长能签吗？" ask who signs it off: the rules say 签发 or 签署, never 签 alone.
_WHO_SIGNS = (r"(?:谁|哪位|哪个)(?:领导)?(?:来|去|能|可以|负责)?签(?![发署批字收])"
              r"|(?:能|可以|就能|就可以|自己)签(?=吗|不|就行|了吧|得了)")
# Whoever is first shown what comes down from above is the head ("部委来的件先送谁？": 国家部委公文和…领导重要
# 批示，原则上第一时间报市长阅批); not a document sent there (向上级, 往省里), nor asked how to carry it out
# ("中央文件到了，落实情况要不要报告？").
_FROM_ABOVE_SEEN_FIRST = (r"(?<![向往给报])(?:中央|国务院|部委|中办|国办|省[里委长上]|省领导|上面|上头|上级)"
                          rf"[^，。？]{{0,8}}?(?:批示|{_DOCUMENT})"
                          r"(?=.*?(?:谁|哪位|哪个|首阅|第一时间|头一个|最先|先[送给报呈拿递往]|[市县]长[^，。？]{0,4}看))")
# Who heads a government or a bureau ("市政府里头谁是一号人物？", "局里的大事小情谁拍板？") is what its
# 负责制 says, not who decides one matter: 市长负责制 for the government, 局长负责制 or 主要负责同志领导本部门的
# 工作 for a bureau; while the head is away ("市长在外面跑，市政府谁当家？"), whoever stands in.
_WHO_HEADS = (r"(?:里头|里面|里|到底|最后|最终|究竟|平时|平常|日常|的大事小情|大事小情|的事|出了事)*[，,]?由?(?:谁|哪个|哪位)"
              r"(?:是|来|在)?(?:说了算|拍板|当家|做主|一号人物|一把手|班长|老大|负总责|管总|掌舵|领导)")
# …and so does whoever has its 全盘 in hand ("政府全盘哪个领导管？").
_WHOLE_IN_HAND = r"政府的?全盘(?:工作)?[^，。？]{0,2}(?:谁|哪个|哪位)(?:领导)?来?(?:管|抓|负责)"
# Who explains a policy is its drafter ("新政策谁出面解释？": 按照"谁起草、谁解读"的原则), not who sends the
# 解读材料 with a draft, nor who interprets a 规章 (规章的解释工作由司法局…承办).
_WHO_EXPLAINS = (r"(?:政策|文件)(?![^？]*(?:材料|规章))[^？]*?(?:谁|哪个部门|哪家|哪个单位)[^，。？]{0,4}(?:解读|解释)"
                 r"|(?:政策|文件)[^，。？]{0,6}(?:解读|解释)(?!材料)[^，。？]{0,4}(?:由谁|谁来|归谁|谁负责|找谁)")
# A head's say alone, a bureau's ("局长自己点个头就能往上报吗？") or a government's ("市长一个人能拍板吗？"), is set
# against the 集体讨论决定 the rules demand…
_HEAD_ALONE = (r"(?:局长|局里一把手|部门一把手|部门负责人|部门主要负责人)(?:个人|自己|一个人|一人|单独)[^，。？]{0,6}"
               r"(?:签|点头|点个头|同意|说了算|拍板|定|决定)"
               r"|(?:[市县]长|一把手)(?:个人|一个人|一人|单独)[^，。？]{0,4}(?:拍板|说了算|定|决定)")
# …which is also who decides inside a bureau before it reports ("部门报大事之前内部谁先过？", "局里谁定？").
_DECIDED_INSIDE = (r"(?:部门|局)[^。？]{0,10}(?:报|提请|上会|前)[^。？]{0,8}(?:内部|部门内|局里|局内)[^，。？]{0,4}(?:谁|怎么|咋|由谁)[先来]?"
                   r"(?:过|定|拍板|把关|讨论|研究|决定)")
# Who settles a government's big matters ("政府大事谁最后定？", "大事过哪个会点头？") is the meeting the rules name:
# 重大事项，必须经…常务会议讨论决定. Not the 大事小情 of a head's charge, nor a bureau's or a document's own.
_BIG_MATTER_DECIDED = (r"(?:^|(?<=[，。？]))(?:(?!局|部门|单位|文|件|稿)[^，。？])*?(?:大事|重大事项|重大问题)(?!小情)[^，。？]{0,4}?"
                       r"(?P<said>(?:最后|最终|到底)?(?:由|归|过|经|上)?(?:谁|哪个会?|哪位|怎么|咋|如何)(?:来|去)?(?:最后|最终)?"
                       r"(?:定|决定|拍板|说了算|做主|敲定|拿主意|点头))")
# Which matters go to the 全体会议 or the 常务会议 ("哪些事必须上全体会议或常务会议讨论？") is the article listing
# them (规划…财政预算…重大政策措施…由…全体会议或…常务会议讨论决定), not either meeting's own tasks.
_DECIDED_AT_BOTH = (r"(?=[^？]*(?:哪些|什么|啥|哪类))[^？]*?"
                    r"(?P<said>(?:全体会议?|全会)[^？]{0,6}?常务会议?|常务会议?[^？]{0,6}?(?:全体会议?|全会))"
                    r"(?=[^？]{0,8}(?:讨论|决定|审议|上会|拍板))")
# Who belongs to a government ("县政府班子里有秘书长吗？", "办公室主任算不算县政府组成人员？", "班子都包括谁？") is what
# its 由下列人员组成 article says.
_IN_THE_GOVERNMENT = (r"政府的?(?:班子|领导班子|组成人员)(?:里|中|里面|里头)?"
                      r"(?:有没有|有无|包不包括|算不算|(?:有|包括)[^，。？]{1,6}吗)"
                      r"|(?:是不是|属不属于|属于|算|是)[^，。？]{0,3}[市县]?政府(?:班子|领导班子|组成人员)"
                      r"|政府的?(?:班子|领导班子|组成人员)(?:都|一共|里)?(?:有|包括|由)(?:哪些|谁|什么|哪几)")
# Missing a meeting ("常务会那天局长要去省里，来不了", "一把手来不了全体会") is what the rules say of one who 不能出席 or
# 不能参加 it, whichever meeting they name it in (忻州: 市政府有关会议): the meeting and the absence are one concept,
# and the meeting's own words weigh little.
_ABSENCE_TERMS = ("不能出席", "不能参加", "请假")
_MEETING_SAID = r"(?:全体会|全会|常务会|办公会|专题会|党组会|会议|会上|这个会|那个会)"
_ABSENT_FROM_A_MEETING = (rf"(?P<said>会上不了|{_MEETING_SAID}[^？]{{0,24}}?(?:{ABSENCE.pattern})"
                          rf"|(?:{ABSENCE.pattern})[^，。？\s]{{0,10}}?{_MEETING_SAID}议?(?:[或和、及与]{_MEETING_SAID}议?)*)")
# Which meetings a government holds ("政府开会分哪几类？", "有几种会？") is the article that lists its 会议制度.
_MEETING_KINDS = (r"(?:开会|会议|会)[^，。？]{0,3}(?:分|有|包括|分为)(?:哪几|哪些|几)(?:类|种|样)"
                  r"|会议(?:制度|体系)[^，。？]{0,4}(?:分|有|包括|分为|是|设)(?:哪些|哪几|哪|什么|啥|几|的)"
                  r"|(?:几|哪几)(?:类|种)(?:[市县]?政府)?(?:会|会议)")
# What kind of government it is to be ("要建啥样的政府？") is where the rules say 建设人民满意的…服务型政府.
_GOVERNMENT_TO_BUILD = r"建(?:设|成)?(?:个|一个)?(?:啥样|什么样|怎样|怎么样|哪种|哪样|哪几种|哪几类|哪些|几种)的?政府"
# What the rules themselves were made on and for ("这套规则是照着哪几份规则定的？", "规则是按宪法定的吗？",
# "规则照抄省政府那套吗？", "定这规则图个啥？") is their first article (为使…，根据《宪法》…参照《国务院工作规则》…
# 结合…实际，制定本规则): not a question put "按规则", nor one on what the rules say ("规则规定常务会按啥开？").
_RULES_BASIS = (r"(?<![按照据依])(?:规则|规矩)(?![里中]|上(?!位))[^？]{0,12}?"
                r"(?:(?:根据|依据|照着|参照|依照|结合|照抄|照搬|抄)了?[^，。？]{0,8}(?:哪|什么|啥|谁|吗)"
                r"|(?:按|照|依)[^，。？]{0,8}(?:定|制定|订|写|出台)的)"
                r"|(?:根据|依据|照着|参照|依照)了?(?:哪|什么|啥)[^，。？]{0,10}(?:定|制定|写|出台)的"
                r"|(?:定|制定|出台)(?:这|这套|这个|本)?(?:工作)?(?:规则|规矩)[^？]{0,4}(?:图个?啥|为了啥|为啥|干啥|目的)")
# Departments at odds over a 规章 or 法规 ("规章起草部门顶牛谁兜底？") are the rules' 部门间争议较大的重要立法事项.
# Not a rule read two ways ("规章理解不一致"), which is a matter of its 解释.
_LAWMAKING_DISPUTE = (r"(?:规章|法规|立法)(?:(?!理解|解释)[^？]){0,16}?"
                      r"(?P<said>分歧|顶牛|意见不一|谈不拢|吵|扯皮|掰扯|之争|争议|协调不下来|不一致)")
# Whom a government works under ("市政府受哪几家领导？", "上头听谁的？") is its preamble's 在…党中央坚强领导下,
# stated where a sentence says 领导下; not whom a bureau or an office answers to ("审计局归谁领导").
_GOVERNMENT_LED_BY = (r"政府(?:(?!局|部门|单位|前)[^，。？]){0,8}"
                      rf"(?:(?:在|受|归|听)(?:谁|哪|什么|啥)[^，。？]{{0,6}}领导|听(?:谁|哪家|哪几家)的{_CLAUSE_END})")
READINGS = (
    Reading(re.compile(_GOVERNMENT_LED_BY), ("党中央", "坚强", "领导", "市委", "县委"), frozenset({"领导下", "委领导"})),
    Reading(re.compile(_LAWMAKING_DISPUTE), ("争议", "立法", "一致意见"), frozenset({"争议", "一致意见"})),
    Reading(re.compile(_SENT_UP), ("上行文",)),
    Reading(re.compile(_RULES_BASIS), ("宪法", "组织法", "参照", "法律法规", "制度化"), frozenset({"宪法", "参照"})),
    Reading(re.compile(_IN_THE_GOVERNMENT), ("组成", "下列"), frozenset({"组成"})),
    Reading(re.compile(_ABSENT_FROM_A_MEETING), _ABSENCE_TERMS, frozenset(_ABSENCE_TERMS), mutes=_MEETING_SAID + "议?"),
    Reading(re.compile(_MEETING_KINDS), ("实行", "制度", "全体会议", "专题会议"), frozenset({"制度"}), displaces=True),
    Reading(re.compile(_GOVERNMENT_TO_BUILD), ("人民满意", "服务型", "建设"), frozenset({"人民满意", "服务型"})),
    Reading(re.compile(f"{_HEAD_ALONE}|{_DECIDED_INSIDE}"), ("集体", "讨论", "决定"), frozenset({"集体"})),
    Reading(re.compile(_BIG_MATTER_DECIDED), ("讨论", "决定"), displaces=True),
    Reading(re.compile(_DECIDED_AT_BOTH), ("规划", "财政预算", "重大政策措施"), frozenset({"财政预算", "规划"})),
    Reading(re.compile(_WHO_EXPLAINS), ("谁起草", "谁解读"), frozenset({"谁起草"})),
    Reading(re.compile(_SENT_DOWN), ("下行文",)),
    Reading(re.compile(_WHO_SIGNS), ("签发", "签署")),
    Reading(re.compile(_FROM_ABOVE_SEEN_FIRST), ("重要批示", "第一时间", "阅批")),
    Reading(re.compile(rf"政府{_WHO_HEADS}|政府[^。？]{{0,6}}板子[^，。？]{{0,6}}打在谁|{_WHOLE_IN_HAND}"),
            ("负责制", "市长", "县长"),
            frozenset({"市长负责制", "县长负责制"}), read_when_away=False),
    Reading(re.compile(rf"(?:局|部门|单位)(?:{_WHO_HEADS}|[^。？]{{0,16}}(?:一把手|局长|主任)(?:说了算|拍板|当家|做主)"
                       rf"|[^。？]{{0,8}}听(?:谁|哪个|哪位)[^，。？]{{0,4}}的{_CLAUSE_END})"),
            ("负责制", "本部门", "领导", "主要负责同志"),
            frozenset({"负责制", "本部门"}), read_when_away=False),
)
# The rules' words for standing in. The executive deputy stands in for the head only: a deputy away
# ("副市长出差了，他的活动谁顶上？") is stood in for by someone else (互为AB角的…代行).
_FOR_THE_HEAD = ("负责常务工作的副市长", "负责常务工作的副县长")
_STANDS_IN = ("代行", "外出", "期间", *_FOR_THE_HEAD)
_HEAD = re.compile(r"(?<!副)[市县]长(?!助理)|一把手|老大")
_DEPUTY = re.compile(r"(?<!常务)副[市县]长")
# Who leads ("谁来主持", "何人代行"), or a guess at who does ("是秘书长代管吗？").
_ASKS_WHO_LEADS = re.compile(r"(?:谁|哪位|哪个|何人|是(?:秘书长|常务副(?:[市县]长)?|副[市县]长))(?:副[市县]长|领导)?"
                             r"(?:来|去|在|临时|暂时|能)?"
                             r"(?:主持|代(?!表)|负责|管|拍板|主事|当家|做主|说了算|牵头|顶|替|坐镇|挑大梁|看着|盯着|掌舵|拿主意)")


@cache
def synonyms_longest_first() -> tuple[tuple[str, list[str]], ...]:
    """The synonyms, longest colloquial phrase first (so 县长办公会 is read before 办公会)."""
    return tuple(sorted(synonyms().items(), key=lambda item: -len(item[0])))


def query_terms(question: str, vocabulary: Container[str] | None = None) -> dict[str, float]:
    """Weighted search terms: the question's own tokens (1.0) and the rules' words for its
    colloquial phrases (EXPANSION_WEIGHT; 1.0 for a phrase the rules never use, 跳过 → 越级行文, whose
    expansions are the only words that can find it)."""
    terms = dict.fromkeys(tokenize(question), 1.0)
    read = readings(question)
    displacing = [said for said, reading in read if reading.displaces]
    for phrase, words in said_phrases(question):
        if any(phrase in said for said in displacing):
            continue
        weight = EXPANSION_WEIGHT if vocabulary is None or phrase in vocabulary else 1.0
        for expansion in words:
            terms[expansion] = max(terms.get(expansion, 0.0), weight)
    if re.search(r"[市县]长|秘书长", question):  # the rules often say 市政府领导 for any of them
        terms.setdefault("领导", LEADER_WEIGHT)
    if BUREAU.search(question):
        terms.setdefault("部门", EXPANSION_WEIGHT)
    if COUNTY_BUREAU.search(question):
        terms.setdefault("工作部门", EXPANSION_WEIGHT)
    for said_words, reading in read:
        if reading.mutes:
            said_muted = [match.group(0) for match in re.finditer(reading.mutes, said_words)]
            muted = {word for words in said_muted for word in (*tokenize(words), *rules_words(words))}
            terms.update({term: weight * MUTED_WEIGHT for term, weight in terms.items() if term in muted})
        terms.update(dict.fromkeys(reading.terms, 1.0))
    if asks_who_stands_in(question):
        terms.update(dict.fromkeys(stand_in_words(question), 1.0))
    bound = _BOUND_BY_THE_RULES.search(question)
    if bound:  # the words that ask it are no topic
        terms.update({word: LEADER_WEIGHT for word in tokenize(bound.group(0)) if word in terms} | {"适用": 1.0})
    if asks_role_duties(question):
        terms.update({word: LEADER_WEIGHT for word in ("主要", "任务") if word in terms} | ROLE_DUTY_TERMS)
    return terms


def readings(question: str) -> list[tuple[str, Reading]]:
    """The words of the question that a reading reads ("县政府往上级报的文件"; only its ``said`` group where the
    rest is context, "规章…顶牛"), each with its reading."""
    away = asks_who_stands_in(question)
    return [(said.group("said" if "said" in said.re.groupindex else 0), reading) for reading in READINGS
            if (reading.read_when_away or not away) and (said := reading.pattern.search(question))]


def asks_role_duties(question: str) -> bool:
    """Whether the question asks what a role is responsible for ("秘书长的主要任务是什么？")."""
    return _ROLE_DUTIES.search(question) is not None


def stand_in_words(question: str) -> tuple[str, ...]:
    """The rules' words for whoever stands in for the one away: the executive deputy only for the head."""
    deputy_away = _DEPUTY.search(question) is not None and _HEAD.search(question) is None
    return tuple(word for word in _STANDS_IN if not (deputy_away and word in _FOR_THE_HEAD))


def asks_who_stands_in(question: str) -> bool:
    """Whether the question asks who leads while someone is away."""
    return AWAY.search(question) is not None and _ASKS_WHO_LEADS.search(question) is not None


def split_sentences(text: str) -> list[str]:
    """Sentences and enumerated items of an article, each with its closing punctuation."""
    return [match.group(0).strip() for match in _SENTENCE.finditer(text) if match.group(0).strip()]


class BM25:
    """Okapi BM25 with an inverted index split by partition (jurisdiction), so a search reads only the
    postings of its own partition; idf and average length are global."""

    def __init__(self, documents: Iterable[list[str]], partitions: Iterable[str], k1: float = 1.5,
                 b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.lengths: list[int] = []
        self.postings: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        frequency: Counter[str] = Counter()
        for index, (tokens, partition) in enumerate(zip(documents, partitions)):
            self.lengths.append(len(tokens))
            for term, count in Counter(tokens).items():
                self.postings[term][partition].append((index, count))
                frequency[term] += 1
        total = len(self.lengths)
        self.average = sum(self.lengths) / total if total else 0.0
        self.idf = {term: math.log(1 + (total - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}
        self.max_idf = max(self.idf.values(), default=1.0)

    def scores(self, terms: dict[str, float], partition: str) -> dict[int, float]:
        """Score of every document of one partition that matches any of the weighted terms."""
        result: dict[int, float] = defaultdict(float)
        for term, weight in terms.items():
            idf = self.idf.get(term)
            if idf is None:
                continue
            for index, count in self.postings[term].get(partition, ()):
                norm = count + self.k1 * (1 - self.b + self.b * self.lengths[index] / (self.average or 1))
                result[index] += weight * idf * count * (self.k1 + 1) / norm
        return dict(result)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a stored article."""

    article: int  # index into KeywordIndex.articles
    text: str


class KeywordIndex:
    """BM25 over whole articles and over their sentences, derived from the store's articles."""

    def __init__(self, articles: list[StoredArticle]) -> None:
        self.articles = articles
        self.sentences = [Sentence(index, sentence) for index, article in enumerate(articles)
                          for sentence in split_sentences(article.text)]
        self.article_bm25 = BM25((tokenize(unbracket(f"{a.metadata.get('chapter_title', '')} {a.text}")) for a in articles),
                                 (a.jurisdiction for a in articles))
        self.sentence_bm25 = BM25((tokenize(unbracket(sentence.text)) for sentence in self.sentences),
                                  (articles[sentence.article].jurisdiction for sentence in self.sentences))
        texts: dict[str, list[str]] = defaultdict(list)
        for article in articles:
            texts[article.jurisdiction].append(article.text)
        self._article_texts = {place: tuple(parts) for place, parts in texts.items()}
        self._texts = {place: "\n".join(parts) for place, parts in texts.items()}
        self._all_text = "\n".join(self._texts.values())

    def article_texts(self, jurisdiction: str) -> tuple[str, ...]:
        """The texts of the jurisdiction's articles."""
        return self._article_texts.get(jurisdiction, ())

    def mentions(self, jurisdiction: str, word: str) -> bool:
        """Whether any article of the jurisdiction contains the word."""
        return word in self._texts.get(jurisdiction, "")

    def mentions_anywhere(self, word: str) -> bool:
        """Whether any article of any jurisdiction contains the word."""
        return word in self._all_text

    def rejoin(self, text: str) -> str:
        """Join words split by 个 in speech ("给企业题个词" → "给企业题词") where the rules use the word."""
        def join(match: re.Match[str]) -> str:
            word = match.group(1) + match.group(2)
            return word if match.group(1) not in _COUNTING and word in self.article_bm25.idf else match.group(0)
        return _SPLIT_WORD.sub(join, text)

    def search_articles(self, terms: dict[str, float], jurisdiction: str) -> dict[int, float]:
        return self.article_bm25.scores(terms, jurisdiction)

    def search_sentences(self, terms: dict[str, float], jurisdiction: str) -> dict[int, float]:
        return self.sentence_bm25.scores(terms, jurisdiction)
