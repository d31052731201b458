"""Scoring one answer against one evaluation item, and aggregating scores into metrics.

Definitions (also printed in the report):

- recall@1: share of answerable single-article items whose gold article is ranked first among the
  retrieved articles of its jurisdiction. recall@5: share of all gold articles in the top 5 of their
  jurisdiction. MRR: mean reciprocal rank of the first gold article (0 when absent).
- citation precision: cited articles that are gold or contain one of the item's key facts, over all
  citations (every citation on an unanswerable item counts as wrong). citation recall: gold articles
  cited, over all gold articles.
- jurisdiction violations: citations outside the jurisdictions the item is about (gold places, the
  UI selection, or places named in the question). unretrieved citations: citations of articles that
  were not among the answer's retrieved articles. Both must be 0.
- faithfulness: answer claims (sentences left after removing references, labels and template
  scaffolding) supported by the cited articles, over all claims; a claim is supported when at
  least 70 % of its character bigrams occur in the cited text (RAGAS-style supported ÷ claims,
  ALCE-style support check without an LLM judge).
- key-fact accuracy: answerable items whose answer states every key fact (normalised matching:
  whitespace, full/half width, Chinese/Arabic numerals, dashes).
- abstention recall: unanswerable items the system abstained on; abstention precision: abstentions
  that were on unanswerable items; answer rate: answerable items the system did not abstain on.
- follow-up accuracy: follow-up items passed (key facts for answerable, abstention otherwise).
- forbidden: answers stating a forbidden string (the related-article list shown after an
  abstention quotes the rules for reference and states nothing). latency: wall time per question.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from .answer import Answer
from .evalset import EvalItem
from .matching import contains, supported

_REFERENCE = re.compile(r"《[^》]+》(?:（[^）]*）)?第[零〇一二三四五六七八九十百千\d]+条")
_SCAFFOLD = re.compile(r"未对此作出规定|知识库中没有|各地规定如下|分别规定如下|以上各地规定|要求改变回答方式|^依据|^结论")
_CLAIM_SPLIT = re.compile(r"[。；！？\n“”]")


@dataclass
class ItemScore:
    """How one system did on one item."""

    id: str
    type: str
    split: str
    system: str
    question: str
    answer: str
    abstained: bool
    latency_ms: float
    gold_ranks: list[int | None] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    correct_citations: int = 0
    gold_cited: int = 0
    jurisdiction_violations: int = 0
    unretrieved_citations: int = 0
    claims: int = 0
    supported_claims: int = 0
    key_facts_ok: bool | None = None
    forbidden_hit: bool = False
    passed: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def stated(answer_text: str) -> str:
    """What an answer states: its text before the related-article list."""
    return answer_text.split("相关条款", 1)[0]


def claims(answer_text: str) -> list[str]:
    """The factual sentences of an answer: no references, labels, scaffolding or related-article list."""
    text = _REFERENCE.sub("", stated(answer_text))
    found = []
    for piece in _CLAIM_SPLIT.split(text):
        piece = re.sub(r"^[^：:]{1,8}[：:]", "", piece.strip()).strip("（）()：:，, ")
        if sum(1 for ch in piece if "\u4e00" <= ch <= "\u9fff") >= 4 and not _SCAFFOLD.search(piece):
            found.append(piece)
    return found


def score(item: EvalItem, answer: Answer, system: str, latency_ms: float, places: list[str]) -> ItemScore:
    """Score one answer; ``places`` are the jurisdictions the item is about (for violation counting)."""
    result = ItemScore(item.id, item.type, item.split, system, item.question, answer.answer,
                       answer.abstained, round(latency_ms, 2))
    rankings: dict[str, list[int]] = {}
    for citation in answer.retrieved:
        rankings.setdefault(citation.jurisdiction, []).append(citation.article)
    for jurisdiction, number in item.gold:
        ranking = rankings.get(jurisdiction, [])
        result.gold_ranks.append(ranking.index(number) + 1 if number in ranking else None)
    retrieved = {citation.key for citation in answer.retrieved}
    gold = set(item.gold)
    cited = list(dict.fromkeys(citation.key for citation in answer.citations))
    texts = {citation.key: citation.text for citation in answer.citations}
    result.cited = [f"{j}#{n}" for j, n in cited]
    for key in cited:
        if item.answerable and (key in gold or any(contains(texts[key], fact) for fact in item.key_facts)):
            result.correct_citations += 1
        if places and key[0] not in places:
            result.jurisdiction_violations += 1
        if key not in retrieved:
            result.unretrieved_citations += 1
    result.gold_cited = len(gold & set(cited))
    cited_text = "\n".join(texts.values())
    answer_claims = claims(answer.answer) if answer.citations else []
    result.claims = len(answer_claims)
    result.supported_claims = sum(1 for claim in answer_claims if supported(claim, cited_text))
    result.forbidden_hit = any(contains(stated(answer.answer), text) for text in item.forbidden)
    if item.answerable:
        result.key_facts_ok = not answer.abstained and all(contains(answer.answer, f) for f in item.key_facts)
        result.passed = bool(result.key_facts_ok) and not result.forbidden_hit
    else:
        result.passed = answer.abstained and not result.forbidden_hit
    result.passed = result.passed and not result.jurisdiction_violations and not result.unretrieved_citations
    return result


def _share(numerator: float, denominator: float) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def aggregate(scores: Iterable[ItemScore], answerable: dict[str, bool]) -> dict[str, float]:
    """Metrics over a list of item scores (``answerable`` maps item id → whether it has gold)."""
    scores = list(scores)
    golden = [s for s in scores if answerable[s.id]]
    single = [s for s in golden if len(s.gold_ranks) == 1]
    ranks = [rank for s in golden for rank in s.gold_ranks]
    unanswerable = [s for s in scores if not answerable[s.id]]
    abstained = [s for s in scores if s.abstained]
    followups = [s for s in scores if s.type == "followup"]
    latencies = sorted(s.latency_ms for s in scores)
    citations = sum(len(s.cited) for s in scores)
    return {
        "items": len(scores),
        "recall@1": _share(sum(1 for s in single if s.gold_ranks[0] == 1), len(single)),
        "recall@5": _share(sum(1 for r in ranks if r is not None and r <= 5), len(ranks)),
        "mrr": round(statistics.fmean(
            [1 / min((r for r in s.gold_ranks if r), default=float("inf")) for s in golden]), 4) if golden else 0.0,
        "citation_precision": _share(sum(s.correct_citations for s in scores), citations),
        "citation_recall": _share(sum(s.gold_cited for s in golden), len(ranks)),
        "jurisdiction_violations": sum(s.jurisdiction_violations for s in scores),
        "unretrieved_citations": sum(s.unretrieved_citations for s in scores),
        "faithfulness": _share(sum(s.supported_claims for s in scores), sum(s.claims for s in scores)),
        "key_fact_accuracy": _share(sum(1 for s in golden if s.key_facts_ok), len(golden)),
        "abstention_recall": _share(sum(1 for s in unanswerable if s.abstained), len(unanswerable)),
        "abstention_precision": _share(sum(1 for s in abstained if not answerable[s.id]), len(abstained)),
        "answer_rate": _share(sum(1 for s in golden if not s.abstained), len(golden)),
        "followup_accuracy": _share(sum(1 for s in followups if s.passed), len(followups)),
        "forbidden_hits": sum(1 for s in scores if s.forbidden_hit),
        "pass_rate": _share(sum(1 for s in scores if s.passed), len(scores)),
        "latency_median_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
        "latency_p95_ms": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1) if latencies else 0.0,
    }
