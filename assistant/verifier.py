"""Citation verifier for LLM answers: every sentence must cite a retrieved article that supports it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .matching import normalize, supported
from .numerals import parse_number
from .places import PlaceFinder
from .store import StoredArticle

_MARKER = re.compile(r"[【\[〔]\s*([\u4e00-\u9fff]{2,10}?)\s*[·・]?\s*第\s*([零〇一二三四五六七八九十百千\d]+)\s*条\s*[】\]〕]")
# Quantities (3次, 7个工作日, 2-3次), periods (每月) and negations: each must be in the cited text.
_FACT = re.compile(r"\d+(?:-\d+)?个?(?:次|个工作日|工作日|日|天|小时|周|月|年|名|人|字|种)|每(?:年|月|周|季度|半年|两周)"
                   r"|不得|不能|不应|不必|无需|禁止|严禁|不予|免")
_SENTENCE = re.compile(r"[^。！？\n]+(?:[。！？]|(?:[【\[〔][^】\]〕]*[】\]〕])+)*")


@dataclass
class Verified:
    """The sentences that passed, what they cite, and why the others were dropped."""

    sentences: list[tuple[str, list[StoredArticle]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def verify(text: str, retrieved: list[StoredArticle], allowed: list[str], places: PlaceFinder) -> Verified:
    """Keep sentences whose citations are all retrieved, in an allowed jurisdiction, and support them."""
    by_key = {(article.jurisdiction, article.number): article for article in retrieved}
    result = Verified()
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        claim = _MARKER.sub("", sentence).strip()
        if not claim or not any("\u4e00" <= ch <= "\u9fff" for ch in claim):
            continue
        markers = _MARKER.findall(sentence)
        if not markers:
            result.problems.append(f"未标注出处：{claim}")
            continue
        cited, problem = _resolve(markers, by_key, allowed, places)
        source = "\n".join(a.text for a in cited)
        body = re.sub(r"^[^：:]{1,8}[：:]", "", claim)
        named = [p for p in places.find(claim).known if p not in {a.jurisdiction for a in cited}]
        if problem:
            result.problems.append(f"{problem}：{claim}")
        elif named:
            result.problems.append(f"所说地区与出处不符：{claim}")
        elif not supported(body, source) or _unbacked_facts(body, source):
            result.problems.append(f"条文不支持：{claim}")
        else:
            result.sentences.append((claim, cited))
    return result


def _unbacked_facts(claim: str, source: str) -> list[str]:
    """Numbers, periods and negations the claim states that the cited text does not contain."""
    facts = _FACT.findall(normalize(claim))
    text = normalize(source)
    return [fact for fact in facts if fact not in text]


def _resolve(markers: list[tuple[str, str]], by_key: dict[tuple[str, int], StoredArticle], allowed: list[str],
             places: PlaceFinder) -> tuple[list[StoredArticle], str]:
    cited = []
    for place, number_text in markers:
        known = places.find(place).known
        number = parse_number(number_text)
        if not known or number is None:
            return [], f"无法识别的出处【{place}第{number_text}条】"
        key = (known[0], number)
        if key[0] not in allowed:
            return [], f"引用了其他地区的条文【{place}第{number_text}条】"
        if key not in by_key:
            return [], f"引用了未检索到或不存在的条文【{place}第{number_text}条】"
        cited.append(by_key[key])
    return cited, ""
