"""Read rule documents (.txt in UTF-8 or GB18030, .docx, .html, .pdf) into plain text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .errors import DocumentError

MAX_FILE_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".docx", ".html", ".htm", ".pdf")
_TEXT_ENCODINGS = ("utf-8", "gb18030")


def read_document(path: Path) -> tuple[str, bytes]:
    """Return (text, raw bytes) of a rule document, or raise DocumentError naming the problem."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(path, f"不支持的文件类型“{suffix or '无扩展名'}”，请使用 txt、docx、html 或 pdf")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"读取文件失败（{exc.strerror or exc}）") from exc
    if not raw.strip():
        raise DocumentError(path, "文件为空")
    if len(raw) > MAX_FILE_BYTES:
        raise DocumentError(path, f"文件过大（{len(raw) // 1024 // 1024} MB），上限为 {MAX_FILE_BYTES // 1024 // 1024} MB")
    reader = {".txt": decode_text, ".docx": _docx_text, ".html": _html_text,
              ".htm": _html_text, ".pdf": _pdf_text}[suffix]
    text = reader(raw, path)
    if not text.strip():
        raise DocumentError(path, "文件中没有可读取的文字")
    return text, raw


def decode_text(raw: bytes, path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw:
        raise DocumentError(path, "文件是二进制内容，不是文本文件")
    for encoding in _TEXT_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.removeprefix("\ufeff")
    raise DocumentError(path, "无法识别文件编码（支持 UTF-8 和 GB18030/GBK），请另存为 UTF-8 后重试")


def _docx_text(raw: bytes, path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
        lines = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.extend(cell.text for cell in row.cells)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        # lxml's XMLSyntaxError (broken XML inside the package) is a SyntaxError
        raise DocumentError(path, "docx 文件已损坏或不是有效的 Word 文档（若已加密，请先解除密码）") from exc
    return "\n".join(lines)


def _html_text(raw: bytes, path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    for element in soup(["script", "style", "noscript", "nav", "footer", "form"]):
        element.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    return soup.get_text("\n")


def _pdf_text(raw: bytes, path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise DocumentError(path, "PDF 已加密，请先解除密码后再导入")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(path, "PDF 文件已损坏，无法读取") from exc
    if not any(page.strip() for page in pages):
        raise DocumentError(path, "PDF 中没有文字层（可能是扫描件），请先做文字识别（OCR）")
    return "\n\n".join(pages)
