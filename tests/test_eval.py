"""The evaluation set, the metrics, the baselines and the regression gate."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from assistant.answer import Answer, Citation
from assistant.config import Config
from assistant.core import Assistant
from assistant.evalset import EvalItem, load_items, validate
from assistant.evaluate import Evaluation, gate, load_thresholds, run, systems, write_outputs
from assistant.matching import normalize, supported
from assistant.metrics import claims, score


@pytest.fixture(scope="module")
def assistant(bundled_store: Config) -> Assistant:
    return Assistant.open(bundled_store)


@pytest.fixture(scope="module")
def evaluation(assistant: Assistant, bundled_store: Config) -> Evaluation:
    return run(assistant, load_items(), systems(assistant, bundled_store, baselines=True))


def test_set_is_large_valid_and_split(assistant: Assistant) -> None:
    items = load_items()
    assert len(items) >= 200
    assert validate(items, assistant.articles) == []
    by_type = Counter(item.type for item in items)
    heldout = Counter(item.type for item in items if item.split == "heldout")
    assert len(by_type) == 14
    for kind, count in by_type.items():
        assert heldout[kind] >= 0.25 * count, kind
    assert {item.jurisdiction for item in items} - {None} <= set(assistant.jurisdictions)


def test_checker_catches_a_broken_item(assistant: Assistant) -> None:
    good = load_items()[0]
    bad = EvalItem(**{**good.__dict__, "id": "bad-1", "gold": (("平凉市", 999),), "key_facts": ("每天开会",)})
    problems = validate([good, bad], assistant.articles)
    assert any("第999条" in p for p in problems) and any("每天开会" in p for p in problems)


@pytest.mark.parametrize(("text", "normal"), [
    ("每月召开 两 次", "每月召开2次"), ("７个工作日", "7个工作日"), ("2—3次", "2-3次"), ("第五十三条", "第53条"),
])
def test_normalisation_for_key_facts(text: str, normal: str) -> None:
    assert normalize(text) == normal


def test_support_check() -> None:
    source = "市政府常务会议每月召开2次，如有需要可随时召开。"
    assert supported("平凉市政府常务会议每月召开两次", source)
    assert not supported("常务会议每周一上午召开，由书记主持", source)


def test_claims_skip_references_and_scaffolding() -> None:
    text = ("各地规定如下：\n平凉市：会签文件应在7个工作日内回复；（《平凉市人民政府工作规则》（平政发〔2023〕30号）第六十六条）\n"
            "张掖市：《张掖市人民政府工作规则》未对此作出规定。\n结论：以上各地规定不同。")
    assert claims(text) == ["会签文件应在7个工作日内回复"]


def _citation(place: str, number: int, text: str) -> Citation:
    return Citation(place, "规则", "", number, f"第{number}条", "", text, text)


def test_score_counts_violations_and_unretrieved_citations() -> None:
    item = next(item for item in load_items() if item.id == "pl-001")
    good = _citation("平凉市", 53, "市政府常务会议每月召开2次，如有需要可随时召开。")
    foreign = _citation("忻州市", 21, "市政府常务会议一般每月召开2—3次。")
    answer = Answer("平凉市政府常务会议每月召开2次，如有需要可随时召开。", False, ["平凉市"], [good, foreign], [good], "x")
    result = score(item, answer, "x", 1.0, ["平凉市"])
    assert result.jurisdiction_violations == 1 and result.unretrieved_citations == 1
    assert result.key_facts_ok and not result.passed and result.gold_ranks == [1]


def test_forbidden_strings_count_in_the_answer_not_in_related_articles() -> None:
    item = EvalItem("u", "unanswerable", "攀枝花市级部门一把手出差要提前几天报？", (), None, (), (), ("提前1天",), "",
                    False, "dev")
    related = _citation("攀枝花市", 84, "副市长、秘书长离攀外出，应提前1天报告市长")
    abstained = Answer("《攀枝花市人民政府工作规则》未对此作出规定。\n相关条款（仅供参考）：\n副市长、秘书长离攀外出，应提前1天报告市长",
                       True, ["攀枝花市"], [], [related], "x")
    assert score(item, abstained, "x", 1.0, ["攀枝花市"]).passed
    wrong = Answer("应提前1天报告市长。", False, ["攀枝花市"], [related], [related], "x")
    assert score(item, wrong, "x", 1.0, ["攀枝花市"]).forbidden_hit


def test_assistant_meets_the_gate(evaluation: Evaluation) -> None:
    assert gate(evaluation, load_thresholds()) == []


def test_assistant_ahead_of_every_baseline(evaluation: Evaluation) -> None:
    mine = evaluation.metrics["assistant"]["all"]
    for baseline in ("bm25-only", "dense-only", "naive-langchain"):
        theirs = evaluation.metrics[baseline]["all"]
        for metric in ("recall@1", "key_fact_accuracy", "citation_precision"):
            assert mine[metric] > theirs[metric], (baseline, metric)
    assert mine["jurisdiction_violations"] == 0 and mine["unretrieved_citations"] == 0


def test_disabling_keyword_search_fails_the_gate(bundled_store: Config) -> None:
    broken = Assistant.open(bundled_store, use_keywords=False)
    evaluation = run(broken, load_items(), systems(broken, bundled_store, baselines=False))
    failures = gate(evaluation, load_thresholds())
    assert any("recall@1" in failure for failure in failures)


def test_report_files(evaluation: Evaluation, tmp_path: Path) -> None:
    write_outputs(evaluation, tmp_path)
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## Split: heldout" in report and "naive-langchain" in report and "citation precision" in report
    failures = report.split("## Failures of the assistant")[1]
    assert "Held-out failures:" in failures and "/heldout]" not in failures and "/dev]" in failures
    assert (tmp_path / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4 * len(load_items())
    first_pass = next(i for i, row in enumerate(rows) if row["passed"])
    assert not any(row["passed"] is False for row in rows[first_pass:])
