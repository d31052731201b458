"""Chinese numerals (一百九十九, 二〇二三, 两) to integers and back."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)
_WRITE_DIGITS = "零一二三四五六七八九"


def parse_number(text: str) -> int | None:
    """Parse a Chinese (一百零三, 十二) or Arabic (103) numeral; None if it is not one."""
    text = text.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    if not any(ch in UNITS for ch in text):
        # Digit-by-digit form such as 二〇二三.
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            total += (current or 1) * UNITS[ch]
            current = 0
    return total + current


def to_chinese(number: int) -> str:
    """Write a positive integer below 10000 the way article labels do (十三, 一百零三)."""
    if not 0 < number < 10000:
        raise ValueError(f"number out of range: {number}")
    parts: list[str] = []
    pending_zero = False
    for unit_value, unit_name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(_WRITE_DIGITS[digit] + unit_name)
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def article_label(number: int) -> str:
    """The canonical label of an article number: 13 → 第十三条."""
    return f"第{to_chinese(number)}条"
