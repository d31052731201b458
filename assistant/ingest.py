"""Ingestion: rule files → parsed, validated documents → a new store generation.

Every document is parsed and validated before anything is written, so a bad file leaves the
store exactly as it was.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from pathlib import Path

from .config import Config
from .embedders import make_embedder
from .errors import AssistantError, DocumentError
from .models import RuleDocument
from .parser import DocumentHints, parse_text
from .readers import read_document
from .generations import generations
from .store import RuleStore, write_document

Progress = Callable[[Iterable[RuleDocument]], Iterable[RuleDocument]]


def load_document(path: Path, hints: DocumentHints | None = None) -> RuleDocument:
    """Read, parse and validate one rule file."""
    text, raw = read_document(path)
    document = parse_text(text, path, hints)
    return replace(document, content_sha256=hashlib.sha256(raw).hexdigest())


def manifest_entries(config: Config) -> list[tuple[Path, DocumentHints]]:
    """The bundled documents listed in index/manifest.toml, with their metadata hints."""
    try:
        manifest = tomllib.loads(config.manifest_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise AssistantError(f"无法读取知识库清单 {config.manifest_path}：{exc}") from exc
    known = {field.name for field in fields(DocumentHints)}
    entries = []
    for number, entry in enumerate(manifest.get("documents", []), start=1):
        if "file" not in entry:
            raise AssistantError(f"知识库清单 {config.manifest_path} 第 {number} 个文件缺少 file 字段")
        hints = DocumentHints(**{key: str(value) for key, value in entry.items() if key in known})
        entries.append((config.index_dir / entry["file"], hints))
    return entries


def build_index(config: Config, progress: Progress = iter) -> list[RuleDocument]:
    """Rebuild the store from the manifest's documents, atomically."""
    documents = [load_document(path, hints) for path, hints in manifest_entries(config)]
    _check_unique(documents)
    embedder = make_embedder(config.embedder)
    with generations(config).new(copy_live=False, embedder_spec=config.embedder) as collection:
        for document in progress(documents):
            write_document(collection, document, embedder)
    return documents


def add_document(config: Config, path: Path, hints: DocumentHints | None = None) -> tuple[RuleDocument, bool]:
    """Add (or replace) one document in the store; returns the document and whether it replaced one."""
    if config.ingest_dir is not None and not path.resolve().is_relative_to(config.ingest_dir.resolve()):
        raise DocumentError(path, f"只允许导入 {config.ingest_dir} 目录中的文件")
    document = load_document(path, hints)
    store = RuleStore.open(config)
    same = store.collection.get(where={"content_sha256": document.content_sha256}, limit=1)["metadatas"]
    if same and same[0]["doc_id"] != document.doc_id:
        raise DocumentError(path, f"与已收录的《{same[0]['document']}》（{same[0]['jurisdiction']}）内容相同，未重复导入")
    if store.embedder_spec and store.embedder_spec != config.embedder:
        raise AssistantError(
            f"知识库是用向量模型“{store.embedder_spec}”建立的，当前配置为“{config.embedder}”。"
            "请先用当前配置重建：python -m assistant index build")
    replaced = bool(store.collection.get(where={"doc_id": document.doc_id}, limit=1)["ids"])
    embedder = make_embedder(config.embedder)
    with generations(config).new(copy_live=True, embedder_spec=config.embedder) as collection:
        write_document(collection, document, embedder)
    return document, replaced


def _check_unique(documents: list[RuleDocument]) -> None:
    seen: dict[str, RuleDocument] = {}
    for document in documents:
        earlier = seen.setdefault(document.doc_id, document)
        if earlier is not document:
            raise DocumentError(document.source, f"与 {Path(earlier.source).name} 是同一份文件（同一地区、同一文号）")
