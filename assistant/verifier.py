"""Citation verifier for LLM answers: every sentence must cite a retrieved article that supports it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .matching import supported
from .numerals import parse_number
from .places import PlaceFinder
from .store import StoredArticle

_MARKER = re.compile(r"[【\[〔]\s*([\u4e00-\u9fff]{2,10}?)\s*[·・]?\s*第\s*([零〇一二三四五六七八九十百千\d]+)\s*条\s*[】\]〕]")
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
        if problem:
            result.problems.append(f"{problem}：{claim}")
        elif not supported(re.sub(r"^[^：:]{1,8}[：:]", "", claim), "\n".join(a.text for a in cited)):
            result.problems.append(f"条文不支持：{claim}")
        else:
            result.sentences.append((claim, cited))
    return result


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
