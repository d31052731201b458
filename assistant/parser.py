"""Structure a rule document's text: covering notice, chapters, articles, metadata.

The parser works on normalised lines. It finds the numbering style that forms the longest run
第一条, 第二条, … (or 一、二、… or 1、2、…), starts the rules at the head of that run, joins
sentences that page breaks split, and stops at the 抄送/印发 footer. A numbered-looking line that
is not the next article in sequence is ordinary text, unless the numbering then carries on from
it (a skipped or repeated article number), which is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DocumentError
from .models import Article, Jurisdiction, RuleDocument
from .numerals import NUMERAL_CHARS, article_label, parse_number
from .textnorm import ends_sentence, normalize_line

_NUM = rf"[{NUMERAL_CHARS}]+|\d{{1,4}}"
MAX_ARTICLES = 1000
_ARTICLE_PATTERNS = {
    "第X条": re.compile(rf"^第({_NUM})条(.*)$"),
    "X、": re.compile(r"^([一二三四五六七八九十百]+)、(.*)$"),
    "1、": re.compile(r"^(\d{1,3})(?:、|[.．](?!\d))(.*)$"),
}
_CHAPTER = re.compile(rf"^第({_NUM})章(.{{0,30}})$")
_SECTION = re.compile(rf"^第({_NUM})节(.{{0,30}})$")
_ENUMERATED_ITEM = re.compile(r"^(?:（(?:[一二三四五六七八九十]+|\d{1,2})）|\d{1,2}[.．、](?!\d)|[①-⑳])")
_NOISE = re.compile(
    r"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\d+页(?:共\d+页)?|\d+/\d+|（此件.{0,8}）"
    r"|(?:索引号|发布部门|成文时间|主题分类|发布时间|浏览次数|字体|分享|打印|关闭|来源|背景色)(?:[:：].*|\S{0,30}$|$)"
    r"|时间[:：].*)$"
)
_FOOTER = re.compile(r"^(?:抄送[:：]|抄报[:：]|公开属性[:：]|扫一扫|共印\d+份)|\d{4}年\d{1,2}月\d{1,2}日印发$")
_TITLE = re.compile(r"^《?(.{2,40}?(?:规则|办法|规定|条例|细则|制度|章程|规程|守则))》?$")
# A document number: issuer prefix, year and serial (平政发〔2023〕30号).
DOC_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,6})[〔\[［(（](\d{4})[〕\]］)）](\d{1,4})号")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ISO_DATE = re.compile(r"成文时间(\d{4})-(\d{2})-(\d{2})")
_REPEALS = re.compile(r"(《[^》]{2,40}》(?:（[^）]{0,20}〔\d{4}〕\d+号）)?)(?:同时)?(?:予以)?(?:废止|停止执行|失效)")
_JURISDICTION = re.compile(
    r"^(国务院|[\u4e00-\u9fff]{2,10}?(?:自治区|自治州|自治县|省|市|县|区|旗|州|盟))人民政府"
)
_PROVINCE = re.compile(r"([\u4e00-\u9fff]{2,3}(?:省|自治区))人民政府")
_NOT_IN_NAME = set("报告送请须应向由在对和与及的了")
_LEVELS = (("国务院", "国务院"), ("自治区", "省"), ("省", "省"), ("自治州", "市"), ("市", "市"),
           ("州", "市"), ("盟", "市"), ("自治县", "县"), ("县", "县"), ("区", "县"), ("旗", "县"))


@dataclass(frozen=True)
class DocumentHints:
    """Metadata given by the manifest or the command line; it wins over what the text suggests."""

    title: str = ""
    jurisdiction: str = ""
    level: str = ""
    province: str = ""
    parent: str = ""
    doc_number: str = ""
    issue_date: str = ""
    repeals: str = ""


@dataclass
class _Candidate:
    line: int
    number: int
    rest: str


@dataclass
class _Draft:
    number: int
    chapter_number: int
    chapter_title: str
    paragraphs: list[str] = field(default_factory=list)


def parse_text(text: str, source: str | Path, hints: DocumentHints | None = None) -> RuleDocument:
    """Parse a rule document's text into a RuleDocument, or raise DocumentError."""
    hints = hints or DocumentHints()
    lines = [line for line in (normalize_line(raw) for raw in text.splitlines()) if _has_content(line)]
    style, candidates = _numbering(lines)
    if not candidates:
        raise DocumentError(source, "未找到任何条文（条文应以“第一条”“一、”或“1、”编号）")
    start = _rules_start(lines, candidates[0].line)
    header = lines[:start]
    body = [line for line in lines[start:_footer_start(lines, start)] if not _NOISE.match(line)]
    articles, chapters = _walk(body, style, source)
    title = hints.title or _title(header, source)
    jurisdiction = _jurisdiction(title, header, text, hints, source)
    return RuleDocument(
        title=title,
        jurisdiction=jurisdiction,
        articles=articles,
        doc_number=hints.doc_number or _doc_number(header),
        issue_date=hints.issue_date or _issue_date(header),
        repeals=hints.repeals or _repeals(lines),
        source=str(source),
        chapters=chapters,
    )


def _has_content(line: str) -> bool:
    return any(ch.isalnum() for ch in line)


def _article_match(style: str, line: str) -> _Candidate | None:
    match = _ARTICLE_PATTERNS[style].match(line)
    if not match:
        return None
    number = parse_number(match.group(1))
    return _Candidate(0, number, match.group(2).strip()) if number and number < MAX_ARTICLES else None


def _candidates(lines: list[str], style: str) -> list[_Candidate]:
    found = []
    for index, line in enumerate(lines):
        candidate = _article_match(style, line)
        if candidate:
            candidate.line = index
            found.append(candidate)
    return found


def _run_length(candidates: list[_Candidate], start: int) -> int:
    expected = 1
    for candidate in candidates[start:]:
        if candidate.number == expected:
            expected += 1
    return expected - 1


def _numbering(lines: list[str]) -> tuple[str, list[_Candidate]]:
    """The numbering style with the longest 1, 2, 3 … run, and its candidates from the run's head."""
    best: tuple[int, str, list[_Candidate]] = (0, "第X条", [])
    for style in _ARTICLE_PATTERNS:
        candidates = _candidates(lines, style)
        for index, candidate in enumerate(candidates):
            if candidate.number == 1:
                length = _run_length(candidates, index)
                if length > best[0]:
                    best = (length, style, candidates[index:])
    return best[1], best[2]


def _rules_start(lines: list[str], first_article: int) -> int:
    """Rules begin at the first article, or at the chapter heading just before it."""
    for index in range(first_article - 1, max(first_article - 4, -1), -1):
        if _CHAPTER.match(lines[index]):
            return index
    return first_article


def _footer_start(lines: list[str], start: int) -> int:
    for index in range(start, len(lines)):
        if _FOOTER.search(lines[index]):
            return index
    return len(lines)


def _walk(body: list[str], style: str, source: str | Path) -> tuple[list[Article], list[tuple[int, str]]]:
    """Assign every body line to its chapter and article, joining lines split by page breaks."""
    drafts: list[_Draft] = []
    chapters: list[tuple[int, str]] = []
    later = [_article_match(style, line) for line in body]
    for index, line in enumerate(body):
        chapter = _CHAPTER.match(line)
        if chapter and not ends_sentence(line):
            chapters.append((parse_number(chapter.group(1)) or len(chapters) + 1, chapter.group(2).strip()))
            continue
        if _SECTION.match(line) and not ends_sentence(line):
            continue
        candidate = later[index]
        expected = drafts[-1].number + 1 if drafts else 1
        if candidate and candidate.number != expected:
            _check_sequence(candidate, expected, later[index + 1:], style, source)
        if candidate and candidate.number == expected:
            number, title = chapters[-1] if chapters else (0, "")
            drafts.append(_Draft(candidate.number, number, title))
            if candidate.rest:
                drafts[-1].paragraphs.append(candidate.rest)
        elif drafts:
            _add_text(drafts[-1].paragraphs, line)
    articles = []
    for draft in drafts:
        if not draft.paragraphs:
            raise DocumentError(source, f"{article_label(draft.number)}没有正文")
        articles.append(Article(draft.number, "\n".join(draft.paragraphs), draft.chapter_number, draft.chapter_title))
    return articles, chapters


def _check_sequence(candidate: _Candidate, expected: int, rest: list[_Candidate | None],
                    style: str, source: str | Path) -> None:
    """Raise when an out-of-sequence number is a skipped or repeated article, not a stray line."""
    following = next((c for c in rest if c is not None), None)
    numbering_continues = following is not None and following.number == candidate.number + 1
    last_and_clear = following is None and style == "第X条" and candidate.number == expected + 1
    if candidate.number > expected and (numbering_continues or last_and_clear):
        raise DocumentError(
            source, f"条文编号不连续：{article_label(expected - 1)}之后是{article_label(candidate.number)}，"
            f"缺少{article_label(expected)}")
    if candidate.number == expected - 1 and numbering_continues:
        raise DocumentError(source, f"条文编号重复：{article_label(candidate.number)}出现了两次")


def _add_text(paragraphs: list[str], line: str) -> None:
    if paragraphs and not ends_sentence(paragraphs[-1]) and not _ENUMERATED_ITEM.match(line):
        paragraphs[-1] += line
    else:
        paragraphs.append(line)


def _title(header: list[str], source: str | Path) -> str:
    for line in reversed(header[-4:]):
        match = _TITLE.match(line)
        if match:
            return match.group(1)
    for line in header:
        quoted = re.search(r"《([^》]{2,40})》", line) or re.search(r"关于印发(.{2,40}?)的通知", line)
        if quoted:
            return quoted.group(1).strip("《》")
    return Path(source).stem


def _jurisdiction(title: str, header: list[str], text: str, hints: DocumentHints,
                  source: str | Path) -> Jurisdiction:
    name = hints.jurisdiction
    for line in [title, *header]:
        if name:
            break
        match = _JURISDICTION.match(line)
        name = match.group(1) if match else ""
    if not name:
        raise DocumentError(source, "无法从文件中识别所属地区，请用 --jurisdiction 指定（如 平凉市）")
    level = hints.level or next((lvl for suffix, lvl in _LEVELS if name.endswith(suffix)), "")
    province = hints.province or (name if level == "省" else "")
    if not province:
        mentioned = _PROVINCE.search(text[:2000])
        province = mentioned.group(1) if mentioned and not _NOT_IN_NAME & set(mentioned.group(1)) else ""
    return Jurisdiction(name=name, level=level, province=province, parent=hints.parent)


def _doc_number(header: list[str]) -> str:
    for line in header:
        match = DOC_NUMBER.search(line.removeprefix("文号"))
        if match:
            return f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}号"
    return ""


def _issue_date(header: list[str]) -> str:
    dated = [line for line in header if _DATE.fullmatch(line)] or [l for l in header if _DATE.search(l)]
    match = _DATE.search(dated[0]) if dated else None
    if not match:
        iso = next((m for m in map(_ISO_DATE.search, header) if m), None)
        return "-".join(iso.groups()) if iso else ""
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _repeals(lines: list[str]) -> str:
    for line in lines:
        match = _REPEALS.search(line)
        if match:
            return match.group(1)
    return ""

