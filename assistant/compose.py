"""Compose answer text from findings with the templates in prompts/answer.toml."""

from __future__ import annotations

import re

from .answer import Citation
from .extractive import Finding, direct_answer
from .numerals import parse_number
from .templates import render

RELATED_COUNT = 3
_QUANTITY = re.compile(r"(每(?:年|月|周|季度|半年|两周))|([0-9一二两三四五六七八九十]+)个?(次|工作日|日|天|小时|周|字|种|份|名|项|页)")


def single(finding: Finding) -> str:
    assert finding.article is not None
    return render("single", answer=direct_answer(finding), reference=Citation.of(finding.article).reference,
                  quote=finding.quote)


def not_covered(finding: Finding, document: str) -> str:
    lines = [render("not_covered", document=document)]
    related = [hit.article for hit in finding.ranked[:RELATED_COUNT]]
    if related:
        lines.append(render("related_intro"))
        lines.extend(render("related_line", reference=Citation.of(item).reference, text=_excerpt(item.text))
                     for item in related)
    return "\n".join(lines)


def several(findings: list[Finding], documents: dict[str, str]) -> str:
    if all(finding.subject for finding in findings):
        return per_subject(findings)
    lines = [render("multi_intro")]
    for finding in findings:
        if finding.article is not None:
            lines.append(render("multi_line", jurisdiction=finding.jurisdiction, answer=direct_answer(finding),
                                reference=Citation.of(finding.article).reference))
        else:
            lines.append(render("multi_missing", jurisdiction=finding.jurisdiction,
                                document=documents[finding.jurisdiction]))
    answered = [finding for finding in findings if finding.answered]
    if len(answered) >= 2:
        facts = [_quantities(finding.quote) for finding in answered]
        lines.append(render("same" if all(f == facts[0] and f for f in facts) else "different"))
    return "\n".join(lines)


def per_subject(findings: list[Finding]) -> str:
    """One line per meeting of a question naming several, each answered from its own article."""
    lines = [render("subjects_intro")]
    lines.extend(render("subject_line", subject=finding.subject, answer=direct_answer(finding),
                        reference=Citation.of(finding.article).reference)
                 for finding in findings if finding.article is not None)
    return "\n".join(lines)


def _quantities(text: str) -> frozenset[str]:
    """Comparable facts in a sentence: 每月, 2次, 7工作日… with numerals unified."""
    found = set()
    for period, number, unit in _QUANTITY.findall(text):
        found.add(period or f"{parse_number(number.replace('两', '二')) or number}{unit}")
    return frozenset(found)


def _excerpt(text: str, limit: int = 80) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= limit else first[:limit] + "……"
