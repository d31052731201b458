"""HTML for the web page's article panel and browse tab; everything from documents is escaped."""

from __future__ import annotations

import html

from .answer import Citation
from .extractive import QUOTE_GAP
from .keyword import split_sentences
from .numerals import to_chinese


def chip_label(citation: Citation) -> str:
    """平凉市·第五十三条 — the compact form shown on citation chips."""
    return f"{citation.jurisdiction}·{citation.label}"


def article_html(citation: Citation) -> str:
    """The full article with its metadata; sentences of the quote are highlighted."""
    quoted = ({sentence for part in citation.quote.split(QUOTE_GAP) for sentence in split_sentences(part)}
              if citation.quote and citation.quote != citation.text else set())
    paragraphs = []
    for paragraph in citation.text.split("\n"):
        pieces = []
        for sentence in split_sentences(paragraph):
            escaped = html.escape(sentence)
            pieces.append(f"<mark>{escaped}</mark>" if sentence in quoted else escaped)
        paragraphs.append(f"<p>{''.join(pieces)}</p>")
    number = f"（{html.escape(citation.doc_number)}）" if citation.doc_number else ""
    return (
        f"<div class='article'><div class='article-meta'>{html.escape(citation.jurisdiction)}"
        f"{' · ' + html.escape(citation.chapter) if citation.chapter else ''}</div>"
        f"<h3>《{html.escape(citation.document)}》{number}{html.escape(citation.label)}</h3>"
        f"{''.join(paragraphs)}</div>"
    )


def chapter_label(number: int, title: str) -> str:
    return f"第{to_chinese(number)}章 {title}" if number else title or "（无章）"


def search_results_html(citations: list[Citation], query: str) -> str:
    """Articles whose text contains the query, each with its reference, query highlighted."""
    if not citations:
        return f"<p>没有找到包含“{html.escape(query)}”的条文。</p>"
    items = []
    for citation in citations:
        text = html.escape(citation.text).replace(html.escape(query), f"<mark>{html.escape(query)}</mark>")
        items.append(f"<li><b>{html.escape(chip_label(citation))}</b>　{text}</li>")
    return f"<p>共 {len(citations)} 条：</p><ol class='search-results'>{''.join(items)}</ol>"
