"""Every malformed input is rejected with a Chinese message naming the file, and the store is untouched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from documents import tiao_style_rules, write_pdf

from assistant.cli import main
from assistant.config import Config
from assistant.store import RuleStore


def _text(content: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_text(content, encoding="utf-8")
        return path
    return make


def _bytes(content: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(content)
        return path
    return make


def _scanned_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 200, 200, fill=1)
    pdf.save()
    return path


CASES = {
    "empty.txt": (_text(""), "文件为空"),
    "blank.txt": (_text(" \n\n\t \n"), "文件为空"),
    "binary.txt": (_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), "二进制"),
    "latin.txt": (_bytes("第一条 施行".encode("utf-8") + b"\xff\xfe\xff"), "无法识别文件编码"),
    "minutes.txt": (_text("会议纪要\n今天开会研究了三件事，没有条文。"), "未找到任何条文"),
    "gap.txt": (_text(tiao_style_rules(6, skip=3)), "缺少第三条"),
    "duplicate.txt": (_text(tiao_style_rules(6, repeat=2)), "第二条出现了两次"),
    "gap-enumerated.txt": (_text("测试市人民政府工作规则\n一、总则。\n二、职责。\n四、会议。\n五、施行。"), "缺少第三条"),
    "empty-article.txt": (_text("测试市人民政府工作规则\n第一条\n第二条 施行。"), "第一条没有正文"),
    "nowhere.txt": (_text("工作规则\n第一条 总则。\n第二条 施行。"), "无法从文件中识别所属地区"),
    "corrupt.docx": (_bytes(b"PK\x03\x04 this is not really a word file" * 10), "docx 文件已损坏"),
    "corrupt.pdf": (_bytes(b"%PDF-1.4\n garbage without objects \n%%EOF"), "PDF 文件已损坏"),
    "encrypted.pdf": (lambda path: write_pdf(path, tiao_style_rules(3), password="secret"), "PDF 已加密"),
    "scanned.pdf": (_scanned_pdf, "没有文字层"),
    "sheet.xlsx": (_bytes(b"PK\x03\x04"), "不支持的文件类型"),
    "encrypted.docx": (_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096), "若已加密，请先解除密码"),
    "huge.txt": (_text("第一条 施行。\n" * 1_600_000), "文件过大"),
}


def _snapshot(config: Config) -> tuple[str, int, list[str]]:
    store = RuleStore.open(config)
    builds = sorted(p.name for p in (config.store_path / "builds").iterdir())
    return (config.store_path / "CURRENT").read_text(), len(store.articles()), builds


@pytest.mark.parametrize("name", CASES)
def test_rejected_with_message_and_store_untouched(name: str, writable_store: Config, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    make, problem = CASES[name]
    path = make(tmp_path / name)
    monkeypatch.setenv("ASSISTANT_STORE_DIR", str(writable_store.store_path))
    before = _snapshot(writable_store)
    assert main(["index", "add", str(path)]) == 2
    error = capsys.readouterr().err
    assert f"无法导入文件 {name}" in error or "不支持的文件类型" in error
    assert problem in error
    assert "Traceback" not in error
    assert _snapshot(writable_store) == before
