"""Documents in other formats, encodings and numbering styles ingest correctly."""

from __future__ import annotations

from pathlib import Path

import pytest
from documents import (ARABIC_STYLE_ARTICLES, arabic_style_rules, tiao_style_rules, write_docx, write_html,
                       write_pdf)

from assistant.ingest import load_document
from assistant.parser import DocumentHints


def check_arabic_style(path: Path) -> None:
    document = load_document(path)
    assert document.title == "青山县人民政府工作规则"
    assert document.jurisdiction.name == "青山县"
    assert document.jurisdiction.level == "县"
    assert document.doc_number == "青政发〔2024〕7号"
    assert document.issue_date == "2024-05-06"
    assert [a.number for a in document.articles] == [1, 2, 3, 4, 5]
    assert [a.chapter_number for a in document.articles] == [1, 2, 2, 2, 3]
    assert document.articles[1].text == ARABIC_STYLE_ARTICLES[1] + "\n（1）研究重要事项；"
    assert document.articles[2].text == ARABIC_STYLE_ARTICLES[2]
    assert document.articles[4].text == "本规则自发布之日起施行。"


def test_gb18030_text(tmp_path: Path) -> None:
    path = tmp_path / "qingshan.txt"
    path.write_bytes(arabic_style_rules().encode("gb18030"))
    check_arabic_style(path)


def test_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "qingshan.txt"
    path.write_bytes(b"\xef\xbb\xbf" + arabic_style_rules().replace("\n", "\r\n").encode("utf-8"))
    check_arabic_style(path)


def test_docx(tmp_path: Path) -> None:
    check_arabic_style(write_docx(tmp_path / "qingshan.docx", arabic_style_rules()))


def test_html_drops_scripts_and_page_chrome(tmp_path: Path) -> None:
    path = write_html(tmp_path / "qingshan.html", arabic_style_rules())
    check_arabic_style(path)
    assert "脚本" not in "".join(a.text for a in load_document(path).articles)


def test_pdf_with_text_layer(tmp_path: Path) -> None:
    check_arabic_style(write_pdf(tmp_path / "qingshan.pdf", arabic_style_rules()))


def test_pdf_page_break_inside_a_sentence(tmp_path: Path) -> None:
    text = "测试市人民政府工作规则\n第一条 市政府工作的准则是，执政为民，实事求\n" + "\n" * 60 + "是，务实清廉。\n第二条 本规则自发布之日起施行。"
    document = load_document(write_pdf(tmp_path / "broken.pdf", text))
    assert document.articles[0].text == "市政府工作的准则是，执政为民，实事求是，务实清廉。"


def test_chinese_numerals_up_to_199(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(tiao_style_rules(199), encoding="utf-8")
    document = load_document(path)
    assert [a.number for a in document.articles] == list(range(1, 200))
    assert document.articles[198].label == "第一百九十九条"
    assert document.articles[104].text == "测试市政府第105项工作要求，按规定办理。"


def test_numbered_line_out_of_sequence_is_text(tmp_path: Path) -> None:
    text = ("测试市人民政府工作规则\n一、为规范工作，制定本规则。\n二、市政府实行市长负责制。\n"
            "三、市政府的主要任务是：\n一、研究重大事项；\n二、部署工作。\n四、本规则自发布之日起施行。")
    path = tmp_path / "nested.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    assert [a.number for a in document.articles] == [1, 2, 3, 4]
    assert document.articles[2].text == "市政府的主要任务是：\n一、研究重大事项；\n二、部署工作。"


def test_hints_override_and_fill_metadata(tmp_path: Path) -> None:
    path = tmp_path / "rules.txt"
    path.write_text("工作规则\n第一条 总则。\n第二条 施行。", encoding="utf-8")
    hints = DocumentHints(jurisdiction="白河镇", title="白河镇人民政府工作规则", parent="青山县")
    document = load_document(path, hints)
    assert (document.jurisdiction.name, document.jurisdiction.parent, document.title) == (
        "白河镇", "青山县", "白河镇人民政府工作规则")


def test_document_ids_are_stable(tmp_path: Path) -> None:
    path = tmp_path / "qingshan.txt"
    path.write_text(arabic_style_rules(), encoding="utf-8")
    first, second = load_document(path), load_document(path)
    assert first.doc_id == second.doc_id
    assert [first.chunk_id(a) for a in first.articles] == [second.chunk_id(a) for a in second.articles]
    assert len({first.chunk_id(a) for a in first.articles}) == 5


@pytest.mark.parametrize("bullet", ["- ", "• ", "· "])
def test_list_bullets(tmp_path: Path, bullet: str) -> None:
    path = tmp_path / "bullets.txt"
    path.write_text(f"测试市人民政府工作规则\n第一条 主要任务是：\n{bullet}(一) 研究事项；\n{bullet}(二) 部署工作。\n第二条 施行。",
                    encoding="utf-8")
    assert load_document(path).articles[0].text == "主要任务是：\n（一）研究事项；\n（二）部署工作。"


def test_footer_words_inside_an_article_do_not_end_the_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules.txt"
    path.write_text("测试市人民政府工作规则\n第一条 总则。\n第二条 市政府发文应当同时\n抄送市人大常委会办公室。\n"
                    "第三条 会议纪要由办公室印发\n第四条 本规则自发布之日起施行。\n抄送：市委办公室。\n2024年1月2日印发",
                    encoding="utf-8")
    document = load_document(path)
    assert [a.number for a in document.articles] == [1, 2, 3, 4]
    assert document.articles[1].text == "市政府发文应当同时抄送市人大常委会办公室。"
    assert "抄送：" not in document.articles[3].text


def test_a_reference_to_a_later_article_is_text(tmp_path: Path) -> None:
    path = tmp_path / "rules.txt"
    path.write_text("测试市人民政府工作规则\n第一条 除\n第五条规定的情形外，均适用本规则。\n第二条 施行。", encoding="utf-8")
    assert load_document(path).articles[0].text == "除第五条规定的情形外，均适用本规则。"
