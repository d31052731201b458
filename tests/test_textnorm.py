import pytest

from assistant.textnorm import ends_sentence, normalize_line


@pytest.mark.parametrize(("raw", "clean"), [
    ("地 方各级人民政府", "地方各级人民政府"),
    ("市政府常务会议每月召开 2 次", "市政府常务会议每月召开2次"),
    ("第一章 \u00a0总 \u00a0则", "第一章总则"),
    ("- (五) 讨论地方性法规草案；", "（五）讨论地方性法规草案；"),
    ("(一)传达贯彻省委、省政府的指示,决定;", "（一）传达贯彻省委、省政府的指示，决定；"),
    ("各县(区)人民政府", "各县（区）人民政府"),
    ("庄政发〔2021〕 76 号", "庄政发〔2021〕76号"),
    ("  • 分享:", "分享："),
    ("使用 Microsoft Word 编辑", "使用Microsoft Word编辑"),
    ("时间 15:08", "时间15:08"),
    ("ＡＢ角制度，第２条", "AB角制度，第2条"),
])
def test_normalize_line(raw: str, clean: str) -> None:
    assert normalize_line(raw) == clean


def test_latin_spaces_are_kept() -> None:
    assert normalize_line("the State Council rules") == "the State Council rules"


@pytest.mark.parametrize(("text", "ends"), [
    ("执政为民，依法行政，实事求", False), ("务实清廉。", True), ("主要任务是：", True),
    ("（平政发〔2021〕18号）", False), ("“放管服”改革。”", True), ("决定；", True),
])
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends
