"""The evaluation runner: score the assistant and the baselines, write the report, apply the gate."""

from __future__ import annotations

import json
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import metrics
from .baselines import System, bm25_only, dense_only, naive_langchain
from .config import Config
from .core import Assistant
from .errors import AssistantError
from .evalset import EVAL_DIR, SPLITS, EvalItem, validate
from .metrics import ItemScore

THRESHOLDS_PATH = EVAL_DIR / "thresholds.toml"
ASSISTANT = "assistant"
# Metrics where lower is better; the gate treats their threshold as a maximum.
LOWER_IS_BETTER = {"jurisdiction_violations", "unretrieved_citations", "forbidden_hits",
                   "latency_median_ms", "latency_p95_ms"}
SHOWN = ("recall@1", "recall@5", "mrr", "citation_precision", "citation_recall", "jurisdiction_violations",
         "unretrieved_citations", "faithfulness", "key_fact_accuracy", "abstention_recall",
         "abstention_precision", "answer_rate", "followup_accuracy", "forbidden_hits", "pass_rate",
         "latency_median_ms", "latency_p95_ms")


@dataclass
class Evaluation:
    """Scores of every system on every item, with metrics per split."""

    scores: list[ItemScore]
    metrics: dict[str, dict[str, dict[str, float]]]  # system → split → metric → value
    by_type: dict[str, dict[str, float]]  # system → type → pass rate


def _assistant_system(assistant: Assistant) -> System:
    return lambda item: assistant.ask(item.question, item.jurisdiction, item.history)


def systems(assistant: Assistant, config: Config, baselines: bool) -> dict[str, System]:
    chosen = {ASSISTANT: _assistant_system(assistant)}
    if baselines:
        chosen.update({"bm25-only": bm25_only(assistant), "dense-only": dense_only(assistant),
                       "naive-langchain": naive_langchain(assistant, config)})
    return chosen


def _places(assistant: Assistant, item: EvalItem) -> list[str]:
    if item.gold:
        return sorted({place for place, _ in item.gold})
    named = assistant.places.find(item.question).known
    return named or ([item.jurisdiction] if item.jurisdiction else [])


def run(assistant: Assistant, items: list[EvalItem], chosen: dict[str, System]) -> Evaluation:
    """Ask every system every question and score the answers."""
    problems = validate(items, assistant.articles)
    if problems:
        raise AssistantError("评测集校验失败：\n" + "\n".join(problems))
    scores = []
    for name, system in chosen.items():
        for item in items:
            started = time.perf_counter()
            answer = system(item)
            elapsed = (time.perf_counter() - started) * 1000
            scores.append(metrics.score(item, answer, name, elapsed, _places(assistant, item)))
    answerable = {item.id: item.answerable for item in items}
    result: dict[str, dict[str, dict[str, float]]] = {}
    by_type: dict[str, dict[str, float]] = {}
    for name in chosen:
        mine = [s for s in scores if s.system == name]
        result[name] = {split: metrics.aggregate([s for s in mine if s.split == split], answerable)
                        for split in SPLITS if any(s.split == split for s in mine)}
        result[name]["all"] = metrics.aggregate(mine, answerable)
        types = sorted({s.type for s in mine})
        by_type[name] = {t: metrics.aggregate([s for s in mine if s.type == t], answerable)["pass_rate"] for t in types}
    return Evaluation(scores, result, by_type)


def load_thresholds(path: Path = THRESHOLDS_PATH) -> dict[str, dict[str, float]]:
    """Per-split thresholds (eval/thresholds.toml)."""
    return tomllib.loads(path.read_text(encoding="utf-8"))["thresholds"]


def gate(evaluation: Evaluation, thresholds: dict[str, dict[str, float]]) -> list[str]:
    """Metrics of the assistant that miss their threshold, per split, as readable lines."""
    failures = []
    for split, values in evaluation.metrics[ASSISTANT].items():
        for metric, limit in thresholds.get(split, {}).items():
            value = values[metric]
            worse = value > limit if metric in LOWER_IS_BETTER else value < limit
            if worse:
                failures.append(f"[{split}] {metric} = {value}，阈值 {'≤' if metric in LOWER_IS_BETTER else '≥'} {limit}")
    return failures


def table(evaluation: Evaluation, split: str) -> str:
    """A plain-text table of metrics by system for one split."""
    names = list(evaluation.metrics)
    lines = [f"{'metric':<26}" + "".join(f"{name:>17}" for name in names)]
    for metric in SHOWN:
        row = [evaluation.metrics[name].get(split, {}).get(metric, "") for name in names]
        lines.append(f"{metric:<26}" + "".join(f"{value!s:>17}" for value in row))
    return "\n".join(lines)


def write_outputs(evaluation: Evaluation, folder: Path) -> None:
    """report.md (held-out failures counted, not listed), report.png, results.jsonl (failures first)."""
    folder.mkdir(parents=True, exist_ok=True)
    ordered = sorted(evaluation.scores, key=lambda s: (s.passed, s.system != ASSISTANT, s.id))
    with open(folder / "results.jsonl", "w", encoding="utf-8") as handle:
        for item_score in ordered:
            handle.write(json.dumps(item_score.to_dict(), ensure_ascii=False) + "\n")
    _chart(evaluation, folder / "report.png")
    sections = ["# 评测报告 / Evaluation report", "", f"Generated {time.strftime('%Y-%m-%d %H:%M')}; "
                f"{len({s.id for s in evaluation.scores})} items.", ""]
    for split in (*SPLITS, "all"):
        sections += [f"## Split: {split}", "", "```", table(evaluation, split), "```", ""]
    sections += ["## Pass rate by question type", "", "```"]
    names = list(evaluation.by_type)
    types = sorted({t for rates in evaluation.by_type.values() for t in rates})
    sections.append(f"{'type':<22}" + "".join(f"{name:>17}" for name in names))
    sections += [f"{t:<22}" + "".join(f"{evaluation.by_type[n].get(t, ''):>17}" for n in names) for t in types]
    sections += ["```", "", "![metrics](report.png)", "", "## Metric definitions", "", metrics.__doc__ or ""]
    failures = [s for s in ordered if not s.passed and s.system == ASSISTANT]
    shown = [s for s in failures if s.split != "heldout"]
    sections += ["", f"## Failures of the assistant ({len(failures)})", "",
                 f"Held-out failures: {len(failures) - len(shown)}, counted but not listed, so that split stays blind "
                 "(results.jsonl, git-ignored, has every row).", ""]
    sections += [f"- `{s.id}` [{s.type}/{s.split}] {s.question} → {s.answer.splitlines()[0] if s.answer else ''}"
                 for s in shown]
    (folder / "report.md").write_text("\n".join(sections) + "\n", encoding="utf-8")


def _chart(evaluation: Evaluation, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(evaluation.metrics)
    shown = ("recall@1", "key_fact_accuracy", "citation_precision", "faithfulness", "abstention_recall", "pass_rate")
    types = sorted({t for rates in evaluation.by_type.values() for t in rates})
    figure, (left, right) = plt.subplots(1, 2, figsize=(16, 6))
    width = 0.8 / len(names)
    for offset, name in enumerate(names):
        left.bar([i + offset * width for i in range(len(shown))],
                 [evaluation.metrics[name]["all"][m] for m in shown], width, label=name)
        right.bar([i + offset * width for i in range(len(types))],
                  [evaluation.by_type[name].get(t, 0) for t in types], width, label=name)
    left.set_xticks([i + 0.4 - width / 2 for i in range(len(shown))], shown, rotation=30, ha="right")
    right.set_xticks([i + 0.4 - width / 2 for i in range(len(types))], types, rotation=30, ha="right")
    left.set_title("Metrics by system (all items)")
    right.set_title("Pass rate by question type")
    for axis in (left, right):
        axis.set_ylim(0, 1.05)
        axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
