"""Normalisation of published Chinese text: stray spaces, bullets, punctuation and bracket variants."""

from __future__ import annotations

import re
import unicodedata

_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))
# Full-width punctuation that sits inside Chinese text (no space belongs next to it).
CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·～"
SENTENCE_END = "。；：！？"
_CLOSERS = "”’）」』》】"
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_BULLET = re.compile(r"^(?:[-–—•·●▪■◆◇○*]\s+|[•·●▪■◆◇○])")
_PAREN = re.compile(r"[(（]([^()（）]{1,40})[)）]")
_SPACE = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff]+")


def is_cjk(ch: str) -> bool:
    """True for a Han character."""
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _is_cjk_context(ch: str) -> bool:
    return is_cjk(ch) or ch in CJK_PUNCTUATION


def _full_width_alnum_to_ascii(text: str) -> str:
    return "".join(
        unicodedata.normalize("NFKC", ch) if "\uff10" <= ch <= "\uff5a" and ch.isalnum() else ch
        for ch in text
    )


def _drop_spaces_next_to_cjk(text: str) -> str:
    """Remove spaces that touch Chinese text ("地 方各级" → "地方各级"); keep them between Latin words."""
    pieces = _SPACE.split(text)
    out = pieces[0]
    for piece in pieces[1:]:
        if not out or not piece:
            out += piece
        elif _is_cjk_context(out[-1]) or _is_cjk_context(piece[0]):
            out += piece
        else:
            out += " " + piece
    return out


def _widen_punctuation(text: str) -> str:
    """Half-width , ; : ? ! and paired () become full-width where they touch Chinese text."""
    def widen_paren(match: re.Match[str]) -> str:
        inner = match.group(1)
        if any(is_cjk(ch) for ch in inner) or re.fullmatch(r"[一二三四五六七八九十]+", inner):
            return f"（{inner}）"
        return match.group(0)

    text = _PAREN.sub(widen_paren, text)
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in _HALF_TO_FULL:
            continue
        before = chars[i - 1] if i > 0 else ""
        after = chars[i + 1] if i + 1 < len(chars) else ""
        if (before and _is_cjk_context(before)) or (after and _is_cjk_context(after)):
            if ch == ":" and before.isdigit() and after.isdigit():
                continue
            chars[i] = _HALF_TO_FULL[ch]
    return "".join(chars)


def normalize_line(line: str) -> str:
    """Normalise one line of a published rule document."""
    line = _full_width_alnum_to_ascii(line).strip(" \t\u00a0\u3000\ufeff\r")
    line = _BULLET.sub("", line).strip()
    line = line.replace("〔 ", "〔").replace(" 〕", "〕")
    line = _drop_spaces_next_to_cjk(line)
    line = _widen_punctuation(line)
    return _drop_spaces_next_to_cjk(line).strip()


def ends_sentence(text: str) -> bool:
    """True when a paragraph ends at a sentence boundary (so a following line is a new paragraph)."""
    text = text.rstrip()
    while text and text[-1] in _CLOSERS:
        text = text[:-1]
    return bool(text) and text[-1] in SENTENCE_END

