"""The evaluation set (eval/items/*.jsonl): loading and validation against the knowledge base."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .config import PROJECT_ROOT
from .matching import contains
from .store import StoredArticle

EVAL_DIR = PROJECT_ROOT / "eval"
ITEM_TYPES = frozenset({
    "frequency", "participants", "who", "deadline", "leave_travel", "procedure", "numbers", "repealed",
    "lookup", "comparison", "followup", "unanswerable", "unknown_jurisdiction", "injection",
})
SPLITS = ("dev", "heldout")


@dataclass(frozen=True)
class EvalItem:
    """One evaluation question with its gold citations and the facts a correct answer states."""

    id: str
    type: str
    question: str
    history: tuple[tuple[str, str], ...]
    jurisdiction: str | None
    gold: tuple[tuple[str, int], ...]
    key_facts: tuple[str, ...]
    forbidden: tuple[str, ...]
    answer: str
    answerable: bool
    split: str

    @classmethod
    def from_json(cls, data: dict) -> EvalItem:
        return cls(
            id=data["id"], type=data["type"], question=data["question"],
            history=tuple((q, a) for q, a in data.get("history", [])), jurisdiction=data.get("jurisdiction"),
            gold=tuple((g["jurisdiction"], int(g["article"])) for g in data.get("gold", [])),
            key_facts=tuple(data.get("key_facts", [])), forbidden=tuple(data.get("forbidden", [])),
            answer=data.get("answer", ""), answerable=bool(data["answerable"]), split=data["split"],
        )


def load_items(folder: Path = EVAL_DIR / "items", split: str = "all") -> list[EvalItem]:
    """All items of the set, or those of one split, in file order."""
    items = [EvalItem.from_json(json.loads(line))
             for path in sorted(folder.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [item for item in items if split == "all" or item.split == split]


def validate(items: list[EvalItem], articles: list[StoredArticle]) -> list[str]:
    """Problems with the set itself: unknown gold articles, key facts absent from gold text, bad fields."""
    texts = {(a.jurisdiction, a.number): a.text for a in articles}
    problems = [f"重复的编号 {item_id}" for item_id, n in Counter(i.id for i in items).items() if n > 1]
    for item in items:
        if item.type not in ITEM_TYPES:
            problems.append(f"{item.id}: 未知类型 {item.type}")
        if item.split not in SPLITS:
            problems.append(f"{item.id}: 未知划分 {item.split}")
        if item.answerable != bool(item.gold):
            problems.append(f"{item.id}: answerable 与 gold 不一致")
        missing = [g for g in item.gold if g not in texts]
        problems.extend(f"{item.id}: 知识库中没有 {j} 第{n}条" for j, n in missing)
        gold_texts = [texts[g] for g in item.gold if g in texts]
        problems.extend(f"{item.id}: 要点“{fact}”不在标准条文中" for fact in item.key_facts
                        if not any(contains(text, fact) for text in gold_texts))
    return problems
