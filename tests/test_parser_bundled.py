"""The five bundled documents parse to their exact structure, with the publishing noise removed."""

from __future__ import annotations

import pytest

from assistant.ingest import load_document, manifest_entries
from assistant.config import Config
from assistant.models import RuleDocument

EXPECTED = {
    "平凉市": (100, 14, "平政发〔2023〕30号", "2023-03-18", "《平凉市人民政府工作规则》（平政发〔2021〕18号）"),
    "庄浪县": (97, 14, "庄政发〔2023〕41号", "2023-06-15", "《庄浪县人民政府工作规则》（庄政发〔2021〕76号）"),
    "张掖市": (66, 11, "张政发〔2015〕3号", "2015-01-14", "《张掖市人民政府工作规则》（张政发〔2007〕88号）"),
    "攀枝花市": (84, 13, "攀府发〔2019〕6号", "2019-05-24", ""),
    "忻州市": (48, 8, "忻政发〔2023〕10号", "2023-06-21", "《忻州市人民政府工作规则》（忻政发〔2013〕30号）"),
}


@pytest.fixture(scope="module")
def documents() -> dict[str, RuleDocument]:
    parsed = [load_document(path, hints) for path, hints in manifest_entries(Config())]
    return {document.jurisdiction.name: document for document in parsed}


def article(documents: dict[str, RuleDocument], place: str, number: int) -> str:
    return documents[place].articles[number - 1].text


@pytest.mark.parametrize("place", EXPECTED)
def test_counts_numbering_and_metadata(documents: dict[str, RuleDocument], place: str) -> None:
    count, chapters, doc_number, issued, repeals = EXPECTED[place]
    document = documents[place]
    assert [a.number for a in document.articles] == list(range(1, count + 1))
    assert len(document.chapters) == chapters
    assert [number for number, _ in document.chapters] == list(range(1, chapters + 1))
    assert document.title == f"{place}人民政府工作规则"
    assert (document.doc_number, document.issue_date, document.repeals) == (doc_number, issued, repeals)
    assert all(a.text and a.chapter_number for a in document.articles)


def test_jurisdiction_metadata(documents: dict[str, RuleDocument]) -> None:
    county = documents["庄浪县"].jurisdiction
    assert (county.level, county.province, county.parent) == ("县", "甘肃省", "平凉市")
    assert documents["攀枝花市"].jurisdiction.province == "四川省"


def test_known_articles_word_for_word(documents: dict[str, RuleDocument]) -> None:
    assert article(documents, "平凉市", 13) == "市长外出期间，受市长委托，由负责常务工作的副市长主持政府工作。"
    assert article(documents, "攀枝花市", 81) == (
        "加强值班值守，除双休日外的法定节假日，市政府领导轮流在岗带班，负责处理紧急事务，带班期间保证联络畅通，"
        "如遇重特大突发事件，按市政府重特大突发事件处置相关规定执行。")
    assert article(documents, "庄浪县", 1) == (
        "根据《中华人民共和国宪法》《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》等法律法规和有关规定，"
        "参照《国务院工作规则》《甘肃省人民政府工作规则》《平凉市人民政府工作规则》，结合本县实际，制定本规则。")
    assert article(documents, "攀枝花市", 3) == "市政府工作的准则是，执政为民，依法行政，实事求是，民主公开，务实清廉，规范高效。"


def test_page_breaks_are_joined(documents: dict[str, RuleDocument]) -> None:
    assert "文旅康养基地和国家生态文明建设示范区" in article(documents, "平凉市", 2)
    assert "健全基本公共服务体系" in article(documents, "平凉市", 19)
    assert "党和国家的路线方针政策" in article(documents, "平凉市", 76)
    assert "应当符合《党政机关公文处理工作条例》的规定，严格遵循行文规则和程序" in article(documents, "庄浪县", 59)


def test_enumerated_items_stay_in_their_article(documents: dict[str, RuleDocument]) -> None:
    text = article(documents, "平凉市", 53)
    paragraphs = text.split("\n")
    assert paragraphs[0].startswith("市政府常务会议由市长、副市长、秘书长组成")
    assert "（五）讨论地方性法规草案，审议政府规章草案；" in paragraphs
    assert "（九）通报和讨论其他重要事项。" in paragraphs
    assert any(p.startswith("市政府常务会议每月召开2次，如有需要可随时召开") for p in paragraphs)
    assert "- (" not in text
    zhangye = article(documents, "张掖市", 40)
    assert "（一）研究讨论向省政府、市委报告请示的重要事项；" in zhangye.split("\n")


def test_stray_spaces_removed_but_text_kept(documents: dict[str, RuleDocument]) -> None:
    for place, document in documents.items():
        for item in document.articles:
            assert " " not in item.text and "\u00a0" not in item.text, (place, item.number)
    assert "县政府常务会议议题须提前7日申报" in article(documents, "庄浪县", 50)


def test_notice_chrome_and_footer_are_not_article_text(documents: dict[str, RuleDocument]) -> None:
    everything = "\n".join(a.text for d in documents.values() for a in d.articles)
    for noise in ("索引号", "浏览次数", "分享：", "扫一扫", "抄送：", "公开属性", "共印", "现将", "请遵照执行",
                  "- 18 -", "此件公开发布", "背景色", "印发给你们"):
        assert noise not in everything, noise
    assert article(documents, "平凉市", 100).endswith("同时废止。")
    assert article(documents, "忻州市", 48).endswith("停止执行。")
    assert article(documents, "攀枝花市", 84).endswith("市政府派出机构、直属事业单位适用本规则。")


def test_chapter_titles(documents: dict[str, RuleDocument]) -> None:
    assert documents["平凉市"].chapters[0] == (1, "总则")
    assert documents["庄浪县"].chapters[-1] == (14, "附则")
    assert documents["平凉市"].articles[52].chapter_title == "会议制度"
