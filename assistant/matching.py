"""Text matching shared by the citation verifier and the evaluation: normalisation and support."""

from __future__ import annotations

import re
import unicodedata

from .numerals import parse_number
from .textnorm import is_cjk

SUPPORT_THRESHOLD = 0.7
_CHINESE_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_DASHES = re.compile(r"[‐‑‒–—―－~～]+")


def normalize(text: str) -> str:
    """Matching form: no whitespace, full/half width folded, Chinese numerals as digits, one dash."""
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", text)
    text = re.sub(r"\s+", "", text)
    return _CHINESE_NUMBER.sub(lambda m: str(parse_number(m.group(0).replace("两", "二")) or m.group(0)), text)


def contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` after normalisation."""
    return normalize(needle) in normalize(haystack)


def _bigrams(text: str) -> set[str]:
    chars = [ch for ch in normalize(text) if is_cjk(ch) or ch.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def support(claim: str, source: str) -> float:
    """Share of the claim's character bigrams found in the source (1.0 = fully contained)."""
    claim_grams = _bigrams(claim)
    if not claim_grams:
        return 1.0
    return len(claim_grams & _bigrams(source)) / len(claim_grams)


def supported(claim: str, source: str) -> bool:
    """A claim is supported when at least SUPPORT_THRESHOLD of its bigrams occur in the source."""
    return support(claim, source) >= SUPPORT_THRESHOLD
