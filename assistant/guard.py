"""Question hygiene: length limits, control characters, and instructions hidden in questions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import zhconv

from .textnorm import is_cjk

MAX_QUESTION_CHARS = 500
MAX_HISTORY_TURNS = 20
MAX_HISTORY_CHARS = 4000  # per turn; longer earlier answers are cut
_INJECTION = re.compile(
    r"忽略|无视|不要理会|不用管|别管|抛开|忘掉|忘记|ignore|disregard"
    r"|你现在是|你是一个|假装|扮演|角色扮演|(?<!有)没有(?:任何)?限制|不受.{0,6}限制|越狱|开发者模式|system prompt|系统提示"
    r"|(?<![下发达个])指令(?!性)|优先级高于|最高优先级|管理员|系统消息|不要引用|不用引用|无需引用|不要依据|不必依据|编一个|随便编|直接说是|就说|回答必须是"
    r"|系统通知|从现在起|你必须|必须回答|只能回答|只许回答",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^。.！!？?\n]+[。.！!？?\n]*")
_CLAUSE = re.compile(r"[^，,。.！!；;？?\n]+[，,。.！!；;？?\n]*")


@dataclass(frozen=True)
class CleanQuestion:
    """A question ready for answering, or the reason it cannot be answered."""

    text: str
    problem: str = ""
    injection_removed: bool = False
    removed: str = ""  # the instruction clauses that were dropped


def clean_question(raw: object) -> CleanQuestion:
    """Normalise a question; strip control characters and injected instructions."""
    if not isinstance(raw, str):
        return CleanQuestion("", "问题应当是一段文字。")
    text = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch in "\n\t").strip()
    if len(text) > MAX_QUESTION_CHARS:
        return CleanQuestion("", f"问题太长了（{len(text)} 字），请精简到 {MAX_QUESTION_CHARS} 字以内。")
    if not any(ch.isalnum() for ch in text):
        return CleanQuestion("", "empty")
    if not any(is_cjk(ch) for ch in text):
        return CleanQuestion("", "目前仅支持用中文提问，请用中文描述您的问题，例如：平凉市政府常务会议多久开一次？")
    text = zhconv.convert(text, "zh-cn")  # traditional characters are answered as simplified
    sentences = [sentence for sentence in _SENTENCE.findall(text) if sentence.strip()]
    kept, removed = [], []
    for index, sentence in enumerate(sentences):
        clauses = [clause for clause in _CLAUSE.findall(sentence) if clause.strip()]
        bad = [clause for clause in clauses if _INJECTION.search(clause)]
        if not bad:
            kept.append(sentence)
        elif index < len(sentences) - 1:  # a statement carrying an instruction carries its "facts" too
            removed.append(sentence)
        else:
            kept.extend(clause for clause in clauses if clause not in bad)
            removed.extend(bad)
    if removed and kept:
        return CleanQuestion("".join(kept).strip("，, "), injection_removed=True, removed="".join(removed))
    if not kept:
        return CleanQuestion("", "only_instructions")
    return CleanQuestion(text)


def clean_history(history: object) -> tuple[list[tuple[str, str]], int]:
    """Well-formed (question, answer) turns, the last MAX_HISTORY_TURNS of them, and how many were dropped."""
    if not isinstance(history, Iterable) or isinstance(history, (str, bytes, dict)):
        return [], 1 if history else 0
    turns, dropped = [], 0
    for turn in history:
        if (isinstance(turn, (list, tuple)) and len(turn) == 2 and all(isinstance(part, str) for part in turn)):
            asked = clean_question(turn[0][:MAX_HISTORY_CHARS])  # instructions in earlier turns are dropped too
            turns.append((asked.text, turn[1][:MAX_HISTORY_CHARS]))
        else:
            dropped += 1
    dropped += max(0, len(turns) - MAX_HISTORY_TURNS)
    return turns[-MAX_HISTORY_TURNS:], dropped
